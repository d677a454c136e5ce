"""The main window's keys: New acts on the tab in view, Alt+letters are unique, Help lists them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from diva_desk import paths
from diva_desk.i18n import _, set_language
from diva_desk.ui.customers.customer_form import CustomerDialog
from diva_desk.ui.followups.followup_dialogs import FollowupDialog
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor
from diva_desk.ui.shell.help_pages import DataPlacesDialog, ShortcutsDialog, shortcut_rows
from diva_desk.ui.shell.main_window import MainWindow
from diva_desk.ui.today.call_card import CallCard

from ..conftest import TODAY, settle

NEW = QKeySequence.StandardKey.New  # made into a sequence once the app is running


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase, tmp_path: Path) -> MainWindow:
    win = MainWindow(data_dir=tmp_path, today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def dialog_opened_by(qtbot: QtBot, press: object) -> type[QWidget] | None:
    """Press (a callable); the class of the modal dialog it opened (closed at once), or None."""
    seen: list[type[QWidget]] = []

    def close_it() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            seen.append(type(modal))
            assert isinstance(modal, QDialog)
            modal.done(0)

    QTimer.singleShot(150, close_it)
    press()  # type: ignore[operator]
    qtbot.wait(250)
    return seen[0] if seen else None


def press_new(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
    )


@pytest.mark.parametrize(
    ("tab", "made", "text"),
    [
        ("customers", CustomerDialog, "&New customer…"),
        ("invoices", InvoiceEditor, "&New invoice…"),
        ("followups", FollowupDialog, "&New follow-up…"),
    ],
)
def test_new_makes_what_the_tab_in_view_lists(
    window: MainWindow, qtbot: QtBot, tab: str, made: type, text: str
) -> None:
    window.tabs.setCurrentWidget(getattr(window, tab))
    getattr(window, tab).view.setFocus()
    assert window.new_action.text() == text
    assert QKeySequence(NEW) in window.new_action.shortcuts()
    assert dialog_opened_by(qtbot, lambda: press_new(qtbot, window)) is made


def test_new_on_the_invoices_tab_is_not_a_customer(window: MainWindow, qtbot: QtBot) -> None:
    """The walkthrough: Ctrl+N on Invoices opened a new customer."""
    window.tabs.setCurrentWidget(window.invoices)
    window.invoices.search.setFocus()
    opened = dialog_opened_by(qtbot, lambda: press_new(qtbot, window))
    assert opened is InvoiceEditor
    # Only the window's New holds the key: no second action makes it ambiguous.
    holders = [
        a
        for a in window.findChildren(type(window.new_action))
        if QKeySequence(NEW) in a.shortcuts()
    ]
    assert holders == [window.new_action]


def test_new_is_disabled_on_reports_and_says_why(window: MainWindow, qtbot: QtBot) -> None:
    window.tabs.setCurrentWidget(window.reports)
    assert not window.new_action.isEnabled()
    assert "go to Customers, Invoices or Follow-ups" in window.new_action.statusTip()
    assert dialog_opened_by(qtbot, lambda: press_new(qtbot, window)) is None
    file_menu = window.menuBar().actions()[0].menu()
    assert window.new_action in file_menu.actions()


# --- mnemonics ---------------------------------------------------------------------------


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text)
    return found.group(1).casefold() if found else None


def alt_letters(window: MainWindow) -> list[tuple[str, str]]:
    """Every Alt+letter that something visible in the window answers to, counted."""
    letters: list[tuple[str, str]] = []
    for action in window.menuBar().actions():
        if action.isVisible() and (key := mnemonic(action.text())):
            letters.append((key, action.text()))
    cards = [w for w in window.today_panel.cards.values() if w.property("current")]
    card_buttons = [b for card in cards for b in card.findChildren(QAbstractButton)]
    for button in window.findChildren(QAbstractButton):
        # Disabled buttons count (a selection enables them), and so do the current card's
        # hidden ones (another call shows them where this one does not).
        shown = button.isVisible() or button in card_buttons
        if shown and (key := mnemonic(button.text())):
            letters.append((key, button.text()))
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None and (key := mnemonic(label.text())):
            letters.append((key, label.text()))
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for index in range(bar.count()):
                if key := mnemonic(bar.tabText(index)):
                    letters.append((key, bar.tabText(index)))
    return letters


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The window built in this language (the French catalog has its own mnemonics)."""
    set_language(request.param)
    yield request.param
    set_language("en_CA")


