"""Setting up, listing, ending and deleting recurring invoices.

A schedule is checked as an invoice is (store.invoices.drafts.checked_draft: lines,
taxes, currency, notes), plus its own fields: how often, the interval, the dates.
Its anchor day (core.invoices.recurrence) is taken from the first date it is given
and kept while the schedule runs; a next date the owner changes sets it again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.customers.customer_rules import MAX_TERMS_DAYS
from diva_desk.core.invoices.recurrence import (
    MAX_INTERVAL,
    Every,
    anchor_day_of,
    has_ended,
    period_after,
)
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.contents.schedules import schedule_lines, write_schedule_lines
from diva_desk.store.invoices.drafts import InvoiceDraft, checked_draft
from diva_desk.store.invoices.records import customer_record, invoice_row, lines_of


@dataclass(frozen=True)
class Schedule:
    """What the schedule dialog edits; ``schedule_id`` ``None`` is a new one."""

    customer_id: int
    every: Every
    next_date: dt.date
    currency: str
    interval: int = 1
    end_date: dt.date | None = None
    send: bool = False
    terms_days: int | None = None
    notes: str = ""
    lines: tuple[r.InvoiceLine, ...] = field(default=())
    schedule_id: int | None = None


@dataclass(frozen=True)
class ScheduleRow:
    """One line of the list of schedules."""

    schedule_id: int
    customer_code: str
    customer_name: str
    every: Every
    interval: int
    next_date: dt.date
    end_date: dt.date | None
    send: bool
    currency: str
    total: Decimal

    @property
    def ended(self) -> bool:
        return has_ended(self.next_date, self.end_date)


def schedule_from_invoice(invoice_id: int) -> Schedule:
    """A monthly schedule like the invoice: its customer, currency, notes and lines,
    starting a month after it was issued, made as drafts until the owner says otherwise."""
    row = invoice_row(invoice_id)
    every = Every.MONTH
    start = period_after(row.issue_date, every, 1, anchor_day_of(row.issue_date))
    return Schedule(
        customer_id=row.customer_id,
        every=every,
        next_date=start,
        currency=row.currency,
        notes=row.notes,
        lines=lines_of([invoice_id]).get(invoice_id, ()),
    )


def new_schedule(customer_id: int, start: dt.date) -> Schedule:
    """An empty monthly schedule for the customer, in their currency."""
    customer = customer_record(customer_id)
    return Schedule(
        customer_id=customer_id, every=Every.MONTH, next_date=start, currency=customer.currency
    )


def load_schedule(schedule_id: int) -> Schedule:
    row = _row(schedule_id)
    return Schedule(
        customer_id=row.customer_id,
        every=Every(row.every),
        next_date=row.next_date,
        currency=row.currency,
        interval=row.interval,
        end_date=row.end_date,
        send=row.send,
        terms_days=row.terms_days,
        notes=row.notes,
        lines=schedule_lines([schedule_id]).get(schedule_id, ()),
        schedule_id=schedule_id,
    )


def save_schedule(schedule: Schedule) -> int:
    """Create or replace a schedule and its lines in one transaction; returns its id."""
    schedule = _checked(schedule)
    values = {
        "customer": schedule.customer_id,
        "every": str(schedule.every),
        "interval": schedule.interval,
        "next_date": schedule.next_date,
        "end_date": schedule.end_date,
        "send": schedule.send,
        "terms_days": schedule.terms_days,
        "currency": schedule.currency,
        "notes": schedule.notes,
    }
    with db.atomic("IMMEDIATE"):
        if schedule.schedule_id is None:
            values["anchor_day"] = anchor_day_of(schedule.next_date)
            schedule_id = m.RecurringInvoice.insert(**values).execute()
        else:
            schedule_id = schedule.schedule_id
            row = _row(schedule_id)
            if row.next_date != schedule.next_date:
                values["anchor_day"] = anchor_day_of(schedule.next_date)
            m.RecurringInvoice.update(**values).where(
                m.RecurringInvoice.id == schedule_id
            ).execute()
        write_schedule_lines(schedule_id, schedule.lines)
    return schedule_id


def end_schedule(schedule_id: int) -> dt.date:
    """Make no more invoices: the schedule ends the day before its next date (returned)."""
    with db.atomic("IMMEDIATE"):
        row = _row(schedule_id)
        end = row.next_date - dt.timedelta(days=1)
        if row.end_date is not None and row.end_date < end:
            end = row.end_date
        s = m.RecurringInvoice
        s.update(end_date=end).where(s.id == schedule_id).execute()
    return end


def delete_schedule(schedule_id: int) -> None:
    """Remove the schedule and its lines; the invoices it made stay in the book."""
    with db.atomic("IMMEDIATE"):
        _row(schedule_id)
        m.RecurringInvoice.delete().where(m.RecurringInvoice.id == schedule_id).execute()


def schedule_rows() -> list[ScheduleRow]:
    """Every schedule, the running ones first by next date, then the ended ones."""
    query = (
        m.RecurringInvoice.select(m.RecurringInvoice, m.Customer.code, m.Customer.name)
        .join(m.Customer)
        .order_by(m.RecurringInvoice.next_date, m.RecurringInvoice.id)
    )
    rows = list(query)
    lines = schedule_lines([row.id for row in rows]) if rows else {}
    found = [
        ScheduleRow(
            schedule_id=row.id,
            customer_code=row.customer.code,
            customer_name=row.customer.name,
            every=Every(row.every),
            interval=row.interval,
            next_date=row.next_date,
            end_date=row.end_date,
            send=row.send,
            currency=row.currency,
            total=invoice_totals(lines.get(row.id, ()), row.currency).total,
        )
        for row in rows
    ]
    return sorted(found, key=lambda row: row.ended)


def _row(schedule_id: int) -> m.RecurringInvoice:
    row = m.RecurringInvoice.get_or_none(m.RecurringInvoice.id == schedule_id)
    if row is None:
        raise BadInput(_("That recurring invoice is no longer in the book."))
    return row


def _checked(schedule: Schedule) -> Schedule:
    """The schedule cleaned as the book keeps it, or ``BadInput`` naming the field."""
    if not 1 <= schedule.interval <= MAX_INTERVAL:
        raise BadInput(
            _("Repeat every: give a whole number from 1 to {most}.").format(most=MAX_INTERVAL)
        )
    if schedule.terms_days is not None and not 0 <= schedule.terms_days <= MAX_TERMS_DAYS:
        raise BadInput(
            _("Terms: give a number of days from 0 to {most}.").format(most=MAX_TERMS_DAYS)
        )
    if schedule.end_date is not None and schedule.end_date < schedule.next_date:
        raise BadInput(_("The end date is before the next invoice's date."))
    if not schedule.lines:
        raise BadInput(_("Add at least one line: the invoices are made from them."))
    draft = checked_draft(
        InvoiceDraft(
            customer_id=schedule.customer_id,
            issue_date=schedule.next_date,
            due_date=schedule.next_date,
            currency=schedule.currency,
            notes=schedule.notes,
            lines=schedule.lines,
        )
    )
    if not m.Customer.select().where(m.Customer.id == schedule.customer_id).exists():
        raise BadInput(_("Choose a customer for the recurring invoice."))
    return replace(schedule, notes=draft.notes.strip(), lines=draft.lines)


@dataclass(frozen=True)
class CustomerChoice:
    customer_id: int
    code: str
    name: str
    currency: str


def customer_choices(also: int | None = None) -> list[CustomerChoice]:
    """The customers a schedule may be for: the active ones, and ``also`` if archived."""
    c = m.Customer
    query = (
        c.select(c.id, c.code, c.name, c.currency)
        .where((c.archived == False) | (c.id == also))  # noqa: E712 (SQL, not Python)
        .order_by(c.name.collate("NOCASE"), c.code)
    )
    return [CustomerChoice(*row) for row in query.tuples()]
