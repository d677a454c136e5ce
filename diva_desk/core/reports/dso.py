"""Days sales outstanding (DSO) by the count-back method, and the month periods it walks.

DSO answers "how many days of sales are sitting unpaid?". The simple formula
(receivables / sales x days) averages a whole period, so one big invoice in a quiet
month swings it. The count-back method reads the receivables against the most
recent sales first, the way they were actually built up:

1. Take the receivables (every open balance) at the end date.
2. Walk back month by month from the end date. While the month's credit sales
   (invoices issued in it; drafts and void invoices are no sales) are no more than
   what is left of the receivables, subtract them and count the month's days.
3. The month whose sales are more than what is left counts only the fraction
   left / sales of its days. DSO = the whole months' days + that fraction.

Example: 12,000 owed on Mar 31; sales 10,000 in March (31 days) and 8,000 in
February (28 days). March takes 10,000 (31 days), February covers the remaining
2,000 of its 8,000: 28 x 2,000 / 8,000 = 7 days. DSO = 38 days.

A "month" is the month-long period ending on the end date's day of the month:
from Nov 23 back it is Oct 24-Nov 23, Sep 24-Oct 23, ...; at a month end (Mar 31,
Feb 28) these are calendar months. The window (the last 3 or 12 months) limits how
far back the walk goes: when the receivables are more than all the sales in the
window, DSO is the window's days and :attr:`CountBack.capped` says the true figure
is higher ("more than 92 days").

DSO is figured per currency: a sale in US dollars does not pay down receivables in
Canadian dollars, and the book keeps no exchange rates. The reports show the
business's own currency first.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from diva_desk.core.money import ZERO

#: DSO is shown to a tenth of a day; finer would be false precision.
DAYS_QUANTUM = Decimal("0.1")


@dataclass(frozen=True)
class SalesPeriod:
    """One month of the walk: how many days it has and the credit sales issued in it."""

    days: int
    sales: Decimal


@dataclass(frozen=True)
class CountBack:
    #: Days of sales the receivables represent, to a tenth of a day.
    days: Decimal
    #: The receivables were more than every sale in the window: ``days`` is a floor.
    capped: bool


def count_back_dso(receivables: Decimal, periods: Sequence[SalesPeriod]) -> CountBack:
    """DSO of ``receivables`` against ``periods``, the most recent month first.

    A month without sales is walked through whole: nothing was sold then, so
    nothing owed can be from then, and the money owed is older still.
    """
    left = receivables
    days = Decimal(0)
    for period in periods:
        if left <= ZERO:
            break
        if period.sales > left:
            days += Decimal(period.days) * left / period.sales
            left = ZERO
            break
        left -= period.sales
        days += period.days
    return CountBack(days=days.quantize(DAYS_QUANTUM, ROUND_HALF_UP), capped=left > ZERO)


def months_back(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` earlier, or that month's last day.

    Always counted from ``day`` itself, so Mar 31 goes to Feb 28 (29) and then to
    Jan 31, never to Jan 28.
    """
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, _month_length(year, month)))


def _month_length(year: int, month: int) -> int:
    # Never through the first of the next month: after December 9999 there is none.
    return calendar.monthrange(year, month)[1]


def period_ends(end: dt.date, months: int) -> tuple[dt.date, ...]:
    """``months + 1`` boundaries: ``end``, then each month back; month k is (ends[k+1], ends[k]].

    When ``end`` is the last day of its month every boundary is a month end, so the
    periods are calendar months.
    """
    if _is_month_end(end):
        return tuple(_month_end(months_back(end.replace(day=1), k)) for k in range(months + 1))
    return tuple(months_back(end, k) for k in range(months + 1))


def latest_month_end(day: dt.date) -> dt.date:
    """``day`` if it ends its month, else the last day of the month before (for a trend)."""
    return day if _is_month_end(day) else day.replace(day=1) - dt.timedelta(days=1)


def month_starts(day: dt.date, count: int) -> tuple[dt.date, ...]:
    """The first days of the last ``count`` calendar months up to ``day``'s, oldest first."""
    first = day.replace(day=1)
    return tuple(months_back(first, k) for k in reversed(range(count)))


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=_month_length(day.year, day.month))


def _is_month_end(day: dt.date) -> bool:
    return day.day == _month_length(day.year, day.month)
