"""The Customers list's filters: who owes money, who is overdue, a rating, archived or not.

Archived customers are hidden unless asked for: they are out of the way, but
their money is still collected (and counted in the window's totals).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QWidget

from diva_desk.core.customers.history import RatingKind
from diva_desk.i18n import _
from diva_desk.ui.common.labels import rating_text
from diva_desk.ui.common.tables.table_models import Index, RowTableModel, SearchProxyModel

OWES, OVERDUE = "owes", "overdue"


class CustomerFilterProxy(SearchProxyModel):
    """The search, plus: owes money, overdue, archived shown or not, one rating."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.owes = False
        self.overdue = False
        self.show_archived = False
        self.rating: RatingKind | None = None

    def set_filters(
        self,
        *,
        owes: bool = False,
        overdue: bool = False,
        show_archived: bool = False,
        rating: RatingKind | None = None,
    ) -> None:
        def apply() -> None:
            self.owes, self.overdue = owes, overdue
            self.show_archived, self.rating = show_archived, rating

        if hasattr(self, "endFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            apply()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            apply()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        row = model.row_at(source_row)
        if row.archived and not self.show_archived:
            return False
        if self.owes and not row.balances:
            return False
        if self.overdue and not row.overdues:
            return False
        if self.rating is not None and row.rating is not self.rating:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


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

    def apply_to(self, proxy: CustomerFilterProxy) -> None:
        balance = self.balance_filter.currentData()
        rating = self.rating_filter.currentData()
        proxy.set_filters(
            owes=balance == OWES,
            overdue=balance == OVERDUE,
            show_archived=self.archived_filter.isChecked(),
            rating=RatingKind(rating) if rating else None,
        )
