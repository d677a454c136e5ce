"""The Customers tab reads at the window's usual sizes, beside the Today panel.

On a laptop-sized window the tab gets about 700 pixels: side by side, the list and
the customer's page would each get half and neither would read (a name cut to four
letters, balances cut off). So the page goes under the list when the tab is narrow,
beside it when wide, and each arrangement keeps where the owner put the handle.
"""

from __future__ import annotations

import peewee
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diva_desk.demo import demo_contents
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.common.layouts.screen_fit import FRAME_ALLOWANCE
from diva_desk.ui.common.tables.table_models import ROW_ROLE
from diva_desk.ui.common.window_state import app_settings
from diva_desk.ui.customers.customers_tab import CustomersTab
from diva_desk.ui.shell.main_window import DEFAULT_SIZE, TODAY_WIDTH, MainWindow, first_size

from ..conftest import TODAY


@pytest.fixture
def window(qtbot: QtBot, book: peewee.SqliteDatabase) -> MainWindow:
    add_contents(demo_contents(TODAY))
    win = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def sized(qtbot: QtBot, window: MainWindow, width: int, height: int) -> CustomersTab:
    window.resize(width, height)
    window.splitter.setSizes([TODAY_WIDTH, width - TODAY_WIDTH])
    qtbot.waitUntil(lambda: window.customers.width() < width - TODAY_WIDTH + 10)
    QApplication.processEvents()
    return window.customers


def select(tab: CustomersTab, code: str) -> None:
    for row in range(tab.proxy.rowCount()):
        found = tab.proxy.index(row, 0).data(ROW_ROLE)
        if found.code == code:
            assert tab.select_customer(found.id)
            QApplication.processEvents()
            return
    raise AssertionError(code)


def shown_columns(tab: CustomersTab) -> dict[str, int]:
    header = tab.view.horizontalHeader()
    titles = tab.model.column_titles()
    return {
        titles[c]: header.sectionSize(c)
        for c in range(header.count())
        if not header.isSectionHidden(c)
    }


def widest_text(tab: CustomersTab, column: int) -> int:
    metrics = tab.view.fontMetrics()
    texts = [tab.proxy.index(row, column).data() for row in range(tab.proxy.rowCount())]
    return max(metrics.horizontalAdvance(text) for text in texts)


def test_a_laptop_sized_window_puts_the_page_under_a_readable_list(
    window: MainWindow, qtbot: QtBot
) -> None:
    tab = sized(qtbot, window, 1200, 760)
    assert tab.detail_splitter.orientation() is Qt.Orientation.Vertical
    tab.fit_columns()
    columns = shown_columns(tab)
    assert list(columns) == ["Code", "Name", "Rating", "Balance", "Cut-off"]
    # Every column in view: no sideways scrolling to find the cut-off.
    assert sum(columns.values()) <= tab.view.viewport().width()
    # The name is the column that stretches, and it has room to be read.
    assert columns["Name"] >= 250
    assert columns["Name"] > columns["Code"]
    # Balances and ratings are never cut: "US$1,560.00" fits whole.
    titles = tab.model.column_titles()
    for title in ("Balance", "Rating", "Cut-off"):
        assert columns[title] >= widest_text(tab, titles.index(title)), title


def test_a_wide_window_puts_them_side_by_side_and_each_split_is_kept(
    window: MainWindow, qtbot: QtBot
) -> None:
    tab = sized(qtbot, window, 1920, 1080)
    splitter = tab.detail_splitter
    assert splitter.orientation() is Qt.Orientation.Horizontal
    list_width, page_width = splitter.sizes()
    assert list_width > page_width >= 420

    sized(qtbot, window, 1200, 760)
    assert splitter.orientation() is Qt.Orientation.Vertical
    splitter.setSizes([300, 300])
    stacked = splitter.sizes()
    sized(qtbot, window, 1920, 1080)
    assert splitter.orientation() is Qt.Orientation.Horizontal
    assert abs(splitter.sizes()[0] - list_width) <= 2  # the side-by-side split as it was
    sized(qtbot, window, 1200, 760)
    assert splitter.sizes() == stacked

    # And both are there again after a restart.
    window.close()
    again = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    tab = sized(qtbot, again, 1200, 760)
    assert tab.detail_splitter.sizes() == stacked
    settings: QSettings = app_settings()
    assert settings.value("lists/customers/split/stacked") is not None


def test_the_history_keeps_its_what_column_readable(window: MainWindow, qtbot: QtBot) -> None:
    tab = sized(qtbot, window, 1200, 760)
    select(tab, "HOLLIS")  # an overdue invoice: a long status ("Overdue, $1,938.52 left")
    history = tab.pane.history
    header = history.horizontalHeader()
    char = history.fontMetrics().averageCharWidth()
    assert tab.pane.timeline.rowCount() > 5
    what = header.sectionSize(1)
    assert what >= char * 18, what
    # Date and amount are never cut; all four columns fit the table's width.
    for column in (0, 2):
        assert header.sectionSize(column) >= history.sizeHintForColumn(column)
    assert sum(header.sectionSize(c) for c in range(4)) <= history.viewport().width() + 1
    # Beside the billing cycle when the page is wide and short, so rows are in view.
    assert history.height() >= history.verticalHeader().defaultSectionSize() * 4


def test_a_first_window_fits_the_screen_and_the_today_panel_leaves_room(
    qtbot: QtBot, book: peewee.SqliteDatabase
) -> None:
    # The offscreen screen is 800 x 800: smaller than the usual first size.
    room = QApplication.primaryScreen().availableGeometry()
    width, height = first_size()
    assert width <= room.width() - FRAME_ALLOWANCE[0]
    assert height <= room.height() - FRAME_ALLOWANCE[1]
    assert first_size() != DEFAULT_SIZE
    win = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert (win.width(), win.height()) == first_size()
    # On so small a screen the tabs' own minimum takes some of the panel's first width.
    today, tabs = win.splitter.sizes()
    assert today <= TODAY_WIDTH and tabs >= win.width() - TODAY_WIDTH
