"""The invoices not fully paid on a day, found once and kept until the book changes.

Every balance and status of the lists turns on one fact per invoice: what was paid
on it by the day (store.as_of.paid_by). Summing that for a hundred thousand invoices
takes SQLite about a tenth of a second; the invoices still owed something are a few
thousand. So the lists ask for them once, here, and sort, filter and add up by them:
an invoice not among them is settled (paid, or a draft or void), and one among them
owes its total less what was paid.

The answer is kept per connection until the book may have changed: a commit by any
other connection (``PRAGMA data_version``) or another day means reading it again; a
write on this connection (``total_changes``) means reading again the invoices it
touched, which TEMP triggers note. It is never stored in the book: paid and owed are
computed, not kept (docs/architecture.md).
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

#: The invoices this connection wrote to (or to their payments) since the answer was
#: found: TEMP triggers, which belong to this connection alone and fire for its own
#: writes only; what other connections commit is seen by ``PRAGMA data_version``.
_TOUCHED = [
    "CREATE TEMP TABLE IF NOT EXISTS unpaid_touched (invoice_id INTEGER PRIMARY KEY)",
    *(
        f"CREATE TEMP TRIGGER IF NOT EXISTS unpaid_{table}_{event.lower()} AFTER {event} "
        f"ON {table} BEGIN {body} END"
        for table, event, body in [
            ("payment", "INSERT", "INSERT OR IGNORE INTO unpaid_touched VALUES (NEW.invoice_id);"),
            ("payment", "DELETE", "INSERT OR IGNORE INTO unpaid_touched VALUES (OLD.invoice_id);"),
            (
                "payment",
                "UPDATE",
                "INSERT OR IGNORE INTO unpaid_touched VALUES (OLD.invoice_id);"
                " INSERT OR IGNORE INTO unpaid_touched VALUES (NEW.invoice_id);",
            ),
            ("invoice", "INSERT", "INSERT OR IGNORE INTO unpaid_touched VALUES (NEW.id);"),
            ("invoice", "DELETE", "INSERT OR IGNORE INTO unpaid_touched VALUES (OLD.id);"),
            (
                "invoice",
                "UPDATE",
                "INSERT OR IGNORE INTO unpaid_touched VALUES (OLD.id);"
                " INSERT OR IGNORE INTO unpaid_touched VALUES (NEW.id);",
            ),
        ]
    ),
]


def _unpaid_sql(only_touched: bool) -> str:
    touched = " AND i.id IN (SELECT invoice_id FROM temp.unpaid_touched)" if only_touched else ""
    return f"""
        SELECT id, paid FROM (
            SELECT i.id AS id, i.total_cents AS total, {paid_by(":as_of")} AS paid
            FROM invoice i WHERE i.state = 'sent'{touched}
        ) WHERE total > paid
    """


def forget_unpaid() -> None:
    """Drop what this thread found. Only for something that replaces the book's contents
    under a live connection without a write SQLite counts (the backup API restoring into
    it): reopening the book, as a restore does today, already starts afresh."""
    _KEPT.last = None


def unpaid_invoices(day: dt.date) -> Unpaid:
    """The sent invoices not fully paid on ``day``, with what was paid on each by then.

    One statement over every invoice the first time on a connection, for another day,
    or after another connection committed; after this connection's own writes (a
    payment recorded, an invoice sent or voided), only the invoices they touched are
    read again; when nothing changed, only ``PRAGMA data_version`` is asked.
    """
    connection = db.connection()
    version = db.execute_sql("PRAGMA data_version").fetchone()[0]
    kept = getattr(_KEPT, "last", None)
    if kept is not None and kept[0] is connection and kept[1] == (day, version):
        if kept[2] == connection.total_changes:
            return kept[3]
        paid = dict(kept[3].paid)
        touched = db.execute_sql("SELECT invoice_id FROM temp.unpaid_touched").fetchall()
        for (invoice_id,) in touched:
            paid.pop(invoice_id, None)
        paid.update(db.execute_sql(_unpaid_sql(True), {"as_of": day.isoformat()}).fetchall())
    else:
        if getattr(_KEPT, "watched", None) is not connection:
            for statement in _TOUCHED:
                db.execute_sql(statement)
            _KEPT.watched = connection
        db.execute_sql("DELETE FROM temp.unpaid_touched")
        paid = dict(db.execute_sql(_unpaid_sql(False), {"as_of": day.isoformat()}).fetchall())
    db.execute_sql("DELETE FROM temp.unpaid_touched")
    found = Unpaid(day, paid)
    _KEPT.last = (connection, (day, version), connection.total_changes, found)
    return found


def kept_unpaid(day: dt.date) -> Unpaid | None:
    """What :func:`unpaid_invoices` found on this connection for ``day`` or a later day,
    while still good (one ``PRAGMA`` to know); None when this connection kept none."""
    connection = db.connection()
    kept = getattr(_KEPT, "last", None)
    if kept is None or kept[0] is not connection or kept[1][0] < day:
        return None
    version = db.execute_sql("PRAGMA data_version").fetchone()[0]
    if kept[1][1] == version and kept[2] == connection.total_changes:
        return kept[3]
    return None


def unpaid_on(day: dt.date) -> Unpaid:
    """The same answer as :func:`unpaid_invoices`, for a reading that asks once: what this
    connection kept when it is still good, else one statement, not kept.

    A worker's connection lives for one task: keeping the answer there would only cost
    the statements that watch this connection's writes (the reports read it once).
    """
    kept = kept_unpaid(day)
    if kept is not None and kept.day == day:
        return kept
    paid = dict(db.execute_sql(_unpaid_sql(False), {"as_of": day.isoformat()}).fetchall())
    return Unpaid(day, paid)
