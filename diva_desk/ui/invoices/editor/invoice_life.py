"""The buttons along the bottom of the invoice editor: an invoice's life, one step each.

Draft → Send (the number is taken, the lines lock, then the email shows, ready to
go: ui.mail; a sent invoice's Send emails it again) → payments → paid; the customer
confirming receipt; Void with a reason (offering a corrected copy); Duplicate; the PDF at any time.

The life owns its buttons (``button_row``) and the payments list (``payments``); the
editor places both. It reads and drives the editor only through
:class:`~diva_desk.ui.invoices.editor.editor_host.EditorHost`.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from diva_desk.core import records as r
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.invoices.editing import save_draft, send_invoice
from diva_desk.ui.common import dialogs, errors
from diva_desk.ui.documents import pdf_preview
from diva_desk.ui.invoices.editor.editor_host import EditorHost
from diva_desk.ui.invoices.editor.invoice_payments import PaymentsPanel
from diva_desk.ui.invoices.editor.invoice_steps import ask_payment, ask_receipt, ask_void
from diva_desk.ui.mail.send_flow import email_invoice


class InvoiceLife:
    """Owns the editor's action buttons and what each one does to the book.

    ``host`` is the editor as its outside sees it; ``window`` (the editor's dialog)
    parents the buttons, the payments list and every question asked.
    """

    def __init__(self, host: EditorHost, window: QWidget) -> None:
        self.host = host
        self.window = window
        #: The void invoice whose payments move to this one when it is sent (a
        #: corrected copy started from the void dialog), with what they come to.
        self.payments_from: tuple[int, str, str] | None = None
        #: The payments received, each correctable (made first: it comes first in Tab order).
        self.payments = PaymentsPanel(host, window)
        #: The buttons, for the editor to put along its bottom.
        self.button_row = row = QHBoxLayout()

        def button(text: str, name: str, slot: object, keys: str = "") -> QPushButton:
            widget = QPushButton(text, window)
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
        self.close = button(_("Close"), "close", host.close_editor)
        for widget in (self.pdf, self.duplicate, self.void, self.payment, self.receipt):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.save, self.send, self.close):
            row.addWidget(widget)

    # --- which buttons apply ----------------------------------------------------------

    def update_buttons(self) -> None:
        detail = self.host.detail
        state = detail.invoice.state if detail else None
        editable = state in (None, r.InvoiceState.DRAFT)
        self.save.setVisible(editable)
        self.send.setVisible(editable or state is r.InvoiceState.SENT)
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
            errors.show_failure(self.window, exc)
            return False
        return True

    def _changed(self, invoice_id: int, message: str) -> None:
        host = self.host
        host.load_invoice(invoice_id)
        host.book_written()
        host.announce(message)

    def save_draft(self) -> bool:
        """Write the form as a draft (new or replacing the draft's fields and lines)."""
        host = self.host
        saved: list[int] = []
        if not self._run(lambda: saved.append(save_draft(host.draft(), host.invoice_id))):
            return False
        host.load_invoice(saved[0])
        host.book_written()
        assert host.detail is not None
        number = host.detail.invoice.number
        host.announce(_("Saved draft {number}.").format(number=number))
        return True

    def send_invoice(self) -> None:
        host = self.host
        detail = host.detail
        if detail is not None and detail.invoice.state is r.InvoiceState.SENT:
            self.email(detail.invoice.number)
            return
        try:
            draft = host.draft()
        except UserFacingError as exc:
            errors.show_failure(self.window, exc)
            return
        question = _(
            "Send this invoice to {customer}? It takes the next invoice number and its "
            "lines are locked: a correction later means voiding it and issuing a new one."
        ).format(customer=host.customer_name())
        moving = self.payments_from
        if moving is not None:
            question += " " + _("The payments of {amount} received on {number} move to it.").format(
                amount=moving[2], number=moving[1]
            )
        if not dialogs.confirm(self.window, _("Send the invoice"), question, _("&Send")):
            return
        saved = [host.invoice_id] if host.invoice_id is not None else []
        if (host.dirty or not saved) and not self._run(
            lambda: saved.insert(0, save_draft(draft, host.invoice_id))
        ):
            return
        invoice_id = saved[0]
        assert invoice_id is not None
        sent: list[str] = []
        source = moving[0] if moving is not None else None
        if not self._run(
            lambda: sent.append(send_invoice(invoice_id, host.today, payments_from=source))
        ):
            if moving is not None:
                # Whatever stood in the way, the next Send sends the copy on its own;
                # the payments stay on the void invoice, as the message said.
                self.payments_from = None
            host.load_invoice(invoice_id)
            host.book_written()
            return
        self.payments_from = None
        if moving is not None:
            message = _("Sent invoice {number}; the payments of {amount} moved to it.").format(
                number=sent[0], amount=moving[2]
            )
        else:
            message = _("Sent invoice {number}.").format(number=sent[0])
        self._changed(invoice_id, message)
        self.email(sent[0])

    def email(self, number: str) -> None:
        """The invoice's email, ready to go (or to open in the owner's mail program)."""
        host = self.host
        email_invoice(self.window, None, number, host.today, host.announce, host.book_written)

    def preview(self) -> None:
        """The PDF as the customer gets it; a changed draft is saved first."""
        host = self.host
        if (host.invoice_id is None or host.dirty) and not self.save_draft():
            return
        invoice_id = host.invoice_id
        assert invoice_id is not None
        self._run(
            lambda: pdf_preview.show_invoice_pdf(self.window, invoice_id, host.today, host.announce)
        )

    def record_payment(self) -> None:
        host = self.host
        invoice_id = host.invoice_id
        if invoice_id is None:
            return
        amount = ask_payment(self.window, invoice_id, host.today)
        if amount is not None:
            self._changed(invoice_id, _("Recorded a payment of {amount}.").format(amount=amount))

    def receipt_ok(self) -> None:
        host = self.host
        detail, invoice_id = host.detail, host.invoice_id
        if detail is None or invoice_id is None:
            return
        number, customer = detail.invoice.number, detail.customer.name
        message = ask_receipt(self.window, invoice_id, number, customer, host.today)
        if message is not None:
            self._changed(invoice_id, message)

    def void_invoice(self) -> None:
        host = self.host
        detail, invoice_id = host.detail, host.invoice_id
        if detail is None or invoice_id is None:
            return
        sent = detail.invoice.state is r.InvoiceState.SENT
        received = fmt.money(detail.paid, detail.invoice.currency) if detail.paid > 0 else ""
        dialog = ask_void(
            self.window,
            invoice_id,
            detail.invoice.number,
            host.today,
            offer_reissue=sent,
            received=received,
        )
        if dialog is None:
            return
        self._changed(invoice_id, _("Voided {number}.").format(number=detail.invoice.number))
        if dialog.reissue.isChecked():
            host.load_copy(invoice_id)
            if dialog.moves_payments():
                self.carry_payments(invoice_id, detail.invoice.number, received)

    def carry_payments(self, invoice_id: int, number: str, amount: str) -> None:
        """Move the void invoice's payments to this copy when it is sent (send_invoice)."""
        self.payments_from = (invoice_id, number, amount)
        self.host.announce(
            _("The payments of {amount} on {number} move to this copy when you send it.").format(
                amount=amount, number=number
            )
        )

    def duplicate_invoice(self) -> None:
        """Start a new invoice from this one, in this window (saved only when asked)."""
        host = self.host
        if host.invoice_id is None or (host.dirty and not self.may_discard()):
            return
        assert host.invoice_id is not None
        host.load_copy(host.invoice_id)

    def may_discard(self) -> bool:
        """Whether unsaved changes may be dropped (asked only when there are some)."""
        if not self.host.dirty:
            return True
        answer = dialogs.ask_discard(self.window)
        if answer == QMessageBox.StandardButton.Save:
            return self.save_draft()
        return answer == QMessageBox.StandardButton.Discard
