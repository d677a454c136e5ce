"""A snoozed customer makes only the calls agreed for a date until the snooze ends."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core.calls import FollowupFacts, PromiseFacts, ReasonKind, Situation, calls_for
from diva_desk.core.customers.promises import PromiseStatus

from .calls_helpers import FRI, MON, NEXT_MON, THU, WED, customer, days, invoice


def _kinds(situation: Situation, day: dt.date) -> set[ReasonKind]:
    return {r.kind for call in calls_for(day, situation) for r in call.reasons}


def test_snooze_hides_standing_calls_until_the_day() -> None:
    late = invoice(due=MON - days(20))
    snoozed = Situation((customer(snoozed_until=FRI),), (late,))
    assert _kinds(snoozed, WED) == set()
    assert _kinds(snoozed, THU) == set()
    assert _kinds(snoozed, FRI) == {ReasonKind.OVERDUE}
    # Without the snooze, the same book calls on Wednesday.
    assert _kinds(Situation((customer(),), (late,)), WED) == {ReasonKind.OVERDUE}


def test_while_snoozed_a_promise_falling_due_and_a_followup_still_call() -> None:
    promise = PromiseFacts(
        1, 1, made_on=MON, promised_date=WED, amount=Decimal("100.00"),
        status=PromiseStatus.PENDING,
    )  # fmt: skip
    followup = FollowupFacts(1, 1, WED, "Send the proofs")
    late = invoice(due=MON - days(20))
    snoozed = Situation((customer(snoozed_until=NEXT_MON),), (late,), promises=(promise,),
                        followups=(followup,))  # fmt: skip
    assert _kinds(snoozed, WED) == {ReasonKind.PROMISE_DUE, ReasonKind.FOLLOWUP}
    # A broken promise is not a date agreed for the snooze: it waits for the day.
    broken = Situation(
        (customer(snoozed_until=NEXT_MON),), (late,),
        promises=(PromiseFacts(1, 1, MON, WED, Decimal("100.00"), PromiseStatus.BROKEN),),
    )  # fmt: skip
    assert _kinds(broken, FRI) == set()
    assert ReasonKind.BROKEN_PROMISE in _kinds(broken, NEXT_MON)
