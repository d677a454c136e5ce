"""Whole processes, timed from outside: the window probe and the command line.

Each run gets a fresh copy of the book in a data folder of its own (a run may write to
it: the probe records a payment, the app writes its log), and a HOME of its own so the
window's remembered sizes never come from, or go to, the owner's own settings.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Finished:
    status: int
    stdout: str
    stderr: str
    #: Wall-clock seconds from spawn to exit, on the monotonic clock.
    seconds: float
    #: The monotonic clock when the process was spawned.
    spawned: float
    #: Peak resident memory of the process, from the OS (wait4's ru_maxrss).
    peak_rss_mb: float


def run_process(
    command: list[str], env: dict[str, str], cwd: Path, timeout: float = 300.0
) -> Finished:
    """Run ``command``, wait for it (killing it after ``timeout`` s), read its peak RSS."""
    spawned = time.monotonic()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd, text=True
    )
    out: list[str] = []
    err: list[str] = []
    readers = [
        threading.Thread(target=lambda: out.append(process.stdout.read())),  # type: ignore[union-attr]
        threading.Thread(target=lambda: err.append(process.stderr.read())),  # type: ignore[union-attr]
    ]
    for reader in readers:
        reader.start()
    killer = threading.Timer(timeout, process.kill)
    killer.start()
    try:
        _pid, wait_status, usage = os.wait4(process.pid, 0)
    finally:
        killer.cancel()
    ended = time.monotonic()
    process.returncode = os.waitstatus_to_exitcode(wait_status)
    for reader in readers:
        reader.join()
    process.stdout.close()  # type: ignore[union-attr]
    process.stderr.close()  # type: ignore[union-attr]
    return Finished(
        process.returncode,
        "".join(out),
        "".join(err),
        ended - spawned,
        spawned,
        usage.ru_maxrss / 1024,
    )


@contextmanager
def book_folder(book: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A temporary data folder holding a copy of ``book``, and the environment to run in."""
    with tempfile.TemporaryDirectory(prefix="diva-bench-") as scratch:
        folder = Path(scratch)
        data, home = folder / "data", folder / "home"
        data.mkdir()
        home.mkdir()
        shutil.copyfile(book, data / "book.sqlite3")
        env = dict(os.environ)
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            DIVA_DESK_DATA_DIR=str(data),
            QT_QPA_PLATFORM="offscreen",
            PYTHONDONTWRITEBYTECODE="1",
        )
        yield data, env


def book_samples(book: Path) -> dict[str, str]:
    """Invoice numbers the processes use: the newest sent invoice with money still owed."""
    with sqlite3.connect(f"file:{book}?mode=ro", uri=True) as connection:
        row = connection.execute(
            "SELECT i.number FROM invoice i LEFT JOIN (SELECT invoice_id, "
            "SUM(amount_cents) AS paid FROM payment GROUP BY invoice_id) p "
            "ON p.invoice_id = i.id WHERE i.state = 'sent' "
            "AND i.total_cents - COALESCE(p.paid, 0) >= 100 "
            "ORDER BY i.issue_date DESC, i.id DESC LIMIT 1"
        ).fetchone()
    return {"open_invoice": row[0]}


def diva_desk_command() -> list[str]:
    """The installed ``diva-desk`` script beside this Python, else ``python -m diva_desk``."""
    script = Path(sys.executable).with_name("diva-desk")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "diva_desk"]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
