"""``diva-desk tax-report``: sales tax collected per tax name in a period, per spec/cli.md.

The figures a GST/HST or QST return asks for (docs/taxes.md says which lines): tax
collected per name on the invoices issued in the period, void ones left out, with the
taxable sales under each and the period's sales, one set of figures per currency.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from diva_desk.commands.common import EXIT_OK, argument_date, table_row, text_width
from diva_desk.commands.output import say, say_json
from diva_desk.core.invoices.tax_names import tax_label
from diva_desk.errors import BadInput
from diva_desk.i18n import _

if TYPE_CHECKING:
    from diva_desk.core.invoices.tax_summary import TaxSummary


def register(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "tax-report",
        help=_("sales tax collected per tax name in a period, with the taxable sales under each"),
        description=_(
            "The sales tax collected per tax name on the invoices issued from one day to "
            "another, both included, with the taxable sales under each and the period's "
            "sales: the figures of a GST/HST or QST return (docs/taxes.md). Drafts were "
            "never issued and void invoices charged nothing, so neither counts. One set of "
            "figures per currency."
        ),
    )
    for flag, what in (("--from", _("the first day")), ("--to", _("the last day"))):
        report.add_argument(
            flag,
            dest=flag[2:],
            metavar="YYYY-MM-DD",
            required=True,
            type=argument_date,
            help=_("{what} of the period, included").format(what=what),
        )
    report.add_argument("--json", action="store_true", help=_("print JSON (spec/cli.md)"))
    report.set_defaults(run=_report)


def _report(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.store.taxes.collected import tax_summary_for

    if args.__dict__["from"] > args.to:
        raise BadInput(
            _("--from {start} is after --to {end}; give the first day of the period first.").format(
                start=args.__dict__["from"].isoformat(), end=args.to.isoformat()
            )
        )
    summary = tax_summary_for(args.__dict__["from"], args.to)
    if args.json:
        say_json(tax_report_json(summary))
    else:
        for line in tax_report_text(summary):
            say(line)
    return EXIT_OK


def tax_report_json(summary: TaxSummary) -> dict[str, object]:
    """Money as decimal strings in each currency's own minor units; rates as "9.975"."""
    from diva_desk.core.money import decimal_text, money_text

    return {
        "from": summary.start.isoformat(),
        "to": summary.end.isoformat(),
        "currencies": [
            {
                "currency": c.currency,
                "invoices": c.invoices,
                "sales": money_text(c.sales, c.currency),
                "tax_collected": money_text(c.collected, c.currency),
                "taxes": [
                    {
                        "name": t.name,
                        "rates": [decimal_text(rate) for rate in t.rates],
                        "taxable_sales": money_text(t.taxable, c.currency),
                        "tax_collected": money_text(t.collected, c.currency),
                    }
                    for t in c.taxes
                ],
            }
            for c in summary.currencies
        ],
    }


def tax_report_text(summary: TaxSummary) -> list[str]:
    """The report as a table for a terminal, one block per currency."""
    from diva_desk.i18n import format as fmt

    period = _("Sales tax collected from {start} to {end}").format(
        start=fmt.date(summary.start), end=fmt.date(summary.end)
    )
    if not summary.currencies:
        return [period, "", _("No invoice was issued in this period.")]
    lines = [period]
    for c in summary.currencies:
        count = ngettext_invoices(c.invoices)
        lines += [
            "",
            _("{currency}: sales {sales} on {count}").format(
                currency=c.currency, sales=fmt.money(c.sales, c.currency), count=count
            ),
        ]
        if not c.taxes:
            lines.append(_("No sales tax was charged."))
            continue
        header = [_("Tax"), _("Rates"), _("Taxable sales"), _("Tax collected")]
        rows = [
            [
                tax_label(t.name),
                ", ".join(fmt.percent(rate) for rate in t.rates),
                fmt.money(t.taxable, c.currency),
                fmt.money(t.collected, c.currency),
            ]
            for t in c.taxes
        ]
        total = [_("Total"), "", "", fmt.money(c.collected, c.currency)]
        table = [header, *rows, total]
        widths = [max(text_width(r[i]) for r in table) for i in range(len(header))]
        rule = "  ".join("-" * w for w in widths)
        lines += [
            table_row(header, widths, {2, 3}),
            rule,
            *(table_row(row, widths, {2, 3}) for row in rows),
            rule,
            table_row(total, widths, {2, 3}),
        ]
    return lines


def ngettext_invoices(count: int) -> str:
    from diva_desk.i18n import format as fmt
    from diva_desk.i18n import ngettext

    return ngettext("{count} invoice", "{count} invoices", count).format(count=fmt.number(count))
