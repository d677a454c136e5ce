"""The Today panel on a morning with 1,300 calls: a page of cards, a count, and more on request.

The calls are core records made by hand (no book needs to hold 1,300 customers
for this): what is proved is how many widgets the panel builds, which must not
grow with the number of calls.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from diva_desk.core.calls import Call, Reason, ReasonKind
from diva_desk.core.customers.history import RatingKind
from diva_desk.store.invoices.lists import OverdueSummary
from diva_desk.ui.today.call_card import CallCard
from diva_desk.ui.today.today_panel import TodayPanel
from diva_desk.ui.today.today_reading import PAGE, TodayReading, card_extras

from ..conftest import TODAY

CALLS = 1300


def many_calls(count: int) -> list[Call]:
    return [
        Call(
            customer_id=n,
            customer=f"C{n:04d}",
            customer_name=f"Customer {n}",
            contact_name="Pat",
            phone="416 555 0100",
            currency="CAD",
            rating=RatingKind.NEW,
            archived=False,
            reasons=(
                Reason(
                    ReasonKind.OVERDUE,
                    Decimal(count - n),
                    "CAD",
                    30,
                    TODAY - dt.timedelta(days=30),
                    f"INV-{n}",
                ),
            ),
            amount_at_stake=Decimal(count - n),
            score=Decimal(count - n),
        )
        for n in range(1, count + 1)
    ]


def reading(calls: list[Call], shown: int = PAGE) -> TodayReading:
    return TodayReading(
        today=TODAY,
        owed={"CAD": Decimal(1000)},
        overdue=OverdueSummary({"CAD": Decimal(1000)}, 3),
        calls=calls,
        retry_days=2,
        extras=card_extras(calls[:shown], TODAY),
    )


@pytest.fixture
def panel(qtbot: QtBot, book: peewee.SqliteDatabase) -> TodayPanel:
    made = TodayPanel()
    qtbot.addWidget(made)
    made.resize(480, 700)
    made.show()
    qtbot.waitExposed(made)
    return made


def widgets(panel: TodayPanel) -> int:
    return len(panel.findChildren(QWidget))


def test_a_thousand_calls_build_one_page_of_cards_and_say_how_many(
    panel: TodayPanel, qtbot: QtBot
) -> None:
    empty = widgets(panel)
    with qtbot.waitSignal(panel.calls_shown, timeout=20000):
        panel.show_reading(reading(many_calls(CALLS)))
    cards = panel.findChildren(CallCard)
    assert len(cards) == PAGE == len(panel.cards)
    # A card is some ninety widgets: a page of them, never one card per call.
    per_card = (widgets(panel) - empty) / PAGE
    assert widgets(panel) - empty < PAGE * 120, per_card
    assert len(panel.calls) == CALLS
    # Best calls first, and the count says there are more.
    shown = sorted(cards, key=lambda c: int(c.rank_label.text()))
    assert [c.call.customer for c in shown] == [f"C{n:04d}" for n in range(1, PAGE + 1)]
    assert panel.list.more_note.text() == "Showing 10 of 1,300 calls"
    assert panel.list.more_button.text() == "Sho&w 10 more"
    assert panel.summary.text().startswith("1,300 calls · ")


def test_show_more_adds_one_page_and_down_on_the_last_card_reaches_it(
    panel: TodayPanel, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(panel.calls_shown, timeout=20000):
        panel.show_reading(reading(many_calls(CALLS)))
    before = widgets(panel)
    with qtbot.waitSignal(panel.list.filled, timeout=20000):
        qtbot.mouseClick(panel.list.more_button, Qt.MouseButton.LeftButton)
    assert len(panel.cards) == 2 * PAGE
    assert widgets(panel) - before < PAGE * 120
    assert panel.list.more_note.text() == "Showing 20 of 1,300 calls"

    # The keyboard: Down on the last card shown brings the next page and its first call.
    last = panel.cards[f"C{2 * PAGE:04d}"]
    last.setFocus()
    with qtbot.waitSignal(panel.list.filled, timeout=20000):
        qtbot.keyClick(last, Qt.Key.Key_Down)
    assert len(panel.cards) == 3 * PAGE
    qtbot.waitUntil(lambda: panel.cards[f"C{2 * PAGE + 1:04d}"].hasFocus())


def test_a_new_reading_keeps_the_pages_shown_and_a_few_calls_need_no_more_button(
    panel: TodayPanel, qtbot: QtBot
) -> None:
    calls = many_calls(CALLS)
    with qtbot.waitSignal(panel.calls_shown, timeout=20000):
        panel.show_reading(reading(calls))
    with qtbot.waitSignal(panel.list.filled, timeout=20000):
        panel.show_more()
    kept = panel.cards["C0002"]
    # The window reads as many calls as are shown; unchanged cards are kept as they are.
    with qtbot.waitSignal(panel.calls_shown, timeout=20000):
        panel.show_reading(reading(calls[1:], shown=panel.list.target))
    assert len(panel.cards) == 2 * PAGE
    assert "C0001" not in panel.cards
    assert panel.cards["C0002"] is kept
    assert panel.cards["C0002"].rank_label.text() == "1"

    with qtbot.waitSignal(panel.calls_shown, timeout=20000):
        panel.show_reading(reading(calls[:5]))
    assert len(panel.cards) == 5
    assert not panel.list.more_row.isVisible()
    assert panel.summary.text().startswith("5 calls · ")


def test_showing_a_reading_builds_its_cards_in_later_turns(panel: TodayPanel, qtbot: QtBot) -> None:
    """The figures show at once; the cards follow in batches, the first one included, so
    showing a reading never holds the window as long as a card takes to build and more."""
    panel.show_reading(reading(many_calls(CALLS)))
    assert panel.summary.text().startswith("1,300 calls · ")
    assert panel.findChildren(CallCard) == []
    with qtbot.waitSignal(panel.calls_shown, timeout=20000):
        pass
    assert len(panel.cards) == PAGE
