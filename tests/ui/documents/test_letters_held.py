"""A customer keeping an agreement gets no reminder letter from the window, and is told why."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.i18n import format as fmt
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.documents import pdf_preview
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle
from .test_customer_documents import pdf_text, select

#: ACME's INV-1001 (1,000.00, due Oct 1) goes on a plan: 500.00 on Nov 25, 500.00 on Dec 25.
PLAN = r.PaymentPlan(
    customer="ACME",
    agreed_on=dt.date(2026, 11, 10),
    installments=(
        r.Installment(dt.date(2026, 11, 25), Decimal("500.00")),
        r.Installment(dt.date(2026, 12, 25), Decimal("500.00")),
    ),
    invoice="INV-1001",
)
REASON = (
    f"Acme Ltd. is on a payment plan: next installment {fmt.money(Decimal('500.00'), 'CAD')} "
    f"due {fmt.month_day(dt.date(2026, 11, 25))}; no reminder is needed."
)


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> MainWindow:
    add_contents(r.BookContents(payment_plans=(PLAN,)))
    made = MainWindow(today=lambda: TODAY)
    settle(qtbot, made)
    qtbot.addWidget(made)
    return made


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The previews opened, as (title, text of the PDF)."""
    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(
        pdf_preview,
        "preview_pdf",
        lambda _parent, data, **kw: opened.append((kw["title"], pdf_text(data))),
    )
    return opened


def letter_menu(window: MainWindow, code: str) -> tuple[QPushButton, dict[str, QAction]]:
    """A card's Letter… button and the actions of its menu, by name."""
    button = window.today_panel.cards[code].letter_button
    return button, {a.objectName(): a for a in button.menu().findChildren(QAction)}


def test_the_call_cards_reminder_letters_are_held_with_the_reason(
    window: MainWindow, qtbot: QtBot, previews: list[tuple[str, str]]
) -> None:
    button, actions = letter_menu(window, "ACME")
    for level in ("friendly", "firm", "final"):
        action = actions[f"reminder_{level}"]
        assert not action.isEnabled()
        assert action.toolTip() == REASON == action.statusTip()
    # The statement is still theirs to have, from the same button.
    assert button.isEnabled() and button.toolTip() != REASON
    statement = actions["statementAction"]
    assert statement.isEnabled()
    with qtbot.waitSignal(window.tasks.task_finished, timeout=20000):
        statement.trigger()
    [(title, text)] = previews
    assert title == "Statement: Acme Ltd." and "STATEMENT" in text
    # GAMMA's INV-1003 is overdue and under no agreement: its letters stay offered.
    button, actions = letter_menu(window, "GAMMA")
    assert button.isEnabled()
    assert all(actions[f"reminder_{level}"].isEnabled() for level in ("friendly", "firm", "final"))
    assert actions["reminder_final"].toolTip() != REASON


def customer_menu_shown(window: MainWindow) -> dict[str, QAction]:
    menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Customer" and a.menu()
    )
    menu.aboutToShow.emit()
    letters = menu.findChild(QMenu, "reminderMenu")
    found = {a.objectName(): a for a in letters.actions()}
    found["statementAction"] = menu.findChild(QAction, "statementAction")
    return found


def test_the_customer_menus_reminder_letters_are_held_with_the_reason(
    window: MainWindow,
) -> None:
    select(window, "ACME")
    actions = customer_menu_shown(window)
    for level in ("friendly", "firm", "final"):
        action = actions[f"reminder_{level}"]
        assert not action.isEnabled()
        assert action.toolTip() == REASON == action.statusTip()
    assert actions["statementAction"].isEnabled()  # the statement is still theirs to have

    select(window, "GAMMA")
    actions = customer_menu_shown(window)
    assert all(actions[f"reminder_{level}"].isEnabled() for level in ("friendly", "firm", "final"))
    assert actions["reminder_final"].statusTip() == ""
