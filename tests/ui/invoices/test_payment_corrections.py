"""Correcting a payment from the invoice page, by keyboard: edit, delete, move, and undo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.i18n import format as fmt
from diva_desk.store.book import models as m
from diva_desk.store.customers.timeline import EntryKind, customer_history
from diva_desk.store.invoices.editing import (
    draft_for_customer,
    invoice_detail,
    save_draft,
    send_invoice,
    void_invoice,
)
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor
from diva_desk.ui.invoices.editor.invoice_payments import PaymentsPanel
from diva_desk.ui.invoices.payment_edit_dialog import MovePaymentDialog, PaymentEditDialog

from ..conftest import TODAY
from ..customers.test_customer_details import access_keys
from ..invoice_helpers import Dialogs, dialogs

__all__ = ["dialogs"]

D = Decimal


def money(amount: str) -> str:
    return fmt.money(D(amount), "CAD")


def invoice_id(number: str) -> int:
    return m.Invoice.get(m.Invoice.number == number).id


def open_page(qtbot: QtBot, number: str) -> InvoiceEditor:
    editor = InvoiceEditor(today=TODAY, invoice_id=invoice_id(number))
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def focus_list(qtbot: QtBot, panel: PaymentsPanel) -> None:
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)


def shown_amounts(panel: PaymentsPanel) -> list[str]:
    return [panel.model.index(row, 1).data() for row in range(panel.model.rowCount())]


def notes(code: str) -> list[str]:
    customer = m.Customer.get(m.Customer.code == code).id
    history = customer_history(customer, TODAY)
    return [e.notes for e in history.entries if e.kind is EntryKind.INTERACTION]


def test_the_invoice_page_lists_its_payments_and_a_draft_lists_none(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    editor = open_page(qtbot, "INV-1003")
    panel = editor.life.payments
    assert panel.isVisible()
    assert shown_amounts(panel) == [money("150.00")]
    assert panel.model.index(0, 0).data() == fmt.date(dt.date(2026, 11, 2))
    editor.load_invoice(invoice_id("INV-1005"))  # a draft
    assert not panel.isVisible()
    editor.load_invoice(invoice_id("INV-1001"))  # sent, nothing paid yet
    assert not panel.isVisible()


def test_enter_edits_the_payment_and_a_refusal_keeps_the_dialog_open(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    editor = open_page(qtbot, "INV-1003")  # 400.00, 150.00 paid
    panel = editor.life.payments
    problems: list[str] = []

    def correct(dialog: PaymentEditDialog) -> None:
        assert dialog.amount.text() == "150.00"
        dialog.amount.clear()
        qtbot.keyClicks(dialog.amount, "400.01")
        dialog.ok.click()
        problems.append(dialog.problem.text())
        assert dialog.isVisible()  # refused: nothing changed, the form stays
        dialog.amount.clear()
        qtbot.keyClicks(dialog.amount, "105.00")
        dialog.reference.clear()
        qtbot.keyClicks(dialog.reference, "Cheque 881")
        dialog.ok.click()

    dialogs.expect(correct)
    focus_list(qtbot, panel)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert isinstance(dialogs.opened[-1], PaymentEditDialog)
    assert problems == [
        f"The payment of {money('400.01')} is more than the balance of {money('400.00')} "
        "on INV-1003."
    ]
    assert shown_amounts(panel) == [money("105.00")]
    assert editor.form.totals.balance_value.text() == money("295.00")
    assert panel.undo_bar.isVisible()
    assert "amount" in panel.undo_bar.text.text() and "Cheque 881" in notes("GAMMA")[0]

    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown_amounts(panel) == [money("150.00")]
    assert editor.form.totals.balance_value.text() == money("250.00")
    assert not panel.undo_bar.isVisible()
    assert notes("GAMMA") == []


def test_delete_asks_first_and_undo_brings_the_payment_back(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    editor = open_page(qtbot, "INV-1003")
    panel = editor.life.payments
    focus_list(qtbot, panel)
    dialogs.confirm_answer = False
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert "Delete the payment of" in dialogs.confirmations[-1]
    assert invoice_detail(invoice_id("INV-1003"), TODAY).paid == D("150.00")

    dialogs.confirm_answer = True
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert invoice_detail(invoice_id("INV-1003"), TODAY).paid == D("0.00")
    assert editor.form.totals.balance_value.text() == money("400.00")
    # The last payment gone, the list stays for its undo.
    assert panel.isVisible() and panel.model.rowCount() == 0
    assert notes("GAMMA")[0].startswith(f"Deleted the payment of {money('150.00')}")
    panel.undo_bar.button.click()
    assert shown_amounts(panel) == [money("150.00")]
    assert notes("GAMMA") == []
    panel.undo_bar.expire()
    panel.undo_bar.timer.timeout.emit()
    assert panel.isVisible()  # still a payment to list


def test_a_payment_moves_to_the_customers_other_open_invoice(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    gamma = m.Customer.get(m.Customer.code == "GAMMA").id
    line = r.InvoiceLine("More work", D(1), D("500.00"))
    # Issued before the payment came (Nov 2): the money may pay it.
    right = save_draft(draft_for_customer(gamma, dt.date(2026, 10, 15), (line,)))
    number = send_invoice(right, TODAY)
    editor = open_page(qtbot, "INV-1003")
    panel = editor.life.payments
    assert panel.move_button.isEnabled()

    def move(dialog: MovePaymentDialog) -> None:
        assert dialog.target.currentText().startswith(number)
        dialog.ok.click()

    dialogs.expect(move)
    panel.move_button.click()
    assert invoice_detail(invoice_id("INV-1003"), TODAY).paid == D("0.00")
    assert invoice_detail(right, TODAY).paid == D("150.00")
    assert panel.model.rowCount() == 0 and panel.undo_bar.isVisible()
    assert notes("GAMMA")[0].endswith(f"from INV-1003 to {number}.")


def test_the_context_menu_offers_the_three_corrections(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    editor = open_page(qtbot, "INV-1003")
    panel = editor.life.payments
    panel.table.customContextMenuRequested.emit(QPoint(10, 10))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = [action.text() for action in menu.actions()]
    menu.close()
    assert texts == ["Edit the payment…", "Move to another invoice…", "Delete the payment…"]
    # GAMMA has no other open invoice: the move says why it is not offered.
    assert not panel.move_button.isEnabled()
    assert "Gamma Garage has no other open invoice in CAD" in panel.move_button.toolTip()


def test_a_void_invoices_payment_can_be_deleted_but_not_edited(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    void_invoice(invoice_id("INV-1003"), "wrong address", TODAY)
    editor = open_page(qtbot, "INV-1003")
    panel = editor.life.payments
    assert panel.isVisible()
    assert not panel.edit_button.isEnabled()
    assert "void invoice" in panel.edit_button.toolTip()
    focus_list(qtbot, panel)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert dialogs.opened == []
    assert panel.delete_button.isEnabled()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_both_enter_keys_open_the_edit(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs, key: Qt.Key
) -> None:
    editor = open_page(qtbot, "INV-1004")
    panel = editor.life.payments
    focus_list(qtbot, panel)
    qtbot.keyClick(panel.table, key)
    assert len(dialogs.opened) == 1 and isinstance(dialogs.opened[0], PaymentEditDialog)


def test_the_lists_access_keys_are_its_own_in_the_invoice_page(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    editor = open_page(qtbot, "INV-1003")
    panel = editor.life.payments
    dialogs.confirm_answer = True
    panel.delete_button.click()  # the undo bar shows its button too
    assert panel.undo_bar.isVisibleTo(editor)
    ours = access_keys(panel)
    assert sorted(ours) == ["e", "h", "i", "l", "o"]
    theirs = access_keys(editor) - ours
    assert [key for key in ours if key in theirs] == []

    qtbot.keyClick(editor, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert panel.table.hasFocus()
