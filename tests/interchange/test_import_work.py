"""An import into a new book costs the same few lookups whatever the file's size
(issue 11: import into an empty book within seconds). Counted, never timed."""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import sys
from pathlib import Path
from typing import Any

import peewee
import pytest

from diva_desk.interchange import export_text, import_text, reader
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


def test_no_garbage_collection_while_importing(book: peewee.SqliteDatabase, tmp_path: Path) -> None:
    """Each full collection walked every object of the parsed file and its records: a
    quarter of the ten-year book's import. The collector rests during an import, and is
    on again after it (off if it was off)."""
    close_book()
    text = _exported(tmp_path, 10, 200)
    started: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    threshold = gc.get_threshold()
    gc.set_threshold(50)  # so that the old import collected hundreds of times
    try:
        open_book(tmp_path / "into.sqlite3")
        gc.callbacks.append(watch)
        import_text(text)
        gc.callbacks.remove(watch)
        # At most one collection, once it is back on; which generation depends on how
        # many young collections ran before the test, so it is not asserted.
        assert len(started) <= 1, started
        assert gc.isenabled()
        close_book()
        open_book(tmp_path / "again.sqlite3")
        gc.disable()  # as the window's tasks leave it: an import does not turn it on
        import_text(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
        if watch in gc.callbacks:
            gc.callbacks.remove(watch)
        gc.set_threshold(*threshold)
        close_book()
    open_book(tmp_path / "book.sqlite3")  # for the fixture to close


def test_a_lines_taxes_read_once_per_distinct_list(
    book: peewee.SqliteDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every line of a book carries one of a few tax lists (GST; GST and QST): each
    list is checked once, and the lines that repeat it take what it read to."""
    close_book()
    small = _exported(tmp_path, 10, 40)
    large = _exported(tmp_path, 20, 400)
    names: list[str] = []
    original = reader.tax_name

    def counted(f: Any, key: str) -> str:
        names.append(f.raw[key])
        return original(f, key)

    monkeypatch.setattr(reader, "tax_name", counted)
    counts = []
    for label, text in (("small", small), ("large", large)):
        names.clear()
        open_book(tmp_path / f"{label}-into.sqlite3")
        import_text(text)
        assert export_text(MOMENT) == text
        close_book()
        counts.append(len(names))
    # 400 invoices are over 800 lines, each with its taxes: a handful of lists read.
    assert 0 < counts[0] <= counts[1] <= 10, names
    open_book(tmp_path / "book.sqlite3")  # for the fixture to close
