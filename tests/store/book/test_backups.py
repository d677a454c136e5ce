"""The daily copy before the first write, pruning, the list of copies, the second destination."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import sqlite3
from pathlib import Path

import pytest

from diva_desk.errors import BadInput
from diva_desk.store.book import backups, maintenance, models
from diva_desk.store.book.db import close_book, open_book


def _customers(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT code FROM customer ORDER BY code")]
    finally:
        conn.close()


def _add(code: str) -> None:
    models.Customer.create(code=code, name=code, currency="CAD")


def test_the_first_write_of_the_day_is_preceded_by_a_copy_of_the_book(book_path: Path) -> None:
    open_book(book_path)
    _add("OLD")
    close_book()
    daily = backups.daily_copy_path(book_path.parent, dt.date.today())
    daily.unlink()  # as if yesterday's process had written OLD

    open_book(book_path)
    assert list(models.Customer.select())  # a read takes no copy
    assert not daily.exists()
    _add("NEW")
    assert _customers(daily) == ["OLD"]  # the book as it was before the day's first write
    before = daily.stat().st_mtime_ns
    _add("NEWER")  # once a day, not before every write
    close_book()
    open_book(book_path)
    _add("LATER")  # nor once per start
    close_book()
    assert daily.stat().st_mtime_ns == before
    assert _customers(daily) == ["OLD"]
    assert [p.name for p in daily.parent.iterdir()] == [daily.name]


def test_reading_the_lists_totals_takes_no_copy(book_path: Path) -> None:
    """The unpaid-invoices cache writes only its connection's TEMP table and triggers:
    that is no write to the book, so neither the day's copy nor the quick check runs
    (a command that only reads, ``customers --json``, paid for both)."""
    from diva_desk.store.invoices.lists import total_owed

    open_book(book_path)
    _add("OLD")
    close_book()
    daily = backups.daily_copy_path(book_path.parent, dt.date.today())
    daily.unlink()

    open_book(book_path)
    assert total_owed(dt.date.today()) == {}
    assert not daily.exists()
    _add("NEW")  # a real write still takes it
    assert _customers(daily) == ["OLD"]
    close_book()


def test_a_copy_is_taken_when_the_day_turns_while_the_book_is_open(book_path: Path) -> None:
    database = open_book(book_path)
    _add("A")
    database._guarded_on = dt.date.today() - dt.timedelta(days=1)  # opened yesterday
    backups.daily_copy_path(book_path.parent, dt.date.today()).unlink()
    _add("B")
    assert _customers(backups.daily_copy_path(book_path.parent, dt.date.today())) == ["A"]
    close_book()


def test_pruning_keeps_14_days_and_the_last_copy_of_12_months(tmp_path: Path) -> None:
    start = dt.date(2025, 1, 1)
    for n in range(500):
        (tmp_path / f"daily-{start + dt.timedelta(days=n)}.sqlite3").write_bytes(b"x")
    (tmp_path / "book-20250101-120000.sqlite3").write_bytes(b"mine")  # the owner's: kept
    backups.prune(tmp_path)
    kept = sorted(p.name for p in tmp_path.iterdir())
    last = start + dt.timedelta(days=499)  # 2026-05-15
    days = [f"daily-{last - dt.timedelta(days=n)}.sqlite3" for n in range(14)]
    month_ends = [
        f"daily-{d}.sqlite3"
        for d in (
            *("2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31"),
            *("2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"),
        )
    ]
    assert kept == sorted({*days, *month_ends, "book-20250101-120000.sqlite3"})


def test_the_list_of_copies_gives_date_size_and_invoices(book, book_path: Path) -> None:
    customer = models.Customer.create(code="ACME", name="Acme", currency="CAD")
    for number in ("1", "2"):
        models.Invoice.create(
            number=number,
            customer=customer,
            issue_date=dt.date(2026, 1, 1),
            due_date=dt.date(2026, 1, 31),
            state="sent",
            currency="CAD",
            total_minor=100,
        )
    mine = maintenance.back_up_now(book_path.parent)
    (book_path.parent / "backups" / "daily-2020-01-01.sqlite3").write_bytes(b"not a book")
    copies = maintenance.list_backups(book_path.parent)
    by_name = {copy.path.name: copy for copy in copies}
    assert by_name[mine.name].invoices == 2 and not by_name[mine.name].daily
    assert by_name[mine.name].size == mine.stat().st_size
    assert by_name["daily-2020-01-01.sqlite3"].invoices is None  # listed, said unreadable
    daily = backups.daily_copy_path(book_path.parent, dt.date.today()).name
    assert by_name[daily].invoices == 0 and by_name[daily].daily  # before the first write
    assert copies == sorted(copies, key=lambda c: (c.taken, c.path.name), reverse=True)


def test_a_second_destination_receives_the_daily_copy(book_path: Path, tmp_path: Path) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    open_book(book_path)
    with pytest.raises(BadInput, match=r"second backup destination: .* is not a folder"):
        maintenance.set_second_destination(tmp_path / "not-plugged-in")
    written = maintenance.set_second_destination(stick)
    assert written.parent == stick and _customers(written) == []
    assert maintenance.second_destination() == stick
    written.unlink()
    backups.daily_copy_path(book_path.parent, dt.date.today()).unlink()
    book_path.parent.joinpath(".book.sqlite3.checked").unlink()
    close_book()
    open_book(book_path)
    _add("A")  # the day's first write in this process: both copies are taken
    close_book()
    assert _customers(stick / written.name) == []
    assert [p.name for p in stick.iterdir()] == [written.name]  # no partial left
    open_book(book_path)
    maintenance.set_second_destination(None)
    assert maintenance.second_destination() is None
    close_book()


def test_an_unplugged_second_destination_never_stops_a_write(book, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    maintenance.set_second_destination(stick)
    stick.joinpath(os.listdir(stick)[0]).unlink()
    stick.rmdir()
    backups.daily_copy_path(tmp_path, dt.date.today()).unlink(missing_ok=True)
    book._guarded_on = None
    _add("A")
    assert [c.code for c in models.Customer.select()] == ["A"]
    assert backups.daily_copy_path(tmp_path, dt.date.today()).exists()


def test_unfinished_copies_are_removed_at_the_next_start_but_not_one_being_written(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    (folder / "backups").mkdir(parents=True)
    stale = [
        folder / "backups" / "book-20261201-080000.sqlite3.partial",
        folder / "backups" / "book-20261201-080000.sqlite3.partial-journal",
        folder / "book.before-restore-20261201.sqlite3.partial",
        folder / "backups" / "daily-2026-11-30.sqlite3.partial-journal",  # its partial gone
    ]
    for path in stale:
        path.write_bytes(b"half")
    busy = folder / "backups" / "book-20261203-090000.sqlite3.partial"
    busy.write_bytes(b"being written")
    holder = os.open(busy, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # as a running backup holds its partial
    try:
        open_book(folder / "book.sqlite3")
        close_book()
        assert not any(path.exists() for path in stale)
        assert busy.exists()
    finally:
        os.close(holder)


def test_the_window_can_take_the_days_copy_ahead_of_the_first_write(book_path: Path) -> None:
    open_book(book_path)
    _add("A")
    close_book()
    daily = backups.daily_copy_path(book_path.parent, dt.date.today())
    daily.unlink()
    database = open_book(book_path)
    assert maintenance.ready_for_the_day() == daily and _customers(daily) == ["A"]
    statements: list[str] = []
    database.connection().set_trace_callback(statements.append)
    _add("B")  # the first write finds the check done and the copy taken
    close_book()
    assert not [sql for sql in statements if "quick_check" in sql]
    assert _customers(daily) == ["A"]
