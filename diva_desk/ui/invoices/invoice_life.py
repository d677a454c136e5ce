"""The buttons along the bottom of the invoice editor: an invoice's life, one step each.

Draft → Send (the number is taken, the lines lock, then the PDF opens for printing
or attaching to an e-mail) → payments → paid; the customer confirming receipt; Void
with a reason (offering a corrected copy); Duplicate; the PDF at any time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton

from diva_desk.core import records as r
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.invoices.editing import confirm_receipt, save_draft, send_invoice, void_invoice
from diva_desk.ui.documents import pdf_preview
from diva_desk.ui.invoices import invoice_payments, void_dialog
from diva_desk.ui.invoices.payment_dialog import PaymentDialog
from diva_desk.ui.invoices.void_dialog import ReceiptDialog, VoidDialog
from diva_desk.ui.shell import errors

if TYPE_CHECKING:
    from diva_desk.ui.invoices.invoice_editor import InvoiceEditor


class InvoiceLife:
    """Owns the editor's action buttons and what each one does to the book."""

    def __init__(self, editor: InvoiceEditor) -> None:
        self.editor = editor
        #: The void invoice whose payments move to this one when it is sent (a
        #: corrected copy started from the void dialog), with what they come to.
        self.payments_from: tuple[int, str, str] | None = None
        #: The payments received, each correctable (made first: it comes first in Tab order).
        self.payments = invoice_payments.attach(editor, editor.form)
        row = editor.button_row

        def button(text: str, name: str, slot: object, keys: str = "") -> QPushButton:
            widget = QPushButton(text, editor)
            widget.setObjectName(name)
            widget.setAutoDefault(False)
            if keys:
                widget.setShortcut(QKeySequence(keys))
                widget.setToolTip(
                    QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
                )
            assert callable(slot)
            widget.clicked.connect(lambda _c=False: slot())
            return widget

        self.pdf = button(_("P&DF…"), "previewPdf", self.preview, "Ctrl+Shift+O")
        self.duplicate = button(_("Dupli&cate"), "duplicate", self.duplicate_invoice, "Ctrl+D")
        self.void = button(_("&Void…"), "void", self.void_invoice)
        self.payment = button(
            _("Record pa&yment…"), "recordPayment", self.record_payment, "Ctrl+Shift+P"
        )
        self.receipt = button(_("Customer confirmed &receipt…"), "confirmReceipt", self.receipt_ok)
        self.save = button(_("&Save draft"), "saveDraft", self.save_draft)
        self.save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.send = button(_("Sen&d…"), "send", self.send_invoice, "Ctrl+Return")
        self.close = button(_("Close"), "close", editor.reject)
        for widget in (self.pdf, self.duplicate, self.void, self.payment, self.receipt):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.save, self.send, self.close):
            row.addWidget(widget)

    # --- which buttons apply ----------------------------------------------------------

    def update_buttons(self) -> None:
        detail = self.editor.detail
        state = detail.invoice.state if detail else None
        editable = state in (None, r.InvoiceState.DRAFT)
        self.save.setVisible(editable)
        self.send.setVisible(editable)
        self.pdf.setVisible(detail is not None)
        self.duplicate.setVisible(detail is not None)
        self.void.setVisible(state in (r.InvoiceState.DRAFT, r.InvoiceState.SENT))
        self.payment.setVisible(state is r.InvoiceState.SENT)
        self.payment.setEnabled(detail is not None and detail.balance > 0)
        self.receipt.setVisible(state is r.InvoiceState.SENT)
        self.payments.show_detail(detail)

    # --- the steps --------------------------------------------------------------------

    def _run(self, work: object) -> bool:
        """Do one step; a refusal from the book is shown as the sentence it carries."""
        assert callable(work)
        try:
            work()
        except UserFacingError as exc:
            errors.show_failure(self.editor, exc)
            return False
        return True

    def _changed(self, message: str) -> None:
        editor = self.editor
        assert editor.invoice_id is not None
        editor.load_invoice(editor.invoice_id)
        editor.book_changed.emit()
        editor.announced.emit(message)

    def save_draft(self) -> bool:
        """Write the form as a draft (new or replacing the draft's fields and lines)."""
        editor = self.editor

        def work() -> None:
            editor.invoice_id = save_draft(editor.draft(), editor.invoice_id)

        if not self._run(work):
            return False
        assert editor.invoice_id is not None
        editor.load_invoice(editor.invoice_id)
        editor.book_changed.emit()
        assert editor.detail is not None
        number = editor.detail.invoice.number
        editor.announced.emit(_("Saved draft {number}.").format(number=number))
        return True

    def send_invoice(self) -> None:
        editor = self.editor
        try:
            draft = editor.draft()
        except UserFacingError as exc:
            errors.show_failure(editor, exc)
            return
        customer = editor.customer.name if editor.customer else ""
        question = _(
            "Send this invoice to {customer}? It takes the next invoice number and its "
            "lines are locked: a correction later means voiding it and issuing a new one."
        ).format(customer=customer)
        moving = self.payments_from
        if moving is not None:
            question += " " + _("The payments of {amount} received on {number} move to it.").format(
                amount=moving[2], number=moving[1]
            )
        if not void_dialog.confirm(editor, _("Send the invoice"), question, _("&Send")):
            return
        if (editor.dirty or editor.invoice_id is None) and not self._run(
            lambda: setattr(editor, "invoice_id", save_draft(draft, editor.invoice_id))
        ):
            return
        assert editor.invoice_id is not None
        invoice_id = editor.invoice_id
        sent: list[str] = []
        source = moving[0] if moving is not None else None
        if not self._run(
            lambda: sent.append(send_invoice(invoice_id, editor.today, payments_from=source))
        ):
            if moving is not None:
                # Whatever stood in the way, the next Send sends the copy on its own;
                # the payments stay on the void invoice, as the message said.
                self.payments_from = None
            editor.load_invoice(invoice_id)
            editor.book_changed.emit()
            return
        self.payments_from = None
        if moving is not None:
            message = _("Sent invoice {number}; the payments of {amount} moved to it.").format(
                number=sent[0], amount=moving[2]
            )
        else:
            message = _("Sent invoice {number}.").format(number=sent[0])
        self._changed(message)
        self.preview()

    def preview(self) -> None:
        """The PDF as the customer gets it; a changed draft is saved first."""
        editor = self.editor
        if (editor.invoice_id is None or editor.dirty) and not self.save_draft():
            return
        assert editor.invoice_id is not None
        self._run(
            lambda: pdf_preview.show_invoice_pdf(
                editor, editor.invoice_id, editor.today, editor.announced.emit
            )
        )

    def record_payment(self) -> None:
        editor = self.editor
        if editor.invoice_id is None:
            return
        dialog = PaymentDialog([editor.invoice_id], editor.today, editor)
        if void_dialog.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            amount = fmt.money(dialog.amount_value(), dialog.detail().invoice.currency)
            self._changed(_("Recorded a payment of {amount}.").format(amount=amount))

    def receipt_ok(self) -> None:
        editor = self.editor
        detail = editor.detail
        if detail is None or editor.invoice_id is None:
            return
        dialog = ReceiptDialog(detail.invoice.number, detail.customer.name, editor.today, editor)
        invoice_id = editor.invoice_id
        dialog.action = lambda d: confirm_receipt(invoice_id, d.confirmed_on())
        if void_dialog.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._changed(
                _("{customer} confirmed receipt of {number}.").format(
                    customer=detail.customer.name, number=detail.invoice.number
                )
            )

    def void_invoice(self) -> None:
        editor = self.editor
        detail = editor.detail
        if detail is None or editor.invoice_id is None:
            return
        invoice_id = editor.invoice_id
        sent = detail.invoice.state is r.InvoiceState.SENT
        received = fmt.money(detail.paid, detail.invoice.currency) if detail.paid > 0 else ""
        dialog = VoidDialog(
            detail.invoice.number,
            editor.today,
            offer_reissue=sent,
            received=received,
            parent=editor,
        )
        dialog.action = lambda d: void_invoice(invoice_id, d.reason_text(), d.voided_on())
        if void_dialog.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
            return
        self._changed(_("Voided {number}.").format(number=detail.invoice.number))
        if dialog.reissue.isChecked():
            editor.load_copy(invoice_id)
            if dialog.moves_payments():
                self.carry_payments(invoice_id, detail.invoice.number, received)

    def carry_payments(self, invoice_id: int, number: str, amount: str) -> None:
        """Move the void invoice's payments to this copy when it is sent (send_invoice)."""
        self.payments_from = (invoice_id, number, amount)
        self.editor.announced.emit(
            _("The payments of {amount} on {number} move to this copy when you send it.").format(
                amount=amount, number=number
            )
        )

    def duplicate_invoice(self) -> None:
        """Start a new invoice from this one, in this window (saved only when asked)."""
        editor = self.editor
        if editor.invoice_id is None or (editor.dirty and not self.may_discard()):
            return
        editor.load_copy(editor.invoice_id)

    def may_discard(self) -> bool:
        """Whether unsaved changes may be dropped (asked only when there are some)."""
        if not self.editor.dirty:
            return True
        answer = void_dialog.ask_discard(self.editor)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_draft()
        return answer == QMessageBox.StandardButton.Discard
