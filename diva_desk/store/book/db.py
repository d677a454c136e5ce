"""Opening a book: the connection, its pragmas, and schema upgrades."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import peewee

from diva_desk.errors import BookProblem
from diva_desk.i18n import _
from diva_desk.store.book import schema

log = logging.getLogger(__name__)

db = peewee.DatabaseProxy()

PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full", "busy_timeout": 5000}


class BookTooNew(BookProblem):
    pass


def latest_version(steps: Sequence[str] | None = None) -> int:
    return len(schema.STEPS if steps is None else steps)


def schema_version(database: peewee.SqliteDatabase) -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def open_book(path: Path, *, steps: Sequence[str] | None = None) -> peewee.SqliteDatabase:
    """Open (creating if need be) the book at ``path``, upgrade it, and bind ``db`` to it."""
    steps = schema.STEPS if steps is None else steps
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        database = peewee.SqliteDatabase(str(path), pragmas=PRAGMAS)
        database.connect(reuse_if_open=True)
        version = schema_version(database)
    except (OSError, peewee.DatabaseError, sqlite3.Error) as exc:
        raise BookProblem(
            _("The book {path} cannot be opened: {error}.").format(path=path, error=exc)
        ) from exc
    if version > len(steps):
        database.close()
        raise BookTooNew(
            _(
                "The book {path} was written by a newer version of Diva Desk "
                "(schema {version}; this version knows up to {latest}). "
                "Install the newer version to open it."
            ).format(path=path, version=version, latest=len(steps))
        )
    if version < len(steps):
        if version > 0:
            _keep_copy(database, path, version)
        _upgrade(database, version, steps)
    db.initialize(database)
    return database


def close_book() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()
    db.initialize(None)


def _keep_copy(database: peewee.SqliteDatabase, path: Path, version: int) -> Path:
    """Copy the book aside before upgrading it, so a failed upgrade loses nothing."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}{path.suffix}")
    backup_to(database, target)
    log.info("kept a copy of schema %s at %s before upgrading", version, target)
    return target


def backup_to(database: peewee.SqliteDatabase, target: Path) -> None:
    """A consistent copy through SQLite's online backup API, safe while the app is open."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    dest = sqlite3.connect(str(partial))
    try:
        database.connection().backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    partial.replace(target)


def _upgrade(database: peewee.SqliteDatabase, version: int, steps: Sequence[str]) -> None:
    for number in range(version + 1, len(steps) + 1):
        script = steps[number - 1]
        conn = database.connection()
        try:
            # executescript would commit on its own; run statement by statement so the
            # step and its version number land in one transaction or not at all.
            conn.execute("BEGIN IMMEDIATE")
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK")
            raise BookProblem(
                _(
                    "Upgrading the book to schema {number} failed ({error}); it was left "
                    "at schema {previous}, and a copy was kept beside it."
                ).format(number=number, error=exc, previous=number - 1)
            ) from exc
        log.info("book upgraded to schema %s", number)


def _statements(script: str) -> list[str]:
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
