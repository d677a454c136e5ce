"""Damaged, cut-short, empty, busy and full books: named in a sentence, never written to."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from diva_desk.errors import BadInput
from diva_desk.store.book import maintenance, models
from diva_desk.store.book.db import close_book, db, open_book
from diva_desk.store.book.health import BookDamaged, BookInUse, DiskFull


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _book_with_customers(book_path: Path, count: int = 200) -> None:
    open_book(book_path)
    with db.atomic():
        for n in range(count):
            models.Customer.create(code=f"C{n:04}", name=f"Customer {n} " * 8, currency="CAD")
    close_book()


def _damage_customers(book_path: Path) -> None:
    """Overwrite 2 KB of a page of the customer table, as a failing disk or a bad sync would."""
    conn = sqlite3.connect(book_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'customer'").fetchone()[0]
    conn.close()
    with book_path.open("r+b") as file:
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xff" * 2048)


def test_a_zero_byte_book_is_refused_and_never_made_a_new_empty_book(book_path: Path) -> None:
    book_path.write_bytes(b"")
    with pytest.raises(BookDamaged, match=r"is empty \(0 bytes\).*There is no backup"):
        open_book(book_path)
    assert book_path.read_bytes() == b""
    assert not book_path.with_name("book.sqlite3-wal").exists()


def test_a_cut_short_book_is_refused_naming_the_latest_good_backup(book_path: Path) -> None:
    _book_with_customers(book_path)
    open_book(book_path)
    good = maintenance.back_up_now(book_path.parent)
    close_book()
    whole = book_path.read_bytes()
    book_path.write_bytes(whole[: len(whole) // 2])
    day = dt.datetime.fromtimestamp(good.stat().st_mtime).strftime("%Y-%m-%d")
    with pytest.raises(BookDamaged, match=rf"is cut short .*from {day}.*restore {good}"):
        open_book(book_path)
    assert book_path.read_bytes() == whole[: len(whole) // 2]


def test_a_book_missing_a_table_says_so(book_path: Path) -> None:
    _book_with_customers(book_path, 1)
    conn = sqlite3.connect(book_path)
    conn.execute("DROP TABLE followup")
    conn.commit()
    conn.close()
    with pytest.raises(BookDamaged, match=r"missing part of its contents .the table followup"):
        open_book(book_path)


def test_a_damaged_book_is_found_by_the_quick_check_and_never_written(book_path: Path) -> None:
    _book_with_customers(book_path)
    _damage_customers(book_path)
    before = _digest(book_path)
    copies = sorted((book_path.parent / "backups").iterdir())
    (copies[0]).unlink()  # today's copy was taken before the damage: let a write try again
    open_book(book_path)
    with pytest.raises(BookDamaged, match=r"is damaged .the quick check found"):
        maintenance.check_book()
    with pytest.raises(BookDamaged, match="nothing was written to it"):
        models.Setting.create(key="k", value="v")
    close_book()
    assert _digest(book_path) == before
    assert list((book_path.parent / "backups").iterdir()) == []  # no copy of a damaged book


def test_a_read_that_meets_damage_says_so(book_path: Path) -> None:
    _book_with_customers(book_path)
    _damage_customers(book_path)
    open_book(book_path)
    with pytest.raises(BookDamaged, match="is damaged"):
        list(models.Customer.select())
    close_book()


def test_a_full_disk_leaves_the_book_as_it_was(book) -> None:
    models.Customer.create(code="KEEP", name="Keep", currency="CAD")
    pages = book.execute_sql("PRAGMA page_count").fetchone()[0]
    book.execute_sql(f"PRAGMA max_page_count = {pages + 1}")  # SQLite's own "disk is full"
    with pytest.raises(DiskFull, match="is full; the book was left as it was"), db.atomic():
        for n in range(200):
            models.Customer.create(code=f"N{n}", name="x" * 500, currency="CAD")
    assert [c.code for c in models.Customer.select()] == ["KEEP"]


def test_a_write_while_another_program_writes_gives_up_saying_so(book, book_path: Path) -> None:
    models.Customer.create(code="A", name="A", currency="CAD")
    other = sqlite3.connect(book_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        book.execute_sql("PRAGMA busy_timeout = 200")
        assert [c.code for c in models.Customer.select()] == ["A"]  # reads go on
        with pytest.raises(BookInUse, match="in use by another program"):
            models.Customer.create(code="B", name="B", currency="CAD")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_restore_gives_up_when_another_program_writes(
    book, book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    models.Customer.create(code="A", name="A", currency="CAD")
    saved = maintenance.back_up_now(book_path.parent)
    monkeypatch.setattr(maintenance, "RESTORE_WAIT_SECONDS", 0.3)
    book.execute_sql("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(book_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(BookInUse):
            maintenance.restore_book(saved, book_path)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_restore_over_a_damaged_book_renames_it_aside_untouched(book_path: Path) -> None:
    _book_with_customers(book_path, 3)
    open_book(book_path)
    saved = maintenance.back_up_now(book_path.parent)
    close_book()
    _damage_customers(book_path)
    damaged = _digest(book_path)
    kept = maintenance.restore_over_damaged(saved, book_path)
    assert _digest(kept) == damaged and "damaged" in kept.name
    open_book(book_path)
    assert models.Customer.select().count() == 3
    close_book()


def test_a_damaged_backup_is_not_restored(book, book_path: Path) -> None:
    _book_with_customers(book_path.parent / "other" / "book.sqlite3")
    open_book(book_path)
    copy = book_path.parent / "other" / "book.sqlite3"
    _damage_customers(copy)
    with pytest.raises(BadInput, match=r"is damaged .it fails the quick check"):
        maintenance.restore_book(copy, book_path)


def test_an_unchanged_book_is_not_read_through_again(book_path: Path) -> None:
    """The check costs a read of the whole file (0.15 s at ten years): once per change."""
    _book_with_customers(book_path, 5)
    checks: list[str] = []
    for _ in range(2):  # two starts of the command line on the same, unchanged book
        database = open_book(book_path)
        database.connection().set_trace_callback(checks.append)
        maintenance.check_book()
        maintenance.check_book()
        close_book()
    assert [sql for sql in checks if "quick_check" in sql] == ["PRAGMA quick_check(1)"]
    open_book(book_path)
    models.Customer.create(code="NEW", name="New", currency="CAD")
    db.connection().set_trace_callback(checks.append)
    maintenance.check_book()  # changed since: checked again
    close_book()
    assert len([sql for sql in checks if "quick_check" in sql]) == 2
