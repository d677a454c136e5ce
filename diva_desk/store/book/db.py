"""Opening a book: the connection, its pragmas, schema upgrades, and the guard on writes.

Every statement the store runs goes through :class:`BookDatabase`. Before the first
write of each day it runs SQLite's quick check (a damaged book is never written to)
and takes the day's copy into ``backups/`` (store/book/backups.py). An SQLite error
about the file itself (busy, read-only, full, damaged) becomes a ``BookProblem`` whose
sentence says which (store/book/health.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import peewee

from diva_desk.errors import BookProblem
from diva_desk.i18n import _
from diva_desk.paths import create_private_file, make_private, make_private_folder
from diva_desk.store.book import backups, health, schema

log = logging.getLogger(__name__)

db = peewee.DatabaseProxy()

PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full", "busy_timeout": 5000}


class BookTooNew(BookProblem):
    pass


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")


#: Statements that write only this connection's TEMP schema (a cache's table and
#: triggers, store.invoices.unpaid): no write to the book, so no guard.
_TEMP_ONLY = re.compile(
    r"\s*(CREATE\s+TEMP(ORARY)?\s|(DELETE\s+FROM|INSERT(\s+OR\s+\w+)?\s+INTO)\s+temp\.)",
    re.IGNORECASE,
)


def _writes(sql: str) -> bool:
    head = sql.lstrip()[:7].upper()
    if head.startswith(_WRITES):
        return _TEMP_ONLY.match(sql) is None
    return head.startswith("WITH") and any(word in sql.upper() for word in _WRITES[:4])


class BookDatabase(peewee.SqliteDatabase):
    """The book's connection: guards the day's first write and names file trouble."""

    def __init__(self, book: Path, *, guard_writes: bool = True, **kwargs: object) -> None:
        super().__init__(str(book), **kwargs)  # type: ignore[arg-type]
        self.book = book
        self.guard_writes = guard_writes
        self._guarded_on: dt.date | None = None
        #: Set when the book was opened read-only on purpose: what a refused write says.
        self.read_only_reason: str | None = None

    def execute_sql(self, sql, params=None):  # type: ignore[no-untyped-def, override]
        if self.guard_writes and _writes(sql) and self._guarded_on != dt.date.today():
            self._before_first_write_of_the_day()
        try:
            return super().execute_sql(sql, params)
        except peewee.DatabaseError as exc:
            self._explain(exc)

    def begin(self, lock_type=None):  # type: ignore[no-untyped-def]
        try:
            return super().begin(lock_type)
        except peewee.DatabaseError as exc:
            self._explain(exc)

    def commit(self):  # type: ignore[no-untyped-def]
        try:
            return super().commit()
        except peewee.DatabaseError as exc:
            self._explain(exc)

    def rollback(self):  # type: ignore[no-untyped-def]
        # SQLite rolls a transaction back by itself on a full disk or a busy book;
        # rolling back again would hide the sentence that says why.
        if not self.is_closed() and not self.connection().in_transaction:
            return None
        return super().rollback()

    def _explain(self, exc: peewee.DatabaseError) -> NoReturn:
        problem = health.problem_from(exc, self.book)
        if problem is None:
            raise exc
        if isinstance(problem, health.BookReadOnly) and self.read_only_reason:
            raise health.BookReadOnly(self.read_only_reason) from exc
        raise problem from exc

    def _before_first_write_of_the_day(self) -> None:
        """Never write into a damaged or read-only book; keep today's copy first."""
        today = dt.date.today()
        if not os.access(self.book, os.W_OK) or not os.access(self.book.parent, os.W_OK):
            raise health.read_only(self.book)
        health.quick_check(self.connection(), self.book)
        try:
            backups.take_daily_copy(self.book, today)
        except (OSError, sqlite3.Error) as exc:
            # The owner's work goes on; the log says why today has no copy.
            log.warning("could not take the daily copy of %s: %s", self.book, exc)
        self._guarded_on = today


def latest_version(steps: Sequence[str] | None = None) -> int:
    return len(schema.STEPS if steps is None else steps)


