"""A list of a few thousand rows that sorts and searches itself, in Python, at once.

A ``QSortFilterProxyModel`` over the rows asks the Python model for every row it
filters and for both rows of every comparison it sorts: some hundred thousand calls
across the language boundary for five thousand customers. Here the model keeps the
rows, their folded search texts and each column's ranks (table_models), and shows the
rows that pass in the order chosen: a list comprehension per keystroke, one Python
sort per click on a heading. The answers are the proxy's: the same words found
(table_models.SearchProxyModel), and the same stable order, ties kept in the order
the store gave.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from diva_desk.core.search_text import phone_digits, search_terms
from diva_desk.ui.common.tables.table_models import Column, RowTableModel, word_in

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class SortedRowModel(RowTableModel[R]):
    """Rows kept in memory, shown filtered and sorted by the model itself (no proxy)."""

    #: ListTab shows this model directly and sends it the search and the sorting.
    sorts_itself = True
    #: The rows were read from the book again (not only sorted or searched).
    reloaded = Signal()

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._shown: list[int] = []
        #: The rows :meth:`accepts` (the list's own filters), and those the search found.
        self._passing: list[int] = []
        self._found_rows: list[int] = []
        self._places: dict[Any, int] = {}
        self._sort_column = -1
        self._descending = False
        self._words: list[str] = []
        self._number: str | None = None
        #: How many times the rows were read (a search or a new order is not a reading).
        self.generation = 0

    # --- what is shown -------------------------------------------------------------

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._take_rows(rows)
        self.generation += 1
        self._arrange()
        self.endResetModel()
        self.reloaded.emit()

    def accepts(self, row: R) -> bool:
        """Whether the row passes the list's own filters (besides the search)."""
        return True

    def set_search(self, text: str) -> None:
        words, number = search_terms(text)
        # Typing on narrows the search: only the rows found so far can still be found
        # (not so for a phone number, found by its digits however it is typed).
        narrower = (
            bool(self._words)
            and self._number is None
            and number is None
            and len(words) == len(self._words)
            and all(old in new for old, new in zip(self._words, words, strict=True))
            and not any(phone_digits(word) for word in [*words, *self._words])
        )
        self.beginResetModel()
        self._words, self._number = words, number
        self._arrange(search_only=True, narrower=narrower)
        self.endResetModel()

    def refilter(self) -> None:
        """Show the rows again after :meth:`accepts` changed its mind."""
        self.beginResetModel()
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._order(list(self._shown))
        self.endResetModel()

    def _arrange(self, *, search_only: bool = False, narrower: bool = False) -> None:
        """Work out the rows shown: those the filters pass and the search finds, in order."""
        if not search_only:
            self._passing = [i for i, row in enumerate(self._rows) if self.accepts(row)]
        candidates = self._found_rows if narrower else self._passing
        words, number = self._words, self._number
        if not words:
            found = list(self._passing)
        elif number is None and not any(phone_digits(word) for word in words):
            texts = self.search_texts()
            found = [i for i in candidates if all(word in texts[i] for word in words)]
        else:
            texts = self.search_texts()
            found = [
                i
                for i in candidates
                if (number and number in texts[i]) or all(word_in(word, texts[i]) for word in words)
            ]
        self._found_rows = found
        self._order(list(found))

    def _order(self, shown: list[int]) -> None:
        if 0 <= self._sort_column < len(self._columns) and shown:
            ranks = self._rank(self._sort_column)
            # Stable, also in reverse: rows that tie keep the store's order, as Qt's own.
            # Sorted from the store's order, so a tie is never decided by an earlier sort.
            shown.sort()
            shown.sort(key=ranks.__getitem__, reverse=self._descending)
        self._shown = shown
        self._places = {}

    # --- reading -------------------------------------------------------------------

    def row_at(self, row: int) -> R:
        return self._rows[self._shown[row]]

    def total_count(self) -> int:
        """Every row, shown or not: the list's "12 of 5,000"."""
        return len(self._rows)

    def all_rows(self) -> list[R]:
        return list(self._rows)

    def position_of(self, row_id: Any) -> int | None:
        """Where the row with this ``id`` is shown (0 is the first), None when it is not."""
        if not self._places:
            rows = self._rows
            self._places = {rows[i].id: n for n, i in enumerate(self._shown)}  # type: ignore[attr-defined]
        return self._places.get(row_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)
