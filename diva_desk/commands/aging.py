"""``diva-desk aging``: who owes what and how long past due, per spec/cli.md."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from diva_desk.commands.common import EXIT_OK, argument_date, cut_to_width, table_row, text_width
from diva_desk.commands.output import say, say_json
from diva_desk.i18n import _

if TYPE_CHECKING:
    from diva_desk.core.reports.receivables import AgingReport, AgingRow

#: A name longer than this is cut in the plain-text table, so a row fits a terminal.
_NAME_WIDTH = 28


def register(commands: argparse._SubParsersAction) -> None:
    aging = commands.add_parser(
        "aging",
        help=_("receivables aging per customer and in total, one total per currency"),
        description=_(
            "Receivables aging: what each customer owes, split into current (not yet due) "
            "and 1-30, 31-60, 61-90 and 90+ days past the due date, with one total per "
            "currency. A customer owing in two currencies has a row for each; customers "
            "owing nothing are left out. Drafts and void invoices are never owed."
        ),
    )
    aging.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=argument_date,
        help=_(
            "the aging as it stood on this day: invoices issued and payments dated on or "
            "before it (default: today)"
        ),
    )
    aging.add_argument("--json", action="store_true", help=_("print JSON (spec/cli.md)"))
    aging.set_defaults(run=_aging)


def _aging(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.store.reports.aging import aging_report

    report = aging_report(args.date or dt.date.today())
    if args.json:
        say_json(aging_json(report))
    else:
        for line in aging_text(report):
            say(line)
    return EXIT_OK


def _amounts(row: AgingRow) -> dict[str, str]:
    from diva_desk.core.money import money_text
    from diva_desk.core.reports.aging import AgingBucket

    amounts = {b.value: money_text(row.bucket(b), row.currency) for b in AgingBucket}
    amounts["total"] = money_text(row.total, row.currency)
    return amounts


def aging_json(report: AgingReport) -> dict[str, object]:
    """The report in the spec's shape: money as "0.00" strings, a row per currency owed."""
    return {
        "date": report.as_of.isoformat(),
        "totals": [{"currency": row.currency, **_amounts(row)} for row in report.totals],
        "customers": [
            {"code": row.code, "currency": row.currency, **_amounts(row)}
            for row in report.customers
        ],
    }


def aging_text(report: AgingReport) -> list[str]:
    """The report as the lines of a table for a terminal: amounts aligned on their last digit."""
    from diva_desk.core.reports.aging import AgingBucket
    from diva_desk.i18n import format as fmt

    day = fmt.date(report.as_of)
    if not report.totals:
        return [_("Nothing is owed on {date}.").format(date=day)]
    labels = [_("Current"), _("1-30"), _("31-60"), _("61-90"), _("90+")]
    header = [_("Code"), _("Customer"), *labels, _("Total")]

    def cells(row: AgingRow, code: str, name: str) -> list[str]:
        # An empty bucket of a customer is a dash: the amounts owed stand out.
        amounts = [
            fmt.money(row.bucket(b), row.currency) if row.bucket(b) or not code else "—"
            for b in AgingBucket
        ]
        return [code, cut_to_width(name, _NAME_WIDTH), *amounts, fmt.money(row.total, row.currency)]

    body = [cells(row, row.code, row.name) for row in report.customers]
    totals = [
        cells(row, "", _("Total {currency}").format(currency=row.currency)) for row in report.totals
    ]
    table = [header, *body, *totals]
    widths = [max(text_width(r[c]) for r in table) for c in range(len(header))]
    right = set(range(2, len(header)))
    rule = "  ".join("-" * w for w in widths)
    lines = [
        _("Receivables aging on {date} (days past the due date)").format(date=day),
        "",
        table_row(header, widths, right),
        rule,
        *(table_row(cells_, widths, right) for cells_ in body),
        rule,
        *(table_row(cells_, widths, right) for cells_ in totals),
    ]
    return lines
