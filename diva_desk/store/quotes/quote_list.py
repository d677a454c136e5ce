"""The Quotes tab's list: every quote with its customer, status on the day and total."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.money import from_minor, from_units
from diva_desk.core.quotes.states import QuoteStatus, quote_status
from diva_desk.store.book.db import db

_QUOTES = """
SELECT q.id, q.number, q.customer_id, c.name, q.issue_date, q.valid_until, q.state,
       q.currency, q.total_cents, q.deposit_percent_units, i.number
FROM quote q
JOIN customer c ON c.id = q.customer_id
LEFT JOIN invoice i ON i.id = q.invoice_id
ORDER BY q.issue_date DESC, q.id DESC
"""


@dataclass(frozen=True)
class QuoteRow:
    id: int
    number: str
    customer_id: int
    customer_name: str
    issue_date: dt.date
    valid_until: dt.date | None
    status: QuoteStatus
    currency: str
    total: Decimal
    deposit_percent: Decimal
    invoice: str | None


def quote_rows(today: dt.date) -> list[QuoteRow]:
    """Every quote, newest first (one statement); expired is worked out for ``today``."""
    rows = []
    for row in db.execute_sql(_QUOTES).fetchall():
        (qid, number, customer_id, name, issued, valid, state, currency, total) = row[:9]
        percent, invoice = row[9:]
        valid_until = dt.date.fromisoformat(valid) if valid else None
        rows.append(
            QuoteRow(
                id=qid,
                number=number,
                customer_id=customer_id,
                customer_name=name,
                issue_date=dt.date.fromisoformat(issued),
                valid_until=valid_until,
                status=quote_status(r.QuoteState(state), valid_until, today),
                currency=currency,
                total=from_minor(total, currency),
                deposit_percent=from_units(percent),
                invoice=invoice,
            )
        )
    return rows
