"""The invoice's lines as an editable table: what was typed, kept as typed.

Each cell keeps the text the person typed, so a half-typed "7." or a mistaken
"7,5" stays on screen, tinted, with the reason in its tooltip, instead of
vanishing or turning into a wrong number. Amounts are read from the text with
``i18n.format.parse_amount`` (never through a float); a line counts toward the
totals only once every one of its cells reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from diva_desk.core.invoices.totals import line_net
from diva_desk.core.money import RATE_PLACES, decimal_text, price_text
from diva_desk.core.records import InvoiceLine
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.book.tax_groups import NO_TAX_PICK, TaxPick, pick_for, pick_label
from diva_desk.ui.common import style
from diva_desk.ui.common.style import Tone

Index = QModelIndex | QPersistentModelIndex
NO_TAX = NO_TAX_PICK

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class LineColumn(IntEnum):
    DESCRIPTION = 0
    QUANTITY = 1
    UNIT_PRICE = 2
    TAX = 3
    AMOUNT = 4


@dataclass
class LineText:
    """One line as typed."""

    description: str = ""
    quantity: str = "1"
    unit_price: str = ""
    #: A rate alone, a group ("GST + QST") or no tax.
    tax: TaxPick = NO_TAX
    #: Problems by column, filled by :meth:`read`.
    problems: dict[LineColumn, str] = field(default_factory=dict)

    def is_blank(self) -> bool:
        return not self.description.strip() and not self.unit_price.strip()

    def read(self) -> InvoiceLine | None:
        """The line, or None with :attr:`problems` saying what stops it."""
        self.problems = {}
        quantity = _read_number(self.quantity, _("quantity"), _("Quantity"))
        price = _read_number(self.unit_price, _("unit price"), _("Unit price"))
        if isinstance(quantity, str):
            self.problems[LineColumn.QUANTITY] = quantity
        elif quantity <= 0:
            self.problems[LineColumn.QUANTITY] = _("The quantity must be more than 0.")
        if isinstance(price, str):
            self.problems[LineColumn.UNIT_PRICE] = price
        elif price < 0:
            self.problems[LineColumn.UNIT_PRICE] = _("The unit price cannot be negative.")
        if not self.description.strip():
            self.problems[LineColumn.DESCRIPTION] = _("Describe the work or goods.")
        if self.problems:
            return None
        assert isinstance(quantity, Decimal) and isinstance(price, Decimal)
        return InvoiceLine(
            description=self.description.strip(),
            quantity=quantity,
            unit_price=price,
            taxes=self.tax.taxes,
        )


def _read_number(text: str, what: str, field: str) -> Decimal | str:
    """The number typed (up to four decimals in any currency), or a sentence why not."""
    cleaned = text.strip()
    if not cleaned:
        return _("Type the {what}.").format(what=what)
    try:
        return fmt.parse_amount(cleaned, field, places=RATE_PLACES)
    except fmt.BadTypedAmount as exc:
        return str(exc)


def _price_cell(text: str, currency: str) -> str:
    """A price that reads is shown with its currency's decimals ("120" becomes "120.00")."""
    try:
        return price_text(fmt.parse_amount(text, "", places=RATE_PLACES), currency)
    except fmt.BadTypedAmount:
        return text


def line_text(line: InvoiceLine, currency: str) -> LineText:
    """A stored line as the editor shows it (prices with their currency's decimals)."""
    return LineText(
        description=line.description,
        quantity=decimal_text(line.quantity),
        unit_price=price_text(line.unit_price, currency),
        tax=pick_for([tax for tax in line.taxes if tax.rate]),
    )


