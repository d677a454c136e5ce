"""The late-interest charges already made and not waived: what the review offers to waive."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.money import from_minor
from diva_desk.store.book.db import db

#: The review lists this many of the newest charges; older ones are voided from the list.
SHOWN = 200

_MADE = """
    SELECT i.id, i.number, c.code, c.name, i.currency, i.total_cents, i.late_fee_through
    FROM invoice i JOIN customer c ON c.id = i.customer_id
    WHERE i.late_fee_through IS NOT NULL AND i.state = 'sent'
    ORDER BY i.late_fee_through DESC, i.id DESC LIMIT ?"""


@dataclass(frozen=True)
class MadeRow:
    invoice_id: int
    number: str
    code: str
    name: str
    currency: str
    amount: Decimal
    through: dt.date


def charges_made(limit: int = SHOWN) -> list[MadeRow]:
    """The newest charges that stand (sent, not void), newest first."""
    return [
        MadeRow(
            invoice_id,
            number,
            code,
            name,
            currency,
            from_minor(total, currency),
            dt.date.fromisoformat(through[:10]),
        )
        for invoice_id, number, code, name, currency, total, through in db.execute_sql(
            _MADE, (limit,)
        )
    ]
