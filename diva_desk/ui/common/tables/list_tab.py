"""One tab of the window: a search box over a sortable list.

The search box filters as you type; Down or Enter moves into the list, Escape
clears the search. The sort order and the columns' order are remembered; their
widths follow the list's width and contents (a name is never cut short while
there is room for it) until the owner drags a column edge, and from then on the
widths the owner chose are kept and remembered.
"""

from __future__ import annotations

import heapq
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.ui.common import style
from diva_desk.ui.common.tables.table_models import SearchProxyModel

_MIN_COLUMN = 60
#: Rows a long list's columns are measured on: those shown and a few around them
#: (Qt's own default is 1,000, which a list read a page at a time would read to measure).
_MEASURED_ROWS = 60
_MAX_COLUMN = 360
#: The widest cells by their text that the delegate then sizes (margins, the same font).
_SIZED_CELLS = 3
#: A heading's padding left and right (style.LISTS) and its section's border.
_HEADING_PADDING = 14


def share_width(wanted: dict[int, int], weights: dict[int, int], room: int) -> dict[int, int]:
    """Fit columns into ``room``: narrow ones keep their width, wide ones share the rest.

    The wide columns are cut to the same width per unit of weight (a name column
    weighs double, so it keeps more of itself than an email column does).
    """
    shares: dict[int, int] = {}
    left, weight_left = room, sum(weights.values())
    for column in sorted(wanted, key=lambda c: wanted[c] / weights[c]):
        fair = left * weights[column] // weight_left if weight_left else 0
        shares[column] = min(wanted[column], fair)
        left -= shares[column]
        weight_left -= weights[column]
    return shares


