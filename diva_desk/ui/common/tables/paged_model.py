"""A list too long to read at once: it knows how many rows pass and reads them a page at a time.

The view asks only for the rows it paints, and a page of them is read from the book
when the first of them is asked for, so opening, sorting or searching a list of a
hundred thousand invoices reads one page, not every row. The count is the real
count (the scroll bar and "12 of 100,000" are right); a subclass says how to count
and how to read a page, in the order and with the filters it was given, and
re-reads (a model reset) when they change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from diva_desk.ui.common.tables.table_models import Column, ColumnSpecs, cell_data, header_data

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(ColumnSpecs[R], QAbstractTableModel):
    """Rows read a page at a time through :meth:`read_page`; ``count`` of them in all."""

    #: ListTab shows this model directly and sends it the search and the sorting.
    sorts_itself = True
    #: Rows the view needs to measure a column: the first page is enough.
    PAGE = 200
    #: The rows were read from the book again (not only sorted or searched).
    reloaded = Signal()

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._count = 0
        self._pages: dict[int, list[R]] = {}
        #: Cells' text, formatted once (money and dates through Babel) for measuring the
        #: columns, painting and tooltips alike.
        self._texts: dict[tuple[int, int], str] = {}
        #: How many rows were read from the book so far (the tests count them).
        self.rows_read = 0

    # --- for subclasses --------------------------------------------------------------

    def read_page(self, offset: int, limit: int) -> list[R]:
        raise NotImplementedError

    def replace_rows(self, count: int) -> None:
        """Forget every page read; ``count`` rows pass now. Call between begin/endResetModel."""
        self._count = count
        self._pages = {}
        self._texts = {}

    # --- reading ---------------------------------------------------------------------

    def row_at(self, row: int) -> R | None:
        """The row shown at ``row``, reading its page when it is the first asked for.

        None when the book lost rows since they were counted (the next reload fixes it).
        """
        if not 0 <= row < self._count:
            return None
        number, place = divmod(row, self.PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = self.read_page(number * self.PAGE, self.PAGE)
            self.rows_read += len(page)
        return page[place] if place < len(page) else None

    # --- Qt's model interface --------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            key = (index.row(), index.column())
            text = self._texts.get(key)
            if text is None:
                text = self._texts[key] = column.text(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return text
            return None if column.numeric else (text or None)
        return cell_data(column, row, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        return header_data(self._columns[section], role)
