"""A customer's statement, reminder letters and payments, from the Customer menu and the call
cards."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import BytesIO

import peewee
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.common import errors
from diva_desk.ui.documents import pdf_preview
from diva_desk.ui.invoices.payment_dialog import PaymentDialog
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle
from ..invoice_helpers import Dialogs, dialogs

__all__ = ["dialogs"]


def pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages).split()
    )


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The previews opened, as (title, text of the PDF)."""
    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(
        pdf_preview,
        "preview_pdf",
        lambda _parent, data, **kw: opened.append((kw["title"], pdf_text(data))),
    )
    return opened


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _parent, text, **_kw: said.append(text))
    return said


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> MainWindow:
    made = MainWindow(today=lambda: TODAY)
    settle(qtbot, made)
    qtbot.addWidget(made)
    return made


def select(window: MainWindow, code: str) -> None:
    customer_id = m.Customer.get(m.Customer.code == code).id
    window.tabs.setCurrentWidget(window.customers)
    assert window.customers.select_customer(customer_id)


def trigger(qtbot: QtBot, window: MainWindow, name: str) -> None:
    """Choose a Customer menu entry and wait for its PDF to be built off the GUI thread."""
    action = window.menuBar().findChild(QAction, name)  # not a call card's
    assert action is not None, name
    with qtbot.waitSignal(window.tasks.task_finished, timeout=20000):
        action.trigger()


def test_the_customer_menu_offers_the_statement_and_three_letters(window: MainWindow) -> None:
    menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Customer" and a.menu()
    )
    texts = [a.text() for a in menu.actions()]
    assert "&Statement…" in texts and "&Reminder letter" in texts and "Record &payment…" in texts
    letters = menu.findChild(QMenu, "reminderMenu")
    assert [a.text() for a in letters.actions()] == ["&Friendly…", "F&irm…", "Fi&nal…"]


def test_the_statement_opens_in_the_preview(
    qtbot: QtBot, window: MainWindow, shown: list[tuple[str, str]]
) -> None:
    select(window, "GAMMA")
    trigger(qtbot, window, "statementAction")
    [(title, text)] = shown
    assert title == "Statement: Gamma Garage"
    assert "STATEMENT" in text and "INV-1003" in text and "$250.00" in text


@pytest.mark.parametrize(
    ("level", "subject"),
    [("friendly", "Friendly reminder"), ("firm", "Payment reminder"), ("final", "Final reminder")],
)
def test_each_reminder_letter_opens_in_the_preview(
    qtbot: QtBot, window: MainWindow, shown: list[tuple[str, str]], level: str, subject: str
) -> None:
    select(window, "ACME")
    trigger(qtbot, window, f"reminder_{level}")
    [(title, text)] = shown
    assert title == "Reminder letter: Acme Ltd."
    assert f"{subject}: account ACME" in text
    assert "INV-1001" in text and "$1,000.00" in text


def test_a_customer_with_nothing_overdue_gets_no_letter_but_a_reason(
    qtbot: QtBot, window: MainWindow, shown: list[tuple[str, str]], messages: list[str]
) -> None:
    select(window, "BETA")  # INV-1002 is due on Dec 10
    trigger(qtbot, window, "reminder_firm")
    assert shown == []
    assert messages == ["Beta Bakery has nothing overdue: no reminder is needed."]


def test_the_call_card_offers_the_letters(
    qtbot: QtBot, window: MainWindow, shown: list[tuple[str, str]]
) -> None:
    card = window.today_panel.cards["ACME"]
    assert card.letter_button.isVisibleTo(card)
    final = card.letter_button.menu().findChild(QAction, "reminder_final")
    with qtbot.waitSignal(window.tasks.task_finished, timeout=20000):
        final.trigger()
    [(title, text)] = shown
    assert title == "Reminder letter: Acme Ltd."
    assert "Final reminder: account ACME" in text
    statement = card.letter_button.menu().findChild(QAction, "statementAction")
    with qtbot.waitSignal(window.tasks.task_finished, timeout=20000):
        statement.trigger()
    assert shown[1][0] == "Statement: Acme Ltd."


def test_record_a_payment_from_the_customer_on_any_of_their_invoices(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    later = r.InvoiceLine("Extra work", Decimal(1), Decimal("300.00"))
    add_contents(
        r.BookContents(
            invoices=(
                r.Invoice(
                    "INV-1010", "ACME", dt.date(2026, 11, 15), dt.date(2026, 12, 15), (later,)
                ),
            )
        )
    )
    window.refresh()
    select(window, "ACME")
    offered: list[list[str]] = []

    def pay(dialog: PaymentDialog) -> None:
        offered.append([dialog.invoice.itemText(i) for i in range(dialog.invoice.count())])
        assert dialog.invoice.isVisibleTo(dialog)
        dialog.invoice.setCurrentIndex(1)
        dialog.amount.setText("120.00")
        dialog.ok.click()

    dialogs.expect(pay)
    window.findChild(QAction, "customerPayment").trigger()
    # Oldest due first: a cheque without a note most often pays that one.
    assert offered == [["INV-1001 — balance $1,000.00", "INV-1010 — balance $300.00"]]
    paid = m.Payment.get(m.Payment.amount_minor == 12000)  # cents of CAD
    assert paid.invoice.number == "INV-1010" and paid.date == TODAY
    assert window.statusBar().currentMessage() == "Recorded a payment of $120.00 on INV-1010."


def test_a_customer_with_nothing_to_pay_is_told_so(
    window: MainWindow, dialogs: Dialogs, messages: list[str]
) -> None:
    select(window, "DELTA")
    window.findChild(QAction, "customerPayment").trigger()
    assert dialogs.opened == []
    assert messages == ["DELTA has no sent invoice with a balance to record a payment on."]
