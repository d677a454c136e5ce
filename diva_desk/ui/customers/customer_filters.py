"""The Customers list's filters: who owes money, who is overdue, a rating, archived or not.

Archived customers are hidden unless asked for: they are out of the way, but
their money is still collected (and counted in the window's totals).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from diva_desk.core.customers.history import RatingKind
from diva_desk.i18n import _
from diva_desk.ui.common.labels import rating_text

if TYPE_CHECKING:
    from diva_desk.ui.customers.customer_models import CustomerTableModel

OWES, OVERDUE = "owes", "overdue"


class CustomerFilterBar(QWidget):
    """The row of filter controls under the search box."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Owing and overdue are one choice: everyone overdue also owes money.
        self.balance_filter = QComboBox(self)
        self.balance_filter.setObjectName("balanceFilter")
        self.balance_filter.setAccessibleName(_("Show"))
        self.balance_filter.addItem(_("All customers"), None)
        self.balance_filter.addItem(_("Owing money"), OWES)
        self.balance_filter.addItem(_("Overdue"), OVERDUE)
        self.rating_filter = QComboBox(self)
        self.rating_filter.setObjectName("ratingFilter")
        self.rating_filter.setAccessibleName(_("Rating"))
        self.rating_filter.addItem(_("Any rating"), None)
        for kind in (RatingKind.NEW, RatingKind.RELIABLE, RatingKind.SLOW, RatingKind.RISKY):
            self.rating_filter.addItem(rating_text(kind), kind.value)
        self.archived_filter = QCheckBox(_("Show &archived"), self)
        self.archived_filter.setObjectName("archivedFilter")
        self.archived_filter.toggled.connect(lambda _on: self.changed.emit())
        for combo in (self.balance_filter, self.rating_filter):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.balance_filter, self.rating_filter, self.archived_filter):
            layout.addWidget(widget)
        layout.addStretch(1)

    def apply_to(self, model: CustomerTableModel) -> None:
        balance = self.balance_filter.currentData()
        rating = self.rating_filter.currentData()
        model.set_filters(
            owes=balance == OWES,
            overdue=balance == OVERDUE,
            show_archived=self.archived_filter.isChecked(),
            rating=RatingKind(rating) if rating else None,
        )
