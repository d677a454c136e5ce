"""Is the book whole? Damaged, cut-short, busy, read-only books and full disks, named.

Every trouble SQLite can report about the file itself becomes a :class:`BookProblem`
with a sentence that says which trouble it is and what to do; the file is never
written to on the way. ``quick_check`` runs SQLite's ``PRAGMA quick_check``; its good
answer is remembered (beside the book) with the file's size and time, so a book
that has not changed since it was last found whole is not read through again.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from diva_desk.errors import BookProblem
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.paths import backups_dir

_HEADER = b"SQLite format 3\x00"
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _NOTADB = 5, 6, 8, 10, 11, 13, 26
#: Less free space than this on the book's disk makes an I/O error a full disk.
_NEARLY_FULL = 1024 * 1024

#: The tables every Diva Desk book has had since schema 1.
BOOK_TABLES = frozenset(
    {
        *("business", "tax_rate", "customer", "invoice", "invoice_line", "payment"),
        *("promise", "payment_plan", "installment", "followup", "interaction", "setting"),
    }
)


class BookDamaged(BookProblem):
    """The file is not a whole book: damaged, cut short, empty or missing a table."""


class BookInUse(BookProblem):
    """Another program is writing the book and did not finish in time."""


class BookReadOnly(BookProblem):
    """The book (or its folder or disk) cannot be written to."""


class DiskFull(BookProblem):
    """The disk filled up during a write; SQLite rolled the write back."""


def way_forward(book: Path) -> str:
    """What to do about a damaged book, said for the command line (the window cuts it)."""
    latest = latest_good_backup(book)
    if latest is None:
        return _(
            "There is no backup in {folder}; choose another book with --data-dir, or copy "
            "a backup there."
        ).format(folder=backups_dir(book.parent))
    day = fmt.datetime(dt.datetime.fromtimestamp(latest.stat().st_mtime))
    return _(
        "Restore the latest good backup, from {date} (diva-desk restore {file}), or choose "
        "another book with --data-dir."
    ).format(date=day, file=latest)


def damaged(book: Path, what: str) -> BookDamaged:
    return BookDamaged(
        _("The book {path} {what}; nothing was written to it. {forward}").format(
            path=book, what=what, forward=way_forward(book)
        )
    )


def in_use(book: Path) -> BookInUse:
    return BookInUse(
        _(
            "The book {path} is in use by another program that is writing to it; nothing "
            "was changed. Try again when it has finished."
        ).format(path=book)
    )


def read_only_advice() -> str:
    """What to do about a read-only book, said for the command line (the window cuts it)."""
    return _(
        "Make it writable, or copy it to a folder you can write to and choose it with --data-dir."
    )


def read_only(book: Path) -> BookReadOnly:
    said = _(
        "The book {path} is read-only (the file, its folder or its disk cannot be "
        "written to); nothing was changed."
    ).format(path=book)
    return BookReadOnly(f"{said} {read_only_advice()}")


def disk_full(book: Path) -> DiskFull:
    return DiskFull(
        _(
            "The disk holding the book {path} is full; the book was left as it was before "
            "this change. Free some space and try again."
        ).format(path=book)
    )


def sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind ``exc`` (Peewee wraps it), if there is one."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            return current
        todo += [current.__cause__, current.__context__]
        todo += [arg for arg in current.args if isinstance(arg, BaseException)]
    return None


def problem_from(exc: BaseException, book: Path) -> BookProblem | None:
    """The BookProblem an SQLite error means, or None when it is not about the file."""
    error = sqlite_error(exc)
    if error is None:
        return None
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(error).lower()
    if code in (_BUSY, _LOCKED) or "database is locked" in text:
        return in_use(book)
    if code == _READONLY or "readonly database" in text:
        return read_only(book)
    if code == _FULL or "disk is full" in text:
        return disk_full(book)
    if code in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return damaged(book, _("is damaged ({error})").format(error=error))
    if code == _IOERR:
        return disk_full(book) if _nearly_full(book.parent) else io_error(book, error)
    return None


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


def io_error(book: Path, error: BaseException) -> BookProblem:
    return BookProblem(
        _(
            "The book {path} could not be read or written ({error}): the disk may have been "
            "removed or be failing. Nothing was changed; check the disk and try again."
        ).format(path=book, error=error)
    )


def check_file(book: Path) -> None:
    """Before SQLite opens an existing book: refuse a file that is empty, cut short or not one.

    SQLite would take a zero-byte file for a new empty book and write one into it: a
    sync program that truncated the book would look like "all my customers are gone".
    """
    try:
        size = book.stat().st_size
        with book.open("rb") as file:
            header = file.read(100)
    except OSError as exc:
        raise BookProblem(
            _("The book {path} cannot be read: {error}.").format(
                path=book, error=exc.strerror or exc
            )
        ) from exc
    if size == 0:
        raise damaged(book, _("is empty (0 bytes): a sync or copy program probably cut it"))
    if not header.startswith(_HEADER) or len(header) < 100:
        raise damaged(book, _("is not a Diva Desk book or is damaged beyond opening"))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid_for, changes = header[92:96], header[24:28]
    if valid_for == changes and pages and size < pages * page_size:
        raise damaged(
            book,
            _("is cut short ({size} of {expected} bytes)").format(
                size=size, expected=pages * page_size
            ),
        )


def check_tables(connection: sqlite3.Connection, book: Path, version: int) -> None:
    """A book of some version with a table gone is damaged, not "something went wrong"."""
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if version == 0:
        if names:
            said = _(
                "{path} is an SQLite file but not a Diva Desk book; nothing was written to it."
            ).format(path=book)
            raise BookProblem(f"{said} {_('Choose another book with --data-dir.')}")
        return
    missing = sorted(BOOK_TABLES - names)
    if missing:
        raise damaged(
            book, _("is missing part of its contents (the table {table})").format(table=missing[0])
        )


def _stamp(book: Path) -> str:
    parts = []
    for path in (book, book.with_name(book.name + "-wal")):
        try:
            info = path.stat()
        except FileNotFoundError:
            parts.append("-")
            continue
        # An empty write-ahead log is made afresh by every opening: it says nothing.
        parts.append(f"{info.st_size}:{info.st_mtime_ns}" if info.st_size else "-")
    return " ".join(parts)


def _stamp_file(book: Path) -> Path:
    return book.with_name(f".{book.name}.checked")


def quick_check(connection: sqlite3.Connection, book: Path, *, remember: bool = True) -> None:
    """SQLite's quick check of the whole file: BookDamaged naming the first fault.

    Skipped when the book has not changed since it last passed (size and time of the
    book and its write-ahead log, kept in ``.book.sqlite3.checked``).
    """
    stamp_file, before = _stamp_file(book), _stamp(book)
    try:
        if remember and stamp_file.read_text(encoding="utf-8") == before:
            return
    except (OSError, UnicodeDecodeError):
        pass
    try:
        rows = connection.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise problem_from(exc, book) or damaged(book, str(exc)) from exc
    answer = rows[0][0] if rows else "no answer"
    if answer != "ok":
        fault = [line for line in answer.splitlines() if not line.startswith("***")]
        raise damaged(
            book,
            _("is damaged (the quick check found: {fault})").format(
                fault="; ".join(fault) or answer
            ),
        )
    if remember and _stamp(book) == before:
        _remember(stamp_file, before)


def _remember(stamp_file: Path, stamp: str) -> None:
    partial = stamp_file.with_name(stamp_file.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(fd, "w", encoding="utf-8") as file:
            file.write(stamp)
        partial.replace(stamp_file)
    except OSError:
        pass  # a read-only folder: the check simply runs again next time


def is_whole(path: Path) -> bool:
    """Whether a copy (a backup) passes the quick check; it is opened read-only."""
    try:
        if path.stat().st_size == 0:
            return False
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok"
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False


def latest_good_backup(book: Path) -> Path | None:
    """The newest copy in ``backups/`` that passes the quick check, if any."""
    folder = backups_dir(book.parent)
    try:
        copies = sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    return next((copy for copy in copies if is_whole(copy)), None)


def peek_locale(book: Path) -> str | None:
    """The business's locale, read without opening the book (read-only, nothing checked).

    The command line speaks the book's language before it parses its arguments, so
    its help and usage errors are in that language too; the book is opened properly
    (checked, upgraded) only afterwards. ``None`` when there is no locale to read.
    """
    try:
        if not book.is_file():
            return None
        connection = sqlite3.connect(book.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT locale FROM business ORDER BY id LIMIT 1").fetchone()
        finally:
            connection.close()
    except (OSError, ValueError, sqlite3.Error):
        return None
    return row[0] if row and isinstance(row[0], str) and row[0] else None
