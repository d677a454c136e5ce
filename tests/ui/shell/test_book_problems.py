"""Start-up on a book that cannot be used as it is: which trouble, and the ways forward."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diva_desk import app as app_module
from diva_desk import paths
from diva_desk.store.book import maintenance, models
from diva_desk.store.book.db import close_book, db, open_book
from diva_desk.ui.common import errors
from diva_desk.ui.shell.book import book_opening
from diva_desk.ui.shell.book.book_problem_dialog import BookProblemDialog, Choice, describe


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _book(folder: Path, customers: int = 50) -> Path:
    book = paths.book_path(folder)
    open_book(book)
    with db.atomic():
        for n in range(customers):
            models.Customer.create(code=f"C{n:04}", name=f"Customer {n} " * 8, currency="CAD")
    close_book()
    return book


def _damage(book: Path, table: str) -> None:
    """Overwrite 2 KB of a table's page, as a failing disk or a bad sync would."""
    conn = sqlite3.connect(book)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    with book.open("r+b") as file:
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xff" * 2048)


def _backup(folder: Path) -> Path:
    open_book(paths.book_path(folder))
    try:
        return maintenance.back_up_now(folder)
    finally:
        close_book()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list]:
    """The dialogs start-up would show, each answered with the next choice of ``answers``."""
    seen: list = []

    def fake_ask(problem, book, *, can_read_only=False):  # type: ignore[no-untyped-def]
        dialog = BookProblemDialog(describe(problem, book, can_read_only=can_read_only))
        dialog.choice = seen_answers.pop(0)
        seen.append(dialog)
        return dialog

    seen_answers: list[Choice] = []
    monkeypatch.setattr(book_opening, "ask", fake_ask)
    monkeypatch.setattr(errors, "show_message", lambda *_a, **_k: None)
    seen.append(seen_answers)
    yield seen
    close_book()


def test_an_empty_book_is_named_and_quitting_leaves_it_as_it_was(
    qtbot: QtBot, tmp_path: Path, asked: list
) -> None:
    answers = asked.pop(0)
    book = paths.book_path(tmp_path)
    book.write_bytes(b"")
    answers.append(Choice.QUIT)
    assert app_module.run_app(tmp_path) == 1
    (dialog,) = asked
    qtbot.addWidget(dialog)
    assert "is empty (0 bytes)" in dialog.findChildren(type(dialog.advice))[2].text()
    assert "--data-dir" not in " ".join(
        label.text() for label in dialog.findChildren(type(dialog.advice))
    )
    assert Choice.READ_ONLY not in dialog.buttons and Choice.RESTORE not in dialog.buttons
    assert book.stat().st_size == 0


def test_a_damaged_book_offers_the_latest_backup_and_restores_it_never_writing_the_damaged_file(
    qtbot: QtBot, tmp_path: Path, asked: list
) -> None:
    answers = asked.pop(0)
    book = _book(tmp_path)
    _backup(tmp_path)
    # A cut-short book: the header says more pages than the file holds.
    data = book.read_bytes()
    book.write_bytes(data[: len(data) // 2])
    before = _digest(book)
    answers.extend([Choice.RESTORE])

    shown: list[str] = []

    def fake_show(self):  # type: ignore[no-untyped-def]
        return 0

    import diva_desk.app as app_mod

    app_mod_show = app_mod._show_window
    app_mod._show_window = lambda _app, opened, _instance: shown.append(str(opened.data_dir)) or 0
    try:
        assert app_module.run_app(tmp_path) == 0
    finally:
        app_mod._show_window = app_mod_show
    (dialog,) = asked
    qtbot.addWidget(dialog)
    assert Choice.RESTORE in dialog.buttons
    assert "Restore the backup of" in dialog.buttons[Choice.RESTORE].text()
    (kept,) = tmp_path.glob("book.damaged-*.sqlite3")
    assert _digest(kept) == before
    open_book(book)
    assert models.Customer.select().count() == 50


def test_a_read_only_book_asks_then_opens_read_only(
    qtbot: QtBot, tmp_path: Path, asked: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes read-only files")
    answers = asked.pop(0)
    book = _book(tmp_path)
    for leftover in tmp_path.glob("book.sqlite3-*"):
        leftover.unlink()
    book.chmod(0o400)
    answers.append(Choice.READ_ONLY)
    try:
        opened = book_opening.open_for_window(tmp_path)
        assert opened is not None and opened.read_only
        (dialog,) = asked
        qtbot.addWidget(dialog)
        assert "read-only" in dialog.findChildren(type(dialog.advice))[1].text()
        assert models.Customer.select().count() == 50
    finally:
        close_book()
        book.chmod(0o600)


def test_choosing_another_book_opens_that_one(
    qtbot: QtBot, tmp_path: Path, asked: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = asked.pop(0)
    bad = tmp_path / "bad"
    bad.mkdir()
    paths.book_path(bad).write_bytes(b"not a book at all" * 20)
    good = tmp_path / "good"
    _book(good, customers=3)
    monkeypatch.setattr(book_opening, "choose_data_folder", lambda _p, _c: good)
    answers.append(Choice.OTHER_BOOK)
    opened = book_opening.open_for_window(bad)
    assert opened == book_opening.Opened(good, read_only=False)
    assert models.Customer.select().count() == 3
    asked[0].deleteLater()


def test_the_check_at_start_finds_damage_in_the_background_and_says_so(
    qtbot: QtBot, tmp_path: Path, asked: list
) -> None:
    from diva_desk.ui.shell.main_window import MainWindow

    answers = asked.pop(0)
    book = _book(tmp_path, customers=200)
    answers.append(Choice.QUIT)
    open_book(book)
    window = MainWindow(data_dir=tmp_path)
    qtbot.addWidget(window)
    window.tasks.wait()
    _damage(book, "customer")
    before = _digest(book)
    book_opening.check_in_background(window, lambda: None, lambda: None)
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=10000)
    assert "damaged" in asked[0].findChildren(type(asked[0].advice))[1].text()
    assert Choice.RESTORE in asked[0].buttons  # the day's copy, taken before the damage
    window.tasks.wait()
    close_book()
    assert _digest(book) == before


@pytest.mark.parametrize("language", ["en_CA", "fr_CA"])
def test_the_window_drops_the_command_lines_advice_in_its_own_language(
    tmp_path: Path, language: str
) -> None:
    """--data-dir and diva-desk restore are the command line's; the dialog's buttons say it."""
    from diva_desk.i18n import set_language
    from diva_desk.store.book import health

    book = _book(tmp_path)
    _backup(tmp_path)
    sqlite = tmp_path / "other.sqlite3"
    sqlite3.connect(sqlite).execute("CREATE TABLE t (x)").connection.close()
    set_language(language)
    try:
        problems = [health.damaged(book, "is damaged"), health.read_only(book)]
        with pytest.raises(health.BookProblem) as not_a_book:
            health.check_tables(sqlite3.connect(sqlite), sqlite, 0)
        problems.append(not_a_book.value)
        for problem in problems:
            said = describe(problem, book).detail
            assert "--data-dir" in str(problem)  # the command line's sentence keeps it
            assert "--data-dir" not in said and "diva-desk restore" not in said, said
            assert said.startswith(str(problem)[:20])  # the sentence itself stays
    finally:
        set_language("en_CA")
