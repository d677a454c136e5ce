"""Columns show their text whole: the invoice list's customers, the history's What,
the call list's template names."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.settings.call_settings import CallSettingsDialog
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import SMALL_BOOK, TODAY, settle, show_tab

LONG_NAME = "Northern Lights Community Daycare Co-operative"
LONG_PAYMENT = "Cheque 4271 from the Northern Lights treasurer"


@pytest.fixture
def long_names(book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    """The small book, ACME renamed long and paid with a long reference."""
    customers = tuple(
        dataclasses.replace(c, name=LONG_NAME) if c.code == "ACME" else c
        for c in SMALL_BOOK.customers
    )
    payment = r.Payment("INV-1001", dt.date(2026, 11, 2), Decimal("10.00"), reference=LONG_PAYMENT)
    add_contents(
        dataclasses.replace(
            SMALL_BOOK, customers=customers, payments=(*SMALL_BOOK.payments, payment)
        )
    )
    return book


def open_window(qtbot: QtBot, width: int) -> MainWindow:
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    win.resize(width, 760)
    win.show()
    qtbot.waitExposed(win)
    return win


def shown_whole(view: QTableView, row: int, column: int) -> bool:
    """Whether the cell's text fits its cell (on one line, or wrapped in the row's height)."""
    text = str(view.model().index(row, column).data() or "")
    room = view.columnWidth(column) - 12  # the item's padding, 6 pixels a side
    metrics = view.fontMetrics()
    if not view.wordWrap():
        return metrics.horizontalAdvance(text) <= room
    flags = int(Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(QRect(0, 0, room, 10_000), flags, text).height() <= view.rowHeight(
        row
    )


def test_the_invoice_list_gives_every_column_its_text_when_the_room_is_there(
    qtbot: QtBot, long_names: peewee.SqliteDatabase
) -> None:
    win = open_window(qtbot, 1000)
    tab = win.invoices
    show_tab(qtbot, win, tab)
    view = tab.view
    qtbot.waitUntil(lambda: tab.proxy.rowCount() == 5)
    header = view.horizontalHeader()
    shown = [c for c in range(tab.model.columnCount()) if not header.isSectionHidden(c)]
    needed = sum(view.sizeHintForColumn(c) for c in shown) + 8 * len(shown)
    # Just wide enough for every column's contents: the window is resized to it.
    win.resize(win.width() + needed - view.viewport().width(), win.height())
    qtbot.waitUntil(lambda: view.viewport().width() >= needed)
    customer = 1
    assert tab.model.headerData(customer, Qt.Orientation.Horizontal) == "Customer"
    qtbot.waitUntil(lambda: view.columnWidth(customer) >= view.sizeHintForColumn(customer))
    # Fitted again to the new width (on the next turn of the event loop).
    qtbot.waitUntil(lambda: all(view.columnWidth(c) >= view.sizeHintForColumn(c) for c in shown))
    for column in shown:
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), column
    for row in range(tab.proxy.rowCount()):
        assert shown_whole(view, row, customer)


def test_the_columns_are_fitted_again_when_the_list_gets_wider(
    qtbot: QtBot, long_names: peewee.SqliteDatabase
) -> None:
    win = open_window(qtbot, 700)
    tab = win.customers
    view = tab.view
    qtbot.waitUntil(lambda: tab.proxy.rowCount() > 0)
    qtbot.waitUntil(lambda: tab._sized)
    win.resize(1500, win.height())
    name = 1
    qtbot.waitUntil(lambda: view.columnWidth(name) >= view.sizeHintForColumn(name))
    for column in range(tab.model.columnCount()):
        if not view.horizontalHeader().isSectionHidden(column):
            assert view.columnWidth(column) >= view.sizeHintForColumn(column), column


def test_a_column_the_owner_dragged_is_left_as_dragged(
    qtbot: QtBot, long_names: peewee.SqliteDatabase
) -> None:
    win = open_window(qtbot, 1280)
    tab = win.customers
    qtbot.waitUntil(lambda: tab._sized)
    header = tab.view.horizontalHeader()
    tab._dragging = True  # as while the owner holds a column's edge
    header.resizeSection(0, 200)
    tab._dragging = False
    win.resize(1500, win.height())
    qtbot.wait(50)
    assert header.sectionSize(0) == 200


def test_the_history_shows_what_happened_whole_on_a_narrow_page(
    qtbot: QtBot, long_names: peewee.SqliteDatabase
) -> None:
    win = open_window(qtbot, 1280)
    acme = m.Customer.get(m.Customer.code == "ACME").id
    assert win.customers.select_customer(acme)
    history = win.customers.pane.history
    qtbot.waitUntil(lambda: history.model().rowCount() >= 2)
    qtbot.waitUntil(history.isVisible)
    texts = [str(history.model().index(row, 1).data()) for row in range(history.model().rowCount())]
    assert any(LONG_PAYMENT in text for text in texts)
    for row in range(history.model().rowCount()):
        for column in (1, 3):
            assert shown_whole(history, row, column), (row, column)


def test_the_template_names_are_whole(qtbot: QtBot, long_names: peewee.SqliteDatabase) -> None:
    dialog = CallSettingsDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    names = dialog.findChild(type(dialog.talking_points.names), "templateNames")
    assert names is not None
    assert names.viewport().width() >= names.sizeHintForColumn(0)
    assert not names.horizontalScrollBar().isVisible()
