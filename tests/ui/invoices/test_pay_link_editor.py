"""The invoice editor's pay link: the link it prints today, copied, overridden, kept."""

from __future__ import annotations

import peewee
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor

from ..conftest import TODAY

TEMPLATE = "https://pay.example/{number}?amount={amount}&currency={currency}"


def open_page(qtbot: QtBot, number: str) -> InvoiceEditor:
    editor = InvoiceEditor(today=TODAY, invoice_id=m.Invoice.get(m.Invoice.number == number).id)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def stored_link(number: str) -> str:
    return m.Invoice.get(m.Invoice.number == number).payment_link


def test_a_sent_invoice_shows_its_link_copies_it_and_keeps_its_own(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    m.Business.update(payment_link=TEMPLATE).execute()
    editor = open_page(qtbot, "INV-1003")  # 400.00 less 150.00 paid
    field = editor.form.pay_link
    link = "https://pay.example/INV-1003?amount=250.00&currency=CAD"
    assert field.note.text() == link

    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor, Qt.Key.Key_L, both)
    assert QApplication.clipboard().text() == link

    # Locked lines, but the link is the owner's to change: kept when Enter is pressed.
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert editor.focusWidget() is field.edit
    qtbot.keyClicks(field.edit, "https://square.link/u/{number}")
    assert field.note.text() == "https://square.link/u/INV-1003"
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert stored_link("INV-1003") == "https://square.link/u/{number}"
    assert not editor.dirty

    # A wrong one is said under the field and never kept, even on closing.
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "square.link/u/{number}")
    assert field.note.text().startswith("Pay link: start the address with https://")
    assert not field.copy_button.isEnabled()
    editor.reject()
    assert stored_link("INV-1003") == "https://square.link/u/{number}"


def test_a_draft_saves_its_link_and_a_paid_invoice_has_none(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    m.Business.update(payment_link=TEMPLATE).execute()
    paid = open_page(qtbot, "INV-1004")
    assert paid.form.pay_link.note.text() == "No link: nothing is owed on this invoice."
    assert not paid.form.pay_link.copy_button.isEnabled()

    draft = open_page(qtbot, "INV-1005")
    qtbot.keyClicks(draft.form.pay_link.edit, "https://paypal.me/spark/{amount}")
    assert draft.dirty
    assert draft.form.pay_link.note.text().startswith("https://paypal.me/spark/")
    assert draft.life.save_draft()
    assert stored_link("INV-1005") == "https://paypal.me/spark/{amount}"
