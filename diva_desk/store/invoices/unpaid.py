"""The invoices not fully paid on a day, found once and kept until the book changes.

Every balance and status of the lists turns on one fact per invoice: what was paid
on it by the day (store.as_of.paid_by). Summing that for a hundred thousand invoices
takes SQLite about a tenth of a second; the invoices still owed something are a few
thousand. So the lists ask for them once, here, and sort, filter and add up by them:
an invoice not among them is settled (paid, or a draft or void), and one among them
owes its total less what was paid.

The answer is kept per connection and thrown away as soon as the book may have
changed: a write on this connection (``total_changes``), a commit by any other
(``PRAGMA data_version``), or another day. It is never stored in the book: paid and
owed are computed, not kept (docs/architecture.md).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from dataclasses import dataclass
from functools import cached_property

from diva_desk.store.as_of import paid_by
from diva_desk.store.book.db import db

#: SQL: the invoice aliased ``i`` still owes something (after :meth:`Unpaid.bind`).
UNPAID = "i.id IN (SELECT value FROM json_each(:unpaid))"
#: SQL: what was paid on the invoice aliased ``i`` when it still owes something, else NULL.
OWES = "diva_unpaid_paid(i.id)"


@dataclass(frozen=True)
class Unpaid:
    """Sent invoices with something left to pay on ``day``, whatever their issue date."""

    day: dt.date
    #: Invoice id -> minor units paid on it by ``day`` (zero when nothing came in yet).
    paid: dict[int, int]

    def bind(self) -> dict[str, str]:
        """Lets SQL on this thread's connection use :data:`UNPAID` and :data:`OWES`; returns
        the parameters they need."""
        db.connection().create_function("diva_unpaid_paid", 1, self.paid.get, deterministic=True)
        return {"unpaid": self.ids}

    @cached_property
    def ids(self) -> str:
        """The ids as a JSON array, for ``IN (SELECT value FROM json_each(?))``."""
        return json.dumps(sorted(self.paid))


#: Per thread (each has its own connection): (the connection, what was asked, the answer).
_KEPT = threading.local()


def unpaid_invoices(day: dt.date) -> Unpaid:
    """The sent invoices not fully paid on ``day``, with what was paid on each by then.

    One statement over every invoice when the book changed since the last call on
    this connection, else none but a ``PRAGMA data_version``.
    """
    connection = db.connection()
    version = db.execute_sql("PRAGMA data_version").fetchone()[0]
    key = (day, version, connection.total_changes)
    kept = getattr(_KEPT, "last", None)
    if kept is not None and kept[0] is connection and kept[1] == key:
        return kept[2]
    statement = f"""
        SELECT id, paid FROM (
            SELECT i.id AS id, i.total_cents AS total, {paid_by(":as_of")} AS paid
            FROM invoice i WHERE i.state = 'sent'
        ) WHERE total > paid
    """
    rows = db.execute_sql(statement, {"as_of": day.isoformat()}).fetchall()
    found = Unpaid(day, {invoice_id: paid for invoice_id, paid in rows})
    _KEPT.last = (connection, key, found)
    return found
