"""``recurring_invoices[]`` of interchange v2: a customer's schedule, read and written.

Where the spec is silent (docs/interchange.md): ``every`` is required; ``currency``
may be given, as on an invoice, and is written only when it is not the customer's;
the anchor day a schedule keeps (core.invoices.recurrence) is not in the file, so it
is taken again from ``next_date``; an ended schedule (``end_date`` before
``next_date``) reads as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from diva_desk.core import records as r
from diva_desk.core.invoices.recurrence import MAX_INTERVAL
from diva_desk.interchange.fields import Fields
from diva_desk.interchange.keys import RECURRING_KEYS
from diva_desk.interchange.references import References
from diva_desk.interchange.values import MAX_DAYS, present

ReadLine = Callable[[str, Any], r.InvoiceLine]
WriteLine = Callable[[r.InvoiceLine, str], dict[str, Any]]


def read_recurring(
    where: str, raw: Any, refs: References, read_line: ReadLine
) -> r.RecurringInvoice:
    f = Fields(raw, where)
    f.check_keys(RECURRING_KEYS)
    customer = refs.customer_for(f)
    f.text("every", required=True)  # absent or null: "missing; this key is required"
    every = present(f.choice("every", r.Every))
    currency = f.currency("currency")
    return r.RecurringInvoice(
        customer=customer.code,
        every=every,
        interval=present(f.integer("interval", default=1, minimum=1, maximum=MAX_INTERVAL)),
        next_date=present(f.date("next_date", required=True)),
        end_date=f.date("end_date"),
        send=f.boolean("send"),
        terms_days=f.integer("terms_days", maximum=MAX_DAYS),
        notes=f.text("notes"),
        currency=None if currency == customer.currency else currency,
        lines=tuple(read_line(w, v) for w, v in f.objects("lines", required=True)),
    )


def recurring_object(
    schedule: r.RecurringInvoice, customer_currency: str, write_line: WriteLine
) -> dict[str, Any]:
    currency = schedule.currency or customer_currency
    written: dict[str, Any] = {
        "customer": schedule.customer,
        "every": str(schedule.every),
        "interval": schedule.interval,
        "next_date": schedule.next_date.isoformat(),
        "end_date": _day(schedule.end_date),
        "send": schedule.send,
        "terms_days": schedule.terms_days,
        "notes": schedule.notes,
    }
    if currency != customer_currency:
        written["currency"] = currency
    written["lines"] = [write_line(line, currency) for line in schedule.lines]
    return written


def recurring_objects(
    schedules: tuple[r.RecurringInvoice, ...],
    currencies: dict[str, str],
    write_line: WriteLine,
) -> Iterator[dict[str, Any]]:
    """Each schedule as the file writes it; ``currencies`` is each customer's by code."""
    for schedule in schedules:
        yield recurring_object(schedule, currencies[schedule.customer], write_line)


def _day(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
