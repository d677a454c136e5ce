"""How the Reports tab arranges its panels for the width it gets.

In the window the tab shares the width with the Today panel (about 700 pixels on
a 1280-pixel screen); on its own, or with the Today panel narrowed, it may have
1,300. So the panels are placed again whenever the width crosses a threshold:

* wide: the three money charts in a row, the three charts of how customers pay
  (days to pay, promises, deposits) in a second; the aging table and the ten who
  owe most side by side;
* medium: two panels a row, the ten who owe most beside the DSO chart, deposits
  across the width, the aging below;
* narrow: one panel a row.

The page scrolls when the panels do not fit its height. Tables are as tall as their
rows (up to a limit), so the page scrolls rather than a small table inside it, and
charts take whatever height is left over.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

#: Narrower than this, three charts in a row would squeeze twelve months of bars.
WIDE_FROM = 1100
#: Narrower than this, two panels side by side cannot show an amount column whole.
MEDIUM_FROM = 620
#: A chart shorter than this cannot show its legend, axis and bars legibly.
CHART_HEIGHT = 260


class Arrangement(Enum):
    WIDE = "wide"
    MEDIUM = "medium"
    NARROW = "narrow"


# Where each panel goes: (row, column, column span), and which rows hold charts.
_PLACES: dict[Arrangement, dict[str, tuple[int, int, int]]] = {
    Arrangement.WIDE: {
        "aging": (0, 0, 1),
        "flows": (0, 1, 1),
        "dso": (0, 2, 1),
        "days": (1, 0, 1),
        "promises": (1, 1, 1),
        "deposits": (1, 2, 1),
        "table": (2, 0, 2),
        "debtors": (2, 2, 1),
        "taxes": (3, 0, 2),
    },
    Arrangement.MEDIUM: {
        "aging": (0, 0, 1),
        "flows": (0, 1, 1),
        "dso": (1, 0, 1),
        "debtors": (1, 1, 1),
        "days": (2, 0, 1),
        "promises": (2, 1, 1),
        "deposits": (3, 0, 2),
        "table": (4, 0, 2),
        "taxes": (5, 0, 2),
    },
    Arrangement.NARROW: {
        name: (row, 0, 1)
        for row, name in enumerate(
            (
                "aging",
                "flows",
                "dso",
                "debtors",
                "days",
                "promises",
                "deposits",
                "table",
                "taxes",
            )
        )
    },
}
_COLUMNS = {Arrangement.WIDE: 3, Arrangement.MEDIUM: 2, Arrangement.NARROW: 1}
_CHARTS = ("aging", "flows", "dso", "days", "promises", "deposits")


def arrangement_for(width: int) -> Arrangement:
    if width >= WIDE_FROM:
        return Arrangement.WIDE
    if width >= MEDIUM_FROM:
        return Arrangement.MEDIUM
    return Arrangement.NARROW


def caption_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "caption")
    return label


def panel(
    caption: str,
    body: QWidget,
    parent: QWidget,
    note: QLabel | None = None,
    buttons: Sequence[QWidget] = (),
) -> QWidget:
    """A caption (with buttons at its right) over a chart or a table, and an optional note."""
    box = QWidget(parent)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    header = QHBoxLayout()
    header.setSpacing(8)
    header.addWidget(caption_label(caption, box), 1)
    for button in buttons:
        button.setParent(box)
        header.addWidget(button)
    column.addLayout(header)
    if note is not None:
        column.addWidget(note)
    column.addWidget(body, 1)
    return box


def report_table(name: str, model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """A read-only table of whole rows, sorting by its headers, the first column widest."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


def fit_height(view: QTableView, most_rows: int) -> None:
    """Make a table as tall as its rows, up to ``most_rows`` (it scrolls beyond)."""
    rows = min(max(view.model().rowCount(), 1), most_rows)
    height = (
        view.horizontalHeader().sizeHint().height()
        + rows * view.verticalHeader().defaultSectionSize()
        + 2 * view.frameWidth()
        + 2
    )
    if view.horizontalScrollBar().isVisible():
        height += view.horizontalScrollBar().sizeHint().height()
    view.setFixedHeight(height)


class PanelGrid(QScrollArea):
    """A scrolling page of named panels, placed again when its width crosses a threshold."""

    #: The panels were placed anew (the :class:`Arrangement`), for columns to hide or show.
    arranged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self.content = QWidget(self)
        self.content.setObjectName("reportsContent")
        self.grid = QGridLayout(self.content)
        self.grid.setContentsMargins(0, 0, 4, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(14)
        self.setWidget(self.content)
        self.panels: dict[str, QWidget] = {}
        self.arrangement: Arrangement | None = None

    def add(self, name: str, widget: QWidget) -> None:
        self.panels[name] = widget
        if name in _CHARTS:
            widget.setMinimumHeight(CHART_HEIGHT)

    def arrange(self, arrangement: Arrangement) -> None:
        if arrangement is self.arrangement:
            return
        self.arrangement = arrangement
        for widget in self.panels.values():
            self.grid.removeWidget(widget)
        places = _PLACES[arrangement]
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        for name, (row, column, span) in places.items():
            # Charts take the height left over; tables keep the height of their rows,
            # at the top of a row made taller by the panel beside them.
            if name in _CHARTS:
                self.grid.addWidget(self.panels[name], row, column, 1, span)
                self.grid.setRowStretch(row, 1)
            else:
                top = Qt.AlignmentFlag.AlignTop
                self.grid.addWidget(self.panels[name], row, column, 1, span, top)
        for column in range(3):
            self.grid.setColumnStretch(column, 1 if column < _COLUMNS[arrangement] else 0)
        self.arranged.emit(arrangement)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.arrange(arrangement_for(self.viewport().width()))
        super().resizeEvent(event)
