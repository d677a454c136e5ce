"""The Reports tab on the demo book: the charts and tables show the store's figures, exactly."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import peewee
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QPointF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from diva_desk.core.reports.aging import AgingBucket
from diva_desk.demo import demo_contents
from diva_desk.i18n import format as fmt
from diva_desk.i18n import set_language
from diva_desk.store import reports
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.lists import total_owed
from diva_desk.ui.common import errors
from diva_desk.ui.common.tables.table_models import ROW_ROLE
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.reports.aging_table import DebtorTableModel
from diva_desk.ui.reports.report_layout import Arrangement
from diva_desk.ui.reports.report_models import aging_days
from diva_desk.ui.reports.reports_tab import ReportsTab
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY

BUCKETS = list(AgingBucket)


def cad_text(amount: str) -> str:
    """An amount as the window shows it in the book's locale (en_CA), from Babel."""
    return fmt.money(Decimal(amount), "CAD")


@pytest.fixture
def demo_book(book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    add_contents(demo_contents(TODAY))
    return book


def open_tab(qtbot: QtBot) -> ReportsTab:
    tab = ReportsTab(TaskRunner(), today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.waitUntil(tab.is_settled)  # the figures are read on the worker
    return tab


@pytest.fixture
def tab(qtbot: QtBot, demo_book: peewee.SqliteDatabase) -> Iterator[ReportsTab]:
    tab = open_tab(qtbot)
    yield tab
    tab._tasks.wait()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _parent, text, **_kw: messages.append(text))
    return messages


def set_as_of(tab: ReportsTab, day: dt.date, qtbot: QtBot) -> None:
    tab.as_of_edit.setDate(QDate(day.year, day.month, day.day))
    qtbot.waitUntil(tab.is_settled)


def test_aging_bars_are_the_store_aging_at_each_month_end_and_on_the_day(tab: ReportsTab) -> None:
    data = tab.aging_chart.data
    days = aging_days(TODAY)
    assert days[-1] == TODAY
    assert days[:-1] == (
        dt.date(2026, 6, 30),
        dt.date(2026, 7, 31),
        dt.date(2026, 8, 31),
        dt.date(2026, 9, 30),
        dt.date(2026, 10, 31),
    )
    assert data.titles[-1] == "Nov 23, 2026"
    for category, day in enumerate(days):
        (cad,) = [row for row in reports.aging_report(day).totals if row.currency == "CAD"]
        for series, bucket in enumerate(BUCKETS):
            assert data.value(series, category) == cad.bucket(bucket)
    assert [s.name for s in data.series] == [
        "Current",
        "1–30 days",
        "31–60 days",
        "61–90 days",
        "Over 90 days",
    ]
    # The demo book owes something in every bucket today.
    assert all(data.value(s, len(days) - 1) > 0 for s in range(len(BUCKETS)))


def test_invoiced_and_collected_are_the_store_months(tab: ReportsTab) -> None:
    data = tab.flows_chart.data
    months = [m for m in reports.money_by_month(TODAY) if m.currency == "CAD"]
    assert len(months) == 12
    invoiced, collected = data.series
    assert invoiced.values == tuple(m.invoiced for m in months)
    assert collected.values == tuple(m.collected for m in months)
    assert data.titles[0] == "December 2025" and data.titles[-1] == "November 2026"
    # Month names on the axis; the year where it starts and where January begins one.
    assert data.categories[:3] == ("Dec\n2025", "Jan\n2026", "Feb")


def test_dso_line_is_the_store_trend_and_todays_dso_is_said(tab: ReportsTab) -> None:
    points = [d for d in reports.dso_trend(TODAY) if d.currency == "CAD"]
    assert len(points) == 12
    (line,) = tab.dso_chart.data.series
    assert line.values == tuple(d.days for d in points)
    assert tab.dso_chart.data.titles[-1] == "Oct 31, 2026"
    (short,) = [d for d in reports.days_sales_outstanding(TODAY, 3) if d.currency == "CAD"]
    (long,) = [d for d in reports.days_sales_outstanding(TODAY, 12) if d.currency == "CAD"]
    assert tab.dso_label.text() == (
        f"On Nov 23, 2026: {short.days} days over 3 months · {long.days} days over 12 months"
    )


def test_aging_table_totals_equal_what_is_owed_and_stay_last(tab: ReportsTab) -> None:
    owed = total_owed(TODAY)
    assert tab.aging_model.totals() == owed
    report = reports.aging_report(TODAY)
    assert tab.aging_proxy.rowCount() == len(report.customers) + len(owed)
    total_column = tab.aging_model.column_titles().index("Total")
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        tab.aging_view.sortByColumn(total_column, order)
        last = tab.aging_proxy.rowCount() - 1
        names = [tab.aging_proxy.index(row, 0).data() for row in (last - 1, last)]
        assert names == ["Total CAD", "Total USD"]
    cad_total = tab.aging_proxy.index(tab.aging_proxy.rowCount() - 2, total_column)
    assert cad_total.data() == fmt.money(owed["CAD"], "CAD") == cad_text("28147.28")
    font = cad_total.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()


def test_the_ten_who_owe_most_with_their_oldest_invoice(tab: ReportsTab) -> None:
    debtors = reports.top_debtors(TODAY, 10)
    assert tab.debtor_proxy.rowCount() == 10
    first = tab.debtor_proxy.index(0, 0).data(ROW_ROLE)
    assert first == debtors[0]
    texts = [tab.debtor_proxy.index(0, c).data() for c in range(4)]
    assert texts == ["Bloor West Dance Academy", cad_text("4988.94"), "INV-1187", "not yet due"]
    riverside = next(r for r in range(10) if tab.debtor_proxy.index(r, 2).data() == "INV-1132")
    assert tab.debtor_proxy.index(riverside, 3).data() == "138 days"


def test_a_new_as_of_date_reads_every_figure_again(tab: ReportsTab, qtbot: QtBot) -> None:
    before = tab.aging_chart.data
    june = dt.date(2026, 6, 30)
    set_as_of(tab, june, qtbot)
    after = tab.aging_chart.data
    assert after != before
    assert after.titles[-1] == "Jun 30, 2026"
    (cad,) = [row for row in reports.aging_report(june).totals if row.currency == "CAD"]
    assert [after.value(s, len(after.titles) - 1) for s in range(5)] == [
        cad.bucket(b) for b in BUCKETS
    ]
    assert tab.flows_chart.data.titles[-1] == "June 2026"
    assert tab.aging_model.totals() == reports.aging_report(june).total_owed()
    assert tab.aging_model.totals() != total_owed(TODAY)


def test_tooltips_give_the_exact_figure_under_the_pointer(tab: ReportsTab) -> None:
    aging = tab.aging_chart
    last = len(aging.data.categories) - 1
    over_90 = aging.bar_rect(last, BUCKETS.index(AgingBucket.OVER_90))
    (cad,) = [row for row in reports.aging_report(TODAY).totals if row.currency == "CAD"]
    text = aging.tooltip_at(over_90.center())
    assert text == (
        f"Nov 23, 2026\nOver 90 days: {fmt.money(cad.bucket(AgingBucket.OVER_90), 'CAD')}\n"
        f"Owed in all: {cad_text('28147.28')}"
    )

    flows = tab.flows_chart
    month = next(
        m
        for m in reports.money_by_month(TODAY)
        if m.month == dt.date(2026, 10, 1) and m.currency == "CAD"
    )
    invoiced, collected = fmt.money(month.invoiced, "CAD"), fmt.money(month.collected, "CAD")
    assert invoiced == cad_text("16766.40")
    october = flows.bar_rect(10, 0)
    assert flows.tooltip_at(october.center()) == f"October 2026\nInvoiced: {invoiced}"
    # Between the bars of a month, both figures of the month.
    gap = QPointF(flows.slot(10).left() + 1, flows.plot_rect().center().y())
    assert flows.tooltip_at(gap) == f"October 2026\nInvoiced: {invoiced}\nCollected: {collected}"

    dso = tab.dso_chart
    october_end = [d for d in reports.dso_trend(TODAY) if d.currency == "CAD"][-1]
    assert october_end.as_of == dt.date(2026, 10, 31)
    assert dso.tooltip_at(dso.point(11, 0)) == (
        f"Oct 31, 2026\n12-month count-back: {october_end.days} days"
    )
    assert dso.tooltip_at(QPointF(2, 2)) is None  # off the plot: no tooltip


def test_axis_ticks_are_round_compact_money(tab: ReportsTab) -> None:
    chart = tab.aging_chart
    assert chart.axis_top() == Decimal(30000)
    ticks = [chart.data.tick_text(Decimal(v)) for v in (0, 10000, 2500)]
    assert ticks == [fmt.compact_money(Decimal(v), "CAD") for v in (0, 10000, 2500)]
    assert ticks[1] != ticks[2]  # rounded to tenths of a thousand, not to thousands
    # The tallest bar (today's) fits under the axis top.
    top = chart.bar_rect(5, 4).top()
    assert chart.plot_rect().top() <= top < chart.plot_rect().top() + 60


def test_another_currency_shows_its_own_figures(tab: ReportsTab) -> None:
    assert [tab.currency.itemText(i) for i in range(tab.currency.count())] == ["CAD", "USD"]
    assert tab.currency.currentText() == "CAD"
    assert tab.currency.isVisible()
    tab.currency.setCurrentText("USD")
    data = tab.aging_chart.data
    assert data.value(0, len(data.titles) - 1) == Decimal("1560.00")
    point = tab.aging_chart.bar_rect(len(data.titles) - 1, 0).center()
    assert f"Current: {fmt.money(Decimal('1560.00'), 'USD')}" in (
        tab.aging_chart.tooltip_at(point) or ""
    )
    assert tab.flows_chart.data.series[0].texts[-1] == fmt.money(Decimal("1560.00"), "USD")


def test_labels_follow_the_books_language(qtbot: QtBot, demo_book: peewee.SqliteDatabase) -> None:
    set_language("fr_CA")
    tab = open_tab(qtbot)
    tick = tab.aging_chart.data.tick_text(Decimal(12500))
    assert tick == fmt.compact_money(Decimal(12500), "CAD", locale="fr_CA")
    assert tick.startswith("12,5")  # a French decimal comma
    assert tab.flows_chart.data.categories[-1] == "nov."
    assert tab.flows_chart.data.titles[-1] == "novembre 2026"


def test_csv_export_writes_the_aging_and_reads_back(
    tab: ReportsTab, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "aging.csv"
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    with qtbot.waitSignal(tab._tasks.task_finished, timeout=10000):
        tab.export_csv(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    report = reports.aging_report(TODAY)
    assert len(rows) == 1 + len(report.customers) + len(report.totals)
    assert rows[-2][1:3] == ["Total CAD", "CAD"]
    assert Decimal(rows[-2][-2]) == total_owed(TODAY)["CAD"]
    assert messages[-1] == f"Saved the aging report to {path}."
    assert not list(tmp_path.glob("*.partial"))


def test_pdf_export_writes_a_whole_pdf(tab: ReportsTab, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "aging.pdf"
    with qtbot.waitSignal(tab._tasks.task_finished, timeout=20000):
        tab.export_pdf(path)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "AGING REPORT" in text and "Nov 23, 2026" in text
    assert "RIVERSIDE" in text and cad_text("28147.28") in text
    assert not list(tmp_path.glob("*.partial"))


def test_an_export_that_cannot_be_written_says_why(
    tab: ReportsTab, qtbot: QtBot, tmp_path: Path, shown: list[str]
) -> None:
    path = tmp_path / "no such folder" / "aging.csv"
    with qtbot.waitSignal(tab._tasks.task_finished, timeout=10000):
        tab.export_csv(path)
    assert len(shown) == 1
    assert shown[0].startswith(f"Could not write {path}")
    assert not path.exists()


def test_an_empty_book_says_no_invoices_yet(qtbot: QtBot, book: peewee.SqliteDatabase) -> None:
    tab = open_tab(qtbot)
    assert tab.stack.currentWidget() is tab.empty_page
    assert tab.findChild(QLabel, "reportsEmptyTitle").text() == "No invoices yet"
    assert not tab.csv_button.isEnabled() and not tab.pdf_button.isEnabled()
    assert tab.aging_model.rowCount() == 0


def test_a_day_before_the_first_invoice_draws_no_bars(tab: ReportsTab, qtbot: QtBot) -> None:
    set_as_of(tab, dt.date(2020, 1, 1), qtbot)
    assert tab.stack.currentWidget() is not tab.empty_page  # the book has invoices
    assert tab.aging_chart.data.is_empty
    assert tab.aging_chart.data.empty_text == "Nothing is owed to you in CAD on Jan 1, 2020."
    assert tab.aging_chart.hit_test(QPointF(100, 100)) is None


@pytest.fixture
def window(qtbot: QtBot, demo_book: peewee.SqliteDatabase) -> Iterator[MainWindow]:
    win = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.tasks.wait()


def test_ctrl_4_opens_reports_and_enter_on_a_customer_opens_them(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.reports
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Reports"
    qtbot.waitUntil(window.reports.is_settled)
    assert window.reports.aging_model.totals() == total_owed(TODAY)

    view, proxy = window.reports.aging_view, window.reports.aging_proxy
    row = next(
        r
        for r in range(proxy.rowCount())
        if proxy.index(r, 0).data() == "Riverside Brewing Company"
    )
    view.setFocus()
    view.setCurrentIndex(proxy.index(row, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.customers
    chosen = window.customers.selected()
    assert chosen is not None and chosen.code == "RIVERSIDE"


def test_double_click_on_a_top_debtor_opens_them_even_when_searched_away(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClicks(window.customers.search, "nobody by this name")
    window.tabs.setCurrentWidget(window.reports)
    view = window.reports.debtor_view
    qtbot.waitExposed(view)
    qtbot.waitUntil(window.reports.is_settled)
    index = window.reports.debtor_proxy.index(0, 0)
    where = view.visualRect(index).center()
    # A double click is a click, then a second press that Qt reports as a double click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.tabs.currentWidget() is window.customers
    chosen = window.customers.selected()
    assert chosen is not None and chosen.code == "BLOORDANCE"


def test_beside_the_today_panel_the_panels_go_two_by_two(tab: ReportsTab, qtbot: QtBot) -> None:
    number = DebtorTableModel.NUMBER_COLUMN
    assert tab.page.arrangement is Arrangement.WIDE
    assert not tab.debtor_view.isColumnHidden(number)
    tab.resize(700, 800)
    qtbot.waitUntil(lambda: tab.page.arrangement is Arrangement.MEDIUM)
    # Two charts a row; the oldest invoice's number gives its room to the names.
    assert tab.flows_chart.mapTo(tab, tab.flows_chart.rect().topLeft()).y() == (
        tab.aging_chart.mapTo(tab, tab.aging_chart.rect().topLeft()).y()
    )
    assert tab.dso_chart.mapTo(tab, tab.dso_chart.rect().topLeft()).y() > (
        tab.aging_chart.mapTo(tab, tab.aging_chart.rect().bottomLeft()).y()
    )
    assert tab.debtor_view.isColumnHidden(number)
    assert "INV-1187" in tab.debtor_proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
