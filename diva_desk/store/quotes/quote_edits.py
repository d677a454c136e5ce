"""Writing a quote, sending it, declining or deleting it; and the numbers quotes carry.

A quote takes its number (the business's quote prefix and counter, apart from the
invoices') when it is first saved: a quote is an offer, not a tax document, so a
deleted draft leaving a gap harms nobody. Its lines are checked and kept as an
invoice's are (store.invoices.editing.check_draft, store.taxes.lines), and its total
is written with them in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.business_rules import MAX_INVOICE_NUMBER
from diva_desk.core.money import RATE_PLACES, ZERO, to_minor
from diva_desk.core.quotes.states import (
    DEFAULT_VALID_DAYS,
    QuoteStatus,
    check_can_answer,
    check_can_delete,
    check_can_edit,
    check_can_send,
    quote_status,
    quote_total,
)
from diva_desk.core.text_limits import cleaned
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.invoices.editing import InvoiceDraft, check_draft, cleaned_line
from diva_desk.store.invoices.records import customer_record
from diva_desk.store.quotes.quote_rows import TAX_TABLE, quote_row
from diva_desk.store.taxes.lines import insert_line_taxes, tax_rows

_HUNDRED = Decimal(100)
_QUANTUM = Decimal(1).scaleb(-RATE_PLACES)


@dataclass(frozen=True)
class QuoteDraft:
    """What the quote editor holds before it is saved."""

    customer_id: int
    issue_date: dt.date
    valid_until: dt.date | None
    currency: str = r.DEFAULT_CURRENCY
    deposit_percent: Decimal = ZERO
    notes: str = ""
    lines: tuple[r.InvoiceLine, ...] = field(default=())


def draft_quote_for(customer_id: int, today: dt.date) -> QuoteDraft:
    """A new quote for a customer: their currency and deposit percent, valid 30 days."""
    customer = customer_record(customer_id)
    return QuoteDraft(
        customer_id=customer_id,
        issue_date=today,
        valid_until=today + dt.timedelta(days=DEFAULT_VALID_DAYS),
        currency=customer.currency,
        deposit_percent=customer.deposit_percent,
    )


def status_of(row: m.Quote, day: dt.date) -> QuoteStatus:
    return quote_status(r.QuoteState(row.state), row.valid_until, day)


def save_quote(draft: QuoteDraft, quote_id: int | None = None, *, today: dt.date) -> int:
    """Create a quote, or replace a draft's or an unanswered sent one's fields and lines.

    Returns its id. Checked as an invoice's lines are; the valid-until date may not
    come before the quote's own date, and the deposit is a percent from 0 to 100.
    """
    lines = tuple(cleaned_line(line) for line in draft.lines)
    draft = replace(cleaned(draft), lines=lines)
    _check(draft)
    total = quote_total(draft.lines, draft.currency)
    values = {
        "customer": draft.customer_id,
        "issue_date": draft.issue_date,
        "valid_until": draft.valid_until,
        "currency": draft.currency,
        "deposit_percent": draft.deposit_percent,
        "notes": draft.notes.strip(),
        "total_minor": to_minor(total, draft.currency),
    }
    with db.atomic("IMMEDIATE"):
        if not m.Customer.select().where(m.Customer.id == draft.customer_id).exists():
            raise BadInput(_("Choose a customer for the quote."))
        if quote_id is None:
            row = m.Quote.create(number=f"new-{uuid.uuid4()}", state=r.QuoteState.DRAFT, **values)
            quote_id = row.id
            m.Quote.update(number=take_quote_number()).where(m.Quote.id == quote_id).execute()
        else:
            row = quote_row(quote_id)
            check_can_edit(row.number, status_of(row, today))
            m.Quote.update(**values).where(m.Quote.id == quote_id).execute()
            m.QuoteLine.delete().where(m.QuoteLine.quote == quote_id).execute()
        for position, line in enumerate(draft.lines):
            line_id = m.QuoteLine.insert(
                quote=quote_id,
                position=position,
                description=line.description.strip(),
                quantity=line.quantity,
                unit_price=line.unit_price,
            ).execute()
            insert_line_taxes(tax_rows(line_id, line.taxes), table=TAX_TABLE)
    return quote_id


def send_quote(quote_id: int, today: dt.date) -> str:
    """Mark a draft sent (the owner gave it to the customer); returns its number."""
    with db.atomic("IMMEDIATE"):
        row = quote_row(quote_id)
        check_can_send(row.number, status_of(row, today))
        if not m.QuoteLine.select().where(m.QuoteLine.quote == quote_id).exists():
            raise BadInput(_("There is nothing to send: the quote has no lines."))
        m.Quote.update(state=r.QuoteState.SENT).where(m.Quote.id == quote_id).execute()
    return row.number


def decline_quote(quote_id: int, today: dt.date) -> str:
    """The customer said no: the quote is kept, declined, and makes no more calls."""
    with db.atomic("IMMEDIATE"):
        row = quote_row(quote_id)
        check_can_answer(row.number, status_of(row, today))
        m.Quote.update(state=r.QuoteState.DECLINED).where(m.Quote.id == quote_id).execute()
    return row.number


def delete_quote(quote_id: int, today: dt.date) -> None:
    """Throw a draft away (its lines and their taxes go with it)."""
    with db.atomic("IMMEDIATE"):
        row = quote_row(quote_id)
        check_can_delete(row.number, status_of(row, today))
        m.Quote.delete().where(m.Quote.id == quote_id).execute()


def take_quote_number() -> str:
    """The business's quote prefix and counter, skipping a number the book holds already
    (an imported quote may have it); the counter moves past it."""
    business = m.Business.get_or_none(m.Business.id == 1)
    if business is None:
        raise BadInput(
            _("Fill in the business profile before writing a quote: it goes on every quote.")
        )
    prefix, counter = business.quote_prefix, business.next_quote_number
    number = f"{prefix}{counter}"
    while (
        counter <= MAX_INVOICE_NUMBER and m.Quote.select().where(m.Quote.number == number).exists()
    ):
        counter += 1
        number = f"{prefix}{counter}"
    if counter > MAX_INVOICE_NUMBER:
        raise BadInput(
            _("No quote number is left after {prefix}; choose another quote prefix.").format(
                prefix=prefix
            )
        )
    m.Business.update(next_quote_number=min(counter + 1, MAX_INVOICE_NUMBER)).where(
        m.Business.id == 1
    ).execute()
    return number


def _taken(number: str) -> bool:
    return m.Quote.select().where(m.Quote.number == number).exists()


def _check(draft: QuoteDraft) -> None:
    if draft.valid_until is not None and draft.valid_until < draft.issue_date:
        raise BadInput(_("The valid-until date is before the quote's date."))
    percent = draft.deposit_percent
    if not ZERO <= percent <= _HUNDRED or percent != percent.quantize(_QUANTUM):
        raise BadInput(_("The deposit must be a percent from 0 to 100."))
    if not draft.lines:
        raise BadInput(_("Add at least one line to the quote."))
    # The lines, currency and notes by the invoices' one rule.
    check_draft(
        InvoiceDraft(
            customer_id=draft.customer_id,
            issue_date=draft.issue_date,
            due_date=draft.issue_date,
            currency=draft.currency,
            notes=draft.notes,
            lines=draft.lines,
        )
    )
