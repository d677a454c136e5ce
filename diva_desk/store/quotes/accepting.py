"""Accepting a quote: the invoice it becomes, asking for the deposit at once.

The invoice has the quote's lines and taxes, its currency and notes, the customer's
terms for the due date, and a deposit of the quote's percent of the total (rounded by
core.money) due the day the quote was accepted, so the Today list's deposit call
(``deposit_due``) comes up if it does not arrive. The invoice is sent (it takes the
next invoice number) and the quote records it, all in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from diva_desk.core import records as r
from diva_desk.core.money import ZERO
from diva_desk.core.quotes.states import check_can_answer, quote_deposit
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.invoices.editing import draft_for_customer, save_draft, send_invoice
from diva_desk.store.quotes.quote_edits import status_of
from diva_desk.store.quotes.quote_rows import quote_lines_of, quote_row, quote_row_by_number


def accept_quote(quote_id: int, today: dt.date) -> str:
    """Accept the sent quote on ``today``; returns the number of the invoice it became.

    Accepting twice, or a draft, declined or expired quote, is refused (BadInput)
    and changes nothing.
    """
    with db.atomic("IMMEDIATE"):
        row = quote_row(quote_id)
        check_can_answer(row.number, status_of(row, today))
        lines = quote_lines_of([row.id])[row.id]
        fresh = draft_for_customer(row.customer_id, today, lines, currency=row.currency)
        deposit = quote_deposit(lines, row.deposit_percent, row.currency)
        draft = dataclasses.replace(
            fresh,
            deposit_amount=deposit,
            deposit_due_date=today if deposit > ZERO else None,
            notes=row.notes,
        )
        invoice_id = save_draft(draft)
        number = send_invoice(invoice_id, today)
        m.Quote.update(state=r.QuoteState.ACCEPTED, invoice=invoice_id).where(
            m.Quote.id == quote_id
        ).execute()
    return number


def accept_quote_numbered(number: str, today: dt.date) -> str:
    """``accept-quote NUMBER``: as :func:`accept_quote`, the quote named by its number."""
    return accept_quote(quote_row_by_number(number).id, today)
