"""How customers pay, month by month: days to pay, promises kept, deposits received.

The second row of the Reports view. Like ui.report_models, this only picks the
currency, puts store.trends' figures in chart order and writes them as text; no
figure is worked out here, so a test reads back exactly what the store said.
"""

from __future__ import annotations

from decimal import Decimal

from diva_desk.core.reports.aging import AgingBucket
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.ui.reports.chart_data import ChartData, Series, empty_chart
from diva_desk.ui.reports.report_models import (
    AMBER,
    BUCKET_COLOURS,
    TEAL,
    ReportFigures,
    month_label,
)

#: A promise broken is as late as money gets: the aging's red.
BROKEN = BUCKET_COLOURS[AgingBucket.OVER_90]


def _days_text(days: Decimal) -> str:
    return _("{days} days").format(days=fmt.number(days))


def days_to_pay_chart(figures: ReportFigures, currency: str) -> ChartData:
    """The average days from issue to full payment of the invoices paid off each month.

    A month in which no invoice was paid off has no point: the line breaks there.
    """
    months = [d for d in figures.days_to_pay if d.currency == currency]
    if not any(d.invoices for d in months):
        return empty_chart(
            _("No invoice in {currency} was paid off in the last year.").format(currency=currency)
        )
    return ChartData(
        categories=tuple(month_label(d.month, n == 0) for n, d in enumerate(months)),
        titles=tuple(fmt.month(d.month, "yMMMM") for d in months),
        series=(
            Series(
                _("Average days to pay"),
                TEAL,
                tuple(d.average_days for d in months),
                tuple(
                    _("no invoice paid off")
                    if d.average_days is None
                    else _days_text(d.average_days)
                    for d in months
                ),
            ),
        ),
        tick_text=lambda days: fmt.number(days),
        notes=tuple(
            ngettext(
                "{count} invoice paid off, {amount} in all",
                "{count} invoices paid off, {amount} in all",
                d.invoices,
            ).format(count=fmt.number(d.invoices), amount=fmt.money(d.amount, currency))
            if d.invoices
            else ""
            for d in months
        ),
        least_step=Decimal(1),
    )


def promises_chart(figures: ReportFigures) -> ChartData:
    """Promises to pay kept and broken, by the month they fell due (in any currency)."""
    months = figures.promises
    if not any(m.kept or m.broken or m.pending for m in months):
        return empty_chart(_("No promise to pay fell due in the last year."))

    def counted(name: str, colour: str, values: tuple[int, ...]) -> Series:
        return Series(
            name, colour, tuple(Decimal(v) for v in values), tuple(fmt.number(v) for v in values)
        )

    return ChartData(
        categories=tuple(month_label(m.month, n == 0) for n, m in enumerate(months)),
        titles=tuple(fmt.month(m.month, "yMMMM") for m in months),
        series=(
            counted(_("Kept"), TEAL, tuple(m.kept for m in months)),
            counted(_("Broken"), BROKEN, tuple(m.broken for m in months)),
        ),
        tick_text=lambda count: fmt.number(count),
        notes=tuple(
            ngettext("{count} still pending", "{count} still pending", m.pending).format(
                count=fmt.number(m.pending)
            )
            if m.pending
            else ""
            for m in months
        ),
        least_step=Decimal(1),
    )


def deposits_chart(figures: ReportFigures, currency: str) -> ChartData:
    """Deposits asked on the invoices issued each month, and how much of them came in."""
    months = [d for d in figures.deposits if d.currency == currency]
    if not any(d.invoices for d in months):
        return empty_chart(
            _("No deposit asked in {currency} in the last year.").format(currency=currency)
        )

    def money(name: str, colour: str, values: tuple[Decimal, ...]) -> Series:
        return Series(name, colour, values, tuple(fmt.money(v, currency) for v in values))

    return ChartData(
        categories=tuple(month_label(d.month, n == 0) for n, d in enumerate(months)),
        titles=tuple(fmt.month(d.month, "yMMMM") for d in months),
        series=(
            money(_("Asked"), TEAL, tuple(d.asked for d in months)),
            money(_("Received"), AMBER, tuple(d.received for d in months)),
        ),
        tick_text=lambda amount: fmt.compact_money(amount, currency),
        notes=tuple(
            ngettext(
                "{full} of {count} deposit paid in full",
                "{full} of {count} deposits paid in full",
                d.invoices,
            ).format(full=fmt.number(d.received_in_full), count=fmt.number(d.invoices))
            if d.invoices
            else ""
            for d in months
        ),
    )
