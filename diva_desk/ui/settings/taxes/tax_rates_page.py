"""The tax rates the business charges: a small editable table in the settings.

The list is what the invoice editor offers on every line, in this order; the
first one is what a new line starts with. Rates are typed as text and read with
core.money.parse_decimal (never a float), so "9.975" stays 9.975. Lines already
written keep the name and rate they were given, so removing a rate changes no
invoice.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.business_rules import TaxRateCheck, check_tax_rates, read_rate
from diva_desk.core.money import decimal_text
from diva_desk.i18n import _
from diva_desk.store.book.tax_rates import TaxRateRow
from diva_desk.ui.common import style

Index = QModelIndex | QPersistentModelIndex
NAME, RATE = 0, 1


class TaxRatesModel(QAbstractTableModel):
    """Rows of (name, rate) as typed; a row with a problem is tinted."""

    edited = Signal()

    def __init__(self, rates: Sequence[TaxRateRow], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[list[str]] = [[rate.name, decimal_text(rate.rate)] for rate in rates]
        self.bad_rows: set[int] = set()

    def typed(self) -> list[tuple[str, str]]:
        return [(name, rate) for name, rate in self.rows]

    def is_no_tax(self, row: int) -> bool:
        """The "No tax" choice: no name and a zero rate."""
        name, rate = self.rows[row]
        if name.strip() or not rate.strip():
            return False
        try:
            return read_rate(rate) == 0
        except ValueError:
            return False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return _("Name") if section == NAME else _("Rate (%)")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        no_tax = self.is_no_tax(index.row())
        if role == Qt.ItemDataRole.EditRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if no_tax and index.column() == NAME:
                return _("No tax")
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.FontRole and no_tax:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and index.row() in self.bad_rows:
            return style.tint(style.Tone.OVERDUE, 18)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == RATE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value)
        if self.rows[index.row()][index.column()] == text:
            return False
        self.rows[index.row()][index.column()] = text
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 1))
        self.edited.emit()
        return True

    def insert(self, row: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, ["", ""])
        self.endInsertRows()
        self.edited.emit()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self.edited.emit()

    def move(self, row: int, to: int) -> None:
        """Swap ``row`` with its neighbour ``to`` (one up or one down)."""
        self.rows[row], self.rows[to] = self.rows[to], self.rows[row]
        self.dataChanged.emit(self.index(min(row, to), 0), self.index(max(row, to), 1))
        self.edited.emit()

    def mark(self, bad_rows: set[int]) -> None:
        self.bad_rows = bad_rows
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 1))


class TaxRatesPage(QWidget):
    """The table with Add, Remove, Move up and Move down, and the problems below it."""

    changed = Signal()

    def __init__(self, rates: Sequence[TaxRateRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TaxRatesModel(rates, self)
        self.model.edited.connect(self._edited)
        intro = QLabel(
            _(
                "The taxes you charge, offered on every invoice line in this order; the "
                "first one is what a new line starts with. Invoices already written keep "
                "the taxes they were given."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("taxRates")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in the rest of the form
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(RATE, 140)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._enable())

        self.add_button = self._button(_("A&dd rate"), "addRate", self.add)
        self.remove_button = self._button(_("Remo&ve rate"), "removeRate", self.remove)
        self.up_button = self._button(_("Move &up"), "moveUp", lambda: self.move(-1))
        self.down_button = self._button(_("Move do&wn"), "moveDown", lambda: self.move(1))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.problems = QLabel(self)
        self.problems.setObjectName("taxProblems")
        self.problems.setWordWrap(True)
        style.themed(self.problems, "color: @overdue;")
        self.problems.hide()

        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        layout.addWidget(self.problems)
        if self.model.rows:
            self.table.setCurrentIndex(self.model.index(0, NAME))
        self._enable()

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def add(self) -> None:
        """A new row below the current one, its name cell open for typing."""
        row = self.current_row() + 1 if self.current_row() >= 0 else len(self.model.rows)
        self.model.insert(row)
        index = self.model.index(row, NAME)
        self.table.setCurrentIndex(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(index)

    def remove(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        self.model.remove(row)
        if self.model.rows:
            self.table.setCurrentIndex(self.model.index(min(row, len(self.model.rows) - 1), NAME))
        self._enable()

    def move(self, step: int) -> None:
        row = self.current_row()
        to = row + step
        if row < 0 or not 0 <= to < len(self.model.rows):
            return
        column = max(self.table.currentIndex().column(), 0)
        self.model.move(row, to)
        self.table.setCurrentIndex(self.model.index(to, column))
        self._enable()

    def check(self) -> TaxRateCheck:
        """Read the rows; show the problems below the table and tint their rows."""
        self.commit_editing()
        return self._show_check()

    def _show_check(self) -> TaxRateCheck:
        result = check_tax_rates(self.model.typed())
        self.model.mark(set(result.problems))
        if result.problems:
            self.problems.setText(
                "\n".join(result.problems[row] for row in sorted(result.problems))
            )
            self.problems.show()
        else:
            self.problems.hide()
        return result

    def rates(self, result: TaxRateCheck) -> list[TaxRateRow]:
        return [TaxRateRow(name, rate) for name, rate in result.rates]

    def first_problem_row(self, result: TaxRateCheck) -> int | None:
        return min(result.problems) if result.problems else None

    def focus_row(self, row: int) -> None:
        self.table.setCurrentIndex(self.model.index(row, NAME))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def commit_editing(self) -> None:
        """Take what is in an open cell editor, as leaving the cell would."""
        if self.table.state() is not QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and editor.parentWidget() is self.table.viewport():
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _edited(self) -> None:
        if self.problems.isVisible():
            self._show_check()  # a problem goes away as soon as its row is fixed
        self._enable()
        self.changed.emit()

    def _enable(self) -> None:
        row = self.current_row()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self.model.rows) - 1)
