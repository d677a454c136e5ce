"""The Follow-ups tab: open follow-ups and recent calls, filtered, added, done, moved, exported.

The small book (conftest) has three open follow-ups: Acme on Nov 20, Gamma today
(Nov 23) and Beta on Dec 1; Delta's is done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import peewee
import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.i18n import format as fmt
from diva_desk.store.book import models as m
from diva_desk.store.book.business import get_business
from diva_desk.store.calls.outcomes import no_answer
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.followups import followups_tab
from diva_desk.ui.followups.followups_tab import FollowupsTab

from ..conftest import TODAY


@pytest.fixture
def tab(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> FollowupsTab:
    acme = m.Customer.get(m.Customer.code == "ACME").id
    no_answer(acme, True, "Left a message with reception", dt.datetime(2026, 11, 20, 15, 5))
    widget = FollowupsTab()
    qtbot.addWidget(widget)
    widget.book_changed.connect(lambda: widget.model.reload(TODAY))
    widget.model.reload(TODAY)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def followups_shown(tab: FollowupsTab) -> list[tuple[str, str, str]]:
    proxy = tab.proxy
    return [
        tuple(proxy.index(row, column).data() for column in range(3))  # type: ignore[misc]
        for row in range(proxy.rowCount())
    ]


def interactions_shown(tab: FollowupsTab) -> list[tuple[str, str, str]]:
    proxy = tab.interaction_proxy
    return [
        (proxy.index(row, 1).data(), proxy.index(row, 3).data(), proxy.index(row, 5).data())
        for row in range(proxy.rowCount())
    ]


def select(tab: FollowupsTab, qtbot: QtBot, customer: str) -> None:
    names = [row[1] for row in followups_shown(tab)]
    index = tab.proxy.index(names.index(customer), 0)
    rect = tab.view.visualRect(index)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def answer_with(monkeypatch: pytest.MonkeyPatch, fill: Callable[[Any], None]) -> None:
    def fake_exec(dialog: QDialog) -> int:
        fill(dialog)
        dialog.ok.click()  # type: ignore[attr-defined]
        return dialog.result()

    monkeypatch.setattr(followups_tab, "exec_dialog", fake_exec)


def test_both_lists_are_shown(tab: FollowupsTab) -> None:
    # The voicemail moved Acme's follow-up to the retry day and added the retry itself.
    assert followups_shown(tab) == [
        ("Nov 23, 2026", "Gamma Garage", "Confirm the cheque is in the mail"),
        ("Nov 24, 2026", "Acme Ltd.", "Ask about the PO"),
        ("Nov 24, 2026", "Acme Ltd.", "Try again: left a voicemail on Nov 20, 2026"),
        ("Dec 1, 2026", "Beta Bakery", "Check on delivery"),
    ]
    assert interactions_shown(tab) == [
        ("Acme Ltd.", "Left a voicemail", "Left a message with reception")
    ]


def test_filter_by_customer_and_dates(tab: FollowupsTab, qtbot: QtBot) -> None:
    tab.customer.setCurrentIndex(tab.customer.findText("Acme Ltd."))
    assert {row[1] for row in followups_shown(tab)} == {"Acme Ltd."}
    assert len(interactions_shown(tab)) == 1
    tab.customer.setCurrentIndex(tab.customer.findText("Beta Bakery"))
    assert followups_shown(tab) == [("Dec 1, 2026", "Beta Bakery", "Check on delivery")]
    assert interactions_shown(tab) == []

    tab.customer.setCurrentIndex(0)
    qtbot.mouseClick(tab.dated, Qt.MouseButton.LeftButton)
    tab.since.setDate(QDate(2026, 11, 21))
    tab.until.setDate(QDate(2026, 11, 30))
    assert [row[1] for row in followups_shown(tab)] == ["Gamma Garage", "Acme Ltd.", "Acme Ltd."]
    assert interactions_shown(tab) == []  # the voicemail was on the 20th
    assert tab.count.text() == "3 of 4"


def test_search_narrows_both_lists(tab: FollowupsTab, qtbot: QtBot) -> None:
    qtbot.keyClicks(tab.search, "acme")
    assert {row[1] for row in followups_shown(tab)} == {"Acme Ltd."}
    assert len(interactions_shown(tab)) == 1


def test_add_a_followup_by_hand(
    tab: FollowupsTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: Any) -> None:
        dialog.customer.setCurrentIndex(dialog.customer.findText("Café Délice"))
        dialog.due.setDate(QDate(2026, 11, 26))
        qtbot.keyClicks(dialog.reason, "Ask for a testimonial")

    answer_with(monkeypatch, fill)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert ("Nov 26, 2026", "Café Délice", "Ask for a testimonial") in followups_shown(tab)
    row = m.Followup.get(m.Followup.reason == "Ask for a testimonial")
    assert (row.customer.code, row.due_date, row.done) == ("DELTA", dt.date(2026, 11, 26), False)


def test_a_followup_without_a_reason_is_refused_in_the_form(
    tab: FollowupsTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []
    answer_with(monkeypatch, seen.append)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert seen[0].problem.text() == "Say what the follow-up is about."
    assert len(followups_shown(tab)) == 4


def test_mark_done_and_reschedule(
    tab: FollowupsTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not tab.done_button.isEnabled()
    select(tab, qtbot, "Gamma Garage")
    assert tab.done_button.isEnabled()
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    assert "Gamma Garage" not in [row[1] for row in followups_shown(tab)]
    assert m.Followup.get(m.Followup.reason == "Confirm the cheque is in the mail").done

    select(tab, qtbot, "Beta Bakery")
    answer_with(monkeypatch, lambda dialog: dialog.due.setDate(QDate(2026, 12, 8)))
    qtbot.mouseClick(tab.move_button, Qt.MouseButton.LeftButton)
    assert ("Dec 8, 2026", "Beta Bakery", "Check on delivery") in followups_shown(tab)
    assert m.Followup.get(m.Followup.reason == "Check on delivery").due_date == dt.date(2026, 12, 8)


def test_export_to_calendar_writes_the_open_followups_shown(
    tab: FollowupsTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "follow-ups.ics"
    monkeypatch.setattr(followups_tab, "choose_ics_path", lambda parent: target)
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    tab.customer.setCurrentIndex(tab.customer.findText("Acme Ltd."))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    calendar = Calendar.from_ical(target.read_bytes())
    events = [event for event in calendar.walk("VEVENT")]
    assert len(events) == 2
    assert {event.decoded("dtstart") for event in events} == {dt.date(2026, 11, 24)}
    assert all("Acme Ltd." in str(event.get("summary")) for event in events)
    assert messages and "follow-ups.ics" in messages[-1]


def test_the_calendar_gives_the_balance_of_the_day_the_tab_shows(
    tab: FollowupsTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A payment dated after the tab's day (an import's) has not arrived on that day.
    ahead = TODAY + dt.timedelta(days=3)
    add_contents(
        r.BookContents(
            payments=(r.Payment("INV-1001", ahead, Decimal("400.00")),),
            followups=(r.Followup("ACME", TODAY, "Ask for the cheque", "INV-1001"),),
        )
    )
    target = tmp_path / "follow-ups.ics"
    monkeypatch.setattr(followups_tab, "choose_ics_path", lambda parent: target)
    tab.customer.setCurrentIndex(tab.customer.findText("Acme Ltd."))
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    (about,) = [str(e["description"]) for e in events if "INV-1001" in str(e["description"])]
    owed = fmt.money(Decimal("1000.00"), "CAD", get_business().locale)
    assert f"Invoice INV-1001, balance {owed}" in about
