"""The Reports view's figures, read from the store, and the chart data made from them.

Every number here is a store function's result as it came (store.reports); this
module only picks the currency shown, puts the figures in chart order and writes
them as text through ``i18n.format``. Nothing is added up or averaged here, so
the charts, the aging command and the PDF cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.money import ZERO
from diva_desk.core.reports.aging import AgingBucket, bucket_label
from diva_desk.core.reports.receivables import AgingReport
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.invoices.lists import has_sent_invoices
from diva_desk.store.invoices.unpaid import unpaid_on
from diva_desk.store.reports import (
    LONG_WINDOW_MONTHS,
    SHORT_WINDOW_MONTHS,
    DaysToPay,
    DepositMonth,
    Dso,
    MonthFlow,
    PromiseMonth,
    TopDebtor,
    aging_reports,
    days_to_pay_by_month,
    deposits_by_month,
    dso_on,
    dso_trend,
    money_by_month,
    promises_by_month,
    receivables_from,
    top_debtors,
    trend_ends,
)
from diva_desk.ui.reports.chart_data import ChartData, Series

#: The aging chart shows the as-of day and this many month ends before it.
AGING_MONTH_ENDS = 5
#: Months of invoiced vs collected, and month ends of DSO.
TREND_MONTHS = 12
DEBTORS_SHOWN = 10

# A calm palette around the app's teal accent and amber: the older the money, the
# redder. Each colour is mid-tone, so it stands out from white and from near-black.
TEAL = "#2f7f78"
AMBER = "#f2b84b"
BUCKET_COLOURS: dict[AgingBucket, str] = {
    AgingBucket.CURRENT: TEAL,
    AgingBucket.DAYS_1_30: AMBER,
    AgingBucket.DAYS_31_60: "#e58e3a",
    AgingBucket.DAYS_61_90: "#d2644a",
    AgingBucket.OVER_90: "#b8413f",
}


@dataclass(frozen=True)
class ReportFigures:
    """Everything the Reports view shows on one as-of day, straight from store.reports."""

    as_of: dt.date
    #: The aging on ``as_of``: the table, the totals and the export.
    aging: AgingReport
    #: The aging at the month ends before ``as_of``, oldest first, then on ``as_of``;
    #: the chart draws their currency totals, so the month ends have no rows per customer.
    aging_history: tuple[AgingReport, ...]
    debtors: tuple[TopDebtor, ...]
    flows: tuple[MonthFlow, ...]
    #: DSO at each month end, by the 12-month count-back (the 3-month one only
    #: differs when more is owed than three months of sales, so a second line
    #: would mostly hide under the first).
    dso_trend: tuple[Dso, ...]
    #: DSO on ``as_of`` itself, short and long.
    dso_now_short: tuple[Dso, ...]
    dso_now_long: tuple[Dso, ...]
    any_invoices: bool
    #: How customers pay, by month: days to pay, promises, deposits.
    days_to_pay: tuple[DaysToPay, ...] = ()
    promises: tuple[PromiseMonth, ...] = ()
    deposits: tuple[DepositMonth, ...] = ()

    def currencies(self) -> list[str]:
        """Every currency any figure is in, by code."""
        found = {row.currency for report in self.aging_history for row in report.totals}
        found |= {flow.currency for flow in self.flows}
        found |= {dso.currency for dso in self.dso_trend + self.dso_now_short}
        found |= {d.currency for d in self.days_to_pay} | {d.currency for d in self.deposits}
        return sorted(found)


def aging_days(as_of: dt.date) -> tuple[dt.date, ...]:
    """The month ends before ``as_of`` (oldest first), then ``as_of`` itself."""
    ends: list[dt.date] = []
    day = as_of
    for _n in range(AGING_MONTH_ENDS):
        day = day.replace(day=1) - dt.timedelta(days=1)
        ends.append(day)
    return (*reversed(ends), as_of)


def read_figures(as_of: dt.date) -> ReportFigures:
    """All the view's figures on ``as_of``: a dozen SQL aggregates, the book read once."""
    shown = aging_days(as_of)
    # One reading of the book for every day a figure needs: the aging of ``as_of`` in
    # full, the chart's and the DSO trend's month ends as totals (all either needs).
    ends = trend_ends(as_of, TREND_MONTHS)
    # The invoices still owed something today, read once (or kept by this connection)
    # for the aging and the debtors: neither then weighs every invoice of the book.
    unpaid = unpaid_on(as_of)
    reports = aging_reports(
        (*shown, *ends), totals_only=(set(shown) | set(ends)) - {as_of}, unpaid=unpaid
    )
    history = reports[: len(shown)]
    owed = receivables_from(reports)
    dso_now_short, dso_now_long = dso_on(as_of, (SHORT_WINDOW_MONTHS, LONG_WINDOW_MONTHS), owed)
    return ReportFigures(
        as_of=as_of,
        aging=history[-1],
        aging_history=history,
        debtors=top_debtors(as_of, DEBTORS_SHOWN, unpaid),
        flows=money_by_month(as_of, TREND_MONTHS),
        dso_trend=dso_trend(as_of, TREND_MONTHS, LONG_WINDOW_MONTHS, owed),
        dso_now_short=dso_now_short,
        dso_now_long=dso_now_long,
        any_invoices=has_sent_invoices(),
        days_to_pay=days_to_pay_by_month(as_of, TREND_MONTHS),
        promises=promises_by_month(as_of, TREND_MONTHS),
        deposits=deposits_by_month(as_of, TREND_MONTHS),
    )


