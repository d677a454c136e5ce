"""Commands that write documents: invoice-pdf, statement-pdf and reminder-pdf.

Customer codes and invoice numbers are found whatever their case (``hollis`` is
HOLLIS) when only one matches (store.lookup).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

from diva_desk.commands.common import EXIT_OK, argument_date
from diva_desk.commands.output import say
from diva_desk.commands.today import day_option
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.saved_files import write_bytes

#: Days of payments a statement lists when --since is not given: about one month,
#: the usual gap between two statements.
DEFAULT_STATEMENT_DAYS = 30
#: documents.letters.reminder.ReminderLevel's values, named here so that the command line
#: starts without loading ReportLab.
REMINDER_LEVELS = ("friendly", "firm", "final")


def register(commands: argparse._SubParsersAction) -> None:
    invoice = commands.add_parser(
        "invoice-pdf",
        help=_("write an invoice as PDF"),
        description=_("Write an invoice as PDF, as the customer receives it."),
    )
    invoice.add_argument("number", metavar="NUMBER", help=_("the invoice number, e.g. INV-1042"))
    add_numbered_output(invoice)
    invoice.set_defaults(run=_invoice_pdf)

    statement = commands.add_parser(
        "statement-pdf",
        help=_("write a customer's statement of account as PDF"),
        description=_(
            "Write a customer's statement of account as PDF: every open invoice with its "
            "age, the aging buckets, the total due, and the payments received recently."
        ),
    )
    statement.add_argument("code", metavar="CODE", help=_("the customer's code, e.g. ACME"))
    statement.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help=_("default: CODE-statement-YYYY-MM-DD.pdf (today's date) in the current folder"),
    )
    statement.add_argument(
        "--since",
        metavar="YYYY-MM-DD",
        type=argument_date,
        help=_(
            "list the payments received on or after this date (the last statement); "
            "default: the last {days} days"
        ).format(days=DEFAULT_STATEMENT_DAYS),
    )
    statement.set_defaults(run=_statement_pdf)

    reminder = commands.add_parser(
        "reminder-pdf",
        help=_("write a payment reminder letter for a customer's overdue invoices as PDF"),
        description=_(
            "Write a payment reminder letter as PDF, dated today (or --date), listing the "
            "customer's overdue invoices (those not yet due are left off). Friendly assumes "
            "an oversight; firm asks for payment within a week and offers a payment plan; "
            "final pauses further work until the balance is settled or a plan is agreed. "
            "What a payment plan being kept, a promise not yet due or an open problem "
            "covers is left off, as on the call list; a missed installment is asked for. "
            "When nothing may be reminded, no letter is written and one line says why "
            "(exit status 2)."
        ),
    )
    reminder.add_argument("code", metavar="CODE", help=_("the customer's code, e.g. ACME"))
    reminder.add_argument(
        "--level",
        choices=REMINDER_LEVELS,
        default=REMINDER_LEVELS[0],
        help=_("how firm the letter is (default: friendly)"),
    )
    reminder.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help=_(
            "write the letter as of this day: its date, what is overdue, and the "
            "payments, promises and plans as they stood then (default: today)"
        ),
    )
    reminder.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help=_(
            "default: CODE-reminder-LEVEL-YYYY-MM-DD.pdf (the letter's date) in the current folder"
        ),
    )
    reminder.set_defaults(run=_reminder_pdf)


def add_numbered_output(parser: argparse.ArgumentParser) -> None:
    """``-o FILE`` for a document named by its number (invoice-pdf, quote-pdf)."""
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help=_(
            "default: NUMBER.pdf in the current folder (characters that cannot be in a "
            "file name, such as /, become -)"
        ),
    )


def write_numbered_pdf(output: Path | None, number: str, data: bytes) -> Path:
    """Write a document named by its number to ``output``, else ``NUMBER.pdf`` here."""
    return write_pdf(output or Path(safe_file_name(number) + ".pdf"), data)


def safe_file_name(name: str) -> str:
    """``name`` as one file name in the current folder: no separators, no leading dot.

    An invoice number such as ``2026/041`` must not write into a folder named 2026,
    nor ``../x`` outside the current one.
    """
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "-", name).strip().lstrip(".")
    return cleaned or "document"


def write_pdf(target: Path, data: bytes) -> Path:
    if target.is_dir():
        raise BadInput(_("{file} is a folder; give a file name").format(file=target))
    if not target.parent.is_dir():
        raise BadInput(
            _("cannot write {file}: the folder {folder} does not exist").format(
                file=target, folder=target.parent
            )
        )
    write_bytes(target, data)
    return target


def _invoice_pdf(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.documents.invoice import invoice_pdf
    from diva_desk.store.book.lookup import invoice_number
    from diva_desk.store.invoices.documents import invoice_document

    number = invoice_number(args.number)
    doc = invoice_document(number, dt.date.today())
    target = write_numbered_pdf(args.output, number, invoice_pdf(doc))
    say(_("Wrote invoice {number} to {file}").format(number=number, file=target))
    return EXIT_OK


def _statement_pdf(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.documents.letters.statement import statement_pdf
    from diva_desk.store.book.lookup import customer_code
    from diva_desk.store.calls.letters import statement_document

    code = customer_code(args.code)
    today = dt.date.today()
    since = args.since or today - dt.timedelta(days=DEFAULT_STATEMENT_DAYS)
    doc = statement_document(code, today, payments_since=since)
    default = f"{safe_file_name(code)}-statement-{today.isoformat()}.pdf"
    target = args.output or Path(default)
    write_pdf(target, statement_pdf(doc))
    say(_("Wrote the statement for {code} to {file}").format(code=code, file=target))
    return EXIT_OK


def _reminder_pdf(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.core.papers import reminder_name
    from diva_desk.documents.letters.reminder import reminder_pdf
    from diva_desk.store.book.lookup import customer_code
    from diva_desk.store.calls.letters import reminder_document

    today = day_option(args.date)
    code = customer_code(args.code)
    data = reminder_pdf(reminder_document(code, today), args.level)
    default = f"{safe_file_name(code)}-reminder-{args.level}-{today.isoformat()}.pdf"
    target = args.output or Path(default)
    write_pdf(target, data)
    say(
        _("Wrote the {reminder} for {code} to {file}").format(
            reminder=reminder_name(args.level), code=code, file=target
        )
    )
    return EXIT_OK
