"""Customer commands: the list with what each owes and how they pay, and contacts in."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from diva_desk.commands.common import EXIT_OK, cut_to_width, table_row, text_width
from diva_desk.commands.output import say, say_json
from diva_desk.i18n import _, ngettext

if TYPE_CHECKING:
    from diva_desk.contacts.mapping import ColumnMapping, SourceRow

#: A name longer than this is cut in the plain-text table, so a row fits a terminal.
_NAME_WIDTH = 32


def register(commands: argparse._SubParsersAction) -> None:
    customers = commands.add_parser(
        "customers",
        help=_("list customers with balance owed, oldest open item, rating and suggested terms"),
        description=_(
            "List customers with what they owe, their oldest open item, their rating "
            "and the terms to offer them. Archived customers appear while they owe money. "
            "A customer owing in several currencies shows each amount, never a sum."
        ),
    )
    customers.add_argument(
        "--json",
        action="store_true",
        help=_(
            "print JSON (spec/cli.md); balance and overdue are in the customer's own "
            "currency, as the spec has one figure each"
        ),
    )
    customers.set_defaults(run=_customers)

    contacts = commands.add_parser(
        "import-contacts",
        help=_("add customers from a CSV or vCard file, all or nothing"),
        description=_(
            "Add customers from a CSV file (Google Contacts, Outlook, a spreadsheet with a "
            "header row) or a vCard file. Prints what it creates and every row it skips, "
            "with the line and the reason. Duplicates of existing customers are skipped."
        ),
    )
    contacts.add_argument("file", metavar="FILE", type=Path)
    contacts.add_argument(
        "--dry-run", action="store_true", help=_("show what would be created; write nothing")
    )
    contacts.set_defaults(run=_import_contacts)


def _customers(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.core.money import money_text
    from diva_desk.i18n import format as fmt
    from diva_desk.store.book.settings import suggested_deposit_percent
    from diva_desk.store.customers.history import customer_ratings
    from diva_desk.store.invoices.lists import customer_rows

    today = dt.date.today()
    standings = customer_ratings(today, suggested_deposit_percent())
    rows = [r for r in customer_rows(today) if not r.archived or r.balances]
    listed = []
    for row in rows:
        standing = standings[row.id]
        listed.append((row, standing))
    if args.json:
        payload = {
            "customers": [
                {
                    "code": row.code,
                    "name": row.name,
                    "currency": row.currency,
                    "balance": money_text(row.balance, row.currency),
                    "overdue": money_text(row.overdue, row.currency),
                    "oldest_open_date": (
                        row.oldest_open_date.isoformat() if row.oldest_open_date else None
                    ),
                    "rating": str(standing.rating.kind),
                    "rating_reason": standing.rating.reason,
                    "suggested_terms": standing.suggested_terms,
                }
                for row, standing in listed
            ]
        }
        say_json(payload)
        return EXIT_OK
    if not listed:
        say(_("No customers yet."))
        return EXIT_OK
    # Here, not above: the contacts package brings the importers (and email_validator).
    from diva_desk.contacts.export import rating_label

    table = [
        [_("Code"), _("Name"), _("Balance"), _("Overdue"), _("Oldest open"), _("Rating")],
        *(
            [
                row.code,
                cut_to_width(row.name, _NAME_WIDTH),
                fmt.money_in_currencies(row.balances, row.currency),
                fmt.money_in_currencies(row.overdues, row.currency),
                fmt.date(row.oldest_open_date) or "—",
                rating_label(standing.rating.kind),
            ]
            for row, standing in listed
        ),
    ]
    widths = [max(text_width(r[c]) for r in table) for c in range(len(table[0]))]
    right = {2, 3}  # amounts line up on their last digit
    indent = " " * (widths[0] + 2)
    for number, cells in enumerate(table):
        say(table_row(cells, widths, right))
        if number:
            standing = listed[number - 1][1]
            say(f"{indent}{standing.rating.reason} — {standing.suggested_terms}")
    return EXIT_OK


def _import_contacts(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.contacts import apply_plan, plan_import, read_contacts

    contacts = read_contacts(args.file)
    plan = plan_import(contacts.rows, contacts.mapping)
    count = len(plan.creates)
    if not count:
        # read_contacts refuses a file without rows, so every row was skipped.
        heading = _("Nothing to create from {file}: every row is skipped.")
    elif args.dry_run:
        heading = ngettext(
            "Would create {count} customer from {file}:",
            "Would create {count} customers from {file}:",
            count,
        )
    else:
        apply_plan(plan)
        heading = ngettext(
            "Created {count} customer from {file}:", "Created {count} customers from {file}:", count
        )
    say(heading.format(count=count, file=args.file))
    ignored = _ignored_columns(contacts.mapping, contacts.rows)
    if ignored:
        # The preview dialog lets the user map these; here they are at least named.
        say(_("Ignored columns: {columns}").format(columns=", ".join(ignored)))
    for planned in plan.creates:
        c = planned.customer
        details = ", ".join(v for v in (c.contact_name, c.email, c.phone) if v)
        created = f"{c.code}  {c.name}" + (f"  ({details})" if details else "")
        say("  " + _("line {line}: {message}").format(line=planned.line, message=created))
    skipped = plan.skipped
    if skipped:
        say(
            ngettext("Skipped {count} row:", "Skipped {count} rows:", len(skipped)).format(
                count=len(skipped)
            )
        )
        for row in skipped:
            said = (
                _("line {line} ({name}): {message}").format(
                    line=row.line, name=row.name, message=row.reason
                )
                if row.name
                else _("line {line}: {message}").format(line=row.line, message=row.reason)
            )
            say("  " + said)
    if args.dry_run:
        say(_("Nothing was written (dry run)."))
    return EXIT_OK


def _ignored_columns(mapping: ColumnMapping, rows: Sequence[SourceRow]) -> list[str]:
    """Headers of the unmapped columns that hold something (Google's empty ones are noise)."""
    return [
        header or _("(no header)")
        for index, (header, field) in enumerate(zip(mapping.headers, mapping.fields, strict=True))
        if field is None
        and any(index < len(row.cells) and row.cells[index].strip() for row in rows)
    ]
