"""Checking the business profile and tax rates as typed, before anything is saved."""

from __future__ import annotations

from decimal import Decimal

import pytest

from diva_desk.core.business_rules import (
    BusinessInput,
    check_business,
    check_tax_rates,
    read_rate,
)


def no_invoices(_prefix: str) -> int | None:
    return None


def used_up_to_1005(prefix: str) -> int | None:
    return 1005 if prefix == "INV-" else None


def test_a_good_profile_reads_with_its_text_trimmed() -> None:
    entry = BusinessInput(
        name="  Bright Spark Electrical ",
        address="12 King St W  \nToronto ON\n\n",
        email=" sam@brightspark.ca ",
        currency="cad",
        locale="fr_CA",
        default_terms_days="14",
        invoice_prefix="BSE-",
        next_invoice_number="42",
    )
    result = check_business(entry, no_invoices)
    assert result.ok and result.business is not None
    assert result.business.name == "Bright Spark Electrical"
    assert result.business.address == "12 King St W\nToronto ON"
    assert result.business.email == "sam@brightspark.ca"
    assert result.business.currency == "CAD"
    assert (result.business.default_terms_days, result.business.next_invoice_number) == (14, 42)


def test_every_problem_is_named_by_its_field() -> None:
    entry = BusinessInput(
        name=" ",
        email="sam at brightspark",
        currency="XYZ",
        locale="zz_QQ",
        default_terms_days="999",
        invoice_prefix="INV-1",
        next_invoice_number="0",
    )
    problems = check_business(entry, no_invoices).problems
    assert set(problems) == {
        "name",
        "email",
        "currency",
        "locale",
        "default_terms_days",
        "invoice_prefix",
        "next_invoice_number",
    }
    assert problems["email"].startswith("Email:")
    assert "end it with a letter" in problems["invoice_prefix"]


@pytest.mark.parametrize(("typed", "ok"), [("1005", False), ("12", False), ("1006", True)])
def test_the_next_number_never_goes_back_to_one_used(typed: str, ok: bool) -> None:
    entry = BusinessInput(name="Bright Spark", next_invoice_number=typed)
    result = check_business(entry, used_up_to_1005)
    assert result.ok is ok
    if not ok:
        assert result.problems["next_invoice_number"] == (
            "Next invoice number: INV-1005 is already on an invoice, so the next one "
            "must be 1006 or more."
        )


def test_a_new_prefix_starts_its_own_count() -> None:
    entry = BusinessInput(name="Bright Spark", invoice_prefix="2027-", next_invoice_number="1")
    assert check_business(entry, used_up_to_1005).ok


def test_tax_rates_read_as_decimals_in_order() -> None:
    result = check_tax_rates([("HST", "13"), ("QST", "9,975"), ("PST", "7 %"), ("", "0"), ("", "")])
    assert result.ok
    assert result.rates == [
        ("HST", Decimal("13")),
        ("QST", Decimal("9.975")),
        ("PST", Decimal("7")),
        ("", Decimal("0")),
    ]


def test_tax_rate_problems_name_their_row() -> None:
    result = check_tax_rates(
        [
            ("HST", "13"),
            ("GST", "abc"),
            ("", "5"),
            ("hst", "13.0"),
            ("Luxury", "100"),
            ("QST", "9.97512"),
            ("PST", ""),
        ]
    )
    assert result.problems == {
        1: "Row 2: enter the rate in percent, e.g. 13 or 9.975.",
        2: "Row 3: give the tax a name, e.g. HST.",
        3: "Row 4: the same tax and rate as row 1.",
        4: "Row 5: enter a rate of at least 0 and below 100 %.",
        5: "Row 6: a rate has at most 4 decimals, e.g. 9.975.",
        6: "Row 7: enter the rate in percent, e.g. 13 or 9.975.",
    }


def test_a_rate_is_never_a_float() -> None:
    rate = read_rate("9.975")
    assert isinstance(rate, Decimal) and str(rate) == "9.975"
