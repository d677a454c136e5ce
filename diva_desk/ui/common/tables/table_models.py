"""A read-only table model over rows from a store query, and the proxy that sorts and searches it.

Columns are declared, not coded: each says how a row becomes text (through
``i18n.format``), what value it sorts by (the ``Decimal`` or ``date`` itself,
never its text, so $1,000.00 sorts above $900.00), whether it is a number
(right-aligned) and how it may be tinted.

Sorting: when a column is first sorted, the model ranks its rows once in
Python by their true values and hands the proxy plain integer ranks through
:data:`SORT_ROLE`, so Qt's own C++ comparison does the sorting and no Python
comparison runs per pair of rows. Searching: every row's searchable text is
folded once (case and accents: "montreal" finds "Montréal") when the rows are
loaded; a search keeps the rows that contain every word typed. Phone numbers are
also kept as digits alone, so "4165550114", "416-555-0114", "(416) 555-0114" and
"+1 416 555 0114" all find "416 555 0114".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from diva_desk.core.search_text import fold, phone_digits, search_terms
from diva_desk.i18n import format as fmt
from diva_desk.ui.common import style
from diva_desk.ui.common.style import Tone

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

#: The integer rank of a cell's true value within its column.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row object itself (a store dataclass).
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    #: The value the column sorts by; ``None`` values sort after all others.
    value: Callable[[R], Any] | None = None
    numeric: bool = False
    searchable: bool = True
    #: A text colour for the cell, or ``None`` for the palette's.
    tint: Callable[[R], QColor | None] | None = None
    #: What the column means, when its short title needs saying more.
    tip: str = ""
    #: Whether the column may be narrowed (and its text elided) when space is short;
    #: never for numbers, dates, codes or phone numbers, which are wrong when cut.
    shrinks: bool = True
    #: How much of its width a shrinking column keeps relative to the others.
    weight: int = 1
    #: A phone number: also searchable as its digits alone, however it is typed.
    phone: bool = False


def date_column(title: str, field: str, **options: Any) -> Column[Any]:
    """A date column: shown through the book's locale, sorted by the date itself."""
    get = attrgetter(field)
    return Column(
        title,
        lambda r: fmt.date(get(r)),
        value=get,
        numeric=True,
        searchable=False,
        **options,
    )


def money_column(title: str, field: str, **options: Any) -> Column[Any]:
    """An amount in the row's ``currency``: shown through Babel, sorted by the Decimal."""
    get = attrgetter(field)
    return Column(
        title,
        lambda r: fmt.money(get(r), r.currency),
        value=get,
        numeric=True,
        searchable=False,
        **options,
    )


class ColumnSpecs(Generic[R]):
    """What a list tab asks a table model about its columns (titles, widths, alignment)."""

    _columns: list[Column[R]]

    def column_titles(self) -> list[str]:
        return [c.title for c in self._columns]

    def is_numeric(self, column: int) -> bool:
        return self._columns[column].numeric

    def weight(self, column: int) -> int:
        return self._columns[column].weight

    def shrinks(self, column: int) -> bool:
        spec = self._columns[column]
        return spec.shrinks and not spec.numeric


