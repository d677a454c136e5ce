"""Kill a writer at random moments: the book stays whole and keeps every write it reported.

A real process (crash_writer.py) writes invoices, payments, imports and backups to a
real book and prints each one once it has returned; SIGKILL stops it at a random
moment, as a crash or a pulled plug of the process would. Then: SQLite's
``integrity_check`` is ok, everything printed is in the book, the next start removes
the unfinished copies a kill left, and every backup that was completed is whole.

A few kills run by default (a few seconds); ``DIVA_DESK_CRASH_KILLS=300`` runs hundreds.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from diva_desk.interchange import import_file
from diva_desk.store.book import health
from diva_desk.store.book.db import close_book, open_book

WRITER = Path(__file__).with_name("crash_writer.py")
SAMPLE = Path(__file__).parents[2] / "interchange" / "data" / "sample-book.json"
KILLS = int(os.environ.get("DIVA_DESK_CRASH_KILLS", "3"))


def _run_and_kill(book: Path, seed: int, rng: random.Random) -> list[str]:
    """Start the writer, let it write for a random while, SIGKILL it; the lines it printed."""
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(book), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in writer.stdout:  # type: ignore[union-attr]
            lines.append(line.strip())
            ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(60):
        writer.kill()
        pytest.fail(f"the writer did not start: {writer.stderr.read()}")  # type: ignore[union-attr]
    time.sleep(rng.uniform(0.0, 0.8))
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    reader.join(10)
    errors = writer.stderr.read()  # type: ignore[union-attr]
    writer.stdout.close()  # type: ignore[union-attr]
    writer.stderr.close()  # type: ignore[union-attr]
    assert writer.returncode == -signal.SIGKILL, errors
    return [line for line in lines if line != "ready"]


def _check(book: Path, reported: list[str]) -> None:
    conn = sqlite3.connect(book)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        numbers = {row[0] for row in conn.execute("SELECT number FROM invoice")}
        payments = {row[0] for row in conn.execute("SELECT id FROM payment")}
        codes = {row[0] for row in conn.execute("SELECT code FROM customer")}
    finally:
        conn.close()
    for line in reported:
        kind, what = line.split(" ", 1)
        if kind == "invoice":
            assert what in numbers, line
        elif kind == "payment":
            assert int(what) in payments, line
        elif kind == "import":
            assert what in codes, line
        else:
            assert kind == "backup" and health.is_whole(Path(what)), line


def test_killing_a_writer_never_loses_a_reported_write_or_damages_the_book(
    tmp_path: Path,
) -> None:
    book = tmp_path / "book.sqlite3"
    open_book(book)
    import_file(SAMPLE)
    close_book()
    rng = random.Random(os.environ.get("DIVA_DESK_CRASH_SEED", "12"))
    everything: list[str] = []
    for kill in range(KILLS):
        everything += _run_and_kill(book, kill, rng)
        _check(book, everything)
    assert any(line.startswith("invoice") for line in everything)

    open_book(book)  # the next start: unfinished copies are removed
    close_book()
    leftovers = [p.name for p in tmp_path.rglob("*.partial*")]
    assert leftovers == []
    for copy in (tmp_path / "backups").glob("*.sqlite3"):
        assert health.is_whole(copy), copy
