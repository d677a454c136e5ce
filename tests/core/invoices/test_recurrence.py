"""The dates recurring invoices fall on: month ends kept, leap years, quarters, weeks."""

from __future__ import annotations

import datetime as dt

import pytest

from diva_desk.core.invoices.recurrence import (
    MONTH_END,
    Every,
    anchor_day_of,
    has_ended,
    period_after,
    periods_through,
)

D = dt.date


def _run(start: D, every: Every, count: int, interval: int = 1) -> list[D]:
    anchor = anchor_day_of(start)
    return periods_through(start, every, interval, anchor, D(9999, 1, 1))[:count]


def test_a_january_31_start_keeps_to_month_ends():
    assert _run(D(2027, 1, 31), Every.MONTH, 5) == [
        D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30), D(2027, 5, 31),
    ]  # fmt: skip


def test_february_29_in_a_leap_year():
    assert _run(D(2028, 1, 31), Every.MONTH, 3) == [D(2028, 1, 31), D(2028, 2, 29), D(2028, 3, 31)]


def test_a_start_on_the_30th_stays_on_the_30th_except_in_february():
    assert _run(D(2027, 1, 30), Every.MONTH, 4) == [
        D(2027, 1, 30), D(2027, 2, 28), D(2027, 3, 30), D(2027, 4, 30),
    ]  # fmt: skip
    assert anchor_day_of(D(2027, 1, 30)) == 30


def test_a_start_on_a_short_months_last_day_is_a_month_end_schedule():
    assert anchor_day_of(D(2027, 4, 30)) == MONTH_END
    assert anchor_day_of(D(2027, 2, 28)) == MONTH_END
    assert _run(D(2027, 2, 28), Every.MONTH, 3) == [D(2027, 2, 28), D(2027, 3, 31), D(2027, 4, 30)]


def test_quarters_keep_their_anchor():
    assert _run(D(2026, 11, 30), Every.QUARTER, 4) == [
        D(2026, 11, 30), D(2027, 2, 28), D(2027, 5, 31), D(2027, 8, 31),
    ]  # fmt: skip
    assert _run(D(2027, 1, 15), Every.QUARTER, 3, interval=2) == [
        D(2027, 1, 15), D(2027, 7, 15), D(2028, 1, 15),
    ]  # fmt: skip


def test_a_leap_day_yearly_schedule_falls_on_february_28_then_29():
    assert _run(D(2028, 2, 29), Every.YEAR, 5) == [
        D(2028, 2, 29), D(2029, 2, 28), D(2030, 2, 28), D(2031, 2, 28), D(2032, 2, 29),
    ]  # fmt: skip


def test_weeks_and_intervals():
    assert _run(D(2026, 12, 28), Every.WEEK, 3) == [D(2026, 12, 28), D(2027, 1, 4), D(2027, 1, 11)]
    assert _run(D(2026, 12, 28), Every.WEEK, 2, interval=2) == [D(2026, 12, 28), D(2027, 1, 11)]
    assert _run(D(2027, 1, 31), Every.MONTH, 3, interval=3) == [
        D(2027, 1, 31), D(2027, 4, 30), D(2027, 7, 31),
    ]  # fmt: skip


def test_periods_stop_at_the_run_day_and_the_end_date():
    start = D(2027, 1, 15)
    assert periods_through(start, Every.MONTH, 1, 15, D(2027, 4, 14)) == [
        D(2027, 1, 15), D(2027, 2, 15), D(2027, 3, 15),
    ]  # fmt: skip
    assert periods_through(start, Every.MONTH, 1, 15, D(2027, 4, 15), D(2027, 2, 15)) == [
        D(2027, 1, 15), D(2027, 2, 15),
    ]  # fmt: skip
    assert periods_through(start, Every.MONTH, 1, 15, D(2027, 1, 14)) == []
    assert has_ended(D(2027, 3, 15), D(2027, 2, 15))
    assert not has_ended(D(2027, 2, 15), D(2027, 2, 15))
    assert not has_ended(D(2027, 2, 15), None)


def test_the_last_period_before_the_year_10000_ends_the_schedule():
    assert periods_through(D(9999, 11, 1), Every.MONTH, 1, 1, D(9999, 12, 31)) == [
        D(9999, 11, 1), D(9999, 12, 1),
    ]  # fmt: skip
    with pytest.raises(OverflowError):
        period_after(D(9999, 12, 1), Every.MONTH, 1, 1)
    with pytest.raises(ValueError):
        period_after(D(2027, 1, 1), Every.MONTH, 0, 1)
