"""Read queries for follow-ups: the open ones, by due date, with who and what they are about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diva_desk.store.book.db import db


@dataclass(frozen=True)
class FollowupRow:
    id: int
    due_date: dt.date
    customer_id: int
    customer_code: str
    customer_name: str
    reason: str
    #: The invoice number it is about, or ``""`` when it is about the customer as a whole.
    invoice_number: str


def open_followups(due_by: dt.date | None = None) -> list[FollowupRow]:
    """Follow-ups not done yet, earliest first; only those due on or before ``due_by`` if given."""
    sql = """
        SELECT f.id, f.due_date, c.id, c.code, c.name, f.reason, COALESCE(i.number, '')
        FROM followup f JOIN customer c ON c.id = f.customer_id
        LEFT JOIN invoice i ON i.id = f.invoice_id
        WHERE NOT f.done AND (? IS NULL OR f.due_date <= ?)
        ORDER BY f.due_date, c.name COLLATE NOCASE, f.id
    """
    day = due_by.isoformat() if due_by else None
    return [
        FollowupRow(
            id=r[0],
            due_date=dt.date.fromisoformat(r[1]),
            customer_id=r[2],
            customer_code=r[3],
            customer_name=r[4],
            reason=r[5],
            invoice_number=r[6],
        )
        for r in db.execute_sql(sql, (day, day)).fetchall()
    ]
