"""Changing follow-ups: add one by hand, mark it done, move it to another day.

The Follow-ups tab and the call outcomes (store.outcomes) both write through here.
Each function runs in its own transaction, or joins the caller's.
"""

from __future__ import annotations

import datetime as dt

from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db


def add_followup(customer_id: int, invoice_id: int | None, due_date: dt.date, reason: str) -> int:
    """A follow-up for ``due_date``; returns its id. The reason says what to call about."""
    reason = reason.strip()
    if not reason:
        raise BadInput(_("Say what the follow-up is about."))
    with db.atomic():
        if not m.Customer.select().where(m.Customer.id == customer_id).exists():
            raise BadInput(_("Choose a customer for the follow-up."))
        if invoice_id is not None:
            invoice = m.Invoice.get_or_none(m.Invoice.id == invoice_id)
            if invoice is None or invoice.customer_id != customer_id:
                raise BadInput(_("The follow-up's invoice belongs to another customer."))
        row = m.Followup.create(
            customer=customer_id, invoice=invoice_id, due_date=due_date, reason=reason
        )
    return row.id


def mark_followup_done(followup_id: int) -> None:
    _existing(followup_id)
    m.Followup.update(done=True).where(m.Followup.id == followup_id).execute()


def reopen_followup(followup_id: int) -> None:
    """Undo of :func:`mark_followup_done`."""
    _existing(followup_id)
    m.Followup.update(done=False).where(m.Followup.id == followup_id).execute()


def reschedule_followup(followup_id: int, due_date: dt.date) -> None:
    _existing(followup_id)
    m.Followup.update(due_date=due_date).where(m.Followup.id == followup_id).execute()


def due_followups(customer_id: int, invoice_id: int | None, day: dt.date) -> tuple[int, ...]:
    """The customer's open follow-ups due on or before ``day``, oldest first.

    With an invoice: those about that invoice or about the customer as a whole
    (what a call about that invoice deals with); without: all of them.
    """
    query = m.Followup.select(m.Followup.id).where(
        m.Followup.customer == customer_id,
        m.Followup.done == False,  # noqa: E712 (a SQL comparison, not Python's)
        m.Followup.due_date <= day,
    )
    if invoice_id is not None:
        query = query.where((m.Followup.invoice.is_null()) | (m.Followup.invoice == invoice_id))
    return tuple(row.id for row in query.order_by(m.Followup.due_date, m.Followup.id))


def _existing(followup_id: int) -> None:
    if not m.Followup.select().where(m.Followup.id == followup_id).exists():
        raise BadInput(_("That follow-up is no longer in the book."))
