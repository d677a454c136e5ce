"""Writing an invoice by typing into the editor, then its life: send, pay, void."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.editing import invoice_detail
from diva_desk.ui.common import errors
from diva_desk.ui.documents.pdf_preview import PdfPreview
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor
from diva_desk.ui.invoices.editor.invoice_lines_model import LineColumn
from diva_desk.ui.invoices.payment_dialog import PaymentDialog
from diva_desk.ui.invoices.void_dialog import VoidDialog
from diva_desk.ui.mail.compose_dialog import ComposeDialog

from ..conftest import TODAY
from ..invoice_helpers import Dialogs, choose_customer, dialogs, type_line

__all__ = ["dialogs"]


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _parent, text, **_kw: messages.append(text))
    return messages


def open_editor(qtbot: QtBot, **kwargs: object) -> InvoiceEditor:
    editor = InvoiceEditor(today=TODAY, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def write_beta_invoice(qtbot: QtBot) -> InvoiceEditor:
    editor = open_editor(qtbot)
    choose_customer(qtbot, editor, "Beta")
    type_line(qtbot, editor, 0, "Wiring, kitchen", "7.5", "95.00")
    editor.form.add_line()
    type_line(qtbot, editor, 1, "Panel upgrade", "2", "120")
    return editor


def test_totals_follow_what_is_typed(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> None:
    editor = write_beta_invoice(qtbot)
    totals = editor.form.totals
    # 7.5 x 95.00 + 2 x 120.00 = 952.50; HST 13 % of it is 123.825, rounded half-up.
    assert totals.net_value.text() == "$952.50"
    assert totals.tax_values == {"HST 13%": "$123.83"}
    assert totals.total_value.text() == "$1,076.33"
    assert totals.balance_value.text() == "$1,076.33"
    lines = editor.form.lines
    assert lines.index(0, LineColumn.AMOUNT).data() == "$712.50"
    assert lines.index(1, LineColumn.UNIT_PRICE).data() == "120.00"
    assert not editor.form.line_problems.isVisible()

    # Retyping a quantity moves the totals at once.
    type_line(qtbot, editor, 1, "Panel upgrade", "3", "120.00")
    assert totals.total_value.text() == "$1,211.93"


def test_a_mistyped_number_is_shown_beside_the_lines_and_not_saved(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, shown: list[str]
) -> None:
    editor = open_editor(qtbot)
    choose_customer(qtbot, editor, "Beta")
    type_line(qtbot, editor, 0, "Wiring", "7,5", "95.00")
    problems = editor.form.line_problems
    assert problems.isVisible()
    assert problems.text().startswith('Line 1: Quantity: "7,5" is not a number')
    cell = editor.form.lines.index(0, LineColumn.QUANTITY)
    assert cell.data() == "7,5"  # kept as typed, to be corrected
    assert cell.data(Qt.ItemDataRole.ToolTipRole)
    assert editor.form.totals.total_value.text() == "$0.00"

    editor.life.save.click()
    assert shown and shown[-1].startswith("Line 1:")
    assert editor.invoice_id is None


def test_save_send_then_locked_with_its_number(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    editor = write_beta_invoice(qtbot)
    qtbot.keyClicks(editor.form.po_number, "PO-77")
    editor.life.save.click()
    assert editor.invoice_id is not None
    assert editor.windowTitle() == f"Draft DRAFT-{editor.invoice_id}"
    assert not editor.dirty

    composed: list[ComposeDialog] = []

    def look_at_the_email(dialog: ComposeDialog) -> None:
        composed.append(dialog)
        dialogs.expect(lambda _preview: None)
        dialog.attachment.click()  # the PDF opens from its name
        dialog.reject()

    dialogs.expect(look_at_the_email)
    editor.life.send.click()
    assert "Beta Bakery" in dialogs.confirmations[-1]
    detail = invoice_detail(editor.invoice_id, TODAY)
    assert detail.invoice.state is r.InvoiceState.SENT
    assert detail.invoice.number == "INV-1"  # the business counter starts at 1
    assert detail.invoice.po_number == "PO-77"
    assert detail.totals.total == Decimal("1076.33")
    assert editor.windowTitle() == "Invoice INV-1"
    # The email follows at once, to the customer's email, the PDF attached (mail is
    # not set up here: Send is off and the dialog offers to set it up).
    (email,) = composed
    assert email.to.text() == "lou@beta.ca"
    assert email.attachment.text().startswith("INV-1.pdf")
    assert not email.send_button.isEnabled() and not email.set_up_button.isHidden()
    preview = dialogs.opened[-1]
    assert isinstance(preview, PdfPreview)
    assert preview.windowTitle() == "Invoice INV-1"
    assert preview.pages.text() == "1 page"

    # Sent: lines locked, a hint to void and reissue, payment possible.
    assert editor.locked_note.isVisible()
    assert "void it and issue a new one" in editor.locked_note.text()
    flags = editor.form.lines.flags(editor.form.lines.index(0, LineColumn.QUANTITY))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert editor.life.send.isVisible()  # emails it again
    assert not editor.life.save.isVisible()
    assert editor.life.payment.isVisible()


def test_partial_payment_then_one_over_the_balance_is_refused(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    editor = write_beta_invoice(qtbot)
    editor.life.send.click()
    invoice_id = editor.invoice_id
    assert invoice_id is not None

    def pay_400(dialog: PaymentDialog) -> None:
        assert dialog.amount.text() == "1076.33"  # the balance, to start with
        dialog.amount.selectAll()
        qtbot.keyClicks(dialog.amount, "400.00")
        dialog.method.setCurrentIndex(dialog.method.findText("Cheque"))
        qtbot.keyClicks(dialog.reference, "cheque 512")
        dialog.ok.click()

    dialogs.expect(pay_400)
    editor.life.payment.click()
    detail = invoice_detail(invoice_id, TODAY)
    assert detail.paid == Decimal("400.00")
    assert detail.payments[0].method is r.PaymentMethod.CHEQUE
    assert detail.payments[0].reference == "cheque 512"
    assert editor.form.totals.balance_value.text() == "$676.33"

    refused: list[str] = []

    def pay_too_much(dialog: PaymentDialog) -> None:
        assert dialog.amount.text() == "676.33"
        dialog.amount.selectAll()
        qtbot.keyClicks(dialog.amount, "700.00")
        assert dialog.problem.text() == "That is more than the balance of $676.33."
        dialog.ok.click()  # pressed anyway: the book refuses, the dialog stays open
        assert dialog.isVisible()
        refused.append(dialog.problem.text())
        dialog.reject()

    dialogs.expect(pay_too_much)
    editor.life.payment.click()
    assert refused == ["The payment of $700.00 is more than the balance of $676.33 on INV-1."]
    assert invoice_detail(invoice_id, TODAY).paid == Decimal("400.00")


def test_void_needs_a_reason_and_offers_a_corrected_copy(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    editor = write_beta_invoice(qtbot)
    editor.life.send.click()
    invoice_id = editor.invoice_id
    assert invoice_id is not None

    def void(dialog: VoidDialog) -> None:
        assert not dialog.ok.isEnabled()  # no reason, no void
        qtbot.keyClicks(dialog.reason, "Wrong hourly rate")
        assert dialog.ok.isEnabled()
        assert dialog.reissue.isChecked()
        dialog.ok.click()

    dialogs.expect(void)
    editor.life.void.click()
    assert invoice_detail(invoice_id, TODAY).invoice.state is r.InvoiceState.VOID
    # The editor now holds a new, unsaved invoice with the same lines.
    assert editor.invoice_id is None
    assert editor.windowTitle() == "New invoice"
    assert [line.description for line in editor.form.lines.lines()] == [
        "Wiring, kitchen",
        "Panel upgrade",
    ]
    assert editor.form.totals.total_value.text() == "$1,076.33"


def test_a_new_customer_gets_the_suggested_deposit_in_one_click(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    editor = write_beta_invoice(qtbot)
    panel = editor.suggestion
    assert panel.isVisible()
    assert panel.title.text() == "New customer: no invoice paid yet"
    assert "deposit" in panel.text.text()
    assert [b.text() for b in panel.buttons] == ["Ask for a 50% deposit"]
    panel.buttons[0].click()
    assert not panel.buttons[0].isEnabled()  # applied
    assert editor.form.ask_deposit.isChecked()
    assert editor.form.deposit_amount.text() == "538.17"  # half of 1,076.33, half-up
    assert editor.form.deposit_note.text() == "50% of the total"
    # The deposit follows the total as lines change.
    type_line(qtbot, editor, 1, "Panel upgrade", "1", "120.00")
    assert editor.form.deposit_amount.text() == "470.37"


def test_a_risky_customer_is_asked_to_pay_up_front(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    add_contents(
        r.BookContents(
            promises=(
                r.Promise(
                    customer="ACME",
                    made_on=dt.date(2026, 11, 1),
                    promised_date=dt.date(2026, 11, 15),
                    amount=Decimal("1000.00"),
                ),
            )
        )
    )
    editor = open_editor(qtbot)
    choose_customer(qtbot, editor, "Acme")
    assert editor.suggestion.title.text().startswith("Risky customer: broke a promise")
    editor.suggestion.buttons[0].click()
    assert editor.form.due_date.date() == editor.form.issue_date.date()
    assert "card or cash" in editor.form.notes.toPlainText()


def test_due_date_and_expected_payment_follow_the_customers_terms(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    add_contents(
        r.BookContents(
            customers=(
                r.Customer(
                    code="NORTH",
                    name="Northwind Foods",
                    terms_days=15,
                    invoice_cutoff_day=20,
                    payment_run_days=(30,),
                ),
            )
        )
    )
    editor = open_editor(qtbot)
    choose_customer(qtbot, editor, "Northwind")
    form = editor.form
    assert form.due_date.date().toPython() == TODAY + dt.timedelta(days=15)
    assert form.terms_note.text() == "15 days after the issue date"
    # Sent on Nov 23, after the 20th: processed at the Dec 20 cut-off, paid on the 30th.
    assert form.expected.text() == "Expected payment: Dec 30, 2026"
    assert form.cutoff_warning.isVisible()
    assert "Dec 20, 2026" in form.cutoff_warning.text()

    # Issued on the 18th instead: in time for this month's cycle, no warning.
    form.issue_date.setDate(dt.date(2026, 12, 18))
    assert form.due_date.date().toPython() == dt.date(2027, 1, 2)
    assert not form.cutoff_warning.isVisible()


def test_a_sent_invoice_opens_read_only(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> None:
    detail_id = invoice_id_of("INV-1003")
    editor = open_editor(qtbot, invoice_id=detail_id)
    assert editor.windowTitle() == "Invoice INV-1003"
    assert editor.form.lines.locked
    assert not editor.form.customer_box.isEnabled()
    assert editor.form.po_number.isReadOnly()
    assert editor.form.totals.balance_value.text() == "$250.00"
    assert not editor.life.save.isVisible()
    assert editor.life.void.isVisible() and editor.life.receipt.isVisible()


def test_duplicate_copies_the_lines_into_a_new_invoice(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    editor = open_editor(qtbot, invoice_id=invoice_id_of("INV-1001"))
    editor.life.duplicate.click()
    assert editor.windowTitle() == "New invoice"
    assert editor.form.chosen_customer_id() is not None
    assert editor.form.customer_box.currentText() == "Acme Ltd. (ACME)"
    assert editor.form.totals.total_value.text() == "$1,000.00"
    editor.life.save.click()
    assert editor.invoice_id is not None
    assert invoice_detail(editor.invoice_id, TODAY).invoice.state is r.InvoiceState.DRAFT


def test_confirming_receipt_records_the_date(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, dialogs: Dialogs
) -> None:
    invoice_id = invoice_id_of("INV-1002")
    editor = open_editor(qtbot, invoice_id=invoice_id)

    def confirm(dialog: QDialog) -> None:
        dialog.on.setDate(dt.date(2026, 11, 21))  # type: ignore[attr-defined]
        dialog.ok.click()  # type: ignore[attr-defined]

    dialogs.expect(confirm)
    editor.life.receipt.click()
    received = invoice_detail(invoice_id, TODAY).invoice.received_confirmed_date
    assert received == dt.date(2026, 11, 21)
    assert "Customer confirmed receipt on Nov 21, 2026." in editor.locked_note.text()


def invoice_id_of(number: str) -> int:
    from diva_desk.store.book import models as m

    return m.Invoice.get(m.Invoice.number == number).id


def test_an_empty_currency_means_the_customers_else_the_business(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    from diva_desk.store.book import models as m

    m.Business.update(currency="EUR").where(m.Business.id == 1).execute()
    editor = open_editor(qtbot)
    editor.form.currency.setCurrentText("")
    assert editor.form.lines.currency == "EUR"  # no customer yet: the business's
    choose_customer(qtbot, editor, "Beta")
    editor.form.currency.setCurrentText("")
    beta = editor.customer
    assert beta is not None and beta.currency != "EUR"
    assert editor.form.lines.currency == beta.currency
    type_line(qtbot, editor, 0, "Wiring, kitchen", "1", "95.00")
    assert editor.draft().currency == beta.currency


def test_a_sent_invoice_with_no_date_of_sending_says_so_plainly(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    """An imported invoice may be sent with no sent date: no "Sent on ." then."""
    line = r.InvoiceLine("Work", Decimal(1), Decimal("250.00"))
    issued = dt.date(2026, 11, 2)
    imported = r.Invoice("IMP-1", "ACME", issued, issued + dt.timedelta(days=30), (line,))
    assert imported.state is r.InvoiceState.SENT and imported.sent_date is None
    add_contents(r.BookContents(invoices=(imported,)))
    editor = open_editor(qtbot, invoice_id=invoice_id_of("IMP-1"))
    note = editor.locked_note.text()
    assert editor.locked_note.isVisible()
    assert note.startswith("This invoice has been sent. Its lines are locked")
    assert "Sent on" not in note
