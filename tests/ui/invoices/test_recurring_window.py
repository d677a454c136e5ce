"""Recurring invoices in the window: the run at start-up with its notice, Make recurring…
from an invoice, and the list of schedules (edit, stop, delete asked first)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from diva_desk import app as app_module
from diva_desk import paths
from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.invoices.recurring.made_notice import MadeNotice
from diva_desk.ui.invoices.recurring.schedule_dialog import ScheduleDialog
from diva_desk.ui.invoices.recurring.schedules_dialog import SchedulesDialog
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import SMALL_BOOK, TODAY, settle
from ..invoice_helpers import Dialogs, dialogs
from .test_invoices_tab import select

__all__ = ["dialogs"]

RETAINER = r.InvoiceLine("Monthly retainer", Decimal(1), Decimal("800.00"))


def _schedule(customer: str, start: dt.date, *, send: bool) -> r.RecurringInvoice:
    return r.RecurringInvoice(customer, r.Every.MONTH, start, (RETAINER,), send=send)


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> MainWindow:
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    win.show()
    win.tabs.setCurrentWidget(win.invoices)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def test_the_start_up_run_shows_the_window_first_then_says_what_it_made(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = dt.date.today()
    open_book(paths.book_path(tmp_path))
    add_contents(SMALL_BOOK)
    add_contents(
        r.BookContents(
            recurring_invoices=(
                _schedule("ACME", today - dt.timedelta(days=40), send=True),
                _schedule("BETA", today, send=False),
            )
        )
    )
    close_book()
    seen: dict[str, object] = {}
    before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}

    def fake_exec(self: QApplication) -> int:
        window = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and id(w) not in before
        )
        seen["shown before the run"] = window.isVisible()
        qtbot.waitUntil(lambda: window.property("recurringNotice") is not None, timeout=20000)
        notice = window.property("recurringNotice")
        assert isinstance(notice, MadeNotice)
        seen["modal"] = notice.isModal()
        seen["notice"] = notice.text.text()
        seen["status"] = window.statusBar().currentMessage()
        notice.look_button.click()  # shows the draft in the Invoices tab
        seen["tab"] = window.tabs.currentWidget() is window.invoices
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run_app(tmp_path) == 0

    assert seen["shown before the run"] is True and seen["modal"] is False
    assert seen["status"] == "Made 3 recurring invoices. 1 draft waits for a look."
    notice = str(seen["notice"])
    assert notice.index("Drafts to look at") < notice.index("Beta Bakery") < notice.index("Sent:")
    assert notice.count("Acme Ltd.") == 2 and "$800.00" in notice
    assert seen["tab"] is True
    open_book(paths.book_path(tmp_path))
    try:
        made = m.Invoice.select().where(m.Invoice.total_minor == 80000)
        assert sorted(i.state for i in made) == ["draft", "sent", "sent"]
    finally:
        close_book()


def test_make_recurring_from_an_invoice_saves_a_schedule_with_its_lines(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    tab = window.invoices
    select(tab, "INV-1002")

    def fill_in(dialog: ScheduleDialog) -> None:
        assert dialog.customer.currentText() == "Beta Bakery (BETA)"
        assert dialog.lines.lines()[0].description == "Work"
        assert dialog.next_date.date().toPython() == dt.date(2026, 12, 10)
        dialog.interval.setValue(2)
        dialog.send.setChecked(True)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # Sa&ve
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)  # animated click

    dialogs.expect(fill_in)
    qtbot.keyClick(
        tab.view,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    assert dialogs.opened and dialogs.opened[0].result() == QDialog.DialogCode.Accepted
    schedule = m.RecurringInvoice.get()
    assert (schedule.interval, schedule.send, schedule.next_date) == (
        2,
        True,
        dt.date(2026, 12, 10),
    )
    assert [line.unit_price for line in schedule.lines] == [Decimal("900.00")]
    assert "Saved the recurring invoice for Beta Bakery." in window.statusBar().currentMessage()


def test_the_list_edits_stops_and_deletes_by_keyboard(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    add_contents(
        r.BookContents(recurring_invoices=(_schedule("ACME", TODAY.replace(day=28), send=False),))
    )
    shown: list[SchedulesDialog] = []

    def use_list(dialog: SchedulesDialog) -> None:
        shown.append(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        assert dialog.model.rowCount() == 1
        row = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
        assert row == [
            "Acme Ltd. (ACME)",
            "Monthly",
            "Nov 28, 2026",
            "Not set",
            "Draft",
            "$800.00",
        ]
        dialogs.expect(lambda edit: (edit.interval.setValue(3), edit.accept()))
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
        assert dialog.model.index(0, 1).data() == "Every 3 months"
        dialog.stop_button.click()
        assert dialog.model.index(0, 3).data() == "Stopped"
        assert not dialog.stop_button.isEnabled()
        dialogs.confirm_answer = False
        qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
        assert dialog.model.rowCount() == 1  # asked, and kept on Cancel
        dialogs.confirm_answer = True
        qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
        assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
        dialog.reject()

    dialogs.expect(use_list)
    window.invoices.recurring.list_action.trigger()

    assert shown and "the invoices it already made stay" in dialogs.confirmations[-1]
    assert m.RecurringInvoice.select().count() == 0


def test_the_schedule_dialogs_alt_letters_are_unique(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from diva_desk.store.recurring.schedules import new_schedule
    from tests.ui.shell.test_window_keys import mnemonic

    acme = m.Customer.get(m.Customer.code == "ACME").id
    for dialog in (ScheduleDialog(new_schedule(acme, TODAY)), SchedulesDialog(lambda: TODAY)):
        qtbot.addWidget(dialog)
        texts = [b.text() for b in dialog.findChildren(QAbstractButton)]
        texts += [label.text() for label in dialog.findChildren(QLabel) if label.buddy()]
        letters = [key for text in texts if (key := mnemonic(text))]
        assert len(letters) == len(set(letters)), texts


def test_the_list_opens_from_the_view_menu_and_its_key_in_any_tab(
    window: MainWindow, qtbot: QtBot, dialogs: Dialogs
) -> None:
    view_menu = window.menuBar().actions()[1].menu()
    assert window.invoices.recurring.list_action in view_menu.actions()
    window.tabs.setCurrentWidget(window.customers)
    window.customers.view.setFocus()
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.customers.view, Qt.Key.Key_L, modifiers)
    assert [type(d) for d in dialogs.opened] == [SchedulesDialog]
