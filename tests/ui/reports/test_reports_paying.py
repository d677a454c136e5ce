"""The Reports tab's second row (days to pay, promises, deposits), its keys, and its reading.

The figures are read back from the chart models and compared with store.trends;
the charts are read from the keyboard; the As-of date is read off the GUI thread,
once it has rested.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from diva_desk.i18n import format as fmt
from diva_desk.store import reports
from diva_desk.ui.reports import reports_tab
from diva_desk.ui.reports.chart_data import Hit
from diva_desk.ui.reports.report_layout import Arrangement
from diva_desk.ui.reports.reports_tab import ReportsTab

from ..conftest import TODAY
from .test_reports_tab import demo_book, open_tab, set_as_of

__all__ = ["demo_book"]


@pytest.fixture
def tab(qtbot: QtBot, demo_book: peewee.SqliteDatabase) -> Iterator[ReportsTab]:
    tab = open_tab(qtbot)
    yield tab
    tab._tasks.wait()


def test_average_days_to_pay_is_the_store_figure_with_gaps(tab: ReportsTab) -> None:
    months = [m for m in reports.days_to_pay_by_month(TODAY, 12) if m.currency == "CAD"]
    data = tab.days_chart.data
    (line,) = data.series
    assert line.name == "Average days to pay"
    assert line.values == tuple(m.average_days for m in months)
    assert data.titles == tuple(
        dt.date(2025 + (11 + n) // 12, (11 + n) % 12 + 1, 1).strftime("%B %Y") for n in range(12)
    )
    paid = next(n for n, m in enumerate(months) if m.invoices)
    month = months[paid]
    assert month.average_days is not None
    days = fmt.number(month.average_days)  # "40", "17.5"
    assert line.texts[paid] == f"{days} days"
    assert tab.days_chart.tooltip_text(Hit(paid)).splitlines()[1:] == [
        f"Average days to pay: {days} days",
        f"{month.invoices} invoice{'s' if month.invoices > 1 else ''} paid off, "
        f"${month.amount:,} in all",
    ]
    # A month in which nothing was paid off has no point, not a point at zero.
    for n, m in enumerate(months):
        if not m.invoices:
            assert line.values[n] is None and line.texts[n] == "no invoice paid off"


def test_promises_kept_and_broken_are_the_store_counts(tab: ReportsTab) -> None:
    months = reports.promises_by_month(TODAY, 12)
    kept, broken = tab.promises_chart.data.series
    assert (kept.name, broken.name) == ("Kept", "Broken")
    assert kept.values == tuple(Decimal(m.kept) for m in months)
    assert broken.values == tuple(Decimal(m.broken) for m in months)
    assert sum(kept.values) > 0 and sum(broken.values) > 0, "the demo book keeps and breaks some"
    pending = [n for n, m in enumerate(months) if m.pending]
    for n in pending:
        assert tab.promises_chart.data.notes[n] == f"{months[n].pending} still pending"
    # Counts step by whole promises on the axis.
    assert all(t == int(t) for t in tab.promises_chart._ticks())


def test_deposits_asked_and_received_are_the_store_figures(tab: ReportsTab) -> None:
    months = [m for m in reports.deposits_by_month(TODAY, 12) if m.currency == "CAD"]
    asked, received = tab.deposits_chart.data.series
    assert asked.values == tuple(m.asked for m in months)
    assert received.values == tuple(m.received for m in months)
    n = next(n for n, m in enumerate(months) if m.invoices)
    assert tab.deposits_chart.data.notes[n].startswith(
        f"{months[n].received_in_full} of {months[n].invoices} deposit"
    )


def test_the_new_charts_follow_the_currency_and_the_day(tab: ReportsTab, qtbot: QtBot) -> None:
    tab.currency.setCurrentText("USD")
    usd = [m for m in reports.days_to_pay_by_month(TODAY, 12) if m.currency == "USD"]
    if any(m.invoices for m in usd):
        assert tab.days_chart.data.series[0].values == tuple(m.average_days for m in usd)
    else:
        assert tab.days_chart.data.empty_text == "No invoice in USD was paid off in the last year."
    tab.currency.setCurrentText("CAD")
    june = dt.date(2026, 6, 30)
    set_as_of(tab, june, qtbot)
    months = reports.promises_by_month(june, 12)
    assert tab.promises_chart.data.series[0].values == tuple(Decimal(m.kept) for m in months)
    assert tab.promises_chart.data.titles[-1] == "June 2026"


def test_the_second_row_sits_under_the_first(tab: ReportsTab) -> None:
    assert tab.page.arrangement is Arrangement.WIDE

    def top(widget) -> int:
        return widget.mapTo(tab, widget.rect().topLeft()).y()

    assert top(tab.days_chart) == top(tab.promises_chart) == top(tab.deposits_chart)
    assert top(tab.days_chart) > top(tab.aging_chart) + tab.aging_chart.height()
    assert top(tab.aging_view) > top(tab.deposits_chart) + tab.deposits_chart.height()


def test_a_chart_is_read_with_the_arrow_keys(tab: ReportsTab, qtbot: QtBot) -> None:
    chart = tab.flows_chart
    assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(chart.hasFocus)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    assert chart.keyed == 0
    assert QToolTip.text() == chart.tooltip_text(Hit(0))
    assert QToolTip.text().startswith("December 2025\nInvoiced: $")
    qtbot.keyClick(chart, Qt.Key.Key_End)
    assert chart.keyed == 11
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.keyed == 10
    month = next(
        m
        for m in reports.money_by_month(TODAY)
        if m.month == dt.date(2026, 10, 1) and m.currency == "CAD"
    )
    assert QToolTip.text() == (
        f"October 2026\nInvoiced: ${month.invoiced:,}\nCollected: ${month.collected:,}"
    )
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # stays on the last month
    assert chart.keyed == 11
    # Leaving the chart puts the tooltip away.
    tab.dso_chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: chart.keyed is None)
    # The first Left on a chart starts from the newest figure.
    qtbot.keyClick(tab.dso_chart, Qt.Key.Key_Left)
    assert tab.dso_chart.keyed == 11
    assert QToolTip.text().startswith("Oct 31, 2026\n12-month count-back: ")


def test_typing_a_date_reads_the_figures_once_it_rests_and_off_the_gui_thread(
    tab: ReportsTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_on: list[tuple[dt.date, bool]] = []
    real = reports_tab.read_figures

    def counted(as_of: dt.date):
        read_on.append((as_of, threading.current_thread() is threading.main_thread()))
        return real(as_of)

    monkeypatch.setattr(reports_tab, "read_figures", counted)
    for day in (1, 2, 3, 4, 5):  # as the days go by while typing
        tab.as_of_edit.setDate(QDate(2026, 9, day))
        QApplication.processEvents()
    assert read_on == []  # not at each key
    assert not tab.is_settled()
    qtbot.waitUntil(tab.is_settled)
    assert read_on == [(dt.date(2026, 9, 5), False)]
    assert tab.aging_chart.data.titles[-1] == "Sep 5, 2026"


def test_the_as_of_date_stays_between_2000_and_ten_years_on(tab: ReportsTab, qtbot: QtBot) -> None:
    edit = tab.as_of_edit
    assert edit.minimumDate() == QDate(2000, 1, 1)
    assert edit.maximumDate() == QDate(2036, 11, 23)
    edit.setDate(QDate(9999, 12, 31))
    qtbot.waitUntil(tab.is_settled)
    assert tab.as_of() == dt.date(2036, 11, 23)
    assert tab.aging_chart.data.titles[-1] == "Nov 23, 2036"


def test_the_dso_figure_says_what_dso_is(tab: ReportsTab) -> None:
    assert tab.dso_label.toolTip() == (
        "Days sales outstanding: how many days of your recent sales are still unpaid, "
        "counted back month by month from the day. Lower is better."
    )
