"""Driving the invoice windows the way a person does: typing into cells, answering dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from diva_desk.ui.common import dialogs as common_dialogs
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor
from diva_desk.ui.invoices.editor.invoice_lines_model import LineColumn


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_line(
    qtbot: QtBot, editor: InvoiceEditor, row: int, description: str, quantity: str, price: str
) -> None:
    """Type a line into the table, cell by cell: go to the cell, type, Enter."""
    table = editor.form.table
    table.setFocus()
    for column, text in (
        (LineColumn.DESCRIPTION, description),
        (LineColumn.QUANTITY, quantity),
        (LineColumn.UNIT_PRICE, price),
    ):
        # The offscreen platform can leave a hidden completer popup as the active
        # window; a person's window manager gives the dialog back its activation.
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow)
        table.setFocus()
        table.setCurrentIndex(editor.form.lines.index(row, column))
        qtbot.keyClicks(table, text[0])  # the first key opens the cell's editor...
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
        qtbot.keyClicks(focused(), text[1:])  # ...which has the focus for the rest
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def choose_customer(qtbot: QtBot, editor: InvoiceEditor, typed: str) -> None:
    box = editor.form.customer_box
    box.setFocus()
    qtbot.keyClicks(box.lineEdit(), typed)
    popup = box.completer().popup()
    if popup.isVisible():  # the matches listed under the box: Enter takes the one shown
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Tab)


class Dialogs:
    """Stands in for the person at the keyboard whenever a dialog opens modally."""

    def __init__(self) -> None:
        self.opened: list[QDialog] = []
        self.answers: list[Callable[[Any], None]] = []
        self.confirmations: list[str] = []
        self.confirm_answer = True

    def expect(self, answer: Callable[[Any], None]) -> None:
        """What to do with the next dialog: fill it in and press a button."""
        self.answers.append(answer)

    def exec_dialog(self, dialog: QDialog) -> int:
        self.opened.append(dialog)
        dialog.show()
        if self.answers:
            self.answers.pop(0)(dialog)
        else:
            dialog.reject()
        result = dialog.result()
        dialog.hide()
        return result

    def ask_discard(self, _parent: object) -> QMessageBox.StandardButton:
        self.confirmations.append("discard?")
        return QMessageBox.StandardButton.Discard

    def confirm(self, _parent: object, _title: str, text: str, _yes: str) -> bool:
        self.confirmations.append(text)
        return self.confirm_answer


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    fake = Dialogs()
    monkeypatch.setattr(common_dialogs, "exec_dialog", fake.exec_dialog)
    monkeypatch.setattr(common_dialogs, "confirm", fake.confirm)
    monkeypatch.setattr(common_dialogs, "ask_discard", fake.ask_discard)
    return fake
