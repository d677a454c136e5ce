"""File › Back up now, File › Restore from backup and Settings › Backups, on real books."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from decimal import Decimal
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diva_desk.i18n import format
from diva_desk.store.book import maintenance, models
from diva_desk.store.invoices.payments import record_payment
from diva_desk.ui.common import dialogs, errors
from diva_desk.ui.settings.backup_settings import BackupSettingsDialog
from diva_desk.ui.shell.book.restore_dialog import RestoreDialog
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
    messages: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _parent, text, **_kw: messages.append(text))
    return messages


def _customers(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM customer").fetchone()[0]
    finally:
        conn.close()


def _back_up(window: MainWindow, qtbot: QtBot) -> Path:
    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        window.book_actions.backup_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Backed up the book to ")
    return Path(message.removeprefix("Backed up the book to ").removesuffix("."))


def test_back_up_now_writes_a_kept_copy_and_says_where(
    window: MainWindow, qtbot: QtBot, book_path: Path
) -> None:
    copy = _back_up(window, qtbot)
    assert copy.parent == book_path.parent / "backups"
    assert copy.name.startswith("book-")
    assert _customers(copy) == 4
    assert os.stat(copy).st_mode & 0o777 == 0o600


def test_restore_dialog_lists_the_copies_newest_first(
    window: MainWindow, qtbot: QtBot, book_path: Path
) -> None:
    backups = book_path.parent / "backups"
    daily = sorted(backups.glob("daily-*.sqlite3"))  # taken before the small book was written
    older = _back_up(window, qtbot).rename(backups / "book-20231114-221320.sqlite3")
    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(daily[0], (1_700_500_000, 1_700_500_000))
    newer = _back_up(window, qtbot)
    dialog = RestoreDialog(book_path.parent, window.tasks, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10000)
    rows = [
        [dialog.model.index(row, col).data() for col in range(4)]
        for row in range(dialog.model.rowCount())
    ]
    assert [c.path for c in dialog.model.copies] == [newer, daily[0], older]
    assert rows[2][0] == format.datetime(dt.datetime.fromtimestamp(1_700_000_000))
    assert rows[0][1].endswith(" KB")
    assert [row[2:] for row in rows] == [
        ["5", "Kept by you"],
        ["0", "Daily copy"],
        ["5", "Kept by you"],
    ]
    assert dialog.status.text() == f"3 copies in {backups}, newest first."
    # The newest is chosen, so Enter restores it.
    assert dialog.restore_button.isEnabled() and dialog.restore_button.isDefault()
    assert dialog.view.selectionModel().selectedRows()[0].row() == 0
    dialog.show()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.chosen == dialog.model.copies[1]


def test_restore_puts_the_copy_back_keeps_the_book_aside_and_rereads_it(
    window: MainWindow, qtbot: QtBot, book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _back_up(window, qtbot)
    owed_before = window.owed_label.text()
    # After the copy: a customer added, and 1,000.00 paid on ACME's invoice.
    models.Customer.create(code="NEW", name="Newcomer Inc.", currency="CAD")
    acme = models.Invoice.get(models.Invoice.number == "INV-1001")
    record_payment(acme.id, TODAY, Decimal("1000.00"), None, today=TODAY)
    window.refresh()
    settle(qtbot, window)
    assert window.customers.proxy.rowCount() == 5
    assert window.owed_label.text() != owed_before

    questions: list[str] = []

    def pick_newest(dialog: RestoreDialog) -> int:
        dialog.show()
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10000)
        assert dialog.model.copies[0].path == copy
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(dialogs, "exec_dialog", pick_newest)
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, _y: questions.append(text) or True)
    window.book_actions.restore_action.trigger()  # the list, then the restore, on the worker
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Restored"), timeout=10000
    )
    settle(qtbot, window)

    assert len(questions) == 1
    assert f"Replace the book {book_path} with the copy taken" in questions[0]
    assert "(5 invoices)" in questions[0]
    assert f"kept aside first, in {book_path.parent}, as book.before-restore-" in questions[0]
    # The window shows the restored book: the lists and the owed figure (no cache survived).
    assert window.customers.proxy.rowCount() == 4
    assert window.owed_label.text() == owed_before
    kept = sorted(book_path.parent.glob("book.before-restore-*.sqlite3"))
    assert len(kept) == 1 and _customers(kept[0]) == 5
    assert window.statusBar().currentMessage() == (
        f"Restored the book from {copy.name}. The book as it was is kept at {kept[0]}."
    )
    # Written again afterwards through the reopened book.
    models.Customer.create(code="AFTER", name="After Ltd.", currency="CAD")
    assert _customers(book_path) == 5


def test_cancelling_the_confirmation_changes_nothing(
    window: MainWindow, qtbot: QtBot, book_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _back_up(window, qtbot)
    models.Customer.create(code="NEW", name="Newcomer Inc.", currency="CAD")
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: False)

    def choose(dialog: RestoreDialog) -> int:
        dialog.chosen = copy
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs, "exec_dialog", choose)
    window.book_actions.ask_restore()
    window.tasks.wait()
    assert _customers(book_path) == 5
    assert not list(book_path.parent.glob("book.before-restore-*"))


def test_a_file_that_is_not_a_backup_is_refused_by_name(
    window: MainWindow, qtbot: QtBot, book_path: Path, tmp_path: Path, shown: list[str]
) -> None:
    bad = tmp_path / "holiday.sqlite3"
    bad.write_bytes(b"not a book at all")
    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        window.book_actions.restore_from(bad)
    assert shown and shown[0].startswith(f"{bad} is not a Diva Desk backup")
    assert _customers(book_path) == 4


def test_second_destination_chosen_written_and_missing_said_plainly(
    window: MainWindow, qtbot: QtBot, book_path: Path, tmp_path: Path
) -> None:
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    dialog = BackupSettingsDialog(book_path, window.tasks, window)
    qtbot.addWidget(dialog)
    assert dialog.folder_label.text() == "Folder: none chosen"
    assert not dialog.stop_button.isEnabled()
    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        dialog.choose(stick)
    written = stick / f"daily-{dt.date.today().isoformat()}.sqlite3"
    assert _customers(written) == 4
    assert dialog.status_label.text().startswith(f"A copy was written to {written}.")
    assert dialog.folder_label.text() == f"Folder: {stick}"
    dialog.show_destination()
    assert dialog.status_label.text().startswith("Last written ")

    written.unlink()
    stick.rmdir()  # the stick unplugged
    again = BackupSettingsDialog(book_path, window.tasks, window)
    qtbot.addWidget(again)
    assert again.status_label.text().startswith(f"{stick} is not there now")
    assert again.choose_button.isEnabled()
    # Nothing is blocked: the book is written as before.
    models.Customer.create(code="NEW", name="Newcomer Inc.", currency="CAD")
    again.stop_button.click()
    assert again.folder_label.text() == "Folder: none chosen"
    assert maintenance.second_destination() is None


def test_a_second_destination_that_cannot_be_used_is_refused_by_name(
    window: MainWindow, qtbot: QtBot, book_path: Path, tmp_path: Path, shown: list[str]
) -> None:
    dialog = BackupSettingsDialog(book_path, window.tasks, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(window.tasks.task_finished, timeout=10000):
        dialog.choose(tmp_path / "nowhere")
    assert shown == [f"second backup destination: {tmp_path / 'nowhere'} is not a folder"]
    assert maintenance.second_destination() is None
