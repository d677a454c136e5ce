"""Read-side queries for lists and totals, aggregated in SQL (one query each).

They return plain dataclasses of the core's types, so the UI and the CLI never
loop over invoices in Python to find a balance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.invoices import InvoiceStatus, invoice_status
from diva_desk.core.money import from_cents
from diva_desk.core.records import InvoiceState
from diva_desk.store.db import db

# Money received per invoice; joined wherever a balance is needed.
_PAID = "SELECT invoice_id, SUM(amount_cents) AS paid FROM payment GROUP BY invoice_id"
# Balance of each sent invoice (void and draft invoices are owed nothing).
_OPEN = f"""
    SELECT i.id, i.customer_id, i.currency, i.issue_date, i.due_date,
           MAX(i.total_cents - COALESCE(p.paid, 0), 0) AS balance
    FROM invoice i LEFT JOIN ({_PAID}) p ON p.invoice_id = i.id
    WHERE i.state = 'sent'
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
    balance: Decimal
    overdue: Decimal
    #: Issue date of the oldest invoice with a balance, or None when nothing is owed.
    oldest_open_date: dt.date | None


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
    """Every customer with what they owe, what is overdue and their oldest open item."""
    sql = f"""
        SELECT c.id, c.code, c.name, c.contact_name, c.email, c.phone, c.currency, c.archived,
               COALESCE(SUM(o.balance), 0),
               COALESCE(SUM(CASE WHEN o.due_date < ? THEN o.balance ELSE 0 END), 0),
               MIN(CASE WHEN o.balance > 0 THEN o.issue_date END)
        FROM customer c LEFT JOIN ({_OPEN}) o ON o.customer_id = c.id
        GROUP BY c.id ORDER BY c.name COLLATE NOCASE, c.code
    """
    return [
        CustomerRow(
            id=r[0],
            code=r[1],
            name=r[2],
            contact_name=r[3],
            email=r[4],
            phone=r[5],
            currency=r[6],
            archived=bool(r[7]),
            balance=from_cents(r[8]),
            overdue=from_cents(r[9]),
            oldest_open_date=_date(r[10]),
        )
        for r in db.execute_sql(sql, (today.isoformat(),)).fetchall()
    ]


def invoice_rows(today: dt.date) -> list[InvoiceRow]:
    """Every invoice with its total, what was paid, its balance and its status on ``today``."""
    sql = f"""
        SELECT i.id, i.number, c.id, c.code, c.name, i.issue_date, i.due_date, i.currency,
               i.total_cents, COALESCE(p.paid, 0), i.state
        FROM invoice i JOIN customer c ON c.id = i.customer_id
        LEFT JOIN ({_PAID}) p ON p.invoice_id = i.id
        ORDER BY i.issue_date DESC, i.id DESC
    """
    rows = []
    for r in db.execute_sql(sql).fetchall():
        total, paid, state = from_cents(r[8]), from_cents(r[9]), InvoiceState(r[10])
        due = dt.date.fromisoformat(r[6])
        owed = state is InvoiceState.SENT
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
                balance=max(total - paid, Decimal("0.00")) if owed else Decimal("0.00"),
                status=invoice_status(state, total, paid, due, today),
            )
        )
    return rows


def total_owed() -> dict[str, Decimal]:
    """What customers owe the business, one total per currency."""
    sql = f"SELECT currency, SUM(balance) FROM ({_OPEN}) GROUP BY currency ORDER BY currency"
    return {cur: from_cents(cents) for cur, cents in db.execute_sql(sql).fetchall() if cents}


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
        WHERE balance > 0 AND due_date < ? GROUP BY currency ORDER BY currency
    """
    rows = db.execute_sql(sql, (today.isoformat(),)).fetchall()
    return OverdueSummary(
        totals={cur: from_cents(cents) for cur, cents, _count in rows},
        invoices=sum(count for _cur, _cents, count in rows),
    )
