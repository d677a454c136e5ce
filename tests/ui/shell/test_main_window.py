"""The main window on a small book with known figures: lists, search, sorting, totals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.i18n import format as fmt
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.common import style
from diva_desk.ui.common.tables.list_tab import ListTab, share_width
from diva_desk.ui.common.tables.table_models import ROW_ROLE
from diva_desk.ui.common.window_state import app_settings
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle, show_tab


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> MainWindow:
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def column_texts(tab: ListTab, column: int) -> list[str]:
    proxy = tab.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def column_of(tab: ListTab, title: str) -> int:
    return tab.model.column_titles().index(title)


def test_title_names_the_business_and_lists_show_the_book(window: MainWindow, qtbot: QtBot) -> None:
    assert window.windowTitle() == "Diva Desk — Bright Spark Electrical"
    assert window.customers.proxy.rowCount() == 4
    # A list out of view is read when it is shown.
    show_tab(qtbot, window, window.invoices)
    assert window.invoices.proxy.rowCount() == 5
    # Open follow-ups only: the one marked done is not listed.
    show_tab(qtbot, window, window.followups)
    assert window.followups.proxy.rowCount() == 3
    assert window.customers.count.text() == "4 in all"


def test_amounts_and_dates_are_formatted_and_numbers_right_aligned(window: MainWindow) -> None:
    tab = window.customers
    balance = column_of(tab, "Balance")
    acme = column_texts(tab, 1).index("Acme Ltd.")
    index = tab.proxy.index(acme, balance)
    assert index.data() == "$1,000.00"
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    oldest = tab.proxy.index(acme, column_of(tab, "Open since")).data()
    assert oldest == "Sep 1, 2026"
    overdue = tab.proxy.index(acme, column_of(tab, "Overdue"))
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) == style.colour(style.Tone.OVERDUE)


def test_invoice_status_in_words(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.invoices
    show_tab(qtbot, window, tab)
    statuses = dict(
        zip(column_texts(tab, 0), column_texts(tab, column_of(tab, "Status")), strict=True)
    )
    assert statuses == {
        "INV-1001": "Overdue",
        "INV-1002": "Sent",
        "INV-1003": "Overdue",
        "INV-1004": "Paid",
        "INV-1005": "Draft",
    }


def test_typing_in_search_filters_rows(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.customers
    qtbot.keyClicks(tab.search, "gamma")
    assert tab.proxy.rowCount() == 1
    assert column_texts(tab, 1) == ["Gamma Garage"]
    assert tab.count.text() == "1 of 4"

    tab.search.clear()
    qtbot.keyClicks(tab.search, "delice")  # accents need not be typed
    assert column_texts(tab, 1) == ["Café Délice"]

    tab.search.clear()
    qtbot.keyClicks(tab.search, "lou beta")  # every word, in any column
    assert column_texts(tab, 1) == ["Beta Bakery"]

    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    assert tab.search.text() == ""
    assert tab.proxy.rowCount() == 4


def test_invoice_search_finds_status_words(window: MainWindow, qtbot: QtBot) -> None:
    show_tab(qtbot, window, window.invoices)
    qtbot.keyClicks(window.invoices.search, "overdue")
    assert sorted(column_texts(window.invoices, 0)) == ["INV-1001", "INV-1003"]


def test_sorting_by_balance_sorts_by_value_not_text(window: MainWindow) -> None:
    tab = window.customers
    balance = column_of(tab, "Balance")
    tab.view.sortByColumn(balance, Qt.SortOrder.DescendingOrder)
    # As text, "$900.00" would come before "$1,000.00".
    assert column_texts(tab, balance) == ["$1,000.00", "$900.00", "$250.00", "$0.00"]
    tab.view.sortByColumn(balance, Qt.SortOrder.AscendingOrder)
    assert column_texts(tab, balance)[-2:] == ["$900.00", "$1,000.00"]


def test_sorting_by_due_date_sorts_by_date_not_text(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.invoices
    show_tab(qtbot, window, tab)
    tab.view.sortByColumn(column_of(tab, "Due"), Qt.SortOrder.AscendingOrder)
    assert column_texts(tab, 0) == ["INV-1001", "INV-1003", "INV-1004", "INV-1002", "INV-1005"]


def test_status_bar_total_is_the_sum_of_balances(window: MainWindow) -> None:
    model = window.customers.model
    balances = [model.index(i, 0).data(ROW_ROLE).balance for i in range(model.rowCount())]
    assert sum(balances) == Decimal("2150.00")
    assert window.owed_label.text() == "Owed to you: $2,150.00"


def test_status_bar_shows_one_figure_per_currency(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    line = r.InvoiceLine(description="Work", unit_price=Decimal("500.00"))
    add_contents(
        r.BookContents(
            customers=(r.Customer(code="USCO", name="US Co", currency="USD"),),
            invoices=(
                r.Invoice(
                    number="US-1",
                    customer="USCO",
                    issue_date=TODAY,
                    due_date=TODAY + dt.timedelta(days=30),
                    lines=(line,),
                    currency="USD",
                ),
            ),
        )
    )
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    assert win.owed_label.text() == "Owed to you: $2,150.00 · US$500.00"


def test_today_panel_shows_the_day_the_money_and_the_calls(window: MainWindow) -> None:
    panel = window.today_panel
    assert panel.date.text() == "Monday, November 23, 2026"
    assert panel.owed.text() == "$2,150.00"
    assert panel.overdue.text() == "$1,250.00"
    assert panel.overdue_count.text() == "on 2 overdue invoices"
    # Acme and Gamma are overdue with a follow-up due; Beta's invoice wants a check-in.
    assert [call.customer for call in panel.calls] == ["ACME", "GAMMA", "BETA"]
    assert panel.summary.text() == "3 calls · $2,150.00 at stake"


def test_empty_book_says_nothing_is_owed(qtbot: QtBot, book: peewee.SqliteDatabase) -> None:
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    assert win.owed_label.text() == "Nothing is owed to you."
    assert win.today_panel.overdue_count.text() == "No invoice is overdue."
    assert win.today_panel.calls == []
    assert win.today_panel.summary.text() == "No calls today"


def test_find_shortcut_focuses_the_search_of_the_current_tab(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert QKeySequence(QKeySequence.StandardKey.Find) in window.find_action.shortcuts()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.invoices
    settle(qtbot, window)  # a list is read when it comes into view
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.invoices.search.hasFocus)
    qtbot.keyClick(window.invoices.search, Qt.Key.Key_Down)
    assert window.invoices.view.hasFocus()
    assert window.invoices.view.currentIndex().row() == 0


def test_refresh_reads_the_book_again(window: MainWindow, qtbot: QtBot) -> None:
    add_contents(r.BookContents(customers=(r.Customer(code="NEW", name="Newcomer Inc."),)))
    assert window.customers.proxy.rowCount() == 4
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.customers.proxy.rowCount() == 5
    assert "Newcomer Inc." in column_texts(window.customers, 1)


def test_menus_offer_every_action(window: MainWindow) -> None:
    menus = {
        menu.title(): [a.text() for a in menu.actions() if not a.isSeparator()]
        for menu in (a.menu() for a in window.menuBar().actions())
    }
    assert menus["&File"] == [
        "&New customer…",
        "&Import…",
        "&Export…",
        "&Back up now",
        "&Restore from backup…",
        "Import &contacts…",
        "Export customers to CS&V…",
        "Import bank &statement…",
        "&Quit",
    ]
    assert "&Refresh" in menus["&View"]
    assert menus["&Help"] == [
        "&Getting paid: the six habits",
        "Guided &start…",
        "&Keyboard shortcuts",
        "&Where your data lives…",
        "&About Diva Desk",
    ]
    assert window.quit_action.shortcuts() == [QKeySequence(QKeySequence.StandardKey.Quit)]


def test_geometry_tab_and_columns_are_remembered(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    first = MainWindow(today=lambda: TODAY)
    settle(qtbot, first)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # within the offscreen screen (800 x 600)
    first.tabs.setCurrentWidget(first.followups)
    first.splitter.setSizes([300, 400])
    first.customers.view.horizontalHeader().resizeSection(0, 140)
    first.close()
    assert app_settings().value("window/tab") in (2, "2")

    second = MainWindow(today=lambda: TODAY)
    settle(qtbot, second)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    assert second.tabs.currentWidget() is second.followups
    assert second.splitter.sizes()[0] == 300
    assert second.customers.view.horizontalHeader().sectionSize(0) == 140


def test_settings_live_in_the_temporary_folder(settings_folder: object) -> None:
    path = app_settings().fileName()
    assert path.startswith(str(settings_folder))
    assert QSettings.Format.IniFormat == app_settings().format()


def test_window_on_the_demo_book(qtbot: QtBot, book: peewee.SqliteDatabase) -> None:
    from diva_desk.demo import demo_contents
    from diva_desk.store.invoices.lists import total_owed

    contents = demo_contents(TODAY)
    add_contents(contents)
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    win.show()
    assert win.windowTitle() == f"Diva Desk — {contents.business.name}"
    # Archived customers are hidden until "Show archived" is ticked.
    assert win.customers.proxy.rowCount() == sum(not c.archived for c in contents.customers)
    show_tab(qtbot, win, win.invoices)
    assert win.invoices.proxy.rowCount() == len(contents.invoices)
    show_tab(qtbot, win, win.followups)
    assert win.followups.proxy.rowCount() == sum(1 for f in contents.followups if not f.done)
    owed = total_owed(TODAY)
    for currency, amount in owed.items():
        assert fmt.money(amount, currency) in win.owed_label.text()


def test_columns_share_the_width_without_cutting_narrow_ones() -> None:
    # Name (weight 2) and email (weight 1) share what the code column leaves.
    shares = share_width({0: 80, 1: 300, 2: 250}, {0: 1, 1: 2, 2: 1}, 380)
    assert shares[0] == 80
    assert shares[1] == 200 and shares[2] == 100
    assert share_width({0: 80, 1: 100}, {0: 1, 1: 1}, 500) == {0: 80, 1: 100}
