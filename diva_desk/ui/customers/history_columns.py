"""The customer history's columns: nothing in it is cut off.

Date and amount keep their full width. What takes the rest and wraps onto a
second line when the page is narrow (an elided "Payment on INV-…" does not say
which invoice); a long status ("Overdue, $2,361.70 left") gives way first and
wraps too. Rows grow to what they hold.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionViewItem, QTableView

#: What keeps room for this many characters on a line before Status gives way.
WHAT_CHARACTERS = 28
#: Status is never narrower than this many characters.
STATUS_CHARACTERS = 10
COLUMNS = 4
#: Room above and below a row's text, and a few pixels spare on its right.
_ROW_PADDING = 10
_SLACK = 4


def prepare(view: QTableView, row_height: int) -> None:
    """Wrapped cells, rows never lower than ``row_height``."""
    view.setWordWrap(True)
    view.verticalHeader().setMinimumSectionSize(row_height)
    view.verticalHeader().setDefaultSectionSize(row_height)


def fit(view: QTableView, widths: Sequence[int]) -> None:
    """Lay the columns out for the view's width; ``widths`` are the contents' widths."""
    if len(widths) != COLUMNS:
        return
    date, _what, amount, status = widths
    header = view.horizontalHeader()
    char = view.fontMetrics().averageCharWidth()
    room = view.viewport().width()
    status = min(
        status, max(room - date - amount - char * WHAT_CHARACTERS, char * STATUS_CHARACTERS)
    )
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    for column, width in ((0, date), (2, amount), (3, status)):
        header.resizeSection(column, width)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    fit_rows(view)


def fit_rows(view: QTableView, wrapped: Sequence[int] = (1, 3)) -> None:
    """Each row as tall as its longest wrapped text, measured where the cell paints it.

    Qt's own measure (resizeRowsToContents) wraps at a width wider than the one
    the text is painted in (the style sheet's padding), so the last words of a
    long "What" went missing.
    """
    model = view.model()
    metrics = view.fontMetrics()
    lowest = view.verticalHeader().minimumSectionSize()
    flags = int(Qt.TextFlag.TextWordWrap)
    widths = {column: _text_width(view, column) for column in wrapped}
    for row in range(model.rowCount()):
        tallest = 0
        for column, width in widths.items():
            text = str(model.index(row, column).data() or "")
            if text:
                box = metrics.boundingRect(0, 0, width, 100_000, flags, text)
                tallest = max(tallest, box.height())
        view.setRowHeight(row, max(lowest, tallest + _ROW_PADDING))


def _text_width(view: QTableView, column: int) -> int:
    """The width the style paints a cell's text in, in ``column``."""
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, view.columnWidth(column), view.verticalHeader().defaultSectionSize())
    option.features = QStyleOptionViewItem.ViewItemFeature.WrapText
    option.text = "x"
    area = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    return max(area.width() - _SLACK, 1)
