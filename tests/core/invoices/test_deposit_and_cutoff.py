"""The deposit asked for, and whether an invoice misses the customer's monthly cut-off."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.customers.terms import BillingCycle, misses_cutoff
from diva_desk.core.invoices.totals import deposit_for


@pytest.mark.parametrize(
    "total, percent, deposit",
    [
        ("1242.98", "50", "621.49"),
        ("100.01", "50", "50.01"),  # 50.005 rounds half-up
        ("999.99", "33.3333", "333.33"),
        ("500.00", "0", "0.00"),
        ("500.00", "100", "500.00"),
    ],
)
def test_deposit_is_a_percentage_of_the_total_rounded_half_up(total, percent, deposit) -> None:
    assert deposit_for(Decimal(total), Decimal(percent), "CAD") == Decimal(deposit)


def test_the_cutoff_day_itself_is_in_time() -> None:
    cycle = BillingCycle(cutoff_day=25)
    assert not misses_cutoff(dt.date(2026, 11, 25), cycle)
    assert misses_cutoff(dt.date(2026, 11, 26), cycle)


def test_a_31st_cutoff_is_the_month_end_and_no_cutoff_never_misses() -> None:
    month_end = BillingCycle(cutoff_day=31)
    assert not misses_cutoff(dt.date(2026, 2, 28), month_end)
    assert not misses_cutoff(dt.date(2026, 11, 30), BillingCycle())
