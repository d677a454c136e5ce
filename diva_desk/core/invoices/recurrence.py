"""Recurring invoices: the dates a schedule's invoices fall on (issue 16).

A schedule repeats every ``interval`` weeks, months, quarters or years from its
first date. Months have different lengths, so a monthly date cannot simply be added
to: the schedule keeps its *anchor day*, the day of the month it started on, and
every period falls on that day or, in a shorter month, on the month's last day. A
start on the last day of a month is anchored to month ends (:data:`MONTH_END`): Jan 31
makes Feb 28 (29 in a leap year), Mar 31, Apr 30; a start on the 30th stays on the
30th except in February. The anchor is never drifted by a short month.
"""

from __future__ import annotations

import calendar
import datetime as dt

from diva_desk.core.customers.terms import day_in_month
from diva_desk.core.records import Every

#: The anchor day of a schedule that follows month ends.
MONTH_END = 31
__all__ = ["MAX_INTERVAL", "MONTH_END", "Every", "anchor_day_of", "has_ended", "period_after"]

#: The longest interval a schedule takes (every 120 months is ten years).
MAX_INTERVAL = 120


_MONTHS = {Every.MONTH: 1, Every.QUARTER: 3, Every.YEAR: 12}


def is_month_end(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def anchor_day_of(start: dt.date) -> int:
    """The anchor of a schedule starting on ``start``: its day, or :data:`MONTH_END`."""
    return MONTH_END if is_month_end(start) else start.day


def period_after(day: dt.date, every: Every, interval: int, anchor_day: int) -> dt.date:
    """The date of the period after the one on ``day``.

    Weeks add ``7 × interval`` days; months, quarters and years move ``interval`` of
    them and land on the anchor day, or the month's last day when it is shorter.
    Raises ``OverflowError`` past the year 9999.
    """
    if interval < 1:
        raise ValueError("a schedule's interval is at least 1")
    if every is Every.WEEK:
        return day + dt.timedelta(weeks=interval)
    months = day.year * 12 + (day.month - 1) + _MONTHS[every] * interval
    year, month = divmod(months, 12)
    if year > dt.MAXYEAR:
        raise OverflowError("the period falls after the year 9999")
    return day_in_month(year, month + 1, anchor_day)


def periods_through(
    next_date: dt.date,
    every: Every,
    interval: int,
    anchor_day: int,
    through: dt.date,
    end_date: dt.date | None = None,
) -> list[dt.date]:
    """Every period date from ``next_date`` up to ``through`` (and ``end_date``), in order.

    What a run on ``through`` makes: one invoice per date, however long since the last.
    """
    last = through if end_date is None else min(through, end_date)
    found: list[dt.date] = []
    day = next_date
    while day <= last:
        found.append(day)
        try:
            day = period_after(day, every, interval, anchor_day)
        except OverflowError:
            break
    return found


def has_ended(next_date: dt.date, end_date: dt.date | None) -> bool:
    """Whether a schedule will make nothing more: its next date is past its end."""
    return end_date is not None and next_date > end_date
