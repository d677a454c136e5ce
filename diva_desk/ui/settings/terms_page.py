"""Settings > Terms: the deposit suggested to new and slow payers, and late interest.

Saved by the dialog's one Save (talking_points_page.CallSettingsDialog).

One number, kept in the book (store.settings), because it is part of how this
business works wherever the book is opened. The rating's suggestion on the
customer's page and in the list, the exports and the invoice editor's offers all
read it from there; a customer with a deposit percent of their own keeps theirs.
The late-interest rate and grace days (late_fee_box) are the business's own too.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.customers.customer_rules import read_deposit_percent
from diva_desk.core.money import decimal_text
from diva_desk.i18n import _
from diva_desk.store.book.settings import set_suggested_deposit_percent, suggested_deposit_percent
from diva_desk.ui.common import style
from diva_desk.ui.settings.late_fee_box import LateFeeBox


class TermsPage(QWidget):
    """The business's default deposit, checked where it is typed."""

    #: The setting was saved: whatever shows a suggestion should read the book again.
    settings_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("termsPage")
        self.deposit = QLineEdit(decimal_text(suggested_deposit_percent()), self)
        self.deposit.setObjectName("suggestedDeposit")
        self.deposit.setPlaceholderText(_("e.g. 50"))
        self.deposit.setMaximumWidth(120)
        self.deposit.textEdited.connect(lambda _text: self.problem.hide())
        self.saved_text = self.deposit.text()
        label = QLabel(_("&Deposit to suggest to new and slow payers (%):"), self)
        label.setBuddy(self.deposit)
        self.problem = QLabel(self)
        self.problem.setObjectName("suggestedDepositProblem")
        self.problem.setWordWrap(True)
        style.themed(self.problem, "color: @overdue;")
        self.problem.hide()
        note = QLabel(
            _(
                "Suggested on the customer's page, in the list and in the invoice editor to "
                "new customers (until they have paid three invoices on time) and to slow "
                "payers. A customer with a deposit of their own is asked for theirs. "
                "0 suggests card payment or shorter terms instead of a deposit."
            ),
            self,
        )
        note.setWordWrap(True)
        style.themed(note, "color: @muted;")

        form = QFormLayout()
        form.addRow(label, self.deposit)
        form.addRow("", self.problem)
        self.late_fees = LateFeeBox(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addSpacing(12)
        layout.addWidget(self.late_fees)
        layout.addStretch(1)

    def is_dirty(self) -> bool:
        return self.deposit.text().strip() != self.saved_text or self.late_fees.is_dirty()

    def save(self) -> Decimal | None:
        """Keep the typed percent and terms; on a problem, say it under the field and keep
        nothing."""
        if not self.late_fees.check():
            return None
        try:
            percent = read_deposit_percent(self.deposit.text())
        except ValueError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            self.deposit.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        self.problem.hide()
        self.late_fees.save()
        set_suggested_deposit_percent(percent)
        self.deposit.setText(decimal_text(percent))
        self.saved_text = self.deposit.text()
        self.settings_changed.emit()
        return percent
