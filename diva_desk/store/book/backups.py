"""Copies of the book: written whole or not at all, one a day, pruned, listed.

Every copy goes through SQLite's online backup API into ``<copy>.partial`` (0600,
locked while it is written) and is renamed into place when complete, so a copy is
never half a book, and a kill leaves only a ``.partial`` that the next start removes.

Before the first write of each day the book is copied to ``backups/daily-<date>.sqlite3``
(and to the second destination the owner chose, if any). The last 14 daily copies are
kept, and the last copy of each of the last 12 months; copies the owner made (Back up
now, ``diva-desk backup``) are never pruned.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from diva_desk.paths import backups_dir, create_private_file, make_private_folder

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: stale partials are found by age
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

KEEP_DAILY, KEEP_MONTHLY = 14, 12
#: The book setting naming a folder that also receives each daily copy.
SECOND_DESTINATION = "backup.second_destination"
_DAILY = re.compile(r"daily-(\d{4}-\d{2}-\d{2})\.sqlite3")
_COMPANIONS = ("", "-journal", "-wal", "-shm")
_STALE_AGE = 24 * 3600  # without file locks (Windows): a partial a day old is stale


@dataclass(frozen=True)
class BackupCopy:
    """One copy, as the window's Restore list shows it."""

    path: Path
    taken: dt.datetime
    size: int
    invoices: int | None  # None: the copy could not be read
    daily: bool


@contextlib.contextmanager
def _partial(target: Path) -> Iterator[Path]:
    partial = target.with_name(target.name + ".partial")
    _remove_if_stale(partial)
    create_private_file(partial)
    lock = os.open(partial, os.O_RDONLY)
    try:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield partial
        partial.replace(target)
    finally:
        os.close(lock)
        for suffix in _COMPANIONS:
            Path(f"{partial}{suffix}").unlink(missing_ok=True)


def copy_book(source: sqlite3.Connection, target: Path, *, give_up_after: float = 30) -> Path:
    """A consistent copy of ``source`` at ``target`` (0600), written whole or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with _partial(target) as partial:
        dest = sqlite3.connect(str(partial))
        try:
            # No journal and no syncs while the partial is written: a crash leaves only a
            # partial, removed at the next start. One fsync before the rename makes it whole.
            dest.execute("PRAGMA synchronous=OFF")
            source.backup(dest, progress=deadline(give_up_after))
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        sync_file(partial)
    return target


def sync_file(path: Path) -> None:
    """Flush a file to the disk, so a rename after it never names half a file."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def deadline(seconds: float):  # type: ignore[no-untyped-def]
    """A progress callback that stops a backup held up (busy) for longer than ``seconds``.

    Python's backup loop retries a busy database forever; raising here aborts it.
    """
    start = time.monotonic()

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (5, 6) and time.monotonic() - start > seconds:  # SQLITE_BUSY, LOCKED
            raise sqlite3.OperationalError("database is locked")

    return progress


def _remove_if_stale(partial: Path) -> bool:
    """Remove a ``.partial`` (and its journal) no running copy holds; True if removed."""
    if not partial.exists():
        return False
    try:
        fd = os.open(partial, os.O_RDONLY)
    except OSError:
        return False
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # another process is writing this copy right now
        elif time.time() - partial.stat().st_mtime < _STALE_AGE:
            return False
        for suffix in _COMPANIONS:
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
    finally:
        os.close(fd)
    log.info("removed the unfinished copy %s left by an interrupted run", partial.name)
    return True


def clean_stale_partials(folder: Path) -> list[Path]:
    """Remove what killed runs left in the data folder and backups/: unfinished copies."""
    removed = []
    for place in (folder, backups_dir(folder)):
        if not place.is_dir():
            continue
        for partial in place.glob("*.partial"):
            if _remove_if_stale(partial):
                removed.append(partial)
        for suffix in _COMPANIONS[1:]:
            for orphan in place.glob(f"*.partial{suffix}"):
                if not orphan.with_name(orphan.name[: -len(suffix)]).exists():
                    orphan.unlink(missing_ok=True)
                    removed.append(orphan)
    return removed


def daily_copy_path(folder: Path, day: dt.date) -> Path:
    return backups_dir(folder) / f"daily-{day.isoformat()}.sqlite3"


def take_daily_copy(book: Path, day: dt.date) -> Path | None:
    """Copy the book's last committed state to ``backups/`` unless today's copy exists.

    Read through a connection of its own, so a write the caller has begun is not in it.
    Also writes the copy to the second destination, when one is set and reachable.
    """
    target = daily_copy_path(book.parent, day)
    if target.exists():
        return None
    make_private_folder(backups_dir(book.parent))
    source = sqlite3.connect(f"file:{book}?mode=ro", uri=True)
    try:
        try:
            copy_book(source, target)
        except FileExistsError:
            return None  # another process (the window, a command) is taking it right now
        log.info("daily copy of the book written to %s", target)
        prune(backups_dir(book.parent))
        second = _second_destination(source)
        if second is not None:
            _copy_to_second_destination(source, second, target.name)
    finally:
        source.close()
    return target


def _second_destination(source: sqlite3.Connection) -> Path | None:
    try:
        row = source.execute(
            "SELECT value FROM setting WHERE key = ?", (SECOND_DESTINATION,)
        ).fetchone()
    except sqlite3.Error:
        return None
    return Path(row[0]) if row and row[0].strip() else None


def _copy_to_second_destination(source: sqlite3.Connection, folder: Path, name: str) -> None:
    """A USB stick or synced folder: a copy there failing never stops the owner's work."""
    if not folder.is_dir():
        log.warning("second backup destination %s is not there; copy skipped", folder)
        return
    try:
        copy_book(source, folder / name)
        prune(folder)
        log.info("daily copy of the book also written to %s", folder)
    except (OSError, sqlite3.Error) as exc:
        log.warning("could not write the daily copy to %s: %s", folder, exc)


def prune(folder: Path) -> list[Path]:
    """Keep the last 14 daily copies and the last copy of each of the last 12 months."""
    daily = {}
    for path in folder.glob("daily-*.sqlite3"):
        match = _DAILY.fullmatch(path.name)
        if match:
            with contextlib.suppress(ValueError):
                daily[dt.date.fromisoformat(match.group(1))] = path
    days = sorted(daily, reverse=True)
    keep = set(days[:KEEP_DAILY])
    months: dict[tuple[int, int], dt.date] = {}
    for day in days:
        months.setdefault((day.year, day.month), day)  # newest first: the month's last copy
    keep |= set(sorted(months.values(), reverse=True)[:KEEP_MONTHLY])
    removed = [daily[day] for day in days if day not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
        log.info("pruned the old daily copy %s", path.name)
    return removed


def list_copies(folder: Path) -> list[BackupCopy]:
    """Every copy in ``backups/`` of the data folder ``folder``, newest first."""
    copies = []
    for path in backups_dir(folder).glob("*.sqlite3"):
        try:
            info = path.stat()
        except OSError:
            continue
        match = _DAILY.fullmatch(path.name)
        copies.append(
            BackupCopy(
                path=path,
                taken=dt.datetime.fromtimestamp(info.st_mtime),
                size=info.st_size,
                invoices=_count_invoices(path),
                daily=match is not None,
            )
        )
    return sorted(copies, key=lambda copy: (copy.taken, copy.path.name), reverse=True)


def _count_invoices(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT COUNT(*) FROM invoice").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
