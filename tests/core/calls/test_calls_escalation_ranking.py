"""The overdue call's five steps, and which call comes first."""

from __future__ import annotations

from decimal import Decimal

import pytest

from diva_desk.core.calls import (
    EscalationStep,
    OverdueHistory,
    PromiseFacts,
    Situation,
    calls_for,
    escalation_step,
    step_label,
)
from diva_desk.core.customers.history import RatingKind
from diva_desk.core.customers.promises import PromiseStatus

from .calls_helpers import MON, THU, customer, days, invoice

S = EscalationStep


@pytest.mark.parametrize(
    "history, step",
    [
        (OverdueHistory(days_overdue=3), S.FRIENDLY),
        (OverdueHistory(days_overdue=14), S.FRIENDLY),
        (OverdueHistory(days_overdue=15), S.SET_DATE),
        (OverdueHistory(days_overdue=5, reminded=True), S.SET_DATE),
        (OverdueHistory(days_overdue=44), S.SET_DATE),
        (OverdueHistory(days_overdue=45), S.PAYMENT_PLAN),
        (OverdueHistory(days_overdue=20, partly_paid=True), S.PAYMENT_PLAN),
        (OverdueHistory(days_overdue=10, partly_paid=True), S.FRIENDLY),
        (OverdueHistory(days_overdue=5, missed_installments=1), S.PAYMENT_PLAN),
        (OverdueHistory(days_overdue=60), S.MEET),
        (OverdueHistory(days_overdue=5, broken_promises=1), S.MEET),
        (OverdueHistory(days_overdue=5, missed_installments=2), S.MEET),
        (OverdueHistory(days_overdue=90), S.FINAL),
        (OverdueHistory(days_overdue=10, broken_promises=2), S.FINAL),
    ],
)
def test_escalation_steps(history: OverdueHistory, step: EscalationStep) -> None:
    assert escalation_step(history) is step


def test_step_labels_are_numbered_for_the_owner() -> None:
    assert step_label(S.SET_DATE) == "Step 2 of 5: ask for a set date"
    assert step_label(S.FINAL) == "Step 5 of 5: final call before stopping work"


def _order(situation: Situation) -> list[str]:
    return [c.customer for c in calls_for(THU, situation)]


def test_a_broken_promise_outranks_a_slightly_late_bigger_invoice() -> None:
    promise = PromiseFacts(
        1, 1, MON - days(10), MON, Decimal("500.00"), PromiseStatus.BROKEN, invoice_id=1,
        invoice_number="INV-1001",
    )  # fmt: skip
    situation = Situation(
        (customer(1, "BROKE"), customer(2, "LATE")),
        (
            invoice(1, due=THU - days(10), total="500.00", customer_id=1),
            invoice(2, due=THU - days(5), total="2500.00", customer_id=2),
        ),
        promises=(promise,),
    )
    assert _order(situation) == ["BROKE", "LATE"]


def test_more_money_and_more_lateness_come_first() -> None:
    three = (customer(1, "SMALL"), customer(2, "BIG"), customer(3, "OLD"))
    situation = Situation(
        three,
        (
            invoice(1, due=THU - days(10), total="300.00", customer_id=1),
            invoice(2, due=THU - days(10), total="3000.00", customer_id=2),
            invoice(3, due=THU - days(80), total="3000.00", customer_id=3),
        ),
    )
    assert _order(situation) == ["OLD", "BIG", "SMALL"]


def test_a_risky_customer_comes_before_a_reliable_one_with_the_same_facts() -> None:
    situation = Situation(
        (
            customer(1, "STEADY", rating=RatingKind.RELIABLE),
            customer(2, "SHAKY", rating=RatingKind.RISKY),
        ),
        (
            invoice(1, due=THU - days(20), customer_id=1),
            invoice(2, due=THU - days(20), customer_id=2),
        ),
    )
    assert _order(situation) == ["SHAKY", "STEADY"]


def test_late_money_comes_before_a_courtesy_call_for_more() -> None:
    situation = Situation(
        (customer(1, "COURTESY"), customer(2, "LATE")),
        (
            invoice(1, due=THU + days(2), total="4000.00", customer_id=1),
            invoice(2, due=THU - days(20), total="1000.00", customer_id=2),
        ),
    )
    assert _order(situation) == ["LATE", "COURTESY"]
