"""Read query for the Follow-ups tab: the calls, emails and notes logged over a span of days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diva_desk.core import records as r
from diva_desk.store.book.db import db

#: More than this many interactions in one list is a search to narrow, not a list to read.
MAX_ROWS = 1000


@dataclass(frozen=True)
class InteractionRow:
    id: int
    at: dt.datetime
    customer_id: int
    customer_code: str
    customer_name: str
    channel: r.Channel | None
    outcome: r.Outcome | None
    notes: str
    #: The invoice number it is about, or ``""``.
    invoice_number: str


def recent_interactions(since: dt.date, until: dt.date) -> list[InteractionRow]:
    """Interactions logged from ``since`` to ``until`` (both included), newest first."""
    sql = """
        SELECT x.id, x.at, c.id, c.code, c.name, x.channel, x.outcome, x.notes,
               COALESCE(i.number, '')
        FROM interaction x JOIN customer c ON c.id = x.customer_id
        LEFT JOIN invoice i ON i.id = x.invoice_id
        WHERE x.at >= ? AND x.at < ?
        ORDER BY x.at DESC, x.id DESC
        LIMIT ?
    """
    params = (since.isoformat(), (until + dt.timedelta(days=1)).isoformat(), MAX_ROWS)
    return [
        InteractionRow(
            id=row[0],
            at=dt.datetime.fromisoformat(row[1]),
            customer_id=row[2],
            customer_code=row[3],
            customer_name=row[4],
            channel=r.Channel(row[5]) if row[5] else None,
            outcome=r.Outcome(row[6]) if row[6] else None,
            notes=row[7] or "",
            invoice_number=row[8],
        )
        for row in db.execute_sql(sql, params).fetchall()
    ]