def _money_ticks(currency: str) -> Callable[[Decimal], str]:
    return lambda amount: fmt.compact_money(amount, currency)


def month_label(month: dt.date, first: bool) -> str:
    """``Nov``; the first month and every January also name their year."""
    name = fmt.month(month)
    return f"{name}\n{month.year}" if first or month.month == 1 else name


def aging_chart(figures: ReportFigures, currency: str) -> ChartData:
    """One bar per day of :func:`aging_days`, the five buckets stacked, newest money lowest."""
    rows = [
        next((row for row in report.totals if row.currency == currency), None)
        for report in figures.aging_history
    ]
    if all(row is None for row in rows):
        return ChartData(
            (),
            (),
            (),
            tick_text=str,
            empty_text=_("Nothing is owed to you in {currency} on {day}.").format(
                currency=currency, day=fmt.date(figures.as_of)
            ),
        )
    series = []
    for bucket in AgingBucket:
        values = tuple(ZERO if row is None else row.bucket(bucket) for row in rows)
        series.append(
            Series(
                bucket_label(bucket),
                BUCKET_COLOURS[bucket],
                values,
                tuple(fmt.money(v, currency) for v in values),
            )
        )
    days = [report.as_of for report in figures.aging_history]
    return ChartData(
        categories=tuple(fmt.month_day(day) for day in days),
        titles=tuple(fmt.date(day) for day in days),
        series=tuple(series),
        tick_text=_money_ticks(currency),
        notes=tuple(
            _("Owed in all: {amount}").format(
                amount=fmt.money(ZERO if row is None else row.total, currency)
            )
            for row in rows
        ),
    )


def flows_chart(figures: ReportFigures, currency: str) -> ChartData:
    """Invoiced and collected side by side for each of the last twelve months."""
    flows = [flow for flow in figures.flows if flow.currency == currency]
    if not flows:
        return ChartData(
            (),
            (),
            (),
            tick_text=str,
            empty_text=_("Nothing invoiced or collected in {currency} in the last year.").format(
                currency=currency
            ),
        )

    def series(name: str, colour: str, values: tuple[Decimal, ...]) -> Series:
        return Series(name, colour, values, tuple(fmt.money(v, currency) for v in values))

    return ChartData(
        categories=tuple(month_label(f.month, n == 0) for n, f in enumerate(flows)),
        titles=tuple(fmt.month(f.month, "yMMMM") for f in flows),
        series=(
            series(_("Invoiced"), TEAL, tuple(f.invoiced for f in flows)),
            series(_("Collected"), AMBER, tuple(f.collected for f in flows)),
        ),
        tick_text=_money_ticks(currency),
    )


def dso_text(dso: Dso) -> str:
    """``46.4 days``, or ``more than 92 days`` when the walk ran out of sales."""
    days = fmt.number(dso.days)
    if dso.capped:
        return _("more than {days} days").format(days=days)
    return _("{days} days").format(days=days)


def dso_chart(figures: ReportFigures, currency: str) -> ChartData:
    """DSO at each of the last twelve month ends, by the 12-month count-back."""
    points = [d for d in figures.dso_trend if d.currency == currency]
    if not points:
        return ChartData(
            (),
            (),
            (),
            tick_text=str,
            empty_text=_("No sales in {currency} to measure by.").format(currency=currency),
        )
    return ChartData(
        categories=tuple(month_label(d.as_of, n == 0) for n, d in enumerate(points)),
        titles=tuple(fmt.date(d.as_of) for d in points),
        series=(
            Series(
                _("12-month count-back"),
                TEAL,
                tuple(d.days for d in points),
                tuple(dso_text(d) for d in points),
            ),
        ),
        tick_text=lambda days: fmt.number(days),
    )


def dso_explained() -> str:
    """What DSO is, in a line, for the tooltip of the figure above the trend."""
    return _(
        "Days sales outstanding: how many days of your recent sales are still unpaid, "
        "counted back month by month from the day. Lower is better."
    )


def dso_summary(figures: ReportFigures, currency: str) -> str:
    """DSO on the as-of day in one line, for above the trend."""
    short = next((d for d in figures.dso_now_short if d.currency == currency), None)
    long = next((d for d in figures.dso_now_long if d.currency == currency), None)
    if short is None or long is None:
        return ""
    return _("On {day}: {short} over 3 months · {long} over 12 months").format(
        day=fmt.date(figures.as_of), short=dso_text(short), long=dso_text(long)
    )
