"""Reading the book again after a change: only what is in view, the Today panel on a worker.

The small book (ui/conftest): Acme owes 1,000.00 overdue on INV-1001, Beta 900.00
not yet due, Gamma 250.00; three calls today. A payment is recorded through the
store, as the benchmark does, then the window is refreshed.
"""

from __future__ import annotations

import threading
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.invoices.payments import record_payment
from diva_desk.ui.shell.main_window import MainWindow
from diva_desk.ui.today import today_reading

from ..conftest import TODAY, settle


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> MainWindow:
    win = MainWindow(today=lambda: TODAY, settings=QSettings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    return win


def resets(window: MainWindow) -> dict[str, int]:
    counts = {"customers": 0, "invoices": 0, "followups": 0}
    for name in counts:
        model = getattr(window, name).model
        model.modelReset.connect(lambda name=name: counts.__setitem__(name, counts[name] + 1))
    return counts


def pay_acme(amount: str) -> None:
    invoice = m.Invoice.get(m.Invoice.number == "INV-1001")
    record_payment(invoice.id, TODAY, Decimal(amount), r.PaymentMethod.E_TRANSFER, today=TODAY)


def test_a_payment_reads_the_list_in_view_and_the_day_not_every_table(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.tabs.setCurrentWidget(window.customers)
    counted = resets(window)
    pay_acme("400.00")
    with qtbot.waitSignal(window.today_filled, timeout=20000):
        window.refresh()
    # The list in view is read again; the invoice and follow-up lists wait until shown.
    assert counted == {"customers": 1, "invoices": 0, "followups": 0}
    assert window.owed_label.text() == "Owed to you: $1,750.00"
    assert window.today_panel.owed.text() == "$1,750.00"
    # Shown later, the invoice list is read then, once.
    window.tabs.setCurrentWidget(window.invoices)
    window.tabs.setCurrentWidget(window.customers)
    window.tabs.setCurrentWidget(window.invoices)
    assert counted == {"customers": 1, "invoices": 1, "followups": 0}


def test_the_day_is_read_off_the_gui_thread_and_the_window_says_it_is_reading(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    read_today = today_reading.read_today

    def watched(*args: object, **kwargs: object) -> today_reading.TodayReading:
        threads.append(threading.current_thread())
        return read_today(*args, **kwargs)  # type: ignore[arg-type]

    # Only watched, not replaced: the real read runs.
    monkeypatch.setattr("diva_desk.ui.shell.refresher.read_today", watched)
    window.refresh()
    assert window.reading_label.isVisibleTo(window)
    settle(qtbot, window)
    assert not window.reading_label.isVisibleTo(window)
    assert threads and threads[0] is not threading.main_thread()


def test_a_newer_refresh_wins_and_the_stale_reading_is_dropped(
    window: MainWindow, qtbot: QtBot
) -> None:
    shown: list[str] = []
    window.today_filled.connect(lambda: shown.append(window.owed_label.text()))
    window.refresh()  # its reading comes back stale: the book changes before it is shown
    pay_acme("1000.00")
    window.refresh()
    settle(qtbot, window)
    assert shown == ["Owed to you: $1,150.00"]


def test_building_the_window_reads_no_interactions(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Follow-ups tab reads its interactions when it is first read, not when built:
    the window is shown before anything that grows with the book is read."""
    asked: list[object] = []
    monkeypatch.setattr(
        "diva_desk.ui.followups.followups_tab.recent_interactions",
        lambda *args: asked.append(args) or [],
    )
    win = MainWindow(today=lambda: TODAY, settings=QSettings())
    qtbot.addWidget(win)
    assert asked == []
    win.tabs.setCurrentWidget(win.followups)
    assert len(asked) == 1
