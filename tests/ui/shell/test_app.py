"""Start-up: a book that cannot be opened, the first run, the window; bugs are never silent."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from diva_desk import app as app_module
from diva_desk import paths
from diva_desk.core.records import Business
from diva_desk.i18n import current_locale
from diva_desk.store.book.business import get_business, save_business
from diva_desk.store.book.db import close_book, open_book
from diva_desk.ui.common import errors
from diva_desk.ui.shell.first_run import FirstRunDialog
from diva_desk.ui.shell.main_window import MainWindow


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of the critical message boxes start-up would have shown."""
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _parent, _title, text: shown.append(text))
    )
    return shown


@pytest.fixture(autouse=True)
def restore_hooks() -> Iterator[None]:
    hook = sys.excepthook
    yield
    sys.excepthook = hook
    errors.set_log_file(None)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_diva_desk", False):
            root.removeHandler(handler)
            handler.close()


def test_a_book_from_a_newer_version_is_explained_and_exits_1(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diva_desk.ui.shell.book import book_opening
    from diva_desk.ui.shell.book.book_problem_dialog import BookProblemDialog, Choice, describe

    shown: list[str] = []

    def answer_quit(problem, book, *, can_read_only=False):  # type: ignore[no-untyped-def]
        shown.append(describe(problem, book).headline)
        dialog = BookProblemDialog(describe(problem, book))
        qtbot.addWidget(dialog)
        dialog.choice = Choice.QUIT
        return dialog

    monkeypatch.setattr(book_opening, "ask", answer_quit)
    book = paths.book_path(tmp_path)
    with sqlite3.connect(book) as raw:
        raw.execute("PRAGMA user_version = 99")
    raw.close()
    assert app_module.run_app(tmp_path) == 1
    assert shown == ["The book was written by a newer version of Diva Desk."]


def test_cancelling_the_first_run_quits_cleanly(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app_module.run_app(tmp_path) == 0
    open_book(paths.book_path(tmp_path))
    try:
        assert get_business() is None
    finally:
        close_book()


def test_window_opens_in_the_business_language(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_book(paths.book_path(tmp_path))
    save_business(Business(name="Atelier Lumière", locale="fr_CA"))
    close_book()
    seen: dict[str, object] = {}

    # A window another test left behind (closed, not yet deleted) is not this one.
    before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}

    def fake_exec(self: QApplication) -> int:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and id(w) not in before
        ]
        seen["title"] = windows[0].windowTitle()
        seen["visible"] = windows[0].isVisible()
        seen["locale"] = current_locale()
        windows[0].close()
        windows[0].deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run_app(tmp_path) == 0
    assert seen == {"title": "Diva Desk — Atelier Lumière", "visible": True, "locale": "fr_CA"}
    assert QApplication.organizationName() == "Diva Desk"
    assert QApplication.applicationName() == "diva-desk"


def test_a_bug_is_logged_and_the_log_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from diva_desk.logs import configure_logging

    shown: list[str] = []
    monkeypatch.setattr(errors, "show_bug", lambda _p, details: shown.append(details))
    log_file = configure_logging(tmp_path)
    errors.install_excepthook(log_file)
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert len(shown) == 1 and shown[0].endswith("ValueError: boom in a slot\n")
    assert errors.bug_message_long(log_file).startswith(
        f"It is a fault in the program, not in anything you did. "
        f"The details were written to the log, {log_file}."
    )
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ValueError: boom in a slot" in logged


def test_a_user_error_escaping_a_slot_is_shown_as_its_sentence(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path
) -> None:
    from diva_desk.errors import BookProblem

    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _p, text, **_kw: shown.append(text))
    errors.install_excepthook(tmp_path / "diva-desk.log")
    try:
        raise BookProblem("The disk is full. Free some space and try again.")
    except BookProblem:
        sys.excepthook(*sys.exc_info())
    assert shown == ["The disk is full. Free some space and try again."]
