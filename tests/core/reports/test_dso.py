"""DSO by count-back, worked by hand, and the month periods it walks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diva_desk.core.reports.dso import (
    SalesPeriod,
    count_back_dso,
    latest_month_end,
    month_starts,
    months_back,
    period_ends,
)

D = Decimal


def test_the_docstring_example_38_days() -> None:
    # 12,000 owed; March sold 10,000 (31 days), February 8,000 (28 days):
    # all of March, then 2,000 / 8,000 of February's 28 days = 7.
    result = count_back_dso(
        D("12000.00"), [SalesPeriod(31, D("10000.00")), SalesPeriod(28, D("8000.00"))]
    )
    assert result.days == D("38.0")
    assert not result.capped


def test_less_owed_than_the_last_month_sold_is_a_fraction_of_it() -> None:
    result = count_back_dso(D("5000.00"), [SalesPeriod(30, D("10000.00"))])
    assert result.days == D("15.0")


def test_owed_exactly_the_last_month_is_that_whole_month() -> None:
    periods = [SalesPeriod(31, D("10000.00")), SalesPeriod(28, D("8000.00"))]
    assert count_back_dso(D("10000.00"), periods).days == D("31.0")


def test_nothing_owed_is_zero_days() -> None:
    result = count_back_dso(D("0.00"), [SalesPeriod(31, D("10000.00"))])
    assert result.days == D("0.0")
    assert not result.capped


def test_a_month_without_sales_is_walked_through_whole() -> None:
    # Nothing sold last month, so the 3,000 owed is older: 30 + 31 x 3,000 / 6,000.
    periods = [SalesPeriod(30, D("0.00")), SalesPeriod(31, D("6000.00"))]
    assert count_back_dso(D("3000.00"), periods).days == D("45.5")


def test_more_owed_than_sold_in_the_window_is_capped_at_the_window() -> None:
    periods = [
        SalesPeriod(31, D("10000.00")),
        SalesPeriod(28, D("10000.00")),
        SalesPeriod(31, D("10000.00")),
    ]
    result = count_back_dso(D("50000.00"), periods)
    assert result.days == D("90.0")
    assert result.capped


def test_days_are_rounded_half_up_to_a_tenth() -> None:
    # 31 x 1,000 / 3,000 = 10.333...
    assert count_back_dso(D("1000.00"), [SalesPeriod(31, D("3000.00"))]).days == D("10.3")
    # 30 x 1 / 400 = 0.075 -> 0.1
    assert count_back_dso(D("1.00"), [SalesPeriod(30, D("400.00"))]).days == D("0.1")


money = st.decimals(min_value=0, max_value=10**7, places=2)
period = st.builds(SalesPeriod, st.integers(28, 31), money)


@given(st.lists(period, min_size=1, max_size=12), money, money)
def test_owing_more_never_means_fewer_days(periods, a, b) -> None:
    low, high = sorted((a, b))
    assert count_back_dso(low, periods).days <= count_back_dso(high, periods).days


@given(st.lists(period, min_size=1, max_size=12), money)
def test_never_more_days_than_the_window(periods, owed) -> None:
    result = count_back_dso(owed, periods)
    window = sum(p.days for p in periods)
    assert result.days <= window
    assert result.capped == (owed > sum(p.sales for p in periods))


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 3, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2026, 3, 31), 2, dt.date(2026, 1, 31)),
        (dt.date(2026, 1, 15), 1, dt.date(2025, 12, 15)),
        (dt.date(2026, 11, 23), 12, dt.date(2025, 11, 23)),
    ],
)
def test_months_back_keeps_the_day_or_the_month_end(day, months, expected) -> None:
    assert months_back(day, months) == expected


def test_periods_from_mid_month_are_month_long_and_end_on_that_day() -> None:
    assert period_ends(dt.date(2026, 11, 23), 3) == (
        dt.date(2026, 11, 23),
        dt.date(2026, 10, 23),
        dt.date(2026, 9, 23),
        dt.date(2026, 8, 23),
    )


def test_periods_from_a_month_end_are_calendar_months() -> None:
    assert period_ends(dt.date(2026, 3, 31), 3) == (
        dt.date(2026, 3, 31),
        dt.date(2026, 2, 28),
        dt.date(2026, 1, 31),
        dt.date(2025, 12, 31),
    )
    # From February's end the walk still reaches January's 31st, not the 28th.
    assert period_ends(dt.date(2026, 2, 28), 2)[1:] == (dt.date(2026, 1, 31), dt.date(2025, 12, 31))


def test_the_trend_ends_at_the_last_finished_month() -> None:
    assert latest_month_end(dt.date(2026, 11, 23)) == dt.date(2026, 10, 31)
    assert latest_month_end(dt.date(2026, 11, 30)) == dt.date(2026, 11, 30)
    assert latest_month_end(dt.date(2026, 1, 5)) == dt.date(2025, 12, 31)


def test_month_starts_oldest_first_across_a_new_year() -> None:
    assert month_starts(dt.date(2027, 1, 5), 3) == (
        dt.date(2026, 11, 1),
        dt.date(2026, 12, 1),
        dt.date(2027, 1, 1),
    )


def test_the_last_day_there_is_still_has_its_months() -> None:
    # December 9999 has no following month to count back from: its length is known anyway.
    last = dt.date(9999, 12, 31)
    assert latest_month_end(last) == last
    ends = period_ends(last, 12)
    assert ends[:3] == (last, dt.date(9999, 11, 30), dt.date(9999, 10, 31))
    assert ends[-1] == dt.date(9998, 12, 31)
    assert month_starts(last, 2) == (dt.date(9999, 11, 1), dt.date(9999, 12, 1))
