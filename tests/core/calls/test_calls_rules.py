"""The call-list rules on small hand-built situations: who is called, why, and when."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.calls import (
    CallSettings,
    DraftInvoice,
    FollowupFacts,
    InstallmentFacts,
    PlanFacts,
    PromiseFacts,
    ReasonKind,
    Situation,
    calls_for,
)
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.records import Outcome

from .calls_helpers import FRI, MON, NEXT_MON, SAT, SUN, THU, TUE, WED, customer, days, invoice

K = ReasonKind


def kinds(calls: list, code: str = "ACME") -> list[tuple[ReasonKind, int]]:
    call = next((c for c in calls if c.customer == code), None)
    return [] if call is None else [(r.kind, r.days) for r in call.reasons]


def test_overdue_starts_after_the_grace_days_and_counts_days_past_due() -> None:
    situation = Situation((customer(),), (invoice(due=MON),))
    assert kinds(calls_for(WED, situation)) == []  # two days late: not yet
    assert kinds(calls_for(THU, situation)) == [(K.OVERDUE, 3)]


def test_friday_list_takes_in_what_falls_due_over_the_weekend() -> None:
    situation = Situation(
        (customer(),),
        (invoice(1, due=SAT + days(3)),),  # due Tuesday: courtesy call falls on Saturday
        followups=(FollowupFacts(1, 1, SUN, "Ask about the spring brochure"),),
    )
    assert kinds(calls_for(THU, situation)) == []
    assert sorted(kinds(calls_for(FRI, situation))) == sorted([(K.FOLLOWUP, 0), (K.DUE_SOON, 4)])


def test_a_day_off_shows_the_next_working_days_list() -> None:
    situation = Situation((customer(),), (invoice(due=THU),))
    assert calls_for(SAT, situation) == calls_for(NEXT_MON, situation)
    assert kinds(calls_for(SUN, situation)) == [(K.OVERDUE, 4)]


def test_a_marked_day_off_is_skipped_like_a_weekend() -> None:
    settings = CallSettings(days_off=frozenset({FRI}))
    situation = Situation((customer(),), followups=(FollowupFacts(1, 1, SAT, "Call back"),))
    assert kinds(calls_for(THU, situation, settings)) == [(K.FOLLOWUP, 0)]
    assert kinds(calls_for(THU, situation)) == []


def test_a_customer_contacted_today_is_off_the_list() -> None:
    situation = Situation((customer(),), (invoice(due=MON - days(20)),))
    assert kinds(calls_for(MON, situation)) == [(K.OVERDUE, 20)]
    done = Situation(situation.customers, situation.invoices, contacted_today=frozenset({1}))
    assert calls_for(MON, done) == []


def test_an_archived_customer_who_still_owes_is_called() -> None:
    situation = Situation((customer(archived=True),), (invoice(due=MON - days(40)),))
    [call] = calls_for(MON, situation)
    assert call.archived and call.reasons[0].kind is K.OVERDUE


def test_paid_invoices_never_call() -> None:
    paid = invoice(due=MON - days(40), total="500.00", paid="500.00")
    assert calls_for(MON, Situation((customer(),), (paid,))) == []


def test_a_draft_makes_only_the_cutoff_reminder() -> None:
    draft = DraftInvoice(7, "INV-1007", 1, "CAD", Decimal("800.00"))
    with_cutoff = Situation((customer(invoice_cutoff_day=20),), drafts=(draft,))
    [call] = calls_for(MON, with_cutoff)  # cut-off Friday the 20th, 4 days ahead
    assert [(r.kind, r.days, r.invoice) for r in call.reasons] == [(K.CUTOFF, 4, "INV-1007")]
    assert call.amount_at_stake == Decimal("800.00")
    # Too early (the 20th is 19 days after the 1st), and no cut-off day at all: nothing.
    assert calls_for(dt.date(2026, 11, 2), with_cutoff) == []
    assert calls_for(MON, Situation((customer(),), drafts=(draft,))) == []


def test_deposit_due_until_received() -> None:
    unpaid = invoice(due=MON + days(30), deposit_amount=Decimal("400.00"), deposit_due_date=FRI)
    [call] = calls_for(NEXT_MON, Situation((customer(),), (unpaid,)))
    assert [(r.kind, r.days, r.amount) for r in call.reasons] == [
        (K.DEPOSIT_DUE, 3, Decimal("400.00"))
    ]
    received = invoice(
        due=MON + days(30), paid="400.00", deposit_amount=Decimal("400.00"), deposit_due_date=FRI
    )
    assert calls_for(NEXT_MON, Situation((customer(),), (received,))) == []


def test_delivery_checkin_three_days_after_sending_until_confirmed() -> None:
    sent = invoice(due=MON + days(30), issue_date=MON, sent_date=MON, confirmed=None)
    assert kinds(calls_for(WED, Situation((customer(),), (sent,)))) == []
    assert kinds(calls_for(THU, Situation((customer(),), (sent,)))) == [(K.DELIVERY_CHECKIN, 3)]
    confirmed = invoice(due=MON + days(30), issue_date=MON, sent_date=MON, confirmed=WED)
    assert calls_for(THU, Situation((customer(),), (confirmed,))) == []
    # Once the owner has spoken with them since, the check-in is done.
    talked = customer(last_contact=THU, last_outcome=Outcome.REACHED)
    assert calls_for(FRI, Situation((talked,), (sent,))) == []


def _promise(status_day: dt.date, paid: str, promised: dt.date = THU) -> PromiseFacts:
    amount = Decimal("500.00")
    if Decimal(paid) >= amount:
        status = PromiseStatus.KEPT
    elif promised < status_day:
        status = PromiseStatus.BROKEN
    else:
        status = PromiseStatus.PENDING
    return PromiseFacts(
        1, 1, MON, promised, amount, status, invoice_id=1, paid_toward=Decimal(paid),
        invoice_number="INV-1001",
    )  # fmt: skip


def test_promise_due_on_its_day_and_holds_the_overdue_call_before() -> None:
    owed = invoice(due=MON - days(30), total="500.00")  # all of it promised
    before = Situation((customer(),), (owed,), promises=(_promise(TUE, "0"),))
    assert calls_for(TUE, before) == []  # they promised Thursday: no nagging meanwhile
    on_day = Situation((customer(),), (owed,), promises=(_promise(THU, "0"),))
    assert kinds(calls_for(THU, on_day)) == [(K.PROMISE_DUE, 0)]


def test_broken_promise_appears_the_next_working_day() -> None:
    owed = invoice(due=MON - days(30), total="2000.00")
    friday = Situation((customer(),), (owed,), promises=(_promise(FRI, "0", promised=THU),))
    assert [k for k, _d in kinds(calls_for(FRI, friday))] == [K.BROKEN_PROMISE, K.OVERDUE]
    # Promised on a Friday: Saturday and Sunday are days off, Monday is the next working day.
    weekend = Situation((customer(),), (owed,), promises=(_promise(SAT, "0", promised=FRI),))
    assert K.BROKEN_PROMISE not in dict(kinds(calls_for(FRI, weekend)))
    monday = Situation((customer(),), (owed,), promises=(_promise(NEXT_MON, "0", promised=FRI),))
    reasons = calls_for(NEXT_MON, monday)[0].reasons
    assert (reasons[0].kind, reasons[0].days, reasons[0].amount) == (
        K.BROKEN_PROMISE, 3, Decimal("500.00"),
    )  # fmt: skip
    # A broken promise moves the overdue call to the sit-down step.
    assert reasons[1].step is not None and reasons[1].step.name == "MEET"


def test_a_promise_kept_by_a_partial_payment_is_not_broken() -> None:
    """They promised $500 of $2,000 and paid it: kept; the rest is simply overdue."""
    owed = invoice(due=MON - days(30), total="2000.00", paid="500.00")
    kept = Situation((customer(),), (owed,), promises=(_promise(FRI, "500.00"),))
    [call] = calls_for(FRI, kept)
    assert [r.kind for r in call.reasons] == [K.OVERDUE]
    assert call.reasons[0].amount == Decimal("1500.00")
    assert call.amount_at_stake == Decimal("1500.00")


def _plan(paid: str) -> PlanFacts:
    installments = tuple(
        InstallmentFacts(day, Decimal("300.00")) for day in (MON - days(14), MON, MON + days(14))
    )
    return PlanFacts(1, 1, MON - days(20), installments, Decimal(paid), 1, "INV-1001")


def test_a_plan_with_a_missed_installment() -> None:
    owed = invoice(due=MON - days(60), total="900.00", paid="300.00")
    situation = Situation((customer(),), (owed,), plans=(_plan("300.00"),))
    # On the installment's own day it is still due, not missed; the overdue call is held.
    assert kinds(calls_for(MON, situation)) == [(K.INSTALLMENT_DUE, 0)]
    [call] = calls_for(TUE, situation)
    assert [(r.kind, r.days, r.amount) for r in call.reasons] == [
        (K.INSTALLMENT_MISSED, 1, Decimal("300.00"))
    ]


def test_a_plan_on_track_reminds_before_the_next_installment_only() -> None:
    owed = invoice(due=MON - days(60), total="900.00", paid="600.00")
    situation = Situation((customer(),), (owed,), plans=(_plan("600.00"),))
    assert calls_for(TUE, situation) == []
    assert kinds(calls_for(MON + days(11), situation)) == [(K.INSTALLMENT_DUE, 3)]


def test_after_no_answer_standing_reasons_wait_two_working_days() -> None:
    tried = customer(last_contact=THU, last_outcome=Outcome.NO_ANSWER)
    situation = Situation(
        (tried,), (invoice(due=MON - days(30)),), followups=(FollowupFacts(1, 1, FRI, "Call back"),)
    )
    # Friday: the follow-up the owner set still shows, the overdue call waits.
    assert kinds(calls_for(FRI, situation)) == [(K.FOLLOWUP, 0)]
    assert [k for k, _d in kinds(calls_for(NEXT_MON, situation))] == [K.OVERDUE, K.FOLLOWUP]


@pytest.mark.parametrize("day", [MON, FRI, NEXT_MON])
def test_one_call_per_customer_with_every_reason(day: dt.date) -> None:
    situation = Situation(
        (customer(),),
        (invoice(1, due=day - days(20)), invoice(2, due=day - days(50))),
        followups=(FollowupFacts(1, 1, day, "Ask about the spring brochure"),),
    )
    [call] = calls_for(day, situation)
    assert [(r.kind, r.invoice) for r in call.reasons] == [
        (K.OVERDUE, "INV-1002"), (K.OVERDUE, "INV-1001"), (K.FOLLOWUP, None),
    ]  # fmt: skip
    assert call.amount_at_stake == Decimal("2000.00")
