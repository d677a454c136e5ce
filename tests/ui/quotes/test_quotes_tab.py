"""The Quotes tab driven as a person would: write, send, accept, decline, delete, preview."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.ui.documents.pdf_preview import PdfPreview
from diva_desk.ui.invoices.editor.invoice_lines_model import LineColumn
from diva_desk.ui.quotes.quote_editor import QuoteEditor
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle
from ..invoice_helpers import Dialogs, dialogs, focused
from ..shell.test_window_keys import alt_letters

__all__ = ["dialogs"]


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase, tmp_path: Path) -> MainWindow:
    win = MainWindow(data_dir=tmp_path, today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.tabs.setCurrentWidget(win.quotes)
    return win


def type_line(qtbot: QtBot, editor: QuoteEditor, description: str, price: str) -> None:
    """Type the first line cell by cell, as the invoice editor's tests do."""
    table = editor.table
    for column, text in ((LineColumn.DESCRIPTION, description), (LineColumn.UNIT_PRICE, price)):
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        table.setFocus()
        table.setCurrentIndex(editor.lines.index(0, column))
        qtbot.keyClicks(table, text[0])
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
        qtbot.keyClicks(focused(), text[1:])
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def _write(editor: QuoteEditor, qtbot: QtBot) -> None:
    editor.customer.setCurrentIndex(editor.customer.findData(1))  # Acme Ltd.
    editor.deposit.setText("40")
    type_line(qtbot, editor, "Panel upgrade", "2000")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def test_a_quote_is_written_sent_and_accepted_into_an_invoice(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    tab = window.quotes
    dialogs.expect(lambda editor: _write(editor, qtbot))
    window.new_action.trigger()  # Ctrl+N on this tab writes a quote
    assert isinstance(dialogs.opened[0], QuoteEditor)
    assert tab.model.rowCount() == 1
    row = tab.selected()
    assert (
        row is not None and row.number == "Q-1" and row.total == Decimal("2260.00")
    )  # HST 13 % by default
    assert not tab.accept_action.isEnabled()  # a draft is sent first
    tab.send_action.trigger()
    assert tab.selected().status.value == "sent"
    assert tab.accept_action.isEnabled() and not tab.delete_action.isEnabled()

    def seen(box: QMessageBox) -> None:
        assert "invoice INV-1 was made" in box.text()
        box.accept()

    dialogs.expect(seen)
    tab.accept_action.trigger()
    assert "a 40% deposit today" in dialogs.confirmations[-1]
    assert tab.selected().status.value == "accepted"
    assert tab.selected().invoice == "INV-1"
    invoice = m.Invoice.get(m.Invoice.number == "INV-1")
    assert (invoice.deposit_minor, invoice.deposit_due_date) == (90400, TODAY)
    assert not tab.accept_action.isEnabled() and not tab.decline_action.isEnabled()


def test_a_refused_save_says_why_in_the_editor_and_keeps_it_open(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    def without_customer(editor: QuoteEditor) -> None:
        type_line(qtbot, editor, "Panel upgrade", "2000")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        assert editor.isVisible()
        assert editor.problem.text() == "Choose a customer for the quote."
        dialogs.confirm_answer = True
        editor.reject()  # asks before dropping the typed line

    dialogs.expect(without_customer)
    window.quotes.new_quote()
    assert dialogs.confirmations == ["Close without saving the changes to this quote?"]
    assert m.Quote.select().count() == 0


def test_a_draft_is_deleted_after_a_confirmation_and_a_sent_one_declined(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    tab = window.quotes
    for _ in range(2):
        dialogs.expect(lambda editor: _write(editor, qtbot))
        tab.new_quote()
    dialogs.confirm_answer = False
    tab.delete_action.trigger()
    assert m.Quote.select().count() == 2  # No: nothing lost
    dialogs.confirm_answer = True
    tab.delete_action.trigger()
    assert "Delete the draft Q-2?" in dialogs.confirmations[-1]
    assert [q.number for q in m.Quote.select()] == ["Q-1"]
    tab.select_quote(m.Quote.get().id)
    tab.send_action.trigger()
    tab.decline_action.trigger()
    assert tab.selected().status.value == "declined"


def test_the_pdf_opens_in_the_preview(window: MainWindow, qtbot: QtBot, dialogs: Dialogs) -> None:
    dialogs.expect(lambda editor: _write(editor, qtbot))
    window.quotes.new_quote()
    dialogs.expect(lambda preview: preview.reject())
    window.quotes.pdf_action.trigger()
    preview = dialogs.opened[-1]
    assert isinstance(preview, PdfPreview)
    assert preview.title == "Quote Q-1"
    assert preview.file_name == "Q-1.pdf"


def test_no_two_things_in_view_share_an_alt_letter_on_quotes(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.today_panel.focus_first_call()
    letters = alt_letters(window)
    counted = Counter(key for key, _text in letters)
    twice = {key: [t for k, t in letters if k == key] for key, n in counted.items() if n > 1}
    assert twice == {}


def test_help_lists_the_quote_keys(window: MainWindow) -> None:
    from diva_desk.ui.shell.help_pages import shortcut_rows

    def native(keys: str) -> str:  # as Qt names them here ("Ctrl+Maj+A" once French loaded)
        return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)

    rows = {(what, keys) for _section, what, keys in shortcut_rows(window)}
    assert ("Accept", native("Ctrl+Shift+A")) in rows
    assert ("Mark sent", native("Ctrl+Return")) in rows
    assert ("Go to Quotes", native("Ctrl+5")) in rows
