"""Help › the six habits and Help › About, on the real window."""

from __future__ import annotations

from pathlib import Path

import peewee
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from diva_desk.store.book.maintenance import open_book_file
from diva_desk.ui.shell.guide.help_more import AboutDialog, HabitsDialog, habits_file
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle


def make_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    win = MainWindow(data_dir=tmp_path, today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    return win


def test_about_names_the_books_folder_and_opens_it(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, tmp_path: Path, monkeypatch
) -> None:
    window = make_window(qtbot, tmp_path)
    dialog = AboutDialog(*window.data_places(), parent=window)
    qtbot.addWidget(dialog)
    book = Path(open_book_file())
    assert str(book.parent) in dialog.findChild(QLabel, "dataLink").text()
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    dialog.labels["data"].linkActivated.emit("data")
    assert opened == [str(book.parent)]
    assert dialog.result_label.text() == f"Opened {book.parent}."


def test_the_habits_page_links_to_where_each_habit_lives(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    dialog = HabitsDialog({"reports": lambda: window.tabs.setCurrentWidget(window.reports)}, window)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "6. Learn from the past" in text
    dialog.follow(QUrl("diva:reports"))
    assert window.tabs.currentWidget() is window.reports
    # Every link of both languages names a place the window offers.
    for locale in ("en_CA", "fr_CA"):
        html = habits_file(locale).read_text(encoding="utf-8")
        assert (locale == "fr_CA") == ("habitudes" in html)
        for place in ("today", "customers", "invoices", "followups", "reports", "business"):
            assert f'href="diva:{place}"' in html
