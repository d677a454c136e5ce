"""Each currency's own minor units: cents for CAD, USD and EUR, none for JPY (CLDR)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel.numbers import get_currency_precision

from diva_desk.core.business_rules import BusinessInput, check_business
from diva_desk.core.calls.plans import check_custom_installments, split_into_installments
from diva_desk.core.currencies import BOOK_CURRENCIES, can_hold, currency_problem, minor_places
from diva_desk.core.customers.customer_rules import CustomerInput, check_customer_input
from diva_desk.core.invoices.totals import deposit_for, invoice_totals, line_net
from diva_desk.core.money import (
    BadAmount,
    fits_currency,
    from_minor,
    money_text,
    price_text,
    round_money,
    to_minor,
)
from diva_desk.core.records import Installment, InvoiceLine

D = Decimal


@pytest.mark.parametrize(
    ("raw", "currency", "rounded"),
    [
        ("999.99", "JPY", "1000"),
        ("0.5", "JPY", "1"),  # half-up, not half-even (which gives 0)
        ("2.5", "JPY", "3"),
        ("1000.49", "JPY", "1000"),
        ("-0.4", "JPY", "0"),  # never minus zero
        ("0.005", "CAD", "0.01"),
        ("2.675", "USD", "2.68"),
        ("0.025", "EUR", "0.03"),
        ("7", "EUR", "7.00"),
    ],
)
def test_round_money_is_half_up_to_the_currencys_unit(raw: str, currency: str, rounded: str):
    assert str(round_money(D(raw), currency)) == rounded


def test_minor_units_come_from_cldr() -> None:
    for code in ("CAD", "USD", "EUR", "JPY"):
        assert minor_places(code) == get_currency_precision(code)
    assert (minor_places("CAD"), minor_places("JPY")) == (2, 0)


@pytest.mark.parametrize(
    ("amount", "currency", "units"),
    [("1000", "JPY", 1000), ("10.00", "CAD", 1000), ("4520.05", "USD", 452005), ("0", "JPY", 0)],
)
def test_minor_units_round_trip(amount: str, currency: str, units: int) -> None:
    assert to_minor(D(amount), currency) == units
    assert from_minor(units, currency) == D(amount)
    assert money_text(from_minor(units, currency), currency) == str(from_minor(units, currency))


def test_an_amount_with_more_decimals_than_its_currency_is_refused() -> None:
    assert not fits_currency(D("100.50"), "JPY")
    assert fits_currency(D("100.00"), "JPY")  # trailing zeros are no decimals
    with pytest.raises(BadAmount, match="JPY"):
        to_minor(D("100.50"), "JPY")
    with pytest.raises(BadAmount):
        to_minor(D("1.005"), "CAD")


def test_money_text_has_exactly_the_currencys_decimals() -> None:
    assert money_text(D("1000"), "JPY") == "1000"
    assert money_text(D("999.99"), "JPY") == "1000"
    assert money_text(D("4520"), "USD") == "4520.00"


def test_unit_prices_keep_four_decimals_and_at_least_the_currencys() -> None:
    assert price_text(D("120"), "CAD") == "120.00"
    assert price_text(D("12.3456"), "CAD") == "12.3456"
    assert price_text(D("120"), "JPY") == "120"
    assert price_text(D("333.33"), "JPY") == "333.33"


def test_a_yen_line_is_rounded_to_whole_yen() -> None:
    line = InvoiceLine("Consulting", D(3), D("333.33"))
    assert line_net(line, "JPY") == D("1000")
    assert line_net(line, "CAD") == D("999.99")
    totals = invoice_totals([line], "JPY")
    assert (totals.net, totals.total) == (D("1000"), D("1000"))


def test_tax_is_summed_per_name_and_rounded_once_to_whole_yen() -> None:
    # Three lines of 101 yen at 10 %: 10.1 each, 30.3 summed, 30 once rounded (not 3 x 10).
    lines = [InvoiceLine("Item", D(1), D(101), "JCT", D(10))] * 3
    totals = invoice_totals(lines, "JPY")
    assert [(t.name, t.amount) for t in totals.taxes] == [("JCT", D(30))]
    assert totals.total == D(333)


def test_a_deposit_is_rounded_to_the_currencys_unit() -> None:
    assert deposit_for(D("1001"), D(25), "JPY") == D(250)  # 250.25 -> 250
    assert deposit_for(D("1002"), D(25), "JPY") == D(251)  # 250.5 -> 251
    assert deposit_for(D("1001.00"), D(25), "CAD") == D("250.25")


def test_yen_plans_split_into_whole_yen() -> None:
    plan = split_into_installments(D(1000), 3, dt.date(2026, 12, 1), "monthly", "JPY")
    assert [i.amount for i in plan] == [D(333), D(333), D(334)]
    typed = [
        Installment(dt.date(2026, 12, 1), D("500.50")),
        Installment(dt.date(2027, 1, 1), D(500)),
    ]
    problem = check_custom_installments(D("1000.50"), typed, "JPY")
    assert problem is not None and "Installment 1" in problem and "JPY" in problem


@pytest.mark.parametrize("code", ["KWD", "BHD", "JOD", "TND"])
def test_three_decimal_currencies_are_refused_with_a_sentence(code: str) -> None:
    assert minor_places(code) == 3
    assert not can_hold(code)
    problem = currency_problem(code)
    assert problem is not None and code in problem and problem.endswith(".")


def test_unknown_codes_are_refused_and_every_listed_currency_can_be_held() -> None:
    assert currency_problem("XYZ") is not None
    assert all(can_hold(code) for code in BOOK_CURRENCIES)
    assert "JPY" in BOOK_CURRENCIES


def test_the_forms_refuse_a_currency_the_book_cannot_hold() -> None:
    customer = check_customer_input(CustomerInput(code="KW", name="Kuwait Co", currency="KWD"))
    assert "KWD" in customer.problems["currency"]
    assert customer.problems["currency"].startswith("Currency:")
    business = check_business(BusinessInput(name="Studio", currency="BHD"), lambda _prefix: None)
    assert "BHD" in business.problems["currency"]


def test_an_empty_currency_in_the_customer_form_is_the_businesss() -> None:
    check = check_customer_input(
        CustomerInput(code="TOKYO", name="Tokyo KK", currency=""), default_currency="JPY"
    )
    assert check.customer is not None and check.customer.currency == "JPY"
