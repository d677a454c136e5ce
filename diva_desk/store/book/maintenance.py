"""Whole-book operations: backup, restore, emptying a book before demo data."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import peewee

from diva_desk.errors import BadInput, BookProblem
from diva_desk.i18n import _
from diva_desk.store.book import models, schema
from diva_desk.store.book.db import backup_to, db

# Children before parents, so foreign keys never object.
_CLEAR_ORDER = (
    models.Interaction,
    models.Followup,
    models.Installment,
    models.PaymentPlan,
    models.Promise,
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
    through SQLite's backup API into the live connection, so it is all or nothing.
    """
    _check_is_book(source)
    kept = keep_aside(book, "before-restore")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        src.backup(db.obj.connection())
    except sqlite3.Error as exc:
        raise BookProblem(
            _("Restoring from {file} failed ({error}); the book is unchanged.").format(
                file=source, error=exc
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
        raise BookProblem(f"{message}: {exc}.") from exc


def open_book_file() -> Path | None:
    """The file of the book open now, or None when none is."""
    database = getattr(db.obj, "database", None)
    return Path(database) if isinstance(database, str) and database else None


def close_thread_connection() -> None:
    """Close this thread's own connection to the book, if it opened one (worker threads)."""
    database = db.obj
    if database is not None and not database.is_closed():
        database.close()
