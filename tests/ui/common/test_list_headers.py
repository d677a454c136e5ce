"""The sort arrow of a list's header sits clear of the column's title, drawn whole.

The Customers list is drawn sorted by a column (Balance: a right-aligned title;
Code: a left-aligned one) and then by another; the pixels of that column's header
that change are the arrow's. It must keep its distance from the title, not be
squashed against the header's top edge, and the title must be drawn the same
either way (no letter cut to make room for the arrow, as Qt's style sheets do
when the arrow is put beside a right-aligned title).
"""

from __future__ import annotations

import peewee
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY

#: Space between the arrow and the title, in pixels.
CLEARANCE = 5

Box = tuple[int, int, int, int]  # left, top, right, bottom


def section_image(header: QHeaderView, column: int) -> QImage:
    x = header.sectionViewportPosition(column)
    return (
        header.viewport().grab(QRect(x, 0, header.sectionSize(column), header.height())).toImage()
    )


def ink(image: QImage, background: int) -> list[tuple[int, int]]:
    """Pixels that are not the section's background, away from its border lines."""
    return [
        (x, y)
        for x in range(2, image.width() - 2)
        for y in range(2, image.height() - 2)
        if image.pixel(x, y) != background
    ]


def box(points: list[tuple[int, int]]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def apart(a: Box, b: Box, space: int) -> bool:
    return a[2] + space < b[0] or b[2] + space < a[0] or a[3] + space < b[1] or b[3] + space < a[1]


@pytest.mark.parametrize("title", ["Balance", "Code"])
def test_the_sort_arrow_is_clear_of_the_title(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, title: str
) -> None:
    win = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    view = win.customers.view
    header = view.horizontalHeader()
    model = view.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = titles.index(title)
    other = titles.index("Name")
    view.sortByColumn(other, Qt.SortOrder.AscendingOrder)
    plain = section_image(header, column)
    view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    marked = section_image(header, column)

    background = plain.pixel(plain.width() // 2, 3)
    title_box = box(ink(plain, background))
    arrow = [
        (x, y)
        for x in range(plain.width())
        for y in range(plain.height())
        if plain.pixel(x, y) != marked.pixel(x, y)
    ]
    assert arrow, "no sort arrow was drawn"
    left, top, right, bottom = box(arrow)
    assert apart(box(arrow), title_box, CLEARANCE), (box(arrow), title_box)
    assert top >= 2, "the arrow is squashed against the top of the header"
    assert bottom - top + 1 >= 4 and right - left + 1 >= 7, "the arrow is too small to see"
    # The title itself is untouched by the arrow.
    assert box(ink(marked, background)) == (
        min(left, title_box[0]),
        top,
        max(right, title_box[2]),
        title_box[3],
    )