class RowTableModel(ColumnSpecs[R], QAbstractTableModel):
    """Rows of one store query, shown through declared columns."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        #: Each row's folded search text, worked out at the first search after a reading.
        self._search: list[str] | None = None
        self._ranks: dict[int, list[int]] = {}

    # --- feeding -----------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._take_rows(rows)
        self.endResetModel()

    def _take_rows(self, rows: Sequence[R]) -> None:
        """Keep the rows, their folded search texts; forget the ranks (no signal)."""
        self._rows = list(rows)
        self._search = None
        self._ranks = {}

    def search_texts(self) -> list[str]:
        """Each row's folded searchable text and its phone numbers' digits, by row.

        Worked out when first searched (not at every reading: most readings are never
        searched), then kept until the rows are read again.
        """
        if self._search is None:
            self._search = self._fold_rows()
        return self._search

    def _fold_rows(self) -> list[str]:
        searchable = [c for c in self._columns if c.searchable and self._searched(c)]
        phones = [c for c in self._columns if c.phone]
        # Folded column by column (the same text as folding them joined): most columns are
        # ASCII, which fold lowers without decomposing every letter.
        return [
            "\n".join([fold(c.text(row)) for c in searchable])
            + "".join(["\n" + "".join(filter(str.isdigit, c.text(row))) for c in phones])
            for row in self._rows
        ]

    def _searched(self, column: Column[R]) -> bool:
        """Whether a searchable column's text is searched now (a subclass may wait)."""
        return True

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def search_text(self, row: int) -> str:
        return self.search_texts()[row]

    # --- Qt's model interface --------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == SORT_ROLE:
            return self._rank(index.column())[index.row()]
        return cell_data(self._columns[index.column()], self.row_at(index.row()), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        return header_data(self._columns[section], role)

    def _rank(self, column: int) -> list[int]:
        """Each row's place in the column's true order; equal values share a rank."""
        ranks = self._ranks.get(column)
        if ranks is None:
            spec = self._columns[column]
            value = spec.value or (lambda row: fold(spec.text(row)))
            keys = [value(row) for row in self._rows]
            # Stable: rows with equal values, and the rows with none (last), keep their order.
            valued = (i for i, key in enumerate(keys) if key is not None)
            order = sorted(valued, key=keys.__getitem__)
            order += [i for i, key in enumerate(keys) if key is None]
            ranks = [0] * len(keys)
            rank, previous = 0, object()
            for i in order:
                if keys[i] != previous:
                    rank += 1
                    previous = keys[i]
                ranks[i] = rank
            self._ranks[column] = ranks
        return ranks


def cell_data(column: Column[R], row: R, role: int) -> Any:
    """What a cell of ``column`` says for ``row`` in ``role``, in every list of rows."""
    if role == Qt.ItemDataRole.DisplayRole:
        return column.text(row)
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return _RIGHT if column.numeric else _LEFT
    if role == Qt.ItemDataRole.ForegroundRole and column.tint is not None:
        return column.tint(row)
    if role == Qt.ItemDataRole.ToolTipRole and not column.numeric:
        return column.text(row) or None
    if role == ROW_ROLE:
        return row
    return None


def header_data(column: Column[Any], role: int) -> Any:
    """What a column's heading says in ``role``."""
    if role == Qt.ItemDataRole.DisplayRole:
        return column.title
    if role == Qt.ItemDataRole.TextAlignmentRole:
        return _RIGHT if column.numeric else _LEFT
    if role == Qt.ItemDataRole.ToolTipRole:
        return column.tip or None
    return None


class SearchProxyModel(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE` and keeps the rows that contain every word searched for."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._words: list[str] = []
        #: The whole search as a phone number's digits, when it is one.
        self._number: str | None = None

    def set_search(self, text: str) -> None:
        words, number = search_terms(text)
        if hasattr(self, "endFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._words, self._number = words, number
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt, where this is not deprecated yet
            self._words, self._number = words, number
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        text = model.search_text(source_row)
        if self._number and self._number in text:
            return True
        return all(word_in(word, text) for word in self._words)


def word_in(word: str, text: str) -> bool:
    """The word as typed, or (when it is a phone number in any format) its digits."""
    if word in text:
        return True
    digits = phone_digits(word)
    return bool(digits) and digits in text


def zero_muted(amount: Decimal, colour: QColor | None = None) -> QColor | None:
    """Faint when the amount is zero, else ``colour``."""
    return style.colour(Tone.FAINT) if amount == 0 else colour


def nothing_muted(amounts: Mapping[str, Decimal], colour: QColor | None = None) -> QColor | None:
    """Muted when nothing is owed in any currency (the largest amount is zero when none)."""
    return zero_muted(max(amounts.values(), default=Decimal(0)), colour)