class InvoiceLinesModel(QAbstractTableModel):
    """The lines being typed; ``lines_changed`` fires on every edit so totals follow."""

    lines_changed = Signal()

    def __init__(self, taxes: Sequence[TaxPick], currency: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.taxes = list(taxes)
        self.currency = currency
        self.locked = False
        self._rows: list[LineText] = []
        self._titles = {
            LineColumn.DESCRIPTION: _("Description"),
            LineColumn.QUANTITY: _("Quantity"),
            LineColumn.UNIT_PRICE: _("Unit price"),
            LineColumn.TAX: _("Tax"),
            LineColumn.AMOUNT: _("Amount"),
        }

    # --- what the editor asks -------------------------------------------------------

    def set_lines(self, lines: Sequence[InvoiceLine]) -> None:
        self.beginResetModel()
        self._rows = [line_text(line, self.currency) for line in lines]
        for row in self._rows:
            row.read()
            if row.tax != NO_TAX and not any(t.taxes == row.tax.taxes for t in self.taxes):
                self.taxes.append(row.tax)  # an old rate the business no longer lists
            else:
                # Shown by the name of the pick that gives the same taxes ("GST + QST").
                row.tax = next((t for t in self.taxes if t.taxes == row.tax.taxes), row.tax)
        self.endResetModel()
        self.lines_changed.emit()

    def lines(self) -> list[InvoiceLine]:
        """The lines that read, in order; blank rows are left out."""
        return [line for row in self._rows if not row.is_blank() and (line := row.read())]

    def problems(self) -> list[str]:
        """Every problem, as "Line n: …", in order."""
        found = []
        for n, row in enumerate(self._rows, start=1):
            if row.is_blank():
                continue
            row.read()
            for column in LineColumn:
                if column in row.problems:
                    found.append(_("Line {n}: {problem}").format(n=n, problem=row.problems[column]))
        return found

    def add_line(self) -> int:
        """Append a blank line with the tax of the line above (or the first listed)."""
        tax = self._rows[-1].tax if self._rows else (self.taxes[0] if self.taxes else NO_TAX)
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(LineText(tax=tax))
        self.endInsertRows()
        self.lines_changed.emit()
        return position

    def remove_line(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.lines_changed.emit()

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        self._amounts_changed(0, len(self._rows) - 1)

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        self.layoutChanged.emit()

    # --- Qt's model interface -------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LineColumn)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.locked or index.column() == LineColumn.AMOUNT:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[LineColumn(section)]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if _numeric(section) else _LEFT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], LineColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if _numeric(column) else _LEFT
        shown_problem = row.problems.get(column) if not row.is_blank() else None
        if role == Qt.ItemDataRole.ForegroundRole and shown_problem:
            return style.colour(Tone.OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole:
            return shown_problem
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.locked:
            return False
        row, column = self._rows[index.row()], LineColumn(index.column())
        if column == LineColumn.TAX:
            if not isinstance(value, TaxPick):
                return False
            row.tax = value
        elif column == LineColumn.AMOUNT:
            return False
        else:
            text = str(value)
            attribute = {
                LineColumn.DESCRIPTION: "description",
                LineColumn.QUANTITY: "quantity",
                LineColumn.UNIT_PRICE: "unit_price",
            }[column]
            if column == LineColumn.UNIT_PRICE:
                text = _price_cell(text, self.currency)
            if getattr(row, attribute) == text:
                return False
            setattr(row, attribute, text)
        row.read()
        self._amounts_changed(index.row(), index.row())
        self.lines_changed.emit()
        return True

    # --- helpers --------------------------------------------------------------------

    def _text(self, row: LineText, column: LineColumn) -> str:
        if column == LineColumn.DESCRIPTION:
            return row.description
        if column == LineColumn.QUANTITY:
            return row.quantity
        if column == LineColumn.UNIT_PRICE:
            return row.unit_price
        if column == LineColumn.TAX:
            return pick_label(row.tax)
        line = row.read() if not row.is_blank() else None
        return fmt.money(line_net(line, self.currency), self.currency) if line else ""

    def _amounts_changed(self, first: int, last: int) -> None:
        if last < first:
            return
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(LineColumn) - 1))

    def copy_row(self, row: int) -> LineText:
        return replace(self._rows[row], problems={})


def _numeric(column: int) -> bool:
    return column in (LineColumn.QUANTITY, LineColumn.UNIT_PRICE, LineColumn.AMOUNT)


class TaxDelegate(QStyledItemDelegate):
    """The tax cell is picked from the business's list, never typed."""

    def __init__(self, model: InvoiceLinesModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("taxPicker")
        for tax in self._model.taxes:
            combo.addItem(pick_label(tax))
        if NO_TAX not in self._model.taxes:
            combo.addItem(pick_label(NO_TAX))
        combo.activated.connect(lambda _i, combo=combo: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findText(str(index.data(Qt.ItemDataRole.EditRole)))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        position = editor.currentIndex()
        choices = [*self._model.taxes]
        if NO_TAX not in choices:
            choices.append(NO_TAX)
        if 0 <= position < len(choices):
            model.setData(index, choices[position], Qt.ItemDataRole.EditRole)
