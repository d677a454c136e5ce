"""Whole-book operations: backup, restore, emptying a book before demo data.

The copies themselves are written by store/book/backups.py (online backup API,
written whole or not at all); this module works on the open book.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import peewee

from diva_desk.errors import BadInput, BookProblem
from diva_desk.i18n import _
from diva_desk.paths import backups_dir, make_private_folder
from diva_desk.store.book import backups, health, models, schema
from diva_desk.store.book.db import backup_to, db
from diva_desk.store.book.settings import get_setting, set_setting

#: How long a restore waits for another program writing the book before giving up.
RESTORE_WAIT_SECONDS = 5.0

# Children before parents, so foreign keys never object.
_CLEAR_ORDER = (
    models.RecurringLineTax,
    models.RecurringLine,
    models.RecurringInvoice,
    models.Interaction,
    models.Followup,
    models.Installment,
    models.PaymentPlan,
    models.Promise,
    models.Quote,
    models.Payment,
    models.InvoiceLine,
    models.Invoice,
    models.Customer,
    models.TaxRate,
    models.Business,
)


def stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


def keep_aside(book: Path, label: str) -> Path:
    """Copy the open book beside itself (``book.<label>-<stamp>.sqlite3``) and say where."""
    target = book.with_name(f"{book.stem}.{label}-{stamp()}{book.suffix}")
    _safely(
        lambda: backup_to(db.obj, target), _("Could not keep a copy at {path}").format(path=target)
    )
    return target


def default_backup_path(folder: Path) -> Path:
    """Where Back up now and ``diva-desk backup`` put a copy: ``backups/book-<stamp>``."""
    return backups_dir(folder) / f"book-{stamp()}.sqlite3"


def back_up_now(folder: Path) -> Path:
    """File › Back up now: a copy in ``backups/`` that pruning never removes."""
    make_private_folder(backups_dir(folder))
    return backup_book(default_backup_path(folder))


def backup_book(target: Path) -> Path:
    """A consistent copy of the open book at ``target``, even while the app has it open."""
    _safely(
        lambda: backup_to(db.obj, target),
        _("Could not write the backup {path}").format(path=target),
    )
    return target


def clear_book() -> None:
    """Remove every record, in one transaction (settings are kept)."""
    with db.atomic():
        for model in _CLEAR_ORDER:
            model.delete().execute()


def restore_book(source: Path, book: Path) -> Path:
    """Replace the open book's contents with the backup at ``source``.

    The current book is kept aside first and its path returned. The copy goes
    through SQLite's backup API into the live connection, so it is all or nothing,
    and a window that has the book open sees the restored book. Another program
    writing the book makes it give up after a few seconds, changing nothing.
    """
    _check_is_book(source)
    kept = keep_aside(book, "before-restore")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        src.backup(db.obj.connection(), progress=backups.deadline(RESTORE_WAIT_SECONDS))
    except sqlite3.Error as exc:
        problem = health.problem_from(exc, book)
        if isinstance(problem, health.BookInUse | health.BookReadOnly | health.DiskFull):
            raise problem from exc
        raise BookProblem(
            _("Restoring from {file} failed ({error}); the book is unchanged.").format(
                file=source, error=exc
            )
        ) from exc
    finally:
        src.close()
    return kept


def restore_over_damaged(source: Path, book: Path) -> Path:
    """Restore when the book cannot be opened (damaged, cut short, empty): never written to.

    The damaged file (with its write-ahead log) is renamed aside, untouched, and the
    backup is copied into a new file that takes its place; the kept file is returned.
    """
    _check_is_book(source)
    kept = book.with_name(f"{book.stem}.damaged-{stamp()}{book.suffix}")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        fresh = backups.copy_book(src, book.with_name(f".{book.name}.restoring"))
        if book.exists():
            book.replace(kept)
        for end in ("-wal", "-shm"):
            companion = book.with_name(book.name + end)
            if companion.exists():
                companion.replace(kept.with_name(kept.name + end))
        fresh.replace(book)
    except (OSError, sqlite3.Error) as exc:
        raise BookProblem(
            _("Restoring from {file} failed ({error}); nothing was changed.").format(
                file=source, error=getattr(exc, "strerror", None) or exc
            )
        ) from exc
    finally:
        src.close()
    return kept


def _check_is_book(source: Path) -> None:
    if not source.is_file():
        raise BadInput(_("{file}: no such file.").format(file=source))
    try:
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BadInput(
            _("{file} is not a Diva Desk backup ({error}).").format(file=source, error=exc)
        ) from exc
    if version < 1 or not {"business", "customer", "invoice"} <= tables:
        raise BadInput(_("{file} is not a Diva Desk backup.").format(file=source))
    if not health.is_whole(source):
        raise BadInput(
            _("{file} is damaged (it fails the quick check); choose another backup.").format(
                file=source
            )
        )
    if version > len(schema.STEPS):
        raise BadInput(
            _(
                "{file} was written by a newer version of Diva Desk (schema {version}); "
                "install the newer version to restore it."
            ).format(file=source, version=version)
        )


def _safely(action: Callable[[], object], message: str) -> None:
    try:
        action()
    except (OSError, sqlite3.Error, peewee.DatabaseError) as exc:
        problem = health.problem_from(exc, open_book_file() or Path("book.sqlite3"))
        if isinstance(problem, health.DiskFull):
            raise BookProblem(
                _("{message}: the disk is full; nothing was written.").format(message=message)
            ) from exc
        raise BookProblem(f"{message}: {getattr(exc, 'strerror', None) or exc}.") from exc


def second_destination() -> Path | None:
    """The folder (a USB stick, a synced folder) that also receives each daily copy."""
    value = get_setting(backups.SECOND_DESTINATION)
    return Path(value) if value and value.strip() else None


def set_second_destination(folder: Path | None) -> Path | None:
    """Choose (or with None, stop using) a second destination, and write a copy there now.

    BadInput naming the setting when the folder is not there or cannot be written.
    """
    if folder is None:
        models.Setting.delete().where(models.Setting.key == backups.SECOND_DESTINATION).execute()
        return None
    folder = Path(folder).expanduser().absolute()
    if not folder.is_dir():
        raise BadInput(
            _("second backup destination: {folder} is not a folder").format(folder=folder)
        )
    if not os.access(folder, os.W_OK):
        raise BadInput(
            _("second backup destination: {folder} cannot be written to").format(folder=folder)
        )
    set_setting(backups.SECOND_DESTINATION, str(folder))
    return backup_book(folder / f"daily-{dt.date.today().isoformat()}.sqlite3")


def list_backups(folder: Path) -> list[backups.BackupCopy]:
    """The copies in ``backups/`` of the data folder: date, size, invoices; newest first."""
    return backups.list_copies(folder)


def check_book() -> None:
    """SQLite's quick check of the open book (BookDamaged naming the fault).

    Cheap when the book has not changed since it last passed; the window runs it in
    the background at start, the command line when it opens the book.
    """
    book = open_book_file()
    if book is not None:
        health.quick_check(db.obj.connection(), book)


def ready_for_the_day() -> Path | None:
    """Check the book and take today's copy now, ahead of the day's first write.

    What the guard does before that write (store.book.db), done early: the window
    runs it in the background at start, so the first write of the day does not wait
    for a read of the whole book. Returns the copy taken, or None if today's exists.
    """
    book = open_book_file()
    if book is None:
        return None
    check_book()
    try:
        return backups.take_daily_copy(book, dt.date.today())
    except (OSError, sqlite3.Error) as exc:
        raise BookProblem(
            _("Could not write today's copy of the book into {folder}: {error}.").format(
                folder=backups_dir(book.parent), error=getattr(exc, "strerror", None) or exc
            )
        ) from exc


def open_book_file() -> Path | None:
    """The file of the book open now, or None when none is."""
    book = getattr(db.obj, "book", None)
    if isinstance(book, Path):
        return book
    database = getattr(db.obj, "database", None)
    return Path(database) if isinstance(database, str) and database else None


def close_thread_connection() -> None:
    """Close this thread's own connection to the book, if it opened one (worker threads)."""
    database = db.obj
    if database is not None and not database.is_closed():
        database.close()
