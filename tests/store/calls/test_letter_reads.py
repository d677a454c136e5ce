"""A reminder's standing reads one customer's rows, in a fixed number of statements."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import peewee

from diva_desk.interchange import import_text
from diva_desk.store.book.db import db
from diva_desk.store.calls.reminder_standing import letter_standing

MONDAY = dt.date(2026, 11, 23)
#: The tables that grow with the book: a letter must search them by customer, never scan.
#: (Follow-ups have no customer index yet; their open ones are a handful.)
GROWING = ("invoice", "payment", "interaction", "promise", "payment_plan", "installment")


def _import(customers: int, invoices: int, prefix: str = "C") -> None:
    document = {
        "format": "diva-desk",
        "version": 1,
        "business": {"name": "Lakeshore Pixel Studio", "owner_name": "Priya Raman"},
        "customers": [
            {
                "code": f"{prefix}{i}",
                "name": f"{prefix}{i} Ltd.",
                "contact_name": "Ann Lee",
                "currency": "CAD",
            }
            for i in range(customers)
        ],
        "invoices": [
            _invoice(f"INV-{prefix}{i}", f"{prefix}{i % customers}") for i in range(invoices)
        ],
    }
    import_text(json.dumps(document))


def _invoice(number: str, customer: str) -> dict[str, Any]:
    return {
        "number": number, "customer": customer, "issue_date": "2026-09-01",
        "due_date": "2026-10-01", "status": "sent", "sent_date": "2026-09-01",
        "currency": "CAD",
        "lines": [{"description": "Design", "quantity": "1", "unit_price": "50.00"}],
    }  # fmt: skip


def _statements(customer_id: int) -> list[str]:
    statements: list[str] = []
    raw = db.connection()
    raw.set_trace_callback(statements.append)
    try:
        letter_standing(customer_id, MONDAY)
    finally:
        raw.set_trace_callback(None)
    return statements


def _scanned_tables(sql: str) -> set[str]:
    """The tables SQLite reads whole for ``sql`` (its plan names them by their alias)."""
    aliases = {}
    for table, alias in re.findall(
        r"(?:FROM|JOIN)\s+(\w+)(?:\s+(?!ON|WHERE|JOIN|LEFT)(\w+))?", sql
    ):
        aliases[alias or table] = table
    plan = db.execute_sql("EXPLAIN QUERY PLAN " + sql).fetchall()
    scans = [row[3].split()[1] for row in plan if row[3].startswith("SCAN ")]
    return {aliases.get(name, name) for name in scans}


def test_one_customer_s_rows_in_a_fixed_number_of_statements(book: peewee.Database) -> None:
    _import(customers=1, invoices=2)
    small = len(_statements(1))
    _import(customers=200, invoices=600, prefix="D")
    statements = _statements(1)
    assert len(statements) == small <= 6
    for sql in statements:
        scanned = _scanned_tables(sql) & {*GROWING, "customer"}
        assert not scanned, f"{sql} scans {scanned}"


def test_the_standing_is_the_customer_s_own(book: peewee.Database) -> None:
    _import(customers=3, invoices=9)
    standing = letter_standing(1, MONDAY)
    assert standing.reason == ""
    assert standing.held_numbers == frozenset()
    assert not standing.standing.held
