"""Settings › Business: the quotes' numbering row (their prefix and next number), apart
from the invoices' numbering."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from diva_desk.core.business_rules import PREFIX_MAX_LENGTH
from diva_desk.i18n import _
from diva_desk.store.book.business import quote_numbering


def quote_numbering_row(parent: QWidget) -> tuple[QLineEdit, QLineEdit, QHBoxLayout]:
    """The quote prefix and next quote number fields, and the row holding them."""
    prefix, next_number = quote_numbering()
    prefix_edit = QLineEdit(prefix, parent)
    prefix_edit.setObjectName("quotePrefix")
    prefix_edit.setMaxLength(PREFIX_MAX_LENGTH)
    prefix_edit.setPlaceholderText(_("e.g. Q-"))
    next_edit = QLineEdit(str(next_number), parent)
    next_edit.setObjectName("nextQuoteNumber")
    row = QHBoxLayout()
    row.addWidget(prefix_edit, 1)
    # Every letter of this dialog is taken: the field follows the prefix on Tab.
    next_label = QLabel(_("next number:"), parent)
    next_edit.setAccessibleName(_("Next quote number"))
    row.addWidget(next_label)
    row.addWidget(next_edit, 1)
    # Nor is a letter left for the prefix (the pay link below has Q): it follows the
    # next invoice number on Tab, named for screen readers.
    prefix_edit.setAccessibleName(_("Quote prefix"))
    return prefix_edit, next_edit, row
