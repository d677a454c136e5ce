"""``diva-desk recurring run [--date D]``: make the recurring invoices due up to a day.

For a cron job, or a laptop whose window is not opened: each period's invoice is made
once however often this runs (store.recurring.run), and each one made is printed,
its number, customer and total, with drafts marked for a look before they go.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from diva_desk.commands.common import EXIT_OK, argument_date, table_row, text_width
from diva_desk.commands.output import say
from diva_desk.i18n import _, ngettext


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "recurring",
        help=_("`recurring run` makes the recurring invoices that have fallen due"),
        description=_(
            "Make the recurring invoices that have fallen due up to the day, each period "
            "once however often it runs: a period missed while the computer was off is "
            "made on the next run, dated its own period. Schedules that send make sent "
            "invoices with the next numbers; the others make drafts to look at first."
        ),
    )
    parser.add_argument("action", choices=["run"], help=_("make the invoices due"))
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        type=argument_date,
        help=_("make what is due up to this day (default: today)"),
    )
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.i18n import format as fmt
    from diva_desk.store.recurring.run import run_recurring

    day = args.date or dt.date.today()
    made = run_recurring(day)
    if not made:
        say(_("No recurring invoice was due up to {day}.").format(day=fmt.date(day)))
        return EXIT_OK
    rows = [
        [
            invoice.number,
            fmt.date(invoice.issue_date),
            f"{invoice.customer_name} ({invoice.customer_code})",
            fmt.money(invoice.total, invoice.currency),
            _("sent") if invoice.sent else _("draft: look at it, then send"),
        ]
        for invoice in made
    ]
    widths = [max(text_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    say(
        ngettext(
            "Made {count} recurring invoice:", "Made {count} recurring invoices:", len(made)
        ).format(count=fmt.number(len(made)))
    )
    for row in rows:
        say(table_row(row, widths, right={3}))
    return EXIT_OK
