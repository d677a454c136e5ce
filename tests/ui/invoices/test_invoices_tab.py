"""The Invoices tab on a small book: filters, footer totals, and its actions by shortcut."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import peewee
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.editing import invoice_detail
from diva_desk.ui.documents import printing
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor
from diva_desk.ui.invoices.invoice_filters import Period, StatusFilter
from diva_desk.ui.invoices.invoices_tab import InvoicesTab
from diva_desk.ui.invoices.payment_dialog import PaymentDialog
from diva_desk.ui.invoices.void_dialog import VoidDialog
from diva_desk.ui.mail.compose_dialog import ComposeDialog
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle, show_tab
from ..invoice_helpers import Dialogs, dialogs

__all__ = ["dialogs"]


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> MainWindow:
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentWidget(win.invoices)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def numbers(tab: InvoicesTab) -> list[str]:
    return sorted(tab.proxy.index(row, 0).data() for row in range(tab.proxy.rowCount()))


def select(tab: InvoicesTab, *wanted: str) -> None:
    """Select these invoices, as Ctrl+clicking them would."""
    model = tab.view.selectionModel()
    tab.view.clearSelection()
    flags = model.SelectionFlag.Select | model.SelectionFlag.Rows
    for row in range(tab.proxy.rowCount()):
        index = tab.proxy.index(row, 0)
        if index.data() in wanted:
            model.setCurrentIndex(index, model.SelectionFlag.NoUpdate)
            model.select(index, flags)
    tab.view.setFocus()


def test_status_filters_and_the_footer_add_up_what_is_shown(window: MainWindow) -> None:
    tab = window.invoices
    assert tab.footer.text() == ("5 invoices shown — total $2,495.50 — still owed $2,150.00")
    tab.filters.set_status(StatusFilter.OVERDUE)
    assert numbers(tab) == ["INV-1001", "INV-1003"]
    assert tab.footer.text() == "2 invoices shown — total $1,400.00 — still owed $1,250.00"
    assert tab.count.text() == "2 of 5"
    tab.filters.set_status(StatusFilter.UNPAID)
    assert numbers(tab) == ["INV-1001", "INV-1002", "INV-1003"]
    tab.filters.set_status(StatusFilter.PAID)
    assert numbers(tab) == ["INV-1004"]
    assert tab.footer.text() == "1 invoice shown — total $75.50 — still owed nothing"
    tab.filters.set_status(StatusFilter.DRAFT)
    assert numbers(tab) == ["INV-1005"]
    tab.filters.set_status(StatusFilter.VOID)
    assert numbers(tab) == []
    assert tab.footer.text() == "No invoice shown."


def test_customer_and_date_filters_combine_with_the_search(
    window: MainWindow, qtbot: QtBot
) -> None:
    tab = window.invoices
    beta = m.Customer.get(m.Customer.code == "BETA").id
    tab.filters.set_customer(beta)
    assert numbers(tab) == ["INV-1002", "INV-1005"]
    tab.filters.set_customer(None)

    tab.filters.set_period(Period.THIS_MONTH)  # November 2026
    assert numbers(tab) == ["INV-1002", "INV-1005"]
    tab.filters.set_period(Period.BETWEEN)
    tab.filters.issued_from.setDate(dt.date(2026, 9, 1))
    tab.filters.issued_to.setDate(dt.date(2026, 10, 1))
    assert numbers(tab) == ["INV-1001", "INV-1003"]
    qtbot.keyClicks(tab.search, "gamma")
    assert numbers(tab) == ["INV-1003"]
    assert tab.footer.text() == "1 invoice shown — total $400.00 — still owed $250.00"

    tab.filters.clear.click()
    tab.search.clear()
    assert tab.proxy.rowCount() == 5


def test_footer_keeps_currencies_apart(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> None:
    line = r.InvoiceLine(description="Work", unit_price=Decimal("500.00"))
    add_contents(
        r.BookContents(
            customers=(r.Customer(code="USCO", name="US Co", currency="USD"),),
            invoices=(
                r.Invoice(
                    number="US-1",
                    customer="USCO",
                    issue_date=TODAY,
                    due_date=TODAY + dt.timedelta(days=30),
                    lines=(line,),
                    currency="USD",
                ),
            ),
        )
    )
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    show_tab(qtbot, win, win.invoices)
    assert win.invoices.footer.text() == (
        "6 invoices shown — total $2,495.50 · US$500.00 — still owed $2,150.00 · US$500.00"
    )


def test_send_a_draft_from_the_list_by_shortcut(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    tab = window.invoices
    select(tab, "INV-1005")
    assert tab.send_action.isEnabled()
    assert not tab.payment_action.isEnabled()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "INV-1005" in dialogs.confirmations[-1]
    # An imported draft keeps the number it came with; it is now sent and listed so.
    detail = invoice_detail(m.Invoice.get(m.Invoice.number == "INV-1005").id, TODAY)
    assert detail.invoice.state is r.InvoiceState.SENT
    # The email is made on the worker (it draws the PDF); it opens when it is ready,
    # to the customer's email with the PDF attached.
    qtbot.waitUntil(lambda: bool(dialogs.opened) and isinstance(dialogs.opened[-1], ComposeDialog))
    email = dialogs.opened[-1]
    assert isinstance(email, ComposeDialog) and email.windowTitle() == "Email invoice INV-1005"
    assert email.to.text() == "lou@beta.ca" and email.attachment.text().startswith("INV-1005.pdf")
    row = [
        tab.proxy.index(i, 6).data() for i in range(5) if tab.proxy.index(i, 0).data() == "INV-1005"
    ]
    assert row == ["Sent"]
    assert window.statusBar().currentMessage() == "Sent invoice INV-1005."
    assert tab.selected_rows()[0].number == "INV-1005"  # still selected after the reload


def test_new_invoice_typed_saved_and_sent_shows_in_the_list(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    from ..invoice_helpers import choose_customer, type_line

    def write(editor: InvoiceEditor) -> None:
        choose_customer(qtbot, editor, "Gamma")
        type_line(qtbot, editor, 0, "Brake job", "7.5", "95.00")
        assert editor.form.totals.total_value.text() == "$805.13"
        editor.life.send.click()  # saves the draft, then sends it
        editor.reject()

    dialogs.expect(write)
    tab = window.invoices
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(dialogs.opened[0], InvoiceEditor)
    assert "INV-1" in numbers(tab)
    new = tab.proxy.index([tab.proxy.index(i, 0).data() for i in range(6)].index("INV-1"), 4)
    assert new.data() == "$805.13"


def test_record_a_payment_and_void_from_the_list(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    tab = window.invoices
    select(tab, "INV-1002")

    def pay(dialog: PaymentDialog) -> None:
        assert dialog.amount.text() == "900.00"
        dialog.amount.selectAll()
        qtbot.keyClicks(dialog.amount, "300")
        dialog.ok.click()

    dialogs.expect(pay)
    qtbot.keyClick(
        tab.view,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert tab.selected_rows()[0].balance == Decimal("600.00")
    assert window.statusBar().currentMessage() == "Recorded a payment of $300.00 on INV-1002."

    def void(dialog: VoidDialog) -> None:
        qtbot.keyClicks(dialog.reason, "Customer cancelled the job")
        dialog.reissue.setChecked(False)
        dialog.ok.click()

    dialogs.expect(void)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert tab.selected_rows()[0].status.value == "void"
    settle(qtbot, window)
    assert window.owed_label.text() == "Owed to you: $1,250.00"


def test_print_the_selected_invoices_in_one_job(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printed.pdf"

    def pdf_printer(_parent: object, job: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setDocName(job)
        return printer

    monkeypatch.setattr(printing, "choose_printer", pdf_printer)
    tab = window.invoices
    select(tab, "INV-1001", "INV-1003", "INV-1004")
    with qtbot.waitSignal(window.tasks.task_finished, timeout=20000):
        qtbot.keyClick(tab.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(PdfReader(out).pages) == 3
    assert window.statusBar().currentMessage() == "Printed 3 invoices: 3 pages."


def test_send_on_a_sent_invoice_goes_straight_to_its_email(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    tab = window.invoices
    select(tab, "INV-1001")  # sent, to Acme, who has no email on file
    assert tab.send_action.isEnabled()
    tab.send_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs.opened) and isinstance(dialogs.opened[-1], ComposeDialog))
    email = dialogs.opened[-1]
    assert dialogs.confirmations == []  # nothing to confirm: nothing changes until Send
    assert email.windowTitle() == "Email invoice INV-1001" and email.to.text() == ""
    select(tab, "INV-1004")
    assert tab.send_action.isEnabled()
