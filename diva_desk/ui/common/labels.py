"""The words and colours several features use for the same things.

An invoice's status and a customer's payment rating read the same in the
invoice list, the customer list, a customer's timeline and the Today cards.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from diva_desk.core import records as r
from diva_desk.core.customers.history import RatingKind
from diva_desk.core.invoices.totals import InvoiceStatus
from diva_desk.i18n import _
from diva_desk.ui.common import style
from diva_desk.ui.common.style import Tone


def status_text(status: InvoiceStatus) -> str:
    """The word a person reads for an invoice's status."""
    return {
        InvoiceStatus.DRAFT: _("Draft"),
        InvoiceStatus.SENT: _("Sent"),
        InvoiceStatus.PARTLY_PAID: _("Partly paid"),
        InvoiceStatus.PAID: _("Paid"),
        InvoiceStatus.OVERDUE: _("Overdue"),
        InvoiceStatus.VOID: _("Void"),
    }[status]


def rating_text(kind: RatingKind | None) -> str:
    if kind is None:
        return ""
    return {
        RatingKind.NEW: _("New"),
        RatingKind.RELIABLE: _("Reliable"),
        RatingKind.SLOW: _("Slow"),
        RatingKind.RISKY: _("Risky"),
    }[kind]


def rating_tint(kind: RatingKind | None) -> QColor | None:
    return (
        {
            RatingKind.RELIABLE: style.colour(Tone.SETTLED),
            RatingKind.SLOW: style.colour(Tone.CAUTION),
            RatingKind.RISKY: style.colour(Tone.OVERDUE),
            RatingKind.NEW: style.colour(Tone.FAINT),
        }.get(kind)
        if kind
        else None
    )


def channel_text(channel: r.Channel | None) -> str:
    """How a contact was made ("Call", "Email"...); empty when not said."""
    return (
        {
            r.Channel.CALL: _("Call"),
            r.Channel.EMAIL: _("Email"),
            r.Channel.MEETING: _("Meeting"),
            r.Channel.LETTER: _("Letter"),
            r.Channel.NOTE: _("Note"),
        }.get(channel, "")
        if channel
        else ""
    )
