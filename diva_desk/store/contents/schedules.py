"""Recurring invoices in the book as core records: written with an import, read for export.

A schedule's lines and their taxes are kept as an invoice's are (recurring_line,
recurring_line_tax) and go through store.taxes.lines, the one reader and writer of
a line's taxes. store.recurring edits and runs the schedules through these functions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from diva_desk.core import records as r
from diva_desk.core.invoices.recurrence import Every, anchor_day_of
from diva_desk.store.book import models as m
from diva_desk.store.taxes.lines import RECURRING_LINES, insert_line_taxes, tax_rows, taxes_of_lines


def insert_schedule(schedule: r.RecurringInvoice, customer_id: int, currency: str) -> int:
    """Write one schedule and its lines; ``currency`` is the schedule's or its customer's."""
    anchor = schedule.anchor_day or anchor_day_of(schedule.next_date)
    schedule_id = m.RecurringInvoice.insert(
        customer=customer_id,
        every=str(schedule.every),
        interval=schedule.interval,
        anchor_day=anchor,
        next_date=schedule.next_date,
        end_date=schedule.end_date,
        send=schedule.send,
        terms_days=schedule.terms_days,
        currency=schedule.currency or currency,
        notes=schedule.notes,
    ).execute()
    write_schedule_lines(schedule_id, schedule.lines)
    return schedule_id


def write_schedule_lines(schedule_id: int, lines: Sequence[r.InvoiceLine]) -> None:
    """Replace a schedule's lines (and their taxes, by the cascade) with ``lines``."""
    m.RecurringLine.delete().where(m.RecurringLine.recurring == schedule_id).execute()
    for position, line in enumerate(lines):
        line_id = m.RecurringLine.insert(
            recurring=schedule_id,
            position=position,
            description=line.description,
            quantity=line.quantity,
            unit_price=line.unit_price,
        ).execute()
        insert_line_taxes(tax_rows(line_id, line.taxes), table=RECURRING_LINES)


def schedule_lines(schedule_ids: Collection[int]) -> dict[int, tuple[r.InvoiceLine, ...]]:
    """Each schedule's lines in their order, with their taxes (two queries)."""
    rows = list(
        m.RecurringLine.select()
        .where(m.RecurringLine.recurring.in_(sorted(set(schedule_ids))))
        .order_by(m.RecurringLine.recurring, m.RecurringLine.position)
    )
    taxes = taxes_of_lines([row.id for row in rows], table=RECURRING_LINES)
    found: dict[int, list[r.InvoiceLine]] = defaultdict(list)
    for row in rows:
        found[row.recurring_id].append(
            r.InvoiceLine(
                description=row.description,
                quantity=row.quantity,
                unit_price=row.unit_price,
                taxes=taxes.get(row.id, ()),
            )
        )
    return {schedule_id: tuple(lines) for schedule_id, lines in found.items()}


def schedule_record(
    row: m.RecurringInvoice, customer_code: str, lines: tuple[r.InvoiceLine, ...]
) -> r.RecurringInvoice:
    return r.RecurringInvoice(
        customer=customer_code,
        every=Every(row.every),
        next_date=row.next_date,
        lines=lines,
        interval=row.interval,
        end_date=row.end_date,
        send=row.send,
        terms_days=row.terms_days,
        notes=row.notes,
        currency=row.currency,
        anchor_day=row.anchor_day,
    )


def read_schedules(customer_codes: Mapping[int, str]) -> tuple[r.RecurringInvoice, ...]:
    """Every schedule as a record, in the order they were added."""
    rows = list(m.RecurringInvoice.select().order_by(m.RecurringInvoice.id))
    lines = schedule_lines([row.id for row in rows]) if rows else {}
    return tuple(
        schedule_record(row, customer_codes[row.customer_id], lines.get(row.id, ())) for row in rows
    )


def schedules_to_export() -> tuple[tuple[r.RecurringInvoice, ...], dict[str, str]]:
    """Every schedule as a record, and the currency of each customer they name (by code):
    a schedule writes its currency only when it is not its customer's."""
    if not m.RecurringInvoice.select().exists():
        return (), {}
    named = m.RecurringInvoice.select(m.RecurringInvoice.customer)
    customers = list(
        m.Customer.select(m.Customer.id, m.Customer.code, m.Customer.currency)
        .where(m.Customer.id.in_(named))
        .tuples()
    )
    codes = {customer_id: code for customer_id, code, _currency in customers}
    return read_schedules(codes), {code: currency for _id, code, currency in customers}
