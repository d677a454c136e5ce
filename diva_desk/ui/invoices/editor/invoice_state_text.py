"""The words the invoice editor shows about the invoice's state: its title and locked note.

Plain functions of what the book says (no widgets), so the editor only places them.
"""

from __future__ import annotations

from diva_desk.core import records as r
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.invoices.editing import InvoiceDetail


def locked_text(detail: InvoiceDetail) -> str:
    """Why a sent or void invoice cannot be edited, and what to do instead."""
    invoice = detail.invoice
    if invoice.state is r.InvoiceState.VOID:
        return _(
            "{number} is void. It stays in the book, marked; duplicate it to start again."
        ).format(number=invoice.number)
    if invoice.sent_date:
        text = _(
            "Sent on {date}. Its lines are locked: to correct it, void it and issue a new one "
            "(Void… offers a corrected copy)."
        ).format(date=fmt.date(invoice.sent_date))
    else:
        # An imported invoice may be sent with no date of sending on record.
        text = _(
            "This invoice has been sent. Its lines are locked: to correct it, void it and "
            "issue a new one (Void… offers a corrected copy)."
        )
    if invoice.received_confirmed_date:
        text += " " + _("Customer confirmed receipt on {date}.").format(
            date=fmt.date(invoice.received_confirmed_date)
        )
    return text


def window_title(detail: InvoiceDetail | None) -> str:
    """The editor's title: a new invoice, a draft, a sent one or a void one."""
    if detail is None:
        return _("New invoice")
    number = detail.invoice.number
    state = detail.invoice.state
    if state is r.InvoiceState.DRAFT:
        return _("Draft {number}").format(number=number)
    if state is r.InvoiceState.VOID:
        return _("Invoice {number} (void)").format(number=number)
    return _("Invoice {number}").format(number=number)
