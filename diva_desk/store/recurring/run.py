"""The run: every period's invoice of every schedule, made once, up to a day.

Each period is one transaction: the invoice is written (and, for a schedule that
sends, given its number and marked sent) and the schedule's next date moves on, all
or nothing, so a crash or a second run can never make a period twice. A laptop
closed for three months makes the three missed months on the next run, each dated
its own period and numbered in date order across all schedules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import peewee

from diva_desk.core import records as r
from diva_desk.core.invoices.recurrence import Every, period_after
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.money import ZERO
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.contents.schedules import schedule_lines
from diva_desk.store.invoices.editing import (
    InvoiceDraft,
    draft_for_customer,
    save_draft,
    send_invoice,
)


@dataclass(frozen=True)
class MadeInvoice:
    """An invoice a run made, for the owner to be told about (and look at, if a draft)."""

    invoice_id: int
    number: str
    customer_code: str
    customer_name: str
    issue_date: dt.date
    total: Decimal
    currency: str
    sent: bool


def run_recurring(through: dt.date) -> list[MadeInvoice]:
    """Make every period's invoice due on or before ``through``, oldest period first."""
    made: list[MadeInvoice] = []
    # Asked first outside a transaction: a run with nothing due writes nothing.
    while _due(through).exists():
        invoice = _make_next(through)
        if invoice is None:  # another run made it meanwhile
            break
        made.append(invoice)
    return made


def due_count(through: dt.date) -> int:
    """How many schedules have a period due on or before ``through`` (one query)."""
    return _due(through).count()


def _due(through: dt.date) -> peewee.ModelSelect:
    s = m.RecurringInvoice
    return s.select().where(
        (s.next_date <= through) & (s.end_date.is_null() | (s.next_date <= s.end_date))
    )


def _make_next(through: dt.date) -> MadeInvoice | None:
    """The oldest period due, made in one transaction; ``None`` when nothing is due."""
    with db.atomic("IMMEDIATE"):
        s = m.RecurringInvoice
        row = _due(through).order_by(s.next_date, s.id).first()
        if row is None:
            return None
        period = row.next_date
        lines = schedule_lines([row.id]).get(row.id, ())
        draft = _draft(row, period, lines)
        invoice_id = save_draft(draft)
        number = (
            send_invoice(invoice_id, period) if row.send else m.Invoice.get_by_id(invoice_id).number
        )
        try:
            following = period_after(period, Every(row.every), row.interval, row.anchor_day)
        except OverflowError:  # the last period before the year 10000: the schedule ends
            following, end = period + dt.timedelta(days=1), period
            s.update(end_date=end).where(s.id == row.id).execute()
        s.update(next_date=following).where(s.id == row.id).execute()
        customer = m.Customer.get_by_id(row.customer_id)
    return MadeInvoice(
        invoice_id=invoice_id,
        number=number,
        customer_code=customer.code,
        customer_name=customer.name,
        issue_date=period,
        total=invoice_totals(draft.lines, draft.currency).total,
        currency=draft.currency,
        sent=row.send,
    )


def _draft(
    row: m.RecurringInvoice, period: dt.date, lines: tuple[r.InvoiceLine, ...]
) -> InvoiceDraft:
    """The period's invoice: dated the period, due per the schedule's terms, else the
    customer's or the business's (as any new invoice). A retainer asks no deposit."""
    usual = draft_for_customer(row.customer_id, period, currency=row.currency)
    due = usual.due_date if row.terms_days is None else period + dt.timedelta(row.terms_days)
    return InvoiceDraft(
        customer_id=row.customer_id,
        issue_date=period,
        due_date=due,
        currency=row.currency,
        deposit_amount=ZERO,
        notes=row.notes,
        lines=lines,
    )
