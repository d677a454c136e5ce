"""``quotes[]`` of interchange v2: a quote read, checked and filled in with its defaults.

Its lines are read as an invoice's (the reader's own line rule). The number is unique
among quotes, in the file and the book; the currency and the deposit percent default
to the customer's; the status defaults to ``draft`` (docs/interchange.md); ``invoice``
names the customer's invoice an accepted quote became, and only an accepted one may
name one.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from decimal import Decimal
from typing import Any

from diva_desk.core import records as r
from diva_desk.i18n import _
from diva_desk.interchange.fields import Fields
from diva_desk.interchange.keys import QUOTE_KEYS
from diva_desk.interchange.references import References
from diva_desk.interchange.values import RATE_PLACES, present, shown

LineReader = Callable[[str, Any], r.InvoiceLine]


class QuoteReader:
    """Reads the file's quotes one by one, remembering the numbers seen."""

    def __init__(self, refs: References, line: LineReader, book_numbers: Collection[str]) -> None:
        self.refs = refs
        self.line = line
        self.taken = set(book_numbers)

    def read(self, where: str, raw: Any) -> r.Quote:
        f = Fields(raw, where).named_by("number")
        f.check_keys(QUOTE_KEYS)
        number = f.identifier("number")
        if number in self.taken:
            raise f.error(
                "number",
                _("a quote numbered {number} is already in the file or the book").format(
                    number=shown(number)
                ),
            )
        customer = self.refs.customer_for(f)
        issue_date = present(f.date("issue_date", required=True))
        valid_until = f.date("valid_until")
        if valid_until is not None and valid_until < issue_date:
            raise f.error("valid_until", _("is before the quote's issue_date"))
        state = f.choice("status", r.QuoteState) or r.QuoteState.DRAFT
        currency = f.currency("currency") or customer.currency
        percent = f.decimal(
            "deposit_percent", places=RATE_PLACES, default=None, maximum=Decimal(100)
        )
        lines = tuple(self.line(w, v) for w, v in f.objects("lines", required=True))
        invoice = self.refs.invoice_for(f, customer=customer.code)
        if invoice is not None and state is not r.QuoteState.ACCEPTED:
            raise f.error("invoice", _("only an accepted quote names the invoice it became"))
        self.taken.add(number)
        return r.Quote(
            number=number,
            customer=customer.code,
            issue_date=issue_date,
            lines=lines,
            valid_until=valid_until,
            state=state,
            currency=currency,
            deposit_percent=customer.deposit_percent if percent is None else percent,
            notes=f.text("notes"),
            invoice=invoice,
        )
