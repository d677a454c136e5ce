"""The Today panel driven like a person: read the calls, click an outcome, answer its form.

The small book (conftest) has three calls on Monday, November 23, 2026: Acme (overdue,
and a follow-up due), Gamma (overdue, partly paid, a follow-up on the invoice) and
Beta (a check-in on the invoice sent on the 10th). Each outcome is clicked on its
card; the forms are answered through ``outcome_dialogs.exec_dialog``, then the test
reads the book to see what was written, and the list to see that the call left it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import peewee
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from diva_desk.core.calls import ReasonKind, reason_text, step_label
from diva_desk.i18n import format as fmt
from diva_desk.store.book import models as m
from diva_desk.store.calls.call_list import calls_today
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.common.undo_bar import UNDO_SECONDS
from diva_desk.ui.today import outcome_dialogs
from diva_desk.ui.today.call_card import CallCard, OutcomeKind
from diva_desk.ui.today.today_panel import TodayPanel
from diva_desk.ui.today.today_reading import PAGE

from ..conftest import TODAY, settle

NOW = dt.datetime(2026, 11, 23, 9, 30)


def make_panel(qtbot: QtBot) -> TodayPanel:
    panel = TodayPanel(clock=lambda: NOW)
    qtbot.addWidget(panel)
    # As in the main window: a write reads the book again.
    panel.book_changed.connect(lambda: panel.refresh(TODAY))
    panel.resize(620, 900)
    panel.refresh(TODAY)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def panel(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> TodayPanel:
    return make_panel(qtbot)


def listed(panel: TodayPanel) -> list[str]:
    return [call.customer for call in panel.calls]


def card(panel: TodayPanel, code: str) -> CallCard:
    return panel.cards[code]


def answer_with(monkeypatch: pytest.MonkeyPatch, fill: Callable[[Any], None]) -> list[QDialog]:
    """Answer the next forms as a person would: fill them, then press OK."""
    seen: list[QDialog] = []

    def fake_exec(dialog: QDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.ok.click()  # type: ignore[attr-defined]
        return dialog.result()

    monkeypatch.setattr(outcome_dialogs, "exec_dialog", fake_exec)
    return seen


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def customer_id(code: str) -> int:
    return m.Customer.get(m.Customer.code == code).id


def interactions(code: str) -> list[tuple[str, str]]:
    rows = m.Interaction.select().where(m.Interaction.customer == customer_id(code))
    return [(row.outcome, row.notes) for row in rows]


def open_followups(code: str) -> list[tuple[dt.date, str]]:
    rows = m.Followup.select().where(
        m.Followup.customer == customer_id(code),
        m.Followup.done == False,  # noqa: E712
    )
    return sorted((row.due_date, row.reason) for row in rows)


# --- what the panel shows ----------------------------------------------------------------


def test_demo_book_lists_the_calls_in_order_with_count_and_total(
    qtbot: QtBot, book: peewee.SqliteDatabase
) -> None:
    from diva_desk.demo import demo_contents

    add_contents(demo_contents(TODAY))
    panel = make_panel(qtbot)
    expected = calls_today(TODAY)
    assert len(expected) >= 10
    assert listed(panel) == [call.customer for call in expected]
    # A page of cards first; "Show more" the rest.
    assert len(panel.cards) == min(len(expected), PAGE)
    while panel.list.more_row.isVisible():
        panel.show_more()
        panel.list.finish_now()
    # On screen in the same order, top to bottom, numbered from 1.
    cards = sorted(panel.cards.values(), key=lambda c: c.y())
    assert [c.call.customer for c in cards] == listed(panel)
    assert [c.rank_label.text() for c in cards] == [str(n) for n in range(1, len(cards) + 1)]
    totals: dict[str, Decimal] = {}
    for call in expected:
        totals[call.currency] = totals.get(call.currency, Decimal(0)) + call.amount_at_stake
    amounts = " + ".join(fmt.money(a, c) for c, a in sorted(totals.items()))
    # The demo's drafts waiting for a cut-off are in the figure, and said apart.
    drafts: dict[str, Decimal] = {}
    for call in expected:
        for reason in call.reasons:
            if reason.kind is ReasonKind.CUTOFF and reason.currency == call.currency:
                drafts[call.currency] = drafts.get(call.currency, Decimal(0)) + reason.amount
    assert drafts
    unsent = " + ".join(fmt.money(a, c) for c, a in sorted(drafts.items()))
    assert panel.summary.text() == (
        f"{len(expected)} calls · {amounts} at stake\nincl. {unsent} on drafts not sent yet"
    )
    assert panel.date.text() == "Monday, November 23, 2026"
    # Every reason with its amount, and the escalation step where there is one.
    for call in expected:
        shown = card(panel, call.customer)
        assert shown.name.text() == call.customer_name
        assert shown.reason_lines == [reason_text(reason) for reason in call.reasons]
    stepped = [c for c in expected if any(reason.step for reason in c.reasons)]
    assert stepped
    step = next(reason.step for reason in stepped[0].reasons if reason.step)
    pills = [w.text() for w in card(panel, stepped[0].customer).findChildren(type(panel.title))]
    assert step_label(step) in pills


def test_a_card_shows_who_to_ask_the_phone_the_rating_and_last_contact(
    panel: TodayPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    acme = card(panel, "ACME")
    assert acme.ask_for.text() == "Ask for Pat Jones"
    assert acme.stake.text() == "$1,000.00"
    assert acme.rating.text() == "New"
    assert acme.last_contact.text() == "No contact yet"
    qtbot.mouseClick(acme.phone_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "416 555 0100"
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    qtbot.mouseClick(acme.dial_button, Qt.MouseButton.LeftButton)
    assert opened == ["tel:+1-416-555-0100"]  # RFC 3966, read in the book's country


def test_talking_points_open_and_fold_and_are_filled(panel: TodayPanel, qtbot: QtBot) -> None:
    acme = card(panel, "ACME")
    assert not acme.script_shown()
    qtbot.mouseClick(acme.script_toggle, Qt.MouseButton.LeftButton)
    assert acme.script_shown()
    assert acme.script_view is not None
    text = acme.script_view.text()
    assert "Hi Pat, it&#x27;s Sam from Bright Spark Electrical." in text
    assert "$1,000.00" in text and "$" not in text.replace("$1,000.00", "")
    # Enter on the focused card folds them again.
    acme.setFocus()
    qtbot.keyClick(acme, Qt.Key.Key_Return)
    assert not acme.script_shown()


def test_received_and_happy_shows_only_for_a_check_in(panel: TodayPanel) -> None:
    assert card(panel, "BETA").buttons[OutcomeKind.RECEIVED].isVisibleTo(card(panel, "BETA"))
    assert not card(panel, "ACME").buttons[OutcomeKind.RECEIVED].isVisibleTo(card(panel, "ACME"))


# --- outcomes ----------------------------------------------------------------------------


def test_promised_to_pay_writes_a_promise_and_a_followup_and_the_call_leaves(
    panel: TodayPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    by = dt.date(2026, 11, 27)

    def fill(dialog: Any) -> None:
        assert dialog.amount.text() == "1000.00"  # the amount at stake, to start with
        dialog.amount.setText("600.00")
        dialog.date.setDate(qdate(by))
        dialog.notes.setText("Cheque on Friday")

    answer_with(monkeypatch, fill)
    qtbot.mouseClick(card(panel, "ACME").buttons[OutcomeKind.PROMISED], Qt.MouseButton.LeftButton)

    promise = m.Promise.get(m.Promise.customer == customer_id("ACME"))
    assert (promise.amount_minor, promise.promised_date, promise.made_on) == (
        60000,  # $600.00 in cents
        by,
        TODAY,
    )
    assert (by, "Check the promised payment arrived") in open_followups("ACME")
    # The follow-up that brought the call about is dealt with.
    assert (dt.date(2026, 11, 20), "Ask about the PO") not in open_followups("ACME")
    assert interactions("ACME") == [
        ("promised", "Promised $600.00 by Nov 27, 2026. Cheque on Friday")
    ]
    assert listed(panel) == ["GAMMA", "BETA"]
    assert "ACME" not in panel.cards
    assert panel.summary.text() == "2 calls · $1,150.00 at stake"
    assert panel.undo_bar.isVisible()
    assert "Acme Ltd. promised $600.00 by Nov 27, 2026" in panel.undo_bar.text.text()


def test_undo_puts_the_call_back_and_takes_back_what_was_written(
    panel: TodayPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_with(monkeypatch, lambda dialog: None)
    qtbot.mouseClick(card(panel, "ACME").buttons[OutcomeKind.PROMISED], Qt.MouseButton.LeftButton)
    assert listed(panel) == ["GAMMA", "BETA"]
    assert panel.undo_bar.timer.interval() == UNDO_SECONDS * 1000

    qtbot.mouseClick(panel.undo_bar.button, Qt.MouseButton.LeftButton)
    assert listed(panel) == ["ACME", "GAMMA", "BETA"]
    assert m.Promise.select().count() == 0
    assert interactions("ACME") == []
    assert open_followups("ACME") == [(dt.date(2026, 11, 20), "Ask about the PO")]
    assert not panel.undo_bar.isVisible()


def test_the_undo_lasts_only_a_few_seconds(
    panel: TodayPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.mouseClick(card(panel, "ACME").buttons[OutcomeKind.NO_ANSWER], Qt.MouseButton.LeftButton)
    assert panel.undo_bar.isVisible()
    panel.undo_bar.timer.timeout.emit()  # the ten seconds are up
    assert not panel.undo_bar.isVisible()
    panel.undo()  # Ctrl+Z after the time: nothing is taken back
    assert len(interactions("ACME")) == 1
    assert listed(panel) == ["GAMMA", "BETA"]


def test_payment_plan_saves_the_installments(
    panel: TodayPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: Any) -> None:
        dialog.count.setValue(4)

    answer_with(monkeypatch, fill)
    qtbot.mouseClick(card(panel, "ACME").buttons[OutcomeKind.PLAN], Qt.MouseButton.LeftButton)
    plan = m.PaymentPlan.get(m.PaymentPlan.customer == customer_id("ACME"))
    amounts = [i.amount_minor for i in plan.installments.order_by(m.Installment.position)]
    assert amounts == [25000] * 4  # $250.00 each, in cents
    assert interactions("ACME")[0][0] == "plan"
    assert "ACME" not in listed(panel)


def test_problem_becomes_a_followup_with_the_notes(
    panel: TodayPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    on = dt.date(2026, 11, 26)

    def fill(dialog: Any) -> None:
        assert not dialog.ok.isEnabled()  # nothing said yet
        qtbot.keyClicks(dialog.notes, "The sign lights flicker")
        dialog.followup.setDate(qdate(on))

    answer_with(monkeypatch, fill)
    qtbot.mouseClick(card(panel, "GAMMA").buttons[OutcomeKind.PROBLEM], Qt.MouseButton.LeftButton)
    assert (on, "Problem: The sign lights flicker") in open_followups("GAMMA")
    assert interactions("GAMMA") == [("problem", "The sign lights flicker")]
    assert listed(panel) == ["ACME", "BETA"]


def test_received_and_happy_confirms_the_check_in_invoice(panel: TodayPanel, qtbot: QtBot) -> None:
    qtbot.mouseClick(card(panel, "BETA").buttons[OutcomeKind.RECEIVED], Qt.MouseButton.LeftButton)
    invoice = m.Invoice.get(m.Invoice.number == "INV-1002")
    assert invoice.received_confirmed_date == TODAY
    assert [outcome for outcome, _notes in interactions("BETA")] == ["received_ok"]
    assert listed(panel) == ["ACME", "GAMMA"]


def test_paid_records_the_payment_on_the_invoice(
    panel: TodayPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: Any) -> None:
        assert dialog.amount.text() == "250.00"  # Gamma's balance: 400.00 less 150.00 paid
        dialog.method.setCurrentIndex(dialog.method.findText("Cheque"))
        qtbot.keyClicks(dialog.reference, "1234")

    answer_with(monkeypatch, fill)
    qtbot.mouseClick(card(panel, "GAMMA").buttons[OutcomeKind.PAID], Qt.MouseButton.LeftButton)
    payment = m.Payment.get(m.Payment.reference == "1234")
    assert (payment.amount_minor, payment.date, payment.method) == (25000, TODAY, "cheque")
    assert payment.invoice.number == "INV-1003"
    assert interactions("GAMMA")[0][0] == "paid"
    assert listed(panel) == ["ACME", "BETA"]


def test_a_payment_above_the_balance_is_refused_in_the_form(
    panel: TodayPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = answer_with(monkeypatch, lambda dialog: dialog.amount.setText("900.00"))
    qtbot.mouseClick(card(panel, "GAMMA").buttons[OutcomeKind.PAID], Qt.MouseButton.LeftButton)
    assert seen[0].problem.isVisibleTo(seen[0])  # type: ignore[attr-defined]
    assert "balance" in seen[0].problem.text()  # type: ignore[attr-defined]
    assert m.Payment.select().where(m.Payment.date == TODAY).count() == 0
    assert "GAMMA" in listed(panel)


@pytest.mark.parametrize(
    ("kind", "outcome", "reason"),
    [
        (OutcomeKind.NO_ANSWER, "no_answer", "Try again: no answer on Nov 23, 2026"),
        (OutcomeKind.VOICEMAIL, "voicemail", "Try again: left a voicemail on Nov 23, 2026"),
    ],
)
def test_no_answer_retries_in_two_working_days(
    panel: TodayPanel, qtbot: QtBot, kind: OutcomeKind, outcome: str, reason: str
) -> None:
    qtbot.mouseClick(card(panel, "ACME").buttons[kind], Qt.MouseButton.LeftButton)
    assert interactions("ACME") == [(outcome, "")]
    wednesday = dt.date(2026, 11, 25)
    assert open_followups("ACME") == [(wednesday, "Ask about the PO"), (wednesday, reason)]
    assert listed(panel) == ["GAMMA", "BETA"]


def test_snooze_takes_the_customer_off_until_the_date(
    panel: TodayPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    until = dt.date(2026, 12, 1)
    answer_with(monkeypatch, lambda dialog: dialog.until.setDate(qdate(until)))
    qtbot.mouseClick(card(panel, "ACME").buttons[OutcomeKind.SNOOZE], Qt.MouseButton.LeftButton)
    assert (until, "Snoozed until Dec 1, 2026.") in open_followups("ACME")
    assert listed(panel) == ["GAMMA", "BETA"]
    # Not back tomorrow either.
    assert "ACME" not in [call.customer for call in calls_today(dt.date(2026, 11, 24))]


def test_cancelling_a_form_writes_nothing_and_keeps_the_call(
    panel: TodayPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outcome_dialogs, "exec_dialog", lambda dialog: 0)
    qtbot.mouseClick(card(panel, "ACME").buttons[OutcomeKind.PROMISED], Qt.MouseButton.LeftButton)
    assert listed(panel) == ["ACME", "GAMMA", "BETA"]
    assert interactions("ACME") == []
    assert not panel.undo_bar.isVisible()


# --- keyboard ----------------------------------------------------------------------------


@pytest.fixture
def active_panel(panel: TodayPanel, qtbot: QtBot) -> Iterator[TodayPanel]:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    yield panel


def test_arrows_move_between_cards_and_tab_reaches_the_buttons(
    active_panel: TodayPanel, qtbot: QtBot
) -> None:
    panel = active_panel
    panel.focus_first_call()
    acme, gamma = card(panel, "ACME"), card(panel, "GAMMA")
    qtbot.waitUntil(acme.hasFocus)
    assert acme.property("current") is True
    qtbot.keyClick(acme, Qt.Key.Key_Down)
    qtbot.waitUntil(gamma.hasFocus)
    assert gamma.property("current") is True and acme.property("current") is False
    reached = set()
    for _ in range(30):
        qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Tab)
        reached.add(QGuiApplication.focusObject())
    assert set(gamma.buttons.values()) - {gamma.buttons[OutcomeKind.RECEIVED]} <= reached


def test_alt_letter_answers_on_the_card_with_the_focus_only(
    active_panel: TodayPanel, qtbot: QtBot
) -> None:
    panel = active_panel
    gamma = card(panel, "GAMMA")
    gamma.setFocus()
    qtbot.waitUntil(gamma.hasFocus)
    assert gamma.buttons[OutcomeKind.NO_ANSWER].text() == "&No answer"
    assert card(panel, "ACME").buttons[OutcomeKind.NO_ANSWER].text() == "No answer"
    qtbot.keyClick(gamma, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "GAMMA" not in listed(panel))
    assert [outcome for outcome, _notes in interactions("GAMMA")] == ["no_answer"]
    assert interactions("ACME") == []
    # Ctrl+Z on the panel takes it back.
    qtbot.keyClick(panel.focusWidget() or panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "GAMMA" in listed(panel))


def test_meeting_pack_is_offered_for_late_money_and_is_the_customers_page(
    panel: TodayPanel, qtbot: QtBot
) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    from diva_desk.ui.today.meeting_pack import meeting_pack_data

    acme = card(panel, "ACME")
    assert acme.meeting_button.isVisibleTo(acme)
    assert not card(panel, "BETA").meeting_button.isVisibleTo(card(panel, "BETA"))
    with qtbot.waitSignal(panel.meeting_pack_wanted) as wanted:
        qtbot.mouseClick(acme.meeting_button, Qt.MouseButton.LeftButton)
    assert wanted.args[0].customer == "ACME"
    data, title, file_name = meeting_pack_data("ACME", TODAY)
    assert (title, file_name) == ("Meeting pack: Acme Ltd.", "meeting-pack-ACME-2026-11-23.pdf")
    text = PdfReader(BytesIO(data)).pages[0].extract_text()
    assert "Acme Ltd." in text and "INV-1001" in text


def test_the_window_shows_the_meeting_pack_in_the_preview(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diva_desk.ui.documents import pdf_preview
    from diva_desk.ui.shell.main_window import MainWindow

    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(
        pdf_preview, "preview_pdf", lambda parent, data, **kw: shown.append((data, kw["title"]))
    )
    window = MainWindow(today=lambda: TODAY)
    settle(qtbot, window)
    qtbot.addWidget(window)
    acme = window.today_panel.cards["ACME"]
    with qtbot.waitSignal(window.tasks.task_finished, timeout=20000):
        qtbot.mouseClick(acme.meeting_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    assert shown[0][0].startswith(b"%PDF") and shown[0][1] == "Meeting pack: Acme Ltd."
