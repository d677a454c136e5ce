"""Read-side queries for lists and totals, aggregated in SQL (one query each).

They return plain dataclasses of the core's types, so the UI and the CLI never
loop over invoices in Python to find a balance. Every balance is one as of a day
(store.as_of): invoices issued on or before it, less payments dated on or before
it, so the status bar, the lists, the statement and the aging agree even when an
invoice or a payment is dated after today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from diva_desk.core.invoices.totals import InvoiceStatus, invoice_status
from diva_desk.core.money import ZERO, from_minor
from diva_desk.core.records import InvoiceState
from diva_desk.store.as_of import owed_on, paid_by
from diva_desk.store.book.db import db
from diva_desk.store.invoices.unpaid import OWES, UNPAID, unpaid_invoices


@dataclass(frozen=True)
class CustomerRow:
    id: int
    code: str
    name: str
    contact_name: str
    email: str
    phone: str
    currency: str
    archived: bool
    #: What they owe in their own currency (``currency``); see ``balances`` for the rest.
    balance: Decimal
    #: The part of ``balance`` past its due date.
    overdue: Decimal
    #: Issue date of the oldest invoice with a balance, or None when nothing is owed.
    oldest_open_date: dt.date | None
    #: What they owe in every currency they owe in, by code. Amounts in two
    #: currencies are never added: the book keeps no exchange rates.
    balances: Mapping[str, Decimal]
    #: What is past due, in every currency where something is.
    overdues: Mapping[str, Decimal]

    def owes_in_other_currencies(self) -> bool:
        return any(code != self.currency for code in self.balances)


@dataclass(frozen=True)
class InvoiceRow:
    id: int
    number: str
    customer_id: int
    customer_code: str
    customer_name: str
    issue_date: dt.date
    due_date: dt.date
    currency: str
    total: Decimal
    paid: Decimal
    balance: Decimal
    status: InvoiceStatus


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def customer_rows(today: dt.date) -> list[CustomerRow]:
    """Every customer with what they owe on ``today``, per currency, and their oldest open item.

    Two statements: what each customer owes per currency, over the few invoices still
    owed something (store.invoices.unpaid), and the customers, by name.
    """
    return [CustomerRow(**fields) for fields in customer_fields(today)]


def customer_fields(today: dt.date, *more: str) -> Iterator[dict[str, Any]]:
    """:func:`customer_rows`' rows as the keyword arguments of a :class:`CustomerRow`, with
    the customer's columns named in ``more`` too (for a row type with more fields)."""
    params = {"as_of": today.isoformat(), **unpaid_invoices(today).bind()}
    owed_sql = f"""
        SELECT i.customer_id, i.currency, SUM(i.total_cents - {OWES}),
               SUM(CASE WHEN i.due_date < :as_of THEN i.total_cents - {OWES} ELSE 0 END),
               MIN(i.issue_date)
        FROM invoice i WHERE {UNPAID} AND {owed_on(":as_of")}
        GROUP BY i.customer_id, i.currency ORDER BY i.customer_id, i.currency
    """
    owed: dict[int, list[tuple]] = {}
    for row in db.execute_sql(owed_sql, params).fetchall():
        owed.setdefault(row[0], []).append(row)
    extra = "".join(f", c.{column}" for column in more)
    customers_sql = f"""
        SELECT c.id, c.code, c.name, c.contact_name, c.email, c.phone, c.currency, c.archived{extra}
        FROM customer c ORDER BY c.name COLLATE NOCASE, c.code, c.id
    """
    nothing: dict[str, Decimal] = {}
    for first in db.execute_sql(customers_sql).fetchall():
        own = first[6]
        rows = owed.get(first[0])
        if rows:
            balances = {r[1]: from_minor(r[2], r[1]) for r in rows}
            overdues = {r[1]: from_minor(r[3], r[1]) for r in rows if r[3]}
            oldest = _date(min(r[4] for r in rows))
        else:  # most customers owe nothing: one empty mapping each, as before
            balances, overdues, oldest = dict(nothing), dict(nothing), None
        fields = {
            "id": first[0],
            "code": first[1],
            "name": first[2],
            "contact_name": first[3],
            "email": first[4],
            "phone": first[5],
            "currency": own,
            "archived": bool(first[7]),
            "balance": balances.get(own, ZERO),
            "overdue": overdues.get(own, ZERO),
            "oldest_open_date": oldest,
            "balances": balances,
            "overdues": overdues,
        }
        fields.update(zip(more, first[8:], strict=True))
        yield fields


