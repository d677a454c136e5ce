"""Import, export and backup from the File menu, through the background-task helper."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import peewee
import pytest
from pytestqt.qtbot import QtBot

from diva_desk.errors import BadInput
from diva_desk.store.book import maintenance
from diva_desk.ui.common import errors
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> MainWindow:
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What would have been shown in a message box."""
    messages: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _parent, text, **_kw: messages.append(text))
    return messages


def test_task_runs_off_the_gui_thread_and_answers_on_it(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work"] = threading.current_thread()
        return 42

    def done(result: int) -> None:
        seen["done"] = threading.current_thread()
        seen["result"] = result

    with qtbot.waitSignal(runner.task_finished):
        runner.run(work, done, lambda exc: seen.setdefault("failed", exc), uses_book=False)
    assert seen["result"] == 42
    assert seen["done"] is threading.main_thread()
    assert seen["work"] is not threading.main_thread()
    assert not runner.is_busy()


def test_task_failure_reaches_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    failures: list[BaseException] = []

    def work() -> None:
        raise BadInput("The file is not a Diva Desk book.")

    with qtbot.waitSignal(runner.task_finished):
        runner.run(work, lambda _r: None, failures.append, uses_book=False)
    assert [str(f) for f in failures] == ["The file is not a Diva Desk book."]


def test_backup_writes_a_copy_of_the_book(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "copies" / "book-copy.sqlite3"
    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        window.book_actions.back_up_to(target)
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT COUNT(*) FROM customer").fetchone()[0] == 4
    copy.close()
    assert window.statusBar().currentMessage() == f"Backup written to {target}."


def test_export_then_import_round_trip(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    exported = tmp_path / "book.json"
    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        window.book_actions.export_to(exported)
    numbers = {inv["number"] for inv in json.loads(exported.read_text("utf-8"))["invoices"]}
    assert numbers == {"INV-1001", "INV-1002", "INV-1003", "INV-1004", "INV-1005"}

    maintenance.clear_book()
    window.refresh()
    assert window.customers.proxy.rowCount() == 0

    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        window.book_actions.import_from(exported)
    # The window read the book again by itself.
    assert window.customers.proxy.rowCount() == 4
    settle(qtbot, window)
    assert window.owed_label.text() == "Owed to you: $2,150.00"
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("Imported the business profile, 4 customers, 5 invoices")
    )


def test_bad_import_file_is_explained_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, shown: list[str]
) -> None:
    bad = tmp_path / "not-a-book.json"
    bad.write_text("this is not json", encoding="utf-8")
    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        window.book_actions.import_from(bad)
    assert len(shown) == 1
    assert not shown[0].startswith("Something went wrong")
    assert window.customers.proxy.rowCount() == 4


def test_actions_are_greyed_while_a_task_runs(window: MainWindow, qtbot: QtBot) -> None:
    gate = threading.Event()
    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        window.tasks.run(lambda: gate.wait(5), lambda _r: None, lambda _e: None, uses_book=False)
        assert not window.book_actions.backup_action.isEnabled()
        gate.set()
    assert window.book_actions.backup_action.isEnabled()


def test_summary_names_only_what_was_added() -> None:
    from diva_desk.i18n import ngettext, set_language
    from diva_desk.interchange import ImportSummary

    assert str(ImportSummary(customers=1, invoices=3)) == "1 customer and 3 invoices"
    assert str(ImportSummary()) == "nothing"
    set_language("fr_CA")
    # Counts, words and the list read in the book's language.
    invoices = ngettext("{n} invoice", "{n} invoices", 3).format(n=3)
    assert str(ImportSummary(customers=1234, invoices=3)).endswith(" et " + invoices)