class ListTab(QWidget):
    """A search box over a list, its count, and the list.

    A model that sorts and searches itself (``sorts_itself``: SortedRowModel,
    PagedTableModel) is shown directly and given the search and the sorting; any
    other goes through a :class:`SearchProxyModel`.
    """

    def __init__(
        self,
        name: str,
        model: Any,
        *,
        search_hint: str,
        stretch_column: int,
        sort_column: int,
        sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
        proxy: SearchProxyModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Tab")
        style.themed(self, style.LISTS)
        self.name = name
        self.model = model
        # A tab with filters of its own brings a proxy that also applies them.
        self.proxy: Any
        if getattr(model, "sorts_itself", False):
            self.proxy = model
        else:
            self.proxy = proxy if proxy is not None else SearchProxyModel(self)
            self.proxy.setSourceModel(model)
        self._stretch_column = stretch_column
        self._sized = False
        #: The owner dragged a column edge: the widths are theirs, not refitted.
        self._owner_sized = False
        self._fitting = False
        self._dragging = False
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_again)

        self.search = QLineEdit(self)
        self.search.setObjectName(f"{name}Search")
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(search_hint)
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)

        self.count = QLabel(self)
        self.count.setObjectName(f"{name}Count")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count.setProperty("role", "note")

        self.view = QTableView(self)
        self.view.setObjectName(f"{name}View")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(sort_column, sort_order)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)

        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(_MIN_COLUMN)
        if getattr(model, "sorts_itself", False):
            # A long list's columns are fitted again after every reading: on a few rows.
            header.setResizeContentsPrecision(_MEASURED_ROWS)
        header.sectionResized.connect(self._section_resized)
        header.viewport().installEventFilter(self)
        self.view.viewport().installEventFilter(self)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

        # Columns are fitted again when the rows were read again, not when only sorted.
        reloaded = getattr(model, "reloaded", None)
        (reloaded if reloaded is not None else model.modelReset).connect(self._rows_changed)
        if reloaded is not None:
            model.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    # --- searching ---------------------------------------------------------------------

    def select_position(self, row: int | None) -> bool:
        """Make ``row`` of the view's model the current, selected row, shown; False for None.

        Through the selection model, not selectRow: a key held (Ctrl) must not toggle it off.
        """
        if row is None:
            return False
        index = self.view.model().index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.view.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.horizontalHeader().viewport():
            if event.type() == QEvent.Type.MouseButtonPress:
                self._dragging = True
            elif event.type() == QEvent.Type.MouseButtonRelease:
                self._dragging = False
        elif watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            if self._sized and event.size().width() != event.oldSize().width():
                self._refit.start()
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._enter_list()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _enter_list(self) -> None:
        if self.proxy.rowCount() == 0:
            return
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self.view.selectRow(self.view.currentIndex().row())

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        total = self.model.total_count() if self.proxy is self.model else self.model.rowCount()
        if shown == total:
            self.count.setText(_("{count} in all").format(count=fmt.number(total)))
        else:
            self.count.setText(
                _("{shown} of {total}").format(shown=fmt.number(shown), total=fmt.number(total))
            )

    # --- columns -----------------------------------------------------------------------

    def _rows_changed(self) -> None:
        self._update_count()
        if not self._sized and self.model.rowCount() and self.isVisible():
            # In a turn of its own: measuring the cells of a long list holds the GUI
            # thread as long again as showing its rows.
            self._refit.start()
        elif self._sized:
            self._refit.start()  # a longer name may have come in

    def _section_resized(self, _column: int, _old: int, _new: int) -> None:
        if self._dragging and not self._fitting:
            self._owner_sized = True

    def _fit_again(self) -> None:
        if not self._owner_sized and self.model.rowCount() and self.isVisible():
            self.fit_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The list has its final width only once the window's layout has run.
        QTimer.singleShot(0, self._fit_once)

    def _fit_once(self) -> None:
        if not self._sized and self.model.rowCount() and self.isVisible():
            self.fit_columns()

    def fit_columns(self) -> None:
        """Size columns to their contents, so that all of them fit the list's width.

        Numbers, dates, codes and phone numbers keep their full width (a clipped
        amount is a wrong amount); when space is short, the other text columns give
        up width (see :func:`share_width`),
        and long names are elided. The stretch column takes whatever is left.
        """
        self._sized = True
        self._fitting = True
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(self._stretch_column, QHeaderView.ResizeMode.Interactive)
        count = self.model.columnCount()
        widths = [min(self.wanted_width(c) + 4, _MAX_COLUMN) for c in range(count)]
        # Hidden columns take no room: only the shown ones share the width.
        shown = [c for c in range(count) if not header.isSectionHidden(c)]
        available = self.view.viewport().width() - 2
        if sum(widths[c] for c in shown) > available:
            text = [c for c in shown if self.model.shrinks(c)]
            numbers = sum(widths[c] for c in shown if c not in text)
            weights = {c: self.model.weight(c) for c in text}
            shares = share_width({c: widths[c] for c in text}, weights, available - numbers)
            for c, width in shares.items():
                widths[c] = max(_MIN_COLUMN, width)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        header.setSectionResizeMode(self._stretch_column, QHeaderView.ResizeMode.Stretch)
        self._fitting = False

    def wanted_width(self, column: int) -> int:
        """Room for the column's widest cell and for its heading in full.

        Qt's own measure of a heading keeps room for a sort arrow beside every
        heading; here the arrow sits above the heading (style.LISTS), so that room
        would only be taken from the names.
        """
        font = QFont(self.view.horizontalHeader().font())
        font.setBold(True)
        title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
        heading = QFontMetrics(font).horizontalAdvance(title) + _HEADING_PADDING
        return max(self.cells_width(column), heading)

    def cells_width(self, column: int) -> int:
        """What Qt's ``sizeHintForColumn`` answers, at a tenth of the cost.

        Qt asks the delegate for every measured cell's size, which asks the model for
        each of eight roles: 4,800 calls into Python for 60 rows of ten columns, 0.1-0.2
        s of the GUI thread at each reading of a long list. A list's cells differ only
        in their text (one font, no icons), so the text alone is measured here (one call
        per cell) and the delegate sizes only the widest few, as Qt would have.
        """
        model = self.view.model()
        rows = model.rowCount()
        if column < 0 or not rows:
            return 0
        # The rows Qt measures: from the first shown, as many as the header's precision.
        top = max(0, self.view.verticalHeader().logicalIndexAt(0))
        precision = self.view.horizontalHeader().resizeContentsPrecision()
        last = rows if precision < 0 else min(rows, top + max(precision, 1))
        advance = self.view.fontMetrics().horizontalAdvance
        display = Qt.ItemDataRole.DisplayRole
        texts = []
        for row in range(top, last):
            text = model.data(model.index(row, column), display)
            texts.append((advance("" if text is None else str(text)), row))
        widest = heapq.nlargest(_SIZED_CELLS, texts)
        size = self.view.sizeHintForIndex
        return max(size(model.index(row, column)).width() for _, row in widest)

    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"lists/{self.name}/header", self.view.horizontalHeader().saveState())
        settings.setValue(f"lists/{self.name}/owner_sized", self._owner_sized)

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value(f"lists/{self.name}/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            restored = self.view.horizontalHeader().restoreState(state)
            # Widths the owner chose are kept; widths that were only fitted to last
            # session's window are fitted again to this one (order and sort stay).
            owner = settings.value(f"lists/{self.name}/owner_sized", False)
            self._owner_sized = restored and str(owner).lower() == "true"
            self._sized = self._owner_sized
