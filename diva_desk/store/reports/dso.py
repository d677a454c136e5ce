"""Days sales outstanding from the book: today's figure and the month-end trend.

Two statements for either: the invoices still owed something on the last day asked
(store.invoices.unpaid), then, in one query, the receivables on the day(s) asked (the
same "owed on a day" the aging uses) and the credit sales per month-long period. The walk itself
is core.dso.count_back_dso, which documents the method. Figures are per currency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.money import ZERO, from_minor
from diva_desk.core.reports.dso import SalesPeriod, count_back_dso, latest_month_end, period_ends
from diva_desk.core.reports.receivables import AgingReport
from diva_desk.store.book.db import db
from diva_desk.store.reports.aging import as_of_days_cte, open_balances_cte

#: The windows the reports show: a quick read of the last quarter, and the year.
SHORT_WINDOW_MONTHS = 3
LONG_WINDOW_MONTHS = 12


@dataclass(frozen=True)
class Dso:
    """DSO in one currency on one day, with the figures it came from."""

    currency: str
    as_of: dt.date
    window_months: int
    #: Everything owed in this currency on ``as_of``.
    receivables: Decimal
    #: Credit sales (sent invoices issued) in the window.
    sales: Decimal
    #: Days of sales outstanding, to a tenth of a day.
    days: Decimal
    #: More was owed than was sold in the window: ``days`` is a floor.
    capped: bool


#: What is owed per (day, currency); see :func:`receivables_from`.
Owed = Mapping[tuple[dt.date, str], Decimal]


def days_sales_outstanding(
    as_of: dt.date, months: int = SHORT_WINDOW_MONTHS, owed: Owed | None = None
) -> tuple[Dso, ...]:
    """DSO on ``as_of`` walking back at most ``months`` months, one per currency.

    A currency appears when something in it is owed on ``as_of`` or was sold in
    the window. ``owed`` saves reading the receivables again when the caller has
    the aging of ``as_of`` (:func:`receivables_from`).
    """
    return dso_on(as_of, (months,), owed)[0]


def dso_on(
    as_of: dt.date, windows: Sequence[int], owed: Owed | None = None
) -> tuple[tuple[Dso, ...], ...]:
    """:func:`days_sales_outstanding` for each window of ``windows`` (in months), in order,
    with the sales read once for the longest (a shorter window's periods are its first)."""
    bounds = period_ends(as_of, max(windows))
    every_sale, owed = _sales_and_owed(bounds, [as_of], owed)
    result = []
    for months in windows:
        sales = {key: amount for key, amount in every_sale.items() if key[0] < months}
        result.append(
            tuple(
                _dso(currency, as_of, months, owed.get((as_of, currency), ZERO), bounds, 0, sales)
                for currency in sorted({c for _k, c in sales} | {c for _d, c in owed})
            )
        )
    return tuple(result)


def dso_trend(
    as_of: dt.date,
    points: int = 12,
    window_months: int = LONG_WINDOW_MONTHS,
    owed: Owed | None = None,
) -> tuple[Dso, ...]:
    """DSO at each of the last ``points`` month ends on or before ``as_of``.

    Sorted by currency, then oldest month end first, with every month end present
    for every currency that appears (zero days where nothing was owed), so a chart
    can draw one line per currency without gaps. ``owed`` as for
    :func:`days_sales_outstanding`, covering :func:`trend_ends`.
    """
    bounds = period_ends(latest_month_end(as_of), points + window_months - 1)
    ends = bounds[:points]
    sales, owed = _sales_and_owed(bounds, ends, owed)
    currencies = sorted({c for _k, c in sales} | {c for _d, c in owed})
    return tuple(
        _dso(
            currency, ends[j], window_months, owed.get((ends[j], currency), ZERO), bounds, j, sales
        )
        for currency in currencies
        for j, day in reversed(list(enumerate(ends)))
    )


def trend_ends(as_of: dt.date, points: int = 12) -> tuple[dt.date, ...]:
    """The month ends :func:`dso_trend` reads, latest first."""
    return period_ends(latest_month_end(as_of), points - 1)


def receivables_from(reports: Iterable[AgingReport]) -> dict[tuple[dt.date, str], Decimal]:
    """What is owed per (day, currency) on each report's day: its currency totals."""
    return {(r.as_of, row.currency): row.total for r in reports for row in r.totals}


def _sales_and_owed(
    bounds: Sequence[dt.date], days: Sequence[dt.date], owed: Owed | None
) -> tuple[dict[tuple[int, str], Decimal], Owed]:
    """The credit sales per period of ``bounds`` and, unless the caller read it (``owed``,
    which must cover ``days``), what is owed on each of ``days``: one statement."""
    if owed is not None:
        return _sales_by_period(bounds), owed
    periods, params = _periods(bounds)
    cte, owed_params = as_of_days_cte(days)
    sql = f"""
        WITH {periods}, {cte}, {open_balances_cte("unpaid" in owed_params)}
        {_SALES}
        UNION ALL
        SELECT 1, day, currency, SUM(balance) FROM open_balances GROUP BY day, currency
    """
    sales: dict[tuple[int, str], Decimal] = {}
    receivables: dict[tuple[dt.date, str], Decimal] = {}
    for owing, key, cur, units in db.execute_sql(sql, {**params, **owed_params}):
        if owing:
            receivables[dt.date.fromisoformat(key), cur] = from_minor(units, cur)
        else:
            sales[key, cur] = from_minor(units, cur)
    return sales, receivables


def _dso(
    currency: str,
    as_of: dt.date,
    months: int,
    receivables: Decimal,
    bounds: Sequence[dt.date],
    first: int,
    sales: dict[tuple[int, str], Decimal],
) -> Dso:
    """The count-back over periods ``first .. first + months - 1`` of ``bounds``."""
    periods = [
        SalesPeriod(days=(bounds[k] - bounds[k + 1]).days, sales=sales.get((k, currency), ZERO))
        for k in range(first, first + months)
    ]
    result = count_back_dso(receivables, periods)
    return Dso(
        currency=currency,
        as_of=as_of,
        window_months=months,
        receivables=receivables,
        sales=sum((p.sales for p in periods), ZERO),
        days=result.days,
        capped=result.capped,
    )


_SALES = """
    SELECT 0, b.k, i.currency, SUM(i.total_cents)
    FROM periods b
    JOIN invoice i ON i.state = 'sent' AND i.issue_date > b.after AND i.issue_date <= b.upto
    GROUP BY b.k, i.currency
"""


def _periods(bounds: Sequence[dt.date]) -> tuple[str, dict[str, str]]:
    """The CTE ``periods(k, after, upto)``: period k is (bounds[k+1], bounds[k]]."""
    values = ", ".join(f"({k}, :after_{k}, :upto_{k})" for k in range(len(bounds) - 1))
    params = {}
    for k in range(len(bounds) - 1):
        params[f"after_{k}"] = bounds[k + 1].isoformat()
        params[f"upto_{k}"] = bounds[k].isoformat()
    return f"periods(k, after, upto) AS (VALUES {values})", params


def _sales_by_period(bounds: Sequence[dt.date]) -> dict[tuple[int, str], Decimal]:
    """Credit sales per (period index, currency); period k is (bounds[k+1], bounds[k]]."""
    periods, params = _periods(bounds)
    sql = f"WITH {periods} {_SALES}"
    return {(k, cur): from_minor(units, cur) for _s, k, cur, units in db.execute_sql(sql, params)}
