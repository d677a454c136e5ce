"""Text at the edges: control characters dropped, every printable field held to a limit
with a sentence naming the field. The forms go through these same rules."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import fields

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diva_desk.core.business_rules import BusinessInput, check_business, check_tax_rates
from diva_desk.core.customers.customer_rules import CustomerInput, check_customer_input
from diva_desk.core.plain_text import clean_line, clean_lines
from diva_desk.core.records import InvoiceLine
from diva_desk.core.text_limits import LIMITS, invoice_text_problem

#: 1,000 cases and more with DIVA_DESK_FUZZ=1; a quick sample in the everyday suite.
FUZZ = os.environ.get("DIVA_DESK_FUZZ") == "1"
EXAMPLES = 1000 if FUZZ else 100


def no_controls(text: str, *, lines: bool) -> bool:
    allowed = "\t\n\r" if lines else ""
    return not any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


def test_control_characters_go_and_line_breaks_stay_only_where_lines_are_allowed():
    assert clean_lines("A\x07B\x1b[0m\x00\nC\tD\x7f\x85") == "AB[0m\nC\tD"
    assert clean_line("A\x07B\nC\tD\r\nE") == "AB C D E"


def test_the_issue_s_lowest_limits_are_met():
    assert LIMITS["description"].chars >= 5000 and LIMITS["description"].lines >= 100
    assert LIMITS["address"].lines >= 12
    assert LIMITS["payment_instructions"].chars >= 2000
    assert LIMITS["name"].chars >= 200
    assert LIMITS["po_number"].chars >= 100
    assert LIMITS["tax_name"].chars >= 40


def test_a_customer_name_too_long_is_refused_naming_the_field():
    check = check_customer_input(CustomerInput(code="ACME", name="N" * 201))
    assert check.customer is None
    assert check.problems["name"] == "Name: at most 200 characters (this has 201)."
    fits = check_customer_input(CustomerInput(code="ACME", name="N" * 200))
    assert fits.ok


def test_an_address_of_too_many_lines_is_refused_and_twelve_are_fine():
    twelve = "\n".join(["Street"] * 12)
    assert check_customer_input(CustomerInput(code="A", name="A", address=twelve)).ok
    many = "\n".join(["Street"] * 51)
    check = check_customer_input(CustomerInput(code="A", name="A", address=many))
    assert check.problems["address"] == "Address: at most 20 lines (this has 51)."


def test_a_customer_typed_with_control_characters_is_saved_without_them():
    check = check_customer_input(
        CustomerInput(code="ACME", name="Ac\x07me\x1b", address="1 Bay\x00\nToronto")
    )
    assert check.customer is not None
    assert (check.customer.name, check.customer.address) == ("Acme", "1 Bay\nToronto")


def test_business_profile_limits_name_the_field():
    entry = BusinessInput(name="B" * 668, payment_instructions="P" * 4001)
    problems = check_business(entry, lambda _prefix: None).problems
    assert problems["name"] == "Business name: at most 200 characters (this has 668)."
    assert problems["payment_instructions"].startswith("Payment instructions: at most 4,000")
    ok = check_business(
        BusinessInput(name="B\x07", payment_instructions="P" * 2000), lambda _: None
    )
    assert ok.business is not None and ok.business.name == "B"


def test_a_tax_name_too_long_is_refused_by_row():
    check = check_tax_rates([("HST", "13"), ("T" * 307, "5")])
    assert check.problems == {1: "Row 2: tax name: at most 60 characters (this has 307)."}
    assert check_tax_rates([("G\x07ST", "5")]).rates == [("GST", 5)]


def test_invoice_texts_name_the_field_and_line():
    lines = (InvoiceLine("ok"), InvoiceLine("x\n" * 200))
    assert invoice_text_problem("", "", lines) == (
        "Line 2: description: at most 200 lines (this has 201)."
    )
    assert invoice_text_problem("P" * 833, "", ()) == (
        "PO number: at most 100 characters (this has 833)."
    )


_TEXT_FIELDS = [f.name for f in fields(CustomerInput) if f.name in LIMITS or f.name in ("notes",)]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.fixed_dictionaries(
        {
            name: st.one_of(st.text(max_size=30), st.text(min_size=190, max_size=260))
            for name in [f.name for f in fields(CustomerInput) if f.type == "str"]
        }
    )
)
def test_any_typed_customer_is_read_or_refused_field_by_field(values):
    check = check_customer_input(CustomerInput(**values))
    if check.customer is None:
        assert check.problems
        assert all(message.strip() for message in check.problems.values())
        return
    for name in _TEXT_FIELDS:
        value = getattr(check.customer, name)
        limit = LIMITS[name]
        assert no_controls(value, lines=limit.lines > 1), name
        assert len(value) <= limit.chars and value.count("\n") < limit.lines, name


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.fixed_dictionaries(
        {name: st.one_of(st.text(max_size=30), st.text(min_size=190, max_size=260))
         for name in ("name", "owner_name", "address", "email", "phone", "tax_numbers",
                      "payment_instructions", "default_terms_days", "invoice_prefix",
                      "next_invoice_number", "currency", "locale")}
    )
)  # fmt: skip
def test_any_typed_business_profile_is_read_or_refused_field_by_field(values):
    check = check_business(BusinessInput(**values), lambda _prefix: None)
    if check.business is None:
        assert check.problems and all(m.strip() for m in check.problems.values())
        return
    for name in ("name", "owner_name", "address", "email", "phone", "tax_numbers"):
        value = getattr(check.business, name)
        assert no_controls(value, lines=LIMITS[name].lines > 1), name
        assert len(value) <= LIMITS[name].chars, name


@settings(max_examples=EXAMPLES, deadline=None)
@given(rows=st.lists(st.tuples(st.text(max_size=80), st.text(max_size=8)), max_size=4))
def test_any_typed_tax_rates_are_read_or_refused_by_row(rows):
    check = check_tax_rates(rows)
    for name, _rate in check.rates:
        assert no_controls(name, lines=False) and len(name) <= LIMITS["tax_name"].chars
    assert all(message.startswith("Row ") for message in check.problems.values())
