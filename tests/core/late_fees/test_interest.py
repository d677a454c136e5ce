"""The late-interest rule: simple, per day, rate × 12 / 365, on each day's overdue balance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from diva_desk.core.late_fees.interest import LateInvoice, interest_charge
from diva_desk.core.late_fees.terms import (
    agreed_percent,
    charge_line,
    read_percent_per_month,
    stated_terms,
)

DAY = dt.date(2026, 12, 3)


def _charge(*invoices: LateInvoice, **kwargs):
    options = {"day": DAY, "currency": "CAD", "percent_per_month": D(2), **kwargs}
    return interest_charge(invoices, **options)


def test_the_spec_example_48_days_at_2_percent_on_4520():
    charge = _charge(LateInvoice("INV-1001", dt.date(2026, 10, 16), D("4520.00")))
    assert charge is not None
    assert charge.amount == D("142.66")  # 4520 × 0.24 × 48 / 365 = 142.658...
    assert [(i.invoice, i.days, i.balance) for i in charge.invoices] == [
        ("INV-1001", 48, D("4520.00"))
    ]


def test_days_are_the_day_minus_the_due_date():
    charge = _charge(LateInvoice("A", dt.date(2026, 12, 1), D("36500.00")))
    assert charge is not None
    # Due on the 1st, 2 days late on the 3rd: 36500 × 24 % / 365 = 24.00 a day.
    assert (charge.invoices[0].days, charge.amount) == (2, D("48.00"))


def test_not_yet_due_or_due_today_is_not_charged():
    assert _charge(LateInvoice("A", DAY, D("100.00"))) is None
    assert _charge(LateInvoice("A", DAY + dt.timedelta(days=5), D("100.00"))) is None


def test_a_leap_year_still_divides_by_365():
    # All of 2028 (366 days) late on 36,500.00 at 1 % a month: 12 % / 365 × 366 days.
    charge = interest_charge(
        [LateInvoice("A", dt.date(2027, 12, 31), D("36500.00"))],
        day=dt.date(2028, 12, 31),
        currency="CAD",
        percent_per_month=D(1),
    )
    assert charge is not None
    assert charge.invoices[0].days == 366
    assert charge.amount == D("4392.00")  # 36500 × 0.12 × 366 / 365


def test_a_part_payment_lowers_the_balance_from_its_date():
    # 10 days late: 36500 on the first 4 days (Nov 24-27), 18250 from the payment on the 28th.
    invoice = LateInvoice(
        "A", dt.date(2026, 11, 23), D("36500.00"), ((dt.date(2026, 11, 28), D("18250.00")),)
    )
    charge = _charge(invoice)
    assert charge is not None
    assert charge.amount == D("4") * D("24.00") + D("6") * D("12.00")
    assert (charge.invoices[0].days, charge.invoices[0].balance) == (10, D("18250.00"))


def test_payments_before_the_start_count_from_the_start_and_a_paid_invoice_is_not_charged():
    early = LateInvoice(
        "A", dt.date(2026, 12, 1), D("36500.00"), ((dt.date(2026, 11, 1), D("18250.00")),)
    )
    charge = _charge(early)
    assert charge is not None and charge.amount == D("24.00")
    paid = LateInvoice(
        "B", dt.date(2026, 12, 1), D("100.00"), ((dt.date(2026, 12, 2), D("100.00")),)
    )
    assert _charge(paid) is None


def test_a_charge_already_applied_starts_the_count_at_its_day():
    invoice = LateInvoice("A", dt.date(2026, 11, 1), D("36500.00"))
    charge = _charge(invoice, last_charge=dt.date(2026, 12, 1))
    assert charge is not None
    assert (charge.invoices[0].days, charge.amount) == (2, D("48.00"))
    assert _charge(invoice, last_charge=DAY) is None
    # An invoice that fell due after the last charge counts from its own due date.
    later = LateInvoice("B", dt.date(2026, 12, 2), D("36500.00"))
    assert _charge(later, last_charge=dt.date(2026, 11, 15)).amount == D("24.00")


def test_grace_days_are_a_threshold_not_a_shift():
    invoice = LateInvoice("A", dt.date(2026, 11, 23), D("36500.00"))
    assert _charge(invoice, grace_days=11) is None  # 10 days late: not yet
    charge = _charge(invoice, grace_days=10)
    assert charge is not None
    assert (charge.invoices[0].days, charge.amount) == (10, D("240.00"))  # all 10 days


def test_rate_zero_charges_nothing():
    assert (
        _charge(LateInvoice("A", dt.date(2020, 1, 1), D("1000.00")), percent_per_month=D(0)) is None
    )


def test_rounded_once_per_customer_and_the_shares_add_up():
    # Each alone is 0.005 (rounds to 0.01); together 0.015 rounds to 0.02, not 0.03.
    per_day = D("36500") * D("0.005") / D("24")  # a balance giving 0.005 for one day at 2 %
    invoices = [LateInvoice(n, DAY - dt.timedelta(days=1), per_day) for n in "ABC"]
    charge = _charge(*invoices)
    assert charge is not None
    assert charge.amount == D("0.02")
    assert sum(i.amount for i in charge.invoices) == charge.amount
    yen = interest_charge(
        [LateInvoice("Y", dt.date(2026, 11, 3), D("100000"))],
        day=DAY,
        currency="JPY",
        percent_per_month=D("1.5"),
    )
    assert yen is not None and yen.amount == D("1479")  # 100000 × 18 % × 30 / 365 = 1479.45


def test_the_customer_rate_overrides_and_zero_is_agreed_none():
    assert agreed_percent(None, D(2)) == D(2)
    assert agreed_percent(D("1.5"), D(2)) == D("1.5")
    assert agreed_percent(D(0), D(2)) == D(0)


def test_terms_state_the_yearly_rate_and_nothing_at_zero():
    assert stated_terms(D(2)) == "Interest on overdue balances: 2% a month (24% a year)."
    assert stated_terms(D("1.25")) == "Interest on overdue balances: 1.25% a month (15% a year)."
    assert stated_terms(D(0)) == ""
    assert charge_line("INV-1001", 48, D(2)) == "Interest on INV-1001, 48 days at 2% a month"
    assert charge_line("INV-1", 1, D(2)) == "Interest on INV-1, 1 day at 2% a month"


@pytest.mark.parametrize("text", ["5.01", "-1", "abc", "1.23456"])
def test_a_typed_rate_outside_0_to_5_is_refused(text: str):
    with pytest.raises(ValueError, match="from 0 to 5"):
        read_percent_per_month(text, empty=None)


def test_a_typed_rate_reads_french_commas_and_empty():
    assert read_percent_per_month("1,5 %", empty=None) == D("1.5")
    assert read_percent_per_month(" ", empty=None) is None
    assert read_percent_per_month("", empty=D(0)) == D(0)
