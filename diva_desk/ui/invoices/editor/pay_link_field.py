"""The invoice editor's pay link: this invoice's own template, and the link as it stands.

Empty uses the business's link (Settings › Business profile). Under the field: the link
the invoice prints today (for its balance), or why there is none, or what is wrong with
the template typed. **Copy link** (Ctrl+Shift+L) puts the link on the clipboard, to paste
into a chat or a text message.

A draft's link is saved with the draft. A sent invoice's lines are locked, but its link
is not something the customer keyed in: it stays editable and is kept as soon as the
field is left (or Enter is pressed), so the next reminder carries it.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QHideEvent, QKeySequence
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from diva_desk.core import records as r
from diva_desk.core.invoices.pay_links import (
    MAX_LENGTH,
    link_for_invoice,
    pay_link_sentence,
)
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.store.invoices.detail import InvoiceDetail
from diva_desk.store.invoices.pay_links import business_pay_link, set_payment_link

COPY_KEYS = "Ctrl+Shift+L"


class PayLinkField(QWidget):
    """This invoice's pay link template, with the link it gives and a Copy button."""

    #: The template was typed (a draft's form changed).
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.business_template = business_pay_link()
        self.url = ""
        #: A sent invoice's id: its link is kept when the field is left.
        self._keeps_for: int | None = None
        self._kept = ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName("payLink")
        self.edit.setMaxLength(MAX_LENGTH + 50)
        self.edit.setPlaceholderText(_("Empty: the business's pay link"))
        self.edit.setToolTip(
            _(
                "This invoice's own pay link, with {number}, {amount} and {currency} filled "
                "in; leave it empty to use the business's (Settings › Business profile)."
            )
        )
        label = QLabel(_("Pay lin&k:"), self)
        label.setBuddy(self.edit)
        self.copy_button = QPushButton(_("Copy link"), self)
        self.copy_button.setObjectName("copyPayLink")
        self.copy_button.setAutoDefault(False)
        self.copy_button.setToolTip(_("Copy the pay link ({keys})").format(keys=COPY_KEYS))
        self.copy_button.clicked.connect(self.copy)
        copy = QAction(self)
        copy.setShortcut(QKeySequence(COPY_KEYS))
        copy.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        copy.triggered.connect(self.copy)
        self.addAction(copy)
        self.note = QLabel(self)
        self.note.setObjectName("payLinkNote")
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(label, 0, 0)
        grid.addWidget(self.edit, 0, 1)
        grid.addWidget(self.copy_button, 0, 2)
        grid.addWidget(self.note, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.edit.textEdited.connect(lambda _t: self.edited.emit())
        self.edit.editingFinished.connect(self.keep)

    def template(self) -> str:
        return self.edit.text().strip()

    def set_template(self, template: str, *, keeps_for: int | None = None) -> None:
        """Show ``template``; ``keeps_for`` (a sent invoice's id) saves it when edited."""
        self.edit.setText(template)
        self._keeps_for, self._kept = keeps_for, template.strip()

    def load(self, invoice_id: int, invoice: r.Invoice) -> None:
        """Show a saved invoice's template: a sent one's is kept when edited; a void
        invoice asks for no payment, so its link is shown, not edited."""
        sent = invoice.state is r.InvoiceState.SENT
        self.set_template(invoice.payment_link, keeps_for=invoice_id if sent else None)
        self.edit.setReadOnly(invoice.state is r.InvoiceState.VOID)

    def show_detail(self, detail: InvoiceDetail) -> None:
        """A sent or void invoice: the link for its balance today."""
        self.show_for(detail.invoice.number, detail.balance, detail.invoice.currency)

    def show_draft(self, detail: InvoiceDetail | None, total: Decimal, currency: str) -> None:
        """A draft prints its whole total, under its provisional number (none while new)."""
        self.show_for(detail.invoice.number if detail else "", total, currency)

    def show_for(self, number: str, balance: Decimal, currency: str) -> None:
        """The link for ``balance`` of invoice ``number``, or why there is none."""
        problem = pay_link_sentence(self.template())
        link = None if problem else link_for_invoice(
            self.business_template, self.template(), number, balance, currency
        )  # fmt: skip
        self.url = "" if link is None else link.url
        self.copy_button.setEnabled(bool(self.url))
        if problem:
            text, role = problem, "problem"
        elif self.url:
            text, role = self.url, "note"
        elif not (self.template() or self.business_template):
            text = _("No pay link: type one here, or set the business's in Settings.")
            role = "note"
        else:
            text, role = _("No link: nothing is owed on this invoice."), "note"
        self.note.setText(text)
        self.note.setProperty("role", role)
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)

    def copy(self) -> None:
        if not self.url:
            return
        QGuiApplication.clipboard().setText(self.url)
        # Said beside the field: the window's status bar is behind the editor.
        self.note.setText(_("Copied to the clipboard: {link}").format(link=self.url))

    def hideEvent(self, event: QHideEvent) -> None:
        # The editor closed with Escape while the field still had the focus.
        self.keep()
        super().hideEvent(event)

    def keep(self) -> bool:
        """A sent invoice's link, kept if it changed; False when it could not be."""
        if self._keeps_for is None or self.template() == self._kept:
            return True
        if pay_link_sentence(self.template()):
            return False  # the sentence is under the field already
        try:
            set_payment_link(self._keeps_for, self.template())
        except UserFacingError as exc:
            self.note.setText(str(exc))
            return False
        self._kept = self.template()
        self.note.setText(_("Kept. {link}").format(link=self.url) if self.url else _("Kept."))
        return True
