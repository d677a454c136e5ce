"""A layout that places widgets left to right and wraps them onto new rows when narrow.

Qt has none built in; the call cards use it for their outcome buttons, so a narrow
Today panel shows two rows of buttons instead of clipping them.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Buttons left to right, wrapping onto a new row when the card is narrow."""

    def __init__(
        self, parent: QWidget | None = None, spacing: int = 6, *, last_right: bool = False
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        #: The last widget sits at the right edge when it fits on the row (a date, a note).
        self.last_right = last_right
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        gap = self.spacing()
        shown = [
            item for item in self._items if item.widget() is None or not item.widget().isHidden()
        ]
        for n, item in enumerate(shown):
            hint = item.sizeHint()
            width = min(hint.width(), rect.width())
            if x + width > rect.right() + 1 and row_height:
                x, y = rect.x(), y + row_height + gap
                row_height = 0
            if self.last_right and n == len(shown) - 1:
                x = max(x, rect.right() + 1 - width)
            if move:
                item.setGeometry(QRect(x, y, width, hint.height()))
            x += width + gap
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()
