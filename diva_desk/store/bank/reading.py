"""What matching a statement needs from the book, read in a handful of queries."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.money import from_minor
from diva_desk.store.as_of import open_on, paid_by
from diva_desk.store.book.db import db
from diva_desk.store.contents.bank import business_currency


@dataclass(frozen=True)
class OpenInvoice:
    """A sent invoice that still owes something, whatever the day (store.as_of, no day)."""

    number: str
    customer: str
    currency: str
    issue_date: dt.date
    due_date: dt.date
    balance: Decimal


@dataclass(frozen=True)
class BookForMatching:
    """The book as matching sees it."""

    #: The book's currency: a statement that names none is in it.
    currency: str
    #: Oldest due first.
    open_invoices: tuple[OpenInvoice, ...]
    #: Every invoice number in the book, open or not (a line naming a paid one waits).
    numbers: tuple[str, ...]
    #: Customer code -> name.
    customers: dict[str, str]
    #: (sender name as normalised, customer code) learned from recorded lines.
    senders: tuple[tuple[str, str], ...]
    #: Transaction id -> status, for the statement's transactions already in the book.
    seen: dict[str, str]


_OPEN = f"""
    SELECT i.number, c.code, i.currency, i.issue_date, i.due_date,
           i.total_cents - {paid_by(None)}
    FROM invoice i JOIN customer c ON c.id = i.customer_id
    WHERE {open_on(None)}
    ORDER BY i.due_date, i.number
"""


def book_currency() -> str:
    return business_currency() or "CAD"


def book_for_matching(account: str, transactions: Collection[str]) -> BookForMatching:
    """Everything matching reads, in one read transaction so the parts agree."""
    with db.atomic():
        open_invoices = tuple(
            OpenInvoice(
                number,
                code,
                currency,
                dt.date.fromisoformat(issued),
                dt.date.fromisoformat(due),
                from_minor(left, currency),
            )
            for number, code, currency, issued, due, left in db.execute_sql(_OPEN)
        )
        numbers = tuple(row[0] for row in db.execute_sql("SELECT number FROM invoice"))
        customers = dict(db.execute_sql("SELECT code, name FROM customer ORDER BY code"))
        senders = tuple(
            db.execute_sql(
                "SELECT s.name, c.code FROM bank_sender s JOIN customer c ON c.id = s.customer_id"
            )
        )
        seen = seen_transactions(account, transactions)
        return BookForMatching(book_currency(), open_invoices, numbers, customers, senders, seen)


def seen_transactions(account: str, transactions: Collection[str]) -> dict[str, str]:
    """Transaction id -> status of those of ``transactions`` already in the book."""
    sql = (
        "SELECT transaction_id, status FROM bank_transaction WHERE account = ? "
        "AND transaction_id IN (SELECT value FROM json_each(?))"
    )
    return dict(db.execute_sql(sql, (account, json.dumps(sorted(transactions)))))
