"""One book, one window: a second start brings the first forward, or opens read-only."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diva_desk import paths
from diva_desk.core import records as r
from diva_desk.store.book.business import save_business
from diva_desk.store.book.db import close_book, open_book
from diva_desk.ui.shell.single_instance import (
    Outcome,
    SingleInstance,
    lock_path,
    server_name,
)

try:
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


@pytest.fixture
def first(tmp_path: Path) -> Iterator[SingleInstance]:
    instance = SingleInstance(tmp_path / "book.sqlite3")
    yield instance
    instance.release()


def test_the_name_follows_the_book(tmp_path: Path) -> None:
    book = tmp_path / "book.sqlite3"
    assert server_name(book) == server_name(tmp_path / "." / "book.sqlite3")
    assert server_name(book) != server_name(tmp_path / "other" / "book.sqlite3")


def test_a_second_start_brings_the_first_forward(
    qtbot: QtBot, tmp_path: Path, first: SingleInstance
) -> None:
    assert first.claim().outcome is Outcome.FIRST
    second = SingleInstance(tmp_path / "book.sqlite3")
    with qtbot.waitSignal(first.raise_requested, timeout=5000):
        assert second.claim().outcome is Outcome.HANDED_OVER
    # Another book is another window's business.
    elsewhere = SingleInstance(tmp_path / "elsewhere" / "book.sqlite3")
    (tmp_path / "elsewhere").mkdir()
    try:
        assert elsewhere.claim().outcome is Outcome.FIRST
    finally:
        elsewhere.release()


def test_the_book_is_free_again_when_the_first_lets_go(tmp_path: Path) -> None:
    book = tmp_path / "book.sqlite3"
    first = SingleInstance(book)
    assert first.claim().outcome is Outcome.FIRST
    first.release()
    again = SingleInstance(book)
    try:
        assert again.claim(wait=0).outcome is Outcome.FIRST
    finally:
        again.release()


@pytest.mark.skipif(fcntl is None, reason="file locks are a POSIX matter")
def test_a_book_locked_by_a_program_that_does_not_answer_opens_read_only(
    tmp_path: Path,
) -> None:
    book = tmp_path / "book.sqlite3"
    held = os.open(lock_path(book), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(held, fcntl.LOCK_EX)  # a hung window, or one in another session
    try:
        claim = SingleInstance(book).claim(wait=0.3)
    finally:
        os.close(held)
    assert claim.outcome is Outcome.READ_ONLY
    assert claim.reason.startswith("Another program has this book open")


def test_a_server_that_cannot_listen_means_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Qt puts local sockets in the temporary folder: one that is not there cannot hold one.
    monkeypatch.setenv("TMPDIR", str(tmp_path / "no-such-folder"))
    instance = SingleInstance(tmp_path / "book.sqlite3")
    claim = instance.claim(wait=0)
    assert claim.outcome is Outcome.READ_ONLY
    assert claim.reason.startswith("Diva Desk could not make sure no other window writes")
    assert instance._lock is None  # the lock is let go, so a later window can have the book


def _app_process(data: Path, home: Path, **more: str) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        **more,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "diva_desk", "--data-dir", str(data)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.skipif(fcntl is None, reason="the lock file is how the test sees the window up")
def test_two_real_processes_one_window(tmp_path: Path) -> None:
    data = tmp_path / "data"
    book = paths.book_path(data)
    open_book(book)
    save_business(r.Business(name="Bright Spark Electrical", owner_name="Sam Rivera"))
    close_book()
    first = _app_process(data, tmp_path)
    try:
        log = data / "diva-desk.log"
        deadline = time.monotonic() + 60
        while "this window has the book" not in (log.read_text() if log.exists() else ""):
            assert first.poll() is None, first.communicate()[1].decode()
            assert time.monotonic() < deadline, "the first window never came up"
            time.sleep(0.2)
        second = _app_process(data, tmp_path)
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err.decode()
        assert first.poll() is None  # the first window is still up
        deadline = time.monotonic() + 10
        while "MainWindow brought to the front for another start" not in log.read_text():
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        assert "it was asked to come to the front" in log.read_text()

        # A start that cannot see the first window's socket (another session's
        # temporary folder) finds the book's lock held, and opens it read-only.
        (tmp_path / "other-session").mkdir()
        third = _app_process(data, tmp_path, TMPDIR=str(tmp_path / "other-session"))
        try:
            deadline = time.monotonic() + 60
            while "book opened read-only: Another program has this book open" not in (
                log.read_text()
            ):
                assert third.poll() is None, third.communicate()[1].decode()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        finally:
            third.terminate()
            third.communicate(timeout=30)
    finally:
        first.terminate()
        first.communicate(timeout=30)
