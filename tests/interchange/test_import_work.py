"""An import into a new book costs the same few lookups whatever the file's size
(issue 11: import into an empty book within seconds). Counted, never timed."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path

import peewee

from diva_desk.interchange import export_text, import_text
from diva_desk.store.book.db import close_book, db, open_book
from diva_desk.store.contents.writing import add_contents

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
MOMENT = dt.datetime(2026, 11, 23, 9)


def _exported(tmp_path: Path, customers: int, invoices: int) -> str:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    generator = importlib.import_module("ten_year_book")
    open_book(tmp_path / f"source-{invoices}.sqlite3")
    add_contents(generator.ten_year_book(customers, invoices))
    text = export_text(MOMENT)
    close_book()
    return text


def _lookups_while_importing(path: Path, text: str) -> list[str]:
    open_book(path)
    seen: list[str] = []
    db.connection().set_trace_callback(seen.append)
    try:
        import_text(text)
        assert export_text(MOMENT) == text  # and the book is the file, byte for byte
    finally:
        db.connection().set_trace_callback(None)
        close_book()
    return [sql for sql in seen if sql.lstrip().upper().startswith("SELECT")]


def test_lookups_do_not_grow_with_the_file(book: peewee.SqliteDatabase, tmp_path: Path) -> None:
    close_book()
    small = _exported(tmp_path, 10, 60)
    large = _exported(tmp_path, 40, 900)
    small_lookups = _lookups_while_importing(tmp_path / "small.sqlite3", small)
    large_lookups = _lookups_while_importing(tmp_path / "large.sqlite3", large)
    # Asking a new book about each of 900 invoice numbers, 200 at a time, three
    # times over, told the reader nothing it could not see from an empty table.
    assert len(large_lookups) == len(small_lookups), large_lookups
    open_book(tmp_path / "book.sqlite3")  # for the fixture to close
