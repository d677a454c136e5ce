"""Read-side queries for lists and totals, aggregated in SQL (one query each).

They return plain dataclasses of the core's types, so the UI and the CLI never
loop over invoices in Python to find a balance. Every balance is one as of a day
(store.as_of): invoices issued on or before it, less payments dated on or before
it, so the status bar, the lists, the statement and the aging agree even when an
invoice or a payment is dated after today.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.invoices.totals import InvoiceStatus, invoice_status
from diva_desk.core.money import ZERO, from_minor
from diva_desk.core.records import InvoiceState
from diva_desk.store.as_of import balance_on, owed_on, paid_by
from diva_desk.store.book.db import db

# Balance on the named parameter :as_of of each invoice owed then.
_OPEN = f"""
    SELECT i.id, i.customer_id, i.currency, i.issue_date, i.due_date,
           {balance_on(":as_of")} AS balance
    FROM invoice i
    WHERE {owed_on(":as_of")}
"""


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

    One query: a row per customer and currency owed in (one row, with no currency,
    for a customer owing nothing), folded into one :class:`CustomerRow` each.
    """
    sql = f"""
        SELECT c.id, c.code, c.name, c.contact_name, c.email, c.phone, c.currency, c.archived,
               o.currency, COALESCE(SUM(o.balance), 0),
               COALESCE(SUM(CASE WHEN o.due_date < :as_of THEN o.balance ELSE 0 END), 0),
               MIN(o.issue_date)
        FROM customer c LEFT JOIN ({_OPEN}) o ON o.customer_id = c.id AND o.balance > 0
        GROUP BY c.id, o.currency ORDER BY c.name COLLATE NOCASE, c.code, c.id, o.currency
    """
    grouped: dict[int, list[tuple]] = {}
    for row in db.execute_sql(sql, {"as_of": today.isoformat()}).fetchall():
        grouped.setdefault(row[0], []).append(row)
    result = []
    for rows in grouped.values():
        first = rows[0]
        own = first[6]
        balances = {r[8]: from_minor(r[9], r[8]) for r in rows if r[8] is not None}
        overdues = {r[8]: from_minor(r[10], r[8]) for r in rows if r[8] is not None and r[10]}
        oldest = min((r[11] for r in rows if r[11] is not None), default=None)
        result.append(
            CustomerRow(
                id=first[0],
                code=first[1],
                name=first[2],
                contact_name=first[3],
                email=first[4],
                phone=first[5],
                currency=own,
                archived=bool(first[7]),
                balance=balances.get(own, ZERO),
                overdue=overdues.get(own, ZERO),
                oldest_open_date=_date(oldest),
                balances=balances,
                overdues=overdues,
            )
        )
    return result


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
    rows = []
    for r in db.execute_sql(sql, {"as_of": today.isoformat()}).fetchall():
        total, paid, state = from_minor(r[8], r[7]), from_minor(r[9], r[7]), InvoiceState(r[10])
        due = dt.date.fromisoformat(r[6])
        owed = bool(r[11])
        rows.append(
            InvoiceRow(
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
                balance=max(total - paid, ZERO) if owed else ZERO,
                status=invoice_status(state, total, paid, due, today),
            )
        )
    return rows


def total_owed(today: dt.date) -> dict[str, Decimal]:
    """What customers owe the business on ``today``, one total per currency."""
    sql = f"SELECT currency, SUM(balance) FROM ({_OPEN}) GROUP BY currency ORDER BY currency"
    rows = db.execute_sql(sql, {"as_of": today.isoformat()}).fetchall()
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
        SELECT currency, SUM(balance), COUNT(*) FROM ({_OPEN})
        WHERE balance > 0 AND due_date < :as_of GROUP BY currency ORDER BY currency
    """
    rows = db.execute_sql(sql, {"as_of": today.isoformat()}).fetchall()
    return OverdueSummary(
        totals={cur: from_minor(units, cur) for cur, units, _count in rows},
        invoices=sum(count for _cur, _units, count in rows),
    )
