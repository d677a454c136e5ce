"""The outbox's schema step: a book of the version before it gains an empty outbox, data kept."""

from __future__ import annotations

from pathlib import Path

from diva_desk.store.book import schema
from diva_desk.store.book.db import close_book, open_book, schema_version

OUTBOX = schema.STEPS.index(schema.STEP_OUTBOX)


def test_an_older_book_gains_an_empty_outbox_and_keeps_its_rows(book_path: Path) -> None:
    database = open_book(book_path, steps=schema.STEPS[:OUTBOX])
    database.execute_sql("INSERT INTO setting (key, value) VALUES ('kept', 'yes')")
    assert not database.table_exists("outbox")
    close_book()
    database = open_book(book_path)
    try:
        assert schema_version(database) == len(schema.STEPS)
        assert database.execute_sql("SELECT COUNT(*) FROM outbox").fetchone() == (0,)
        assert database.execute_sql("SELECT value FROM setting").fetchall() == [("yes",)]
        kept = list(book_path.parent.glob(f"book.v{OUTBOX}-*.sqlite3"))
        assert len(kept) == 1  # the book as it was, copied aside first
    finally:
        close_book()
