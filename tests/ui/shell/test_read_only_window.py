"""A window that may only read its book: the banner, and every write action kept off."""

from __future__ import annotations

from pathlib import Path

import peewee
import pytest
from pytestqt.qtbot import QtBot

from diva_desk.store.book import health, models
from diva_desk.store.book.db import close_book, open_book
from diva_desk.ui.shell import read_only
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle, show_tab

REASON = "Another program has this book open, so this window only reads it."


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase, book_path: Path) -> MainWindow:
    close_book()
    open_book(book_path, read_only=REASON)
    win = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show_read_only(REASON)
    win.show()
    settle(qtbot, win)
    return win


def test_the_banner_says_why_and_what_still_works(window: MainWindow) -> None:
    banner = window.read_only_banner
    assert banner.isVisible()
    text = banner.findChild(type(window.owed_label), "readOnlyText").text()
    assert "<b>Read-only.</b>" in text and REASON in text
    assert "You can look, search, print and export; nothing can be changed." in text
    # The window's contents sit under it, as they were.
    assert window.splitter.isVisible()
    assert window.owed_label.text() == "Owed to you: $2,150.00"


def test_every_write_action_stays_off_whatever_is_selected(
    window: MainWindow, qtbot: QtBot
) -> None:
    for path in read_only.WRITE_ACTIONS:
        action = read_only._attribute(window, path)
        assert action is not None, path
        assert not action.isEnabled(), path
    # Selecting a sent invoice would turn Record payment and Void on: they stay off.
    show_tab(qtbot, window, window.invoices)
    window.invoices.select_position(0)
    assert window.invoices.selected_rows()
    for action in (window.invoices.payment_action, window.invoices.void_action):
        action.setEnabled(True)  # what the tab's own selection code does
        assert not action.isEnabled()
    # Reading goes on: open, PDF, export, back up, refresh.
    assert window.invoices.pdf_action.isEnabled()
    assert window.book_actions.export_action.isEnabled()
    assert window.book_actions.backup_action.isEnabled()
    assert window.refresh_action.isEnabled()


def test_write_buttons_stay_off_and_the_call_cards_record_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    show_tab(qtbot, window, window.followups)
    window.followups.select_position(0)
    assert window.followups.selected() is not None
    assert not window.followups.done_button.isEnabled()
    assert not window.followups.add_button.isEnabled()
    assert not window.customers.new_button.isEnabled()
    cards = read_only.card_buttons(window.today_panel)
    assert cards and not any(button.isEnabled() for button in cards)


def test_a_write_that_slips_through_says_why_and_changes_nothing(window: MainWindow) -> None:
    with pytest.raises(health.BookReadOnly) as refused:
        models.Customer.create(code="NEW", name="Newcomer Inc.", currency="CAD")
    assert str(refused.value) == REASON
    assert models.Customer.select().count() == 4
