"""The customer form's rules: every problem named, beside its field, and good input read right."""

from __future__ import annotations

from decimal import Decimal

import pytest

from diva_desk.core.customers.customer_rules import (
    CustomerInput,
    check_customer_input,
    customer_problems,
    email_problem,
    input_from_customer,
    read_payment_run_days,
)
from diva_desk.core.records import Customer, PaymentMethod

GOOD = CustomerInput(
    code="ACME",
    name="Acme Ltd.",
    contact_name="Pat Jones",
    email="pat@acme.example.com",
    currency="CAD",
    terms_days="45",
    ap_contact_name="Lee Chan",
    ap_email="ap@acme.example.com",
    invoice_cutoff_day="20",
    payment_run_days="15, last",
    deposit_percent="12.5 %",
    preferred_payment_method="e-transfer",
    notes="  Call before noon  ",
)


def test_good_input_reads_into_a_record() -> None:
    check = check_customer_input(GOOD)
    assert check.ok
    customer = check.customer
    assert customer is not None
    assert customer.terms_days == 45
    assert customer.invoice_cutoff_day == 20
    assert customer.payment_run_days == (15, 31)
    assert customer.deposit_percent == Decimal("12.5")
    assert customer.preferred_payment_method is PaymentMethod.E_TRANSFER
    assert customer.notes == "Call before noon"


def test_empty_optional_numbers_follow_the_business_defaults() -> None:
    check = check_customer_input(CustomerInput(code="B", name="Beta"))
    assert check.customer == Customer(code="B", name="Beta")
    assert check.customer.terms_days is None
    assert check.customer.invoice_cutoff_day is None
    assert check.customer.deposit_percent == 0


@pytest.mark.parametrize(
    ("field", "typed", "words"),
    [
        ("email", "pat@", "Email"),
        ("email", "pat at acme.com", "Email"),
        ("ap_email", "ap@acme", "Accounts payable email"),
        ("invoice_cutoff_day", "32", "cut-off day"),
        ("invoice_cutoff_day", "0", "cut-off day"),
        ("invoice_cutoff_day", "twenty", "cut-off day"),
        ("payment_run_days", "15, 40", "Payment-run days"),
        ("deposit_percent", "120", "Deposit"),
        ("deposit_percent", "-5", "Deposit"),
        ("deposit_percent", "half", "Deposit"),
        ("terms_days", "-1", "Payment terms"),
        ("code", "  ", "Code"),
        ("name", "", "Name"),
    ],
)
def test_each_bad_field_gets_a_message_naming_it(field: str, typed: str, words: str) -> None:
    check = check_customer_input(_with(**{field: typed}))
    assert not check.ok
    assert check.customer is None
    assert set(check.problems) == {field}
    assert words.casefold() in check.problems[field].casefold()


def test_all_problems_are_reported_at_once() -> None:
    check = check_customer_input(
        _with(email="nope", invoice_cutoff_day="32", deposit_percent="120", name="")
    )
    assert set(check.problems) == {"email", "invoice_cutoff_day", "deposit_percent", "name"}


def test_a_taken_code_is_refused_naming_the_code_as_stored() -> None:
    stored = {"harbour": "HARBOUR"}
    check = check_customer_input(
        _with(code="harbour"), code_in_use=lambda code: stored.get(code.casefold())
    )
    assert check.problems == {"code": "Code: another customer already has the code HARBOUR."}


@pytest.mark.parametrize("code", ["ACME", "a", "acme-2", "ACME_CO", "J.SMITH", "CAFÉ", "X" * 20])
def test_codes_of_the_right_shape_are_accepted(code: str) -> None:
    assert check_customer_input(_with(code=code)).ok


@pytest.mark.parametrize("code", ["ACME CO", "X" * 21, "A/B", "50%", "A,B", "tab\tbed"])
def test_codes_with_spaces_symbols_or_too_long_are_refused(code: str) -> None:
    check = check_customer_input(_with(code=code))
    assert set(check.problems) == {"code"}
    assert "without spaces" in check.problems["code"]
    assert "20" in check.problems["code"]


def test_a_code_the_customer_already_has_is_kept_whatever_its_shape() -> None:
    # A book imported from elsewhere may hold "ACME CO": editing the customer's notes
    # must not force a new code on them.
    assert check_customer_input(_with(code="ACME CO"), kept_code="ACME CO").ok
    assert not check_customer_input(_with(code="ACME CO2"), kept_code="ACME CO").ok


def test_too_many_deposit_decimals_say_so() -> None:
    check = check_customer_input(_with(deposit_percent="12.34567"))
    assert check.problems == {"deposit_percent": "Deposit: use at most 4 decimals, e.g. 12.5."}
    assert check_customer_input(_with(deposit_percent="12.3456")).ok


def test_payment_run_days_are_read_leniently() -> None:
    assert read_payment_run_days("") == ()
    assert read_payment_run_days("31 15 15") == (15, 31)
    assert read_payment_run_days("1st and 15th") == (1, 15)
    assert read_payment_run_days("15; end") == (15, 31)
    with pytest.raises(ValueError, match="Payment-run days"):
        read_payment_run_days("15, 0")


def test_french_decimal_comma_in_deposit() -> None:
    assert check_customer_input(_with(deposit_percent="12,5")).customer.deposit_percent == Decimal(
        "12.5"
    )


def test_email_shape_only() -> None:
    assert email_problem("") is None
    assert email_problem("lou@beta.ca") is None
    assert email_problem("lou@beta") is not None
    assert email_problem("lou@@beta.ca") is not None


def test_typed_record_out_of_range_is_named() -> None:
    bad = Customer(code="X", name="X", invoice_cutoff_day=32, deposit_percent=Decimal(101))
    assert set(customer_problems(bad)) == {"invoice_cutoff_day", "deposit_percent"}
    assert "currency" in customer_problems(Customer(code="X", name="X", currency="XX"))


def test_form_text_round_trips() -> None:
    customer = check_customer_input(GOOD).customer
    assert customer is not None
    again = check_customer_input(input_from_customer(customer)).customer
    assert again == customer
    assert input_from_customer(customer).payment_run_days == "15, 31"
    assert input_from_customer(customer).deposit_percent == "12.5"


def _with(**changes: str) -> CustomerInput:
    from dataclasses import replace

    return replace(GOOD, **changes)
