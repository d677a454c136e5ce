"""The words for how a payment was made: one list, used by the window and the PDFs.

Each method has a label (a list entry or a table cell: "Cash", "e-Transfer") and
the word inside a sentence ("paid by cash", "prefers e-transfer"); both are
translated together, so they never drift apart.
"""

from __future__ import annotations

from diva_desk.core.records import PaymentMethod
from diva_desk.i18n import _


def _words() -> dict[PaymentMethod, tuple[str, str]]:
    # Built on each call: the book's language can change while the app runs.
    return {
        PaymentMethod.CASH: (_("Cash"), _("cash")),
        PaymentMethod.CHEQUE: (_("Cheque"), _("cheque")),
        PaymentMethod.E_TRANSFER: (_("e-Transfer"), _("e-transfer")),
        PaymentMethod.CARD: (_("Card"), _("card")),
        PaymentMethod.BANK_TRANSFER: (_("Bank transfer"), _("bank transfer")),
        PaymentMethod.OTHER: (_("Other"), _("other")),
    }


def payment_method_label(method: PaymentMethod | None) -> str:
    """The method as a list entry or table cell; empty when not said."""
    return _words()[method][0] if method else ""


def payment_method_word(method: PaymentMethod | None) -> str:
    """The method inside a sentence ("by cash"); empty when not said."""
    return _words()[method][1] if method else ""
