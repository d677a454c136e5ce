"""Voiding a paid invoice says where its money goes and can move it to the corrected copy;
the PDF preview counts its pages and closes quietly."""

from __future__ import annotations

from decimal import Decimal

import peewee
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.store.invoices.editing import invoice_detail
from diva_desk.ui.documents import pdf_preview
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor
from diva_desk.ui.invoices.void_dialog import VoidDialog

from ..conftest import TODAY
from ..invoice_helpers import Dialogs, dialogs

__all__ = ["dialogs"]


def test_the_void_dialog_says_what_was_received_and_where_it_stays(qtbot: QtBot) -> None:
    dialog = VoidDialog("INV-1003", TODAY, offer_reissue=True, received="$150.00")
    qtbot.addWidget(dialog)
    assert "$150.00 was received on INV-1003" in dialog.intro.text()
    assert "stay on the void invoice" in dialog.intro.text()
    assert dialog.move_payments.isVisibleTo(dialog) and dialog.move_payments.isChecked()
    assert dialog.moves_payments()
    dialog.reissue.setChecked(False)
    assert not dialog.move_payments.isEnabled() and not dialog.moves_payments()
    nothing = VoidDialog("INV-1001", TODAY, offer_reissue=True)
    qtbot.addWidget(nothing)
    assert "received" not in nothing.intro.text()
    assert not nothing.move_payments.isVisibleTo(nothing) and not nothing.moves_payments()


def test_voiding_a_partly_paid_invoice_moves_its_payments_to_the_corrected_copy(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    wrong = m.Invoice.get(m.Invoice.number == "INV-1003").id  # 400.00, 150.00 paid
    editor = InvoiceEditor(today=TODAY, invoice_id=wrong)
    qtbot.addWidget(editor)
    editor.show()

    def void(dialog: VoidDialog) -> None:
        assert "$150.00 was received on INV-1003" in dialog.intro.text()
        qtbot.keyClicks(dialog.reason, "Wrong address")
        dialog.ok.click()

    dialogs.expect(void)
    editor.life.void.click()
    assert editor.invoice_id is None  # the corrected copy, not saved yet
    editor.life.send.click()
    assert dialogs.confirmations[-1].endswith(
        "The payments of $150.00 received on INV-1003 move to it."
    )
    copy = editor.invoice_id
    assert copy is not None and copy != wrong
    assert invoice_detail(wrong, TODAY).paid == Decimal("0.00")
    assert invoice_detail(copy, TODAY).paid == Decimal("150.00")
    assert invoice_detail(copy, TODAY).balance == Decimal("250.00")


def test_the_preview_counts_pages_and_closes_without_a_qt_warning(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, qtlog
) -> None:
    from diva_desk.ui.documents.customer_documents import document_data

    data, title, name = document_data("ACME", "statement", TODAY)
    assert name == "ACME-statement-2026-11-23.pdf"
    preview = pdf_preview.PdfPreview(data, title=title, file_name=name)
    qtbot.addWidget(preview)
    preview.show()
    assert preview.pages.text() == "1 page"
    preview.reject()
    assert not any("QPdfLinkModel" in record.message for record in qtlog.records)


def test_voiding_from_the_invoices_tab_carries_the_payments_to_the_copy(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    from diva_desk.ui.shell.main_window import MainWindow

    window = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(window)
    tab = window.invoices
    window.tabs.setCurrentWidget(tab)
    wrong = m.Invoice.get(m.Invoice.number == "INV-1003").id
    assert tab.select_invoice(wrong)

    def void(dialog: VoidDialog) -> None:
        assert dialog.move_payments.isVisibleTo(dialog)
        qtbot.keyClicks(dialog.reason, "Wrong address")
        dialog.ok.click()

    copies: list[int | None] = []

    def send_copy(editor: InvoiceEditor) -> None:
        editor.life.send.click()
        copies.append(editor.invoice_id)

    dialogs.expect(void)
    dialogs.expect(send_copy)
    tab.void_selected()
    assert "The payments of $150.00 received on INV-1003 move to it." in dialogs.confirmations[-1]
    [copy] = copies
    assert copy is not None
    assert invoice_detail(wrong, TODAY).paid == Decimal("0.00")
    assert invoice_detail(copy, TODAY).paid == Decimal("150.00")
