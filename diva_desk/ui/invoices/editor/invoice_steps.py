"""One-invoice steps that the Invoices tab and the invoice editor both offer, asked alike.

Each opens its dialog, which writes to the book when the person agrees, and returns
what the status bar should say about it (or None when the dialog was cancelled).
The callers reload what they show; these do not know about either of them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QWidget

from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.invoices.editing import confirm_receipt, void_invoice
from diva_desk.ui.common import dialogs
from diva_desk.ui.invoices.payment_dialog import PaymentDialog
from diva_desk.ui.invoices.void_dialog import ReceiptDialog, VoidDialog


def ask_payment(parent: QWidget, invoice_id: int, today: dt.date) -> str | None:
    """Record a payment on the invoice: the amount received as shown, or None."""
    dialog = PaymentDialog([invoice_id], today, parent)
    if dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    return fmt.money(dialog.amount_value(), dialog.detail().invoice.currency)


def ask_receipt(
    parent: QWidget, invoice_id: int, number: str, customer: str, today: dt.date
) -> str | None:
    """Note that the customer confirmed receipt: the status-bar sentence, or None."""
    dialog = ReceiptDialog(number, customer, today, parent)
    dialog.action = lambda d: confirm_receipt(invoice_id, d.confirmed_on())
    if dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    return _("{customer} confirmed receipt of {number}.").format(customer=customer, number=number)


def ask_void(
    parent: QWidget,
    invoice_id: int,
    number: str,
    today: dt.date,
    *,
    offer_reissue: bool,
    received: str,
) -> VoidDialog | None:
    """Void the invoice with a reason: the dialog as answered (reissue?), or None."""
    dialog = VoidDialog(
        number, today, offer_reissue=offer_reissue, received=received, parent=parent
    )
    dialog.action = lambda d: void_invoice(invoice_id, d.reason_text(), d.voided_on())
    if dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    return dialog
