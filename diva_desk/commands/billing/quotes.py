"""Commands about quotes: quote-pdf and accept-quote (spec/cli.md).

Quote numbers are found whatever their case (``q-3`` is ``Q-3``) when only one
matches (store.lookup). Accepting twice, or a draft, declined, expired or unknown
quote, is bad input: one line on stderr and exit status 2, nothing changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from diva_desk.commands.common import EXIT_OK
from diva_desk.commands.documents import add_numbered_output, write_numbered_pdf
from diva_desk.commands.output import say
from diva_desk.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
    pdf = commands.add_parser(
        "quote-pdf",
        help=_("write a quote as PDF"),
        description=_(
            "Write a quote as PDF, as the customer receives it: its lines and total, the "
            "date it is valid until and the deposit that confirms the booking."
        ),
    )
    pdf.add_argument("number", metavar="NUMBER", help=_("the quote number, e.g. Q-12"))
    add_numbered_output(pdf)
    pdf.set_defaults(run=_quote_pdf)

    accept = commands.add_parser(
        "accept-quote",
        help=_("accept a quote: it becomes an invoice asking for the deposit"),
        description=_(
            "Accept a sent quote today: it becomes a sent invoice with the same lines and "
            "taxes, due on the customer's terms, asking for the quote's deposit at once. "
            "Prints the invoice's number. A quote already accepted, declined, expired or "
            "still a draft is refused (exit status 2)."
        ),
    )
    accept.add_argument("number", metavar="NUMBER", help=_("the quote number, e.g. Q-12"))
    accept.set_defaults(run=_accept_quote)


def _quote_pdf(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.documents.quotes.quote_pdf import quote_pdf
    from diva_desk.store.book.lookup import quote_number
    from diva_desk.store.quotes.quote_document import quote_document

    number = quote_number(args.number)
    doc = quote_document(number, dt.date.today())
    target = write_numbered_pdf(args.output, number, quote_pdf(doc))
    say(_("Wrote quote {number} to {file}").format(number=number, file=target))
    return EXIT_OK


def _accept_quote(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.store.book.lookup import quote_number
    from diva_desk.store.quotes.accepting import accept_quote_numbered

    number = quote_number(args.number)
    invoice = accept_quote_numbered(number, dt.date.today())
    say(
        _("Accepted quote {number}: invoice {invoice} asks for the deposit.").format(
            number=number, invoice=invoice
        )
    )
    return EXIT_OK
