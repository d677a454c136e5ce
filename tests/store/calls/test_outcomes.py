"""Each one-click outcome writes what it says, schedules the next call, and undoes cleanly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.core.calls import CallSettings, ReasonKind
from diva_desk.core.calls.plans import split_into_installments
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.calls import outcomes as o
from diva_desk.store.calls.call_list import calls_today, save_call_settings
from diva_desk.store.contents.writing import add_contents

# A week in November 2026: Monday the 16th ... Friday the 20th; Monday the 23rd.
MON, TUE, WED, THU, FRI = (dt.date(2026, 11, d) for d in range(16, 21))
NEXT_MON, NEXT_TUE = dt.date(2026, 11, 23), dt.date(2026, 11, 24)
TABLES = ("interaction", "followup", "promise", "payment_plan", "installment", "payment")


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def _invoice(number: str, customer: str, due: dt.date, amount: str, **kw: object) -> r.Invoice:
    issue = due - dt.timedelta(days=30)
    line = r.InvoiceLine(description="Design work", unit_price=Decimal(amount))
    return r.Invoice(
        number=number, customer=customer, issue_date=issue, due_date=due, lines=(line,),
        sent_date=issue, received_confirmed_date=kw.pop("confirmed", issue), **kw,
    )  # fmt: skip


@pytest.fixture
def acme(book: peewee.Database) -> int:
    """Acme owes INV-1 (1,000.00, ten days late on Monday the 16th) and INV-2 (not yet due)."""
    add_contents(
        r.BookContents(
            business=r.Business(name="Lakeshore Pixel Studio", owner_name="Priya Raman"),
            customers=(r.Customer(code="ACME", name="Acme Ltd.", contact_name="Pat Jones"),),
            invoices=(
                _invoice("INV-1", "ACME", MON - dt.timedelta(days=10), "1000.00"),
                _invoice("INV-2", "ACME", MON + dt.timedelta(days=20), "400.00", confirmed=None),
            ),
        )
    )
    return m.Customer.get(m.Customer.code == "ACME").id


def _invoice_id(number: str) -> int:
    return m.Invoice.get(m.Invoice.number == number).id


def _counts() -> dict[str, int]:
    return {t: db.execute_sql(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


def _kinds(day: dt.date) -> list[ReasonKind]:
    calls = calls_today(day)
    return [reason.kind for call in calls for reason in call.reasons]


def _open_followups() -> list[tuple[dt.date, str]]:
    rows = m.Followup.select().where(m.Followup.done == False).order_by(m.Followup.id)  # noqa: E712
    return [(f.due_date, f.reason) for f in rows]


def test_promise_writes_the_promise_a_followup_and_the_call_and_undo_takes_them_back(
    acme: int,
) -> None:
    before = _counts()
    assert ReasonKind.OVERDUE in _kinds(MON)
    result = o.promised_to_pay(
        acme, _invoice_id("INV-1"), Decimal("1000.00"), FRI, "Cheque on Friday", at(MON)
    )
    promise = m.Promise.get_by_id(result.promise_ids[0])
    assert (promise.amount_minor, promise.promised_date, promise.made_on) == (
        100000,  # $1,000.00 in cents
        FRI,
        MON,
    )
    assert _open_followups() == [(FRI, "Check the promised payment arrived")]
    call = m.Interaction.get_by_id(result.interaction_ids[0])
    assert (call.channel, call.outcome) == ("call", "promised")
    assert "Cheque on Friday" in call.notes and "$1,000.00" in call.notes
    assert result.summary == (
        "Acme Ltd. promised $1,000.00 by Nov 20, 2026; a follow-up is set for that day."
    )
    # Off today's list; no overdue call while the promise is pending; back on its date.
    assert calls_today(MON) == []
    assert ReasonKind.OVERDUE not in _kinds(WED)
    assert set(_kinds(FRI)) >= {ReasonKind.PROMISE_DUE, ReasonKind.FOLLOWUP}

    o.undo_outcome(result)
    assert _counts() == before
    assert ReasonKind.OVERDUE in _kinds(MON)


def test_a_promise_without_a_date_from_today_or_an_amount_is_refused(acme: int) -> None:
    before = _counts()
    with pytest.raises(BadInput):
        o.promised_to_pay(acme, None, Decimal("100.00"), MON - dt.timedelta(days=1), "", at(MON))
    with pytest.raises(BadInput):
        o.promised_to_pay(acme, None, Decimal("0.00"), FRI, "", at(MON))
    assert _counts() == before


def test_a_payment_plan_saves_its_installments_and_they_call(acme: int) -> None:
    invoice = _invoice_id("INV-1")
    plan = split_into_installments(Decimal("1000.00"), 3, NEXT_MON, "biweekly", "CAD")
    result = o.agreed_payment_plan(acme, invoice, plan, "Short this month", at(MON))
    stored = m.Installment.select().where(m.Installment.plan == result.plan_ids[0])
    assert [(i.due_date, i.amount_minor) for i in stored.order_by(m.Installment.position)] == [
        (i.due_date, int(i.amount * 100)) for i in plan
    ]
    assert m.Interaction.get_by_id(result.interaction_ids[0]).outcome == "plan"
    assert result.next_date == NEXT_MON
    # The overdue call waits for the plan; the first installment calls three days ahead.
    assert ReasonKind.OVERDUE not in _kinds(WED)
    assert ReasonKind.INSTALLMENT_DUE in _kinds(FRI)

    o.undo_outcome(result)
    assert m.PaymentPlan.select().count() == 0 and m.Installment.select().count() == 0
    assert m.Interaction.select().count() == 0


def test_a_plan_that_does_not_add_up_to_the_balance_is_refused_and_nothing_written(
    acme: int,
) -> None:
    before = _counts()
    short = split_into_installments(Decimal("900.00"), 3, NEXT_MON, "monthly", "CAD")
    with pytest.raises(BadInput, match=r"\$900.00.*\$1,000.00"):
        o.agreed_payment_plan(acme, _invoice_id("INV-1"), short, "", at(MON))
    # A plan about the whole account must cover both invoices: 1,400.00.
    with pytest.raises(BadInput, match=r"\$1,400.00"):
        o.agreed_payment_plan(acme, None, short, "", at(MON))
    assert _counts() == before
    whole = split_into_installments(
        o.balance_covered(acme, None, MON), 2, NEXT_MON, "monthly", "CAD"
    )
    assert sum(i.amount for i in whole) == Decimal("1400.00")
    o.agreed_payment_plan(acme, None, whole, "", at(MON))


def test_a_problem_becomes_a_followup_with_what_was_said(acme: int) -> None:
    invoice = _invoice_id("INV-2")
    result = o.reported_problem(acme, invoice, "The logo colour is off", THU, at(MON))
    assert _open_followups() == [(THU, "Problem: The logo colour is off")]
    call = m.Interaction.get_by_id(result.interaction_ids[0])
    assert (call.outcome, call.notes, call.invoice_id) == (
        "problem",
        "The logo colour is off",
        invoice,
    )
    dispute = o.reported_problem(
        acme, invoice, "Says they never ordered the brochure", FRI, at(TUE), r.Outcome.DISPUTE
    )
    assert m.Interaction.get_by_id(dispute.interaction_ids[0]).outcome == "dispute"
    with pytest.raises(BadInput):
        o.reported_problem(acme, invoice, "   ", THU, at(MON))


def test_received_and_happy_confirms_once_and_undo_restores(acme: int) -> None:
    invoice = _invoice_id("INV-2")
    assert ReasonKind.DELIVERY_CHECKIN in _kinds(MON)
    result = o.received_and_happy(acme, invoice, at(MON))
    assert m.Invoice.get_by_id(invoice).received_confirmed_date == MON
    # confirm_receipt logs the call itself: exactly one interaction, not two.
    assert m.Interaction.select().count() == 1
    assert m.Interaction.get_by_id(result.interaction_ids[0]).outcome == "received_ok"
    assert ReasonKind.DELIVERY_CHECKIN not in _kinds(TUE)
    o.undo_outcome(result)
    assert m.Invoice.get_by_id(invoice).received_confirmed_date is None
    assert m.Interaction.select().count() == 0


def test_paid_records_the_payment_and_the_call(acme: int) -> None:
    invoice = _invoice_id("INV-1")
    result = o.paid(
        acme, invoice, Decimal("1000.00"), r.PaymentMethod.E_TRANSFER, "ref 77", at(MON)
    )
    payment = m.Payment.get_by_id(result.payment_ids[0])
    assert (payment.amount_minor, payment.date, payment.method, payment.reference) == (
        100000, MON, "e-transfer", "ref 77",
    )  # fmt: skip
    assert m.Interaction.get_by_id(result.interaction_ids[0]).outcome == "paid"
    assert result.summary == "Recorded $1,000.00 from Acme Ltd. on INV-1."
    assert ReasonKind.OVERDUE not in _kinds(TUE)
    o.undo_outcome(result)
    assert m.Payment.select().count() == 0 and m.Interaction.select().count() == 0


def test_paying_more_than_the_balance_is_refused_and_no_call_is_logged(acme: int) -> None:
    before = _counts()
    with pytest.raises(BadInput, match="more than the balance"):
        o.paid(acme, _invoice_id("INV-1"), Decimal("1000.01"), None, "", at(MON))
    assert _counts() == before


def test_no_answer_on_friday_retries_after_the_weekend(acme: int) -> None:
    result = o.no_answer(acme, voicemail=False, notes="", on=at(FRI))
    # Two working days after Friday: Monday is one, Tuesday is two.
    assert result.next_date == NEXT_TUE
    assert _open_followups() == [(NEXT_TUE, "Try again: no answer on Nov 20, 2026")]
    assert m.Interaction.get_by_id(result.interaction_ids[0]).outcome == "no_answer"
    assert calls_today(NEXT_MON) == []  # the overdue call waits for the retry
    assert set(_kinds(NEXT_TUE)) >= {ReasonKind.OVERDUE, ReasonKind.FOLLOWUP}


def test_a_voicemail_retry_skips_the_owners_days_off_and_follows_the_setting(acme: int) -> None:
    save_call_settings(CallSettings(retry_after_working_days=1, days_off=frozenset({FRI})))
    result = o.no_answer(acme, voicemail=True, notes="Left a message", on=at(THU))
    assert result.next_date == NEXT_MON
    call = m.Interaction.get_by_id(result.interaction_ids[0])
    assert (call.outcome, call.notes) == ("voicemail", "Left a message")
    assert result.summary == "Left a voicemail for Acme Ltd.; try again on Nov 23, 2026."


def test_a_reached_call_marks_done_the_followups_it_dealt_with_and_undo_reopens(
    acme: int,
) -> None:
    inv1, inv2 = _invoice_id("INV-1"), _invoice_id("INV-2")
    general = o.add_followup(acme, None, MON, "Ask about the spring campaign")
    about_1 = o.add_followup(acme, inv1, MON, "Check the promised payment arrived")
    about_2 = o.add_followup(acme, inv2, MON, "Ask how the launch went")
    later = o.add_followup(acme, inv1, FRI, "Later")
    result = o.paid(acme, inv1, Decimal("1000.00"), None, "", at(MON))
    assert set(result.closed_followups) == {general, about_1}
    assert {f.id for f in m.Followup.select().where(m.Followup.done == False)} == {  # noqa: E712
        about_2, later,
    }  # fmt: skip
    o.undo_outcome(result)
    assert m.Followup.select().where(m.Followup.done == True).count() == 0  # noqa: E712


def test_a_missed_call_moves_the_due_followups_to_the_retry(acme: int) -> None:
    old = o.add_followup(acme, None, MON, "Check the promised payment arrived")
    result = o.no_answer(acme, voicemail=False, notes="", on=at(WED))
    assert m.Followup.get_by_id(old).due_date == FRI
    o.undo_outcome(result)
    assert m.Followup.get_by_id(old).due_date == MON
    assert _open_followups() == [(MON, "Check the promised payment arrived")]


def test_snooze_hides_the_customer_until_the_day_then_they_return(acme: int) -> None:
    promise = o.promised_to_pay(acme, _invoice_id("INV-2"), Decimal("400.00"), FRI, "", at(MON))
    o.mark_followup_done(promise.followup_ids[0])
    result = o.snoozed(acme, NEXT_TUE, "Owner away at a trade show", at(TUE))
    note = m.Interaction.get_by_id(result.interaction_ids[0])
    assert (note.channel, note.outcome) == ("note", "other")
    assert note.notes == "Snoozed until Nov 24, 2026. Owner away at a trade show"
    assert calls_today(WED) == []
    assert calls_today(THU) == []
    # What was agreed for a date still calls while snoozed; nothing else does.
    assert _kinds(FRI) == [ReasonKind.PROMISE_DUE]
    assert calls_today(NEXT_MON) == []
    back = set(_kinds(NEXT_TUE))
    assert {ReasonKind.OVERDUE, ReasonKind.FOLLOWUP} <= back
    with pytest.raises(BadInput):
        o.snoozed(acme, TUE, "", at(TUE))


def test_undoing_a_snooze_brings_the_customer_back_at_once(acme: int) -> None:
    result = o.snoozed(acme, NEXT_TUE, "", at(MON))
    assert calls_today(TUE) == []
    o.undo_outcome(result)
    assert ReasonKind.OVERDUE in _kinds(TUE)
    assert m.Setting.select().where(m.Setting.key.startswith("snoozed_until.")).count() == 0


def test_followups_by_hand_done_and_rescheduled(acme: int) -> None:
    followup = o.add_followup(acme, _invoice_id("INV-2"), WED, "Send the revised proofs")
    assert ReasonKind.FOLLOWUP in _kinds(WED)
    o.reschedule_followup(followup, NEXT_MON)
    assert ReasonKind.FOLLOWUP not in _kinds(WED)
    assert ReasonKind.FOLLOWUP in _kinds(NEXT_MON)
    o.mark_followup_done(followup)
    assert ReasonKind.FOLLOWUP not in _kinds(NEXT_MON)
    with pytest.raises(BadInput):
        o.add_followup(acme, None, WED, "  ")
    with pytest.raises(BadInput):
        o.mark_followup_done(9999)


def test_an_invoice_of_another_customer_is_refused(acme: int) -> None:
    add_contents(r.BookContents(customers=(r.Customer(code="B", name="Beta"),)))
    beta = m.Customer.get(m.Customer.code == "B").id
    with pytest.raises(BadInput, match="not one of Beta's"):
        o.promised_to_pay(beta, _invoice_id("INV-1"), Decimal("5.00"), FRI, "", at(MON))
