"""``import-bank``: a bank statement's credits matched to open invoices and recorded."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diva_desk.commands.common import EXIT_OK, cut_to_width, table_row, text_width
from diva_desk.commands.output import say, say_json
from diva_desk.i18n import _, ngettext

if TYPE_CHECKING:
    from diva_desk.bank.matching import BankPlan

#: A bank description longer than this is cut in the plain-text list.
_DESCRIPTION_WIDTH = 40


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import-bank",
        help=_("match a bank statement's credits to open invoices and record them as payments"),
        description=_(
            "Read a bank statement (OFX or QFX, a Canadian bank's CSV, CAMT.053), match "
            "each credit to the open invoice it pays and record the matches as payments, "
            "all or nothing. Lines it cannot match wait for review in the app; debits are "
            "ignored; a transaction already imported is never recorded twice."
        ),
    )
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument(
        "--dry-run", action="store_true", help=_("show what would be recorded; write nothing")
    )
    parser.add_argument("--json", action="store_true", help=_("print JSON (spec/cli.md)"))
    parser.set_defaults(run=_import_bank)


def _import_bank(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.bank.matching import plan_bank_import
    from diva_desk.bank.reading import read_statement
    from diva_desk.bank.recording import record_bank_import

    plan = plan_bank_import(read_statement(args.file), args.file.name)
    if not args.dry_run:
        record_bank_import(plan)
    if args.json:
        say_json(plan_json(plan))
    else:
        _say_plan(plan, dry_run=args.dry_run)
    return EXIT_OK


def plan_json(plan: BankPlan) -> dict[str, Any]:
    """spec/cli.md ``import-bank --json``: one ``matched`` entry per invoice paid (a cheque
    paying two invoices is two entries with the same transaction)."""
    from diva_desk.core.money import money_text

    return {
        "file": plan.file,
        "account": plan.account,
        "matched": [
            {
                "transaction": m.line.transaction,
                "date": m.line.date.isoformat(),
                "amount": money_text(a.amount, plan.currency),
                "invoice": a.invoice,
                "customer": a.customer,
                "how": m.how,
            }
            for m in plan.matched
            for a in m.allocations
        ],
        "review": [
            {
                "transaction": r.line.transaction,
                "date": r.line.date.isoformat(),
                "amount": money_text(r.line.amount, plan.currency),
                "description": r.line.description,
                "candidates": list(r.candidates),
            }
            for r in plan.review
        ],
        "ignored": plan.ignored,
        "already_imported": plan.already_imported,
    }


def _say_plan(plan: BankPlan, *, dry_run: bool) -> None:
    from diva_desk.bank.matching import how_label
    from diva_desk.i18n import format as fmt

    account = plan.account or _("(no account number)")
    say(
        _("{file}, account {account} ({currency}):").format(
            file=plan.file, account=account, currency=plan.currency
        )
    )
    payments = sum(len(m.allocations) for m in plan.matched)
    if dry_run:
        heading = ngettext(
            "Would record {count} payment:", "Would record {count} payments:", payments
        )
    else:
        heading = ngettext("Recorded {count} payment:", "Recorded {count} payments:", payments)
    if payments:
        say(heading.format(count=payments))
        rows = [
            [
                fmt.date(m.line.date),
                fmt.money(a.amount, plan.currency),
                a.invoice,
                a.customer,
                how_label(m.how),
            ]
            for m in plan.matched
            for a in m.allocations
        ]
        _table(rows, right={1})
    else:
        say(_("No payment to record."))
    if plan.review:
        say(
            ngettext(
                "{count} line waits for review in the app:",
                "{count} lines wait for review in the app:",
                len(plan.review),
            ).format(count=len(plan.review))
        )
        rows = [
            [
                fmt.date(r.line.date),
                fmt.money(r.line.amount, plan.currency),
                cut_to_width(r.line.description, _DESCRIPTION_WIDTH),
                ", ".join(r.candidates) or "—",
            ]
            for r in plan.review
        ]
        _table(rows, right={1}, notes=[r.reason for r in plan.review])
    say(
        ngettext("{count} debit ignored", "{count} debits ignored", plan.ignored).format(
            count=plan.ignored
        )
        + "; "
        + ngettext(
            "{count} transaction already imported",
            "{count} transactions already imported",
            plan.already_imported,
        ).format(count=plan.already_imported)
        + "."
    )
    if dry_run:
        say(_("Nothing was written (dry run)."))


def _table(rows: list[list[str]], right: set[int], notes: list[str] | None = None) -> None:
    """The rows aligned, each followed by its note (why it waits), indented, if any."""
    widths = [max(text_width(row[c]) for row in rows) for c in range(len(rows[0]))]
    for index, row in enumerate(rows):
        say("  " + table_row(row, widths, right))
        if notes and notes[index]:
            say("      " + notes[index])
