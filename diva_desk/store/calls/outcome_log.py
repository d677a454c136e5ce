"""The record-keeping under the call outcomes (store.outcomes): what one wrote, and undo.

An outcome names every row it wrote and every row it changed (with the value it had
before) in an :class:`OutcomeResult`; :func:`undo_outcome` takes exactly that back.
The helpers below are shared by the outcomes and not meant for other callers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.money import ZERO, fits_currency
from diva_desk.core.text_limits import clean, too_long
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n.format import places_rule
from diva_desk.store.book import models as m
from diva_desk.store.book.business import get_business
from diva_desk.store.book.db import db
from diva_desk.store.calls.followup_edits import (
    due_followups,
    mark_followup_done,
    reschedule_followup,
)


@dataclass(frozen=True)
class OutcomeResult:
    """What one outcome wrote and changed, by id, so that undo can take exactly that back."""

    customer_id: int
    outcome: r.Outcome
    #: One line for the status bar: what happened and what comes next.
    summary: str
    #: The day the next step is set for (a follow-up, the first installment), if any.
    next_date: dt.date | None = None
    interaction_ids: tuple[int, ...] = ()
    followup_ids: tuple[int, ...] = ()
    promise_ids: tuple[int, ...] = ()
    plan_ids: tuple[int, ...] = ()
    payment_ids: tuple[int, ...] = ()
    #: Open follow-ups the call dealt with and marked done.
    closed_followups: tuple[int, ...] = ()
    #: Follow-ups moved to the next try, each with the due date it had before.
    moved_followups: tuple[tuple[int, dt.date], ...] = ()
    #: The invoice whose receipt was confirmed, with the confirmation date it had before.
    receipt: tuple[int, dt.date | None] | None = None
    #: The customer's snooze before a snooze outcome: (setting key, previous value).
    snooze: tuple[str, str | None] | None = None


def undo_outcome(result: OutcomeResult) -> None:
    """Take back exactly what one outcome wrote and changed, in one transaction."""
    with db.atomic("IMMEDIATE"):
        if result.payment_ids:
            m.Payment.delete().where(m.Payment.id.in_(result.payment_ids)).execute()
        if result.plan_ids:
            m.Installment.delete().where(m.Installment.plan.in_(result.plan_ids)).execute()
            m.PaymentPlan.delete().where(m.PaymentPlan.id.in_(result.plan_ids)).execute()
        if result.promise_ids:
            m.Promise.delete().where(m.Promise.id.in_(result.promise_ids)).execute()
        if result.followup_ids:
            m.Followup.delete().where(m.Followup.id.in_(result.followup_ids)).execute()
        if result.interaction_ids:
            m.Interaction.delete().where(m.Interaction.id.in_(result.interaction_ids)).execute()
        if result.closed_followups:
            m.Followup.update(done=False).where(
                m.Followup.id.in_(result.closed_followups)
            ).execute()
        for followup_id, due in result.moved_followups:
            m.Followup.update(due_date=due).where(m.Followup.id == followup_id).execute()
        if result.receipt is not None:
            invoice_id, before = result.receipt
            m.Invoice.update(received_confirmed_date=before).where(
                m.Invoice.id == invoice_id
            ).execute()
        if result.snooze is not None:
            key, value = result.snooze
            if value is None:
                m.Setting.delete().where(m.Setting.key == key).execute()
            else:
                m.Setting.replace(key=key, value=value).execute()


def parties(customer_id: int, invoice_id: int | None) -> tuple[m.Customer, m.Invoice | None]:
    customer = m.Customer.get_or_none(m.Customer.id == customer_id)
    if customer is None:
        raise BadInput(_("That customer is no longer in the book."))
    if invoice_id is None:
        return customer, None
    invoice = m.Invoice.get_or_none(m.Invoice.id == invoice_id)
    if invoice is None or invoice.customer_id != customer_id:
        raise BadInput(_("That invoice is not one of {customer}'s.").format(customer=customer.name))
    return customer, invoice


def check_amount(amount: Decimal, what: str, currency: str) -> None:
    """Refuse an amount that is not above zero in the currency's minor units, naming it."""
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= ZERO:
        raise BadInput(_("{what} must be more than zero.").format(what=what))
    if not fits_currency(amount, currency):
        raise BadInput(_("{what}: {rule}.").format(what=what, rule=places_rule(currency)))


def log_call(
    customer_id: int,
    invoice_id: int | None,
    on: dt.datetime,
    outcome: r.Outcome,
    notes: str,
    channel: r.Channel = r.Channel.CALL,
) -> int:
    """Write one interaction. Its notes lose control characters; notes over their limit
    are refused (each caller writes inside a transaction, so nothing else stays)."""
    notes = clean("notes", notes)
    if problem := too_long(_("Notes"), "notes", notes):
        raise BadInput(problem)
    row = m.Interaction.create(
        customer=customer_id,
        invoice=invoice_id,
        at=on.replace(microsecond=0, tzinfo=None),
        channel=str(channel),
        outcome=str(outcome),
        notes=notes,
    )
    return row.id


def join_notes(text: str, notes: str) -> str:
    notes = notes.strip()
    return f"{text} {notes}" if notes else text


def close_due(customer_id: int, invoice_id: int | None, on: dt.datetime) -> tuple[int, ...]:
    """Mark done the open follow-ups this call dealt with (see the module docstring)."""
    ids = due_followups(customer_id, invoice_id, on.date())
    for followup_id in ids:
        mark_followup_done(followup_id)
    return ids


def move_due(customer_id: int, on: dt.datetime, to: dt.date) -> tuple[tuple[int, dt.date], ...]:
    moved = []
    for followup_id in due_followups(customer_id, None, on.date()):
        row = m.Followup.get_by_id(followup_id)
        moved.append((followup_id, row.due_date))
        reschedule_followup(followup_id, to)
    return tuple(moved)


def last_interaction_id() -> int:
    (last,) = db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM interaction").fetchone()
    return last


def book_locale() -> str | None:
    """The book's locale for amounts and dates; the app's when the book has no profile."""
    business = get_business()
    return business.locale if business else None