def invoice_rows(today: dt.date) -> list[InvoiceRow]:
    """Every invoice with its total, what was paid, its balance and its status on ``today``.

    An invoice dated after ``today`` is listed (the owner typed it) but owes
    nothing yet, and a payment dated after ``today`` is not counted as paid yet.
    """
    sql = f"""
        SELECT i.id, i.number, c.id, c.code, c.name, i.issue_date, i.due_date, i.currency,
               i.total_cents, {paid_by(":as_of")}, i.state, {owed_on(":as_of")}
        FROM invoice i JOIN customer c ON c.id = i.customer_id
        ORDER BY i.issue_date DESC, i.id DESC
    """
    return [row_of(r, today) for r in db.execute_sql(sql, {"as_of": today.isoformat()})]


def total_owed(today: dt.date) -> dict[str, Decimal]:
    """What customers owe the business on ``today``, one total per currency."""
    sql = f"""
        SELECT i.currency, SUM(i.total_cents - {OWES}) FROM invoice i
        WHERE {UNPAID} AND {owed_on(":as_of")} GROUP BY i.currency ORDER BY i.currency
    """
    params = {"as_of": today.isoformat(), **unpaid_invoices(today).bind()}
    rows = db.execute_sql(sql, params).fetchall()
    return {cur: from_minor(units, cur) for cur, units in rows if units}


def has_sent_invoices() -> bool:
    """Whether any invoice was ever sent: the Reports view's "No invoices yet" rests on it."""
    sql = "SELECT EXISTS (SELECT 1 FROM invoice WHERE state = 'sent')"
    return bool(db.execute_sql(sql).fetchone()[0])


@dataclass(frozen=True)
class OverdueSummary:
    #: What is past due, one total per currency (currencies owing nothing left out).
    totals: dict[str, Decimal]
    #: How many sent invoices still have a balance after their due date.
    invoices: int


def overdue_summary(today: dt.date) -> OverdueSummary:
    """What is overdue on ``today`` and on how many invoices, for the Today panel."""
    sql = f"""
        SELECT i.currency, SUM(i.total_cents - {OWES}), COUNT(*) FROM invoice i
        WHERE {UNPAID} AND {owed_on(":as_of")} AND i.due_date < :as_of
        GROUP BY i.currency ORDER BY i.currency
    """
    params = {"as_of": today.isoformat(), **unpaid_invoices(today).bind()}
    rows = db.execute_sql(sql, params).fetchall()
    return OverdueSummary(
        totals={cur: from_minor(units, cur) for cur, units, _count in rows},
        invoices=sum(count for _cur, _units, count in rows),
    )


def row_of(r: tuple[Any, ...], today: dt.date) -> InvoiceRow:
    """One invoice list row from the columns the list queries select, in their order:
    id, number, customer id, code and name, issue and due dates, currency, total and
    paid (minor units), state, and whether it is owed on ``today``."""
    total, paid, state = from_minor(r[8], r[7]), from_minor(r[9], r[7]), InvoiceState(r[10])
    due = dt.date.fromisoformat(r[6])
    return InvoiceRow(
        id=r[0],
        number=r[1],
        customer_id=r[2],
        customer_code=r[3],
        customer_name=r[4],
        issue_date=dt.date.fromisoformat(r[5]),
        due_date=due,
        currency=r[7],
        total=total,
        paid=paid,
        balance=max(total - paid, ZERO) if r[11] else ZERO,
        status=invoice_status(state, total, paid, due, today),
    )
