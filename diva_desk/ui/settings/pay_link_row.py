"""The business's pay link in Settings › Business profile: the template, checked as it is
typed, with the link it would give for a sample invoice (the next number, 1,234.50 in
the business's currency) or the one sentence saying what is wrong."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from diva_desk.core.invoices.pay_links import MAX_LENGTH, pay_link_sentence, sample_link
from diva_desk.i18n import _
from diva_desk.ui.common import style


class BusinessSettingsDialog(Protocol):
    """What this row needs of Settings › Business profile (business_settings.py)."""

    editors: dict[str, Any]
    errors: dict[str, QLabel]
    link_hint: QLabel

    def _line(self, form: QFormLayout, name: str, label: str, placeholder: str = "") -> None: ...
    def typed(self) -> Any: ...
    def _show_problem(self, name: str, problem: str | None) -> None: ...


#: What the placeholder shows: a PayPal.me link, the most common for a solo business.
EXAMPLE = "https://paypal.me/yourname/{amount}{currency}"


def add_pay_link_row(dialog: BusinessSettingsDialog, form: QFormLayout) -> QLabel:
    """Add the row (editor, error, example) to ``form``; returns the example's label."""
    dialog._line(form, "payment_link", _("Pay link (&QR code):"), EXAMPLE)
    editor = dialog.editors["payment_link"]
    assert isinstance(editor, QLineEdit)
    editor.setMaxLength(MAX_LENGTH + 50)
    editor.setToolTip(
        _(
            "A web address your customers pay at (Stripe, PayPal.me, Square, your bank): "
            "{number}, {amount} and {currency} are filled in for each invoice. It is printed "
            "on invoices, statements and reminders with a QR code, and put in emails."
        )
    )
    assert isinstance(dialog, QWidget)
    hint = QLabel(dialog)
    hint.setObjectName("payLinkExample")
    hint.setWordWrap(True)
    hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    style.themed(hint, "color: @muted;")
    column = dialog.errors["payment_link"].parentWidget().layout()
    assert isinstance(column, QVBoxLayout)
    column.insertWidget(2, hint)
    return hint


def watch_pay_link(dialog: BusinessSettingsDialog) -> None:
    """Check the template as it, the prefix, the next number or the currency change."""
    for name in ("payment_link", "invoice_prefix", "next_invoice_number"):
        field = dialog.editors[name]
        assert isinstance(field, QLineEdit)
        field.textChanged.connect(lambda _t: show_pay_link(dialog))
    currency = dialog.editors["currency"]
    currency.currentIndexChanged.connect(lambda _i: show_pay_link(dialog))
    show_pay_link(dialog)


def show_pay_link(dialog: BusinessSettingsDialog) -> None:
    """The error beside the field, or the sample invoice's link under it."""
    entry = dialog.typed()
    problem = pay_link_sentence(entry.payment_link)
    dialog._show_problem("payment_link", problem)
    hint = dialog.link_hint
    number = f"{entry.invoice_prefix.strip()}{entry.next_invoice_number.strip() or '1'}"
    example = "" if problem else sample_link(entry.payment_link, number, entry.currency)
    if example:
        hint.setText(_("For invoice {number}: {link}").format(number=number, link=example))
    elif not problem:
        hint.setText(_("No pay link: invoices print the payment instructions only."))
    hint.setVisible(not problem)
