"""The small dialogs of an invoice's life: void it with a reason, confirm it was received."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QWidget

from diva_desk.i18n import _
from diva_desk.ui.common.dialogs import FormDialog, date_edit, day_of


class VoidDialog(FormDialog):
    """Why the invoice is void; the reason goes into the customer's log."""

    def __init__(
        self,
        number: str,
        today: dt.date,
        *,
        offer_reissue: bool,
        received: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``received``: the money already paid on the invoice, formatted; empty for none."""
        super().__init__(_("Void {number}").format(number=number), _("&Void invoice"), parent)
        self.setObjectName("voidDialog")
        intro = _(
            "{number} stays in the book, marked void, and is no longer owed. "
            "Say why, for the customer's history."
        ).format(number=number)
        if received:
            # Voiding does not refund: the money stays recorded, on an invoice that
            # counts in no balance, until it is moved or refunded.
            intro += "\n\n" + _(
                "{amount} was received on {number}. Those payments stay on the void "
                "invoice and no longer count toward any balance, unless you move them "
                "to a corrected copy."
            ).format(amount=received, number=number)
        self.intro.setText(intro)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("voidReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(_("For example: wrong hourly rate"))
        self.reason.setFixedHeight(self.fontMetrics().height() * 4)
        self.on = date_edit(self, today, "voidDate")
        self.reissue = QCheckBox(_("Start a corrected copy once it is void"), self)
        self.reissue.setObjectName("reissue")
        self.reissue.setChecked(offer_reissue)
        self.reissue.setVisible(offer_reissue)
        self.move_payments = QCheckBox(
            _("&Move the payments ({amount}) to the corrected copy when it is sent").format(
                amount=received
            ),
            self,
        )
        self.move_payments.setObjectName("movePayments")
        self.move_payments.setChecked(bool(received))
        self.move_payments.setVisible(offer_reissue and bool(received))
        self.form.addRow(_("&Reason:"), self.reason)
        self.form.addRow(_("Voided &on:"), self.on)
        self.form.addRow("", self.reissue)
        self.form.addRow("", self.move_payments)
        self.reason.textChanged.connect(self._changed)
        self.reissue.toggled.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        self.ok.setEnabled(bool(self.reason_text()))
        self.move_payments.setEnabled(self.reissue.isChecked())

    def moves_payments(self) -> bool:
        """Whether the payments go to the corrected copy (offered only when there are some)."""
        return (
            self.reissue.isChecked()
            and not self.move_payments.isHidden()
            and self.move_payments.isChecked()
        )

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def voided_on(self) -> dt.date:
        return day_of(self.on)


class ReceiptDialog(FormDialog):
    """The check-in call: the customer has the work, and is happy with it."""

    def __init__(
        self, number: str, customer: str, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Receipt of {number}").format(number=number), _("&Confirm"), parent)
        self.setObjectName("receiptDialog")
        self.intro.setText(
            _("{customer} confirmed they received {number} and are happy with the work.").format(
                customer=customer, number=number
            )
        )
        self.on = date_edit(self, today, "receiptDate")
        self.form.addRow(_("Confirmed &on:"), self.on)

    def confirmed_on(self) -> dt.date:
        return day_of(self.on)
