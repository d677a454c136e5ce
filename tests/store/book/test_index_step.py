"""Schema step 3: the indexes the reports and lists read by, added to an older book."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from diva_desk.store.book import models, schema
from diva_desk.store.book.db import close_book, db, open_book, schema_version

REPORT_INDEXES = {"payment_invoice_date", "payment_date", "invoice_issued_sales"}


def _indexes(connection: sqlite3.Connection) -> set[str]:
    return {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_version_2_book_gains_the_indexes_after_a_copy_is_kept(book_path: Path) -> None:
    open_book(book_path, steps=schema.STEPS[:2])
    models.Customer.create(code="ACME", name="Acme Ltd.", currency="CAD")
    close_book()
    database = open_book(book_path)
    try:
        assert schema_version(database) == len(schema.STEPS) >= 3
        assert _indexes(database.connection()) >= REPORT_INDEXES
        assert database.execute_sql("SELECT code FROM customer").fetchall() == [("ACME",)]
    finally:
        close_book()
    (copy,) = book_path.parent.glob("book.v2-*.sqlite3")
    kept = sqlite3.connect(copy)
    assert kept.execute("PRAGMA user_version").fetchone()[0] == 2
    assert not REPORT_INDEXES & _indexes(kept)
    kept.close()


def test_a_customer_s_invoices_are_still_found_by_customer(book) -> None:
    """Without statistics SQLite trusts any equality: an index led by the state would
    look narrower than the customer's, and the customer list would read every sent
    invoice once per customer (minutes on a ten-year book)."""
    plan = " ".join(
        row[3]
        for row in db.execute_sql(
            "EXPLAIN QUERY PLAN SELECT c.id, SUM(i.total_cents) FROM customer c "
            "LEFT JOIN invoice i ON i.customer_id = c.id AND i.state = 'sent' "
            "AND i.issue_date <= '2026-11-23' GROUP BY c.id"
        )
    )
    assert "invoice_customer" in plan, plan