def schema_version(database: peewee.SqliteDatabase) -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def open_book(
    path: Path,
    *,
    steps: Sequence[str] | None = None,
    guard_writes: bool = True,
    read_only: str | None = None,
) -> peewee.SqliteDatabase:
    """Open (creating if need be) the book at ``path``, upgrade it, and bind ``db`` to it.

    An existing file that is empty, cut short, damaged, read-only or from a newer
    version is refused with a BookProblem saying which, and is not written to. A new
    book is built beside its place and renamed into it, so it is never half made.
    ``guard_writes=False`` skips the daily copy and check (benchmarks, scratch books).
    ``read_only``, a sentence, opens a writable book for reading only (a second window on
    a book another has open): every connection is opened ``mode=ro`` (its TEMP tables
    still work), and a write that is tried says that sentence.
    """
    steps = schema.STEPS if steps is None else steps
    path = Path(path)
    _prepare_folder(path)
    if not path.exists():
        _create_book(path, steps)
    else:
        health.check_file(path)
        for existing in (path, *_companions(path)):
            make_private(existing)
    try:
        if read_only:
            database = _connect_for_reading(path, read_only)
        else:
            database = _connect(path, guard_writes)
        version = schema_version(database)
    except (OSError, peewee.DatabaseError, sqlite3.Error, BookProblem) as exc:
        problem = exc if isinstance(exc, BookProblem) else health.problem_from(exc, path)
        if problem is None and not _writable(path):
            problem = health.read_only(path)
        if not isinstance(problem, health.BookReadOnly):
            raise problem or BookProblem(
                _("The book {path} cannot be opened: {error}.").format(path=path, error=exc)
            ) from exc
        database = _connect_read_only(path, guard_writes, problem)
        version = schema_version(database)
    try:
        _check_version(path, version, len(steps))
        health.check_tables(database.connection(), path, version)
        if version < len(steps):
            if version > 0:
                _keep_copy(database, path, version)
            _upgrade(database, version, steps, path)
    except BaseException:
        database.close()
        raise
    db.initialize(database)
    return database


def _check_version(path: Path, version: int, latest: int) -> None:
    if version > latest:
        raise BookTooNew(
            _(
                "The book {path} was written by a newer version of Diva Desk "
                "(schema {version}; this version knows up to {latest}). "
                "Install the newer version to open it."
            ).format(path=path, version=version, latest=latest)
        )


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + end) for end in ("-wal", "-shm")]


def _prepare_folder(path: Path) -> None:
    """The data folder 0700, and what killed runs left in it removed."""
    try:
        make_private_folder(path.parent)
    except OSError as exc:
        raise BookProblem(
            _("The folder {folder} cannot be created: {error}.").format(
                folder=path.parent, error=exc.strerror or exc
            )
        ) from exc
    try:
        backups.clean_stale_partials(path.parent)
    except OSError as exc:
        log.info("could not clean unfinished copies in %s: %s", path.parent, exc)


def _connect(path: Path, guard_writes: bool, **options: object) -> BookDatabase:
    database = BookDatabase(path, guard_writes=guard_writes, pragmas=PRAGMAS, **options)
    try:
        database.connect(reuse_if_open=True)
    except BaseException:
        database.close()
        raise
    return database


def _connect_for_reading(path: Path, reason: str) -> BookDatabase:
    """A writable book opened for reading only, on purpose; writes refused with ``reason``."""
    database = BookDatabase(
        Path(f"file:{path}?mode=ro"),
        guard_writes=False,
        pragmas={"foreign_keys": 1, "busy_timeout": PRAGMAS["busy_timeout"]},
        uri=True,
    )
    database.book = path
    database.read_only_reason = reason
    try:
        database.connect()
    except BaseException:
        database.close()
        raise
    return database


def _connect_read_only(path: Path, guard_writes: bool, problem: BookProblem) -> BookDatabase:
    """A book on a read-only disk or folder: reads go on; a write says it is read-only.

    SQLite cannot open a book in write-ahead mode there without its ``-shm`` file;
    when no write-ahead log is waiting, the file is complete and opened as immutable.
    """
    if any(companion.exists() for companion in _companions(path)):
        raise problem
    try:
        database = BookDatabase(
            Path(f"file:{path}?immutable=1"),
            guard_writes=guard_writes,
            pragmas={"foreign_keys": 1},
            uri=True,
        )
        database.book = path
        database.connect()
        return database
    except (peewee.DatabaseError, sqlite3.Error) as exc:
        raise problem from exc


def _create_book(path: Path, steps: Sequence[str]) -> None:
    """Build a new book as ``book.sqlite3.partial`` (0600) and rename it into place."""
    partial = path.with_name(path.name + ".partial")
    try:
        for leftover in (partial, *_companions(partial)):
            leftover.unlink(missing_ok=True)
        create_private_file(partial)
        # Unjournalled and unsynced: until the rename, a crash leaves only a partial.
        fast = {"journal_mode": "off", "synchronous": "off", "foreign_keys": 1}
        database = BookDatabase(partial, guard_writes=False, pragmas=fast)
        database.connect()
        try:
            _upgrade(database, 0, steps, path)
            database.execute_sql("PRAGMA journal_mode=wal")
        finally:
            database.close()
        backups.sync_file(partial)
        partial.replace(path)
    except (OSError, sqlite3.Error, peewee.DatabaseError) as exc:
        partial.unlink(missing_ok=True)
        problem = health.problem_from(exc, path)
        if problem is not None:
            raise problem from exc
        raise BookProblem(
            _("The book {path} cannot be created: {error}.").format(
                path=path, error=getattr(exc, "strerror", None) or exc
            )
        ) from exc


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
    backups.copy_book(database.connection(), target)


def _upgrade(
    database: peewee.SqliteDatabase, version: int, steps: Sequence[str], book: Path
) -> None:
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
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            problem = health.problem_from(exc, book)
            if problem is not None and not isinstance(problem, health.BookDamaged):
                raise problem from exc
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
