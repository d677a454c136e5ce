"""The invoices a payment can still go on, with whose they are and what is left: what the
bank statement's review offers when the owner gives a credit to one or several invoices.

One statement, however large the book: the sent invoices with something left to pay
(every payment recorded counts, whatever its date: that is the room a new payment must
fit in, store.as_of), in one currency.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.money import from_minor
from diva_desk.store.as_of import owed_on, paid_by
from diva_desk.store.book.db import db


@dataclass(frozen=True)
class OpenBalance:
    number: str
    customer_code: str
    customer_name: str
    currency: str
    #: What is left to pay: the total less every payment recorded on it.
    balance: Decimal
    due_date: dt.date


def open_balances(currency: str) -> dict[str, OpenBalance]:
    """The sent invoices in ``currency`` still owing something, by number, oldest due first."""
    sql = f"""
        SELECT number, code, name, currency, total_cents - paid, due_date FROM (
            SELECT i.number AS number, c.code AS code, c.name AS name,
                   i.currency AS currency, i.total_cents AS total_cents,
                   {paid_by(None)} AS paid, i.due_date AS due_date
            FROM invoice i JOIN customer c ON c.id = i.customer_id
            WHERE {owed_on(None)} AND i.currency = ?
        ) WHERE total_cents > paid ORDER BY due_date, number
    """
    return {
        number: OpenBalance(
            number, code, name, money, from_minor(left, money), dt.date.fromisoformat(due)
        )
        for number, code, name, money, left, due in db.execute_sql(sql, (currency,)).fetchall()
    }