@pytest.mark.parametrize("language", ["en_CA", "fr_CA"], indirect=True)
@pytest.mark.parametrize("tab", ["customers", "invoices", "followups", "reports"])
def test_no_two_things_in_view_share_an_alt_letter(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, tab: str, language: str
) -> None:
    """Alt+S was both Snooze, on the call card with the focus, and the Settings menu."""
    window = MainWindow(today=lambda: TODAY)
    settle(qtbot, window)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(getattr(window, tab))
    if tab == "reports":
        # The report page (the sales tax section and its buttons among it) replaces the
        # empty one once read: count its letters, not the ones of the moment before.
        qtbot.waitUntil(window.reports.is_settled, timeout=20000)
        assert window.reports.taxes.csv_button.isVisible()
    window.today_panel.focus_first_call()  # its buttons carry their mnemonics now
    card = next(iter(window.today_panel.cards.values()))
    assert isinstance(card, CallCard)
    qtbot.waitUntil(lambda: card.property("current") is True)
    letters = alt_letters(window)
    counted = Counter(key for key, _text in letters)
    assert any(text == _("&Settings") for _key, text in letters)
    assert any(text in {_("&Snooze"), _("Snoo&ze…")} for _key, text in letters)
    twice = {key: [t for k, t in letters if k == key] for key, n in counted.items() if n > 1}
    assert twice == {}


# --- help --------------------------------------------------------------------------------


def test_help_lists_the_real_shortcuts(window: MainWindow, qtbot: QtBot) -> None:
    rows = shortcut_rows(window)
    as_text = {(what, keys) for _section, what, keys in rows}
    native = QKeySequence.SequenceFormat.NativeText
    assert ("New customer", QKeySequence(NEW).toString(native)) in as_text
    assert ("Back up now", "Ctrl+B") in as_text
    # Keys a person can press on a usual keyboard, not the odd keyboard's own Help key.
    assert ("Keyboard shortcuts", QKeySequence("F1").toString(native)) in as_text
    assert ("Go to Invoices", "Ctrl+2") in as_text
    assert ("Undo the last outcome", QKeySequence("Ctrl+Z").toString(native)) in as_text
    assert any(what == "Snooze" for _s, what, _k in rows)
    # Built from the actions: a shortcut changed in the window shows changed in the page.
    window.book_actions.backup_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
    assert ("Back up now", "Ctrl+Shift+K") in {(w, k) for _s, w, k in shortcut_rows(window)}
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.text() for a in help_menu.actions() if not a.isSeparator()] == [
        "&Getting paid: the six habits",
        "Guided &start…",
        "&Keyboard shortcuts",
        "&Where your data lives…",
        "&About Diva Desk",
    ]
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() >= 5
    shown = [
        dialog.tree.topLevelItem(i).child(j).text(0)
        for i in range(dialog.tree.topLevelItemCount())
        for j in range(dialog.tree.topLevelItem(i).childCount())
    ]
    assert "Print" in shown and "Refresh" in shown


def test_help_says_where_the_data_lives(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book, log, backups = window.data_places()
    assert book == Path(window_book_path())
    assert log == paths.log_path(tmp_path)
    assert backups == tmp_path / "backups"
    dialog = DataPlacesDialog(book, log, backups, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(QLabel, "bookPath").text() == str(book)
    assert dialog.findChild(QLabel, "backupsPath").text() == str(backups)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    assert dialog.open_folder("backups") is False  # our stand-in opened nothing
    assert opened == [str(backups)] and backups.is_dir()
    assert QGuiApplication.clipboard().text() == str(backups)
    assert "copied" in dialog.result_label.text()
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    qtbot.mouseClick(dialog.open_buttons["book"], Qt.MouseButton.LeftButton)
    assert dialog.result_label.text() == f"Opened {book.parent}."


def window_book_path() -> str:
    from diva_desk.store.book.db import db

    return str(db.obj.database)
