"""A promise or plan for part of what is overdue holds back that part only.

The rest gets its overdue call and its reminder letter, for the rest: the call list
and the letters read the same rule (core.calls.holds).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from diva_desk.core.calls import ReasonKind, Situation, calls_for
from diva_desk.core.calls.holds import reminder_standing
from diva_desk.core.customers.promises import PromiseStatus
from tests.core.calls.calls_helpers import MON, customer, days, invoice
from tests.core.calls.test_reminder_holds import DAY, plan, promise

D = Decimal


def _overdue_call(situation: Situation) -> list[tuple[ReasonKind, Decimal]]:
    [call] = calls_for(DAY, situation)
    return [(r.kind, r.amount) for r in call.reasons if r.kind is ReasonKind.OVERDUE]


def test_a_promise_for_part_of_an_invoice_leaves_the_rest_to_remind_and_call() -> None:
    owed = invoice(1, due=MON - days(30), total="800.00")
    pending = promise(PromiseStatus.PENDING, DAY + days(10), amount="300.00")
    s = reminder_standing(1, "CAD", [owed], [pending], [], DAY)
    assert s.may_remind and s.hold is None
    assert [(i.number, i.balance) for i in s.overdue] == [("INV-1001", D("500.00"))]
    assert s.held_amounts == {1: D("300.00")}
    situation = Situation((customer(),), (owed,), promises=(pending,))
    assert _overdue_call(situation) == [(ReasonKind.OVERDUE, D("500.00"))]


def test_a_plan_for_half_an_invoice_leaves_the_other_half_to_remind_and_call() -> None:
    owed = invoice(1, due=MON - days(30), total="3000.00")
    half = plan((DAY + days(7), "750.00"), (DAY + days(37), "750.00"))
    s = reminder_standing(1, "CAD", [owed], [], [half], DAY)
    assert s.may_remind and s.missed == ()
    assert [(i.number, i.balance) for i in s.overdue] == [("INV-1001", D("1500.00"))]
    situation = Situation((customer(),), (owed,), plans=(half,))
    assert _overdue_call(situation) == [(ReasonKind.OVERDUE, D("1500.00"))]


def test_a_promise_about_the_whole_balance_covers_the_oldest_invoices_first() -> None:
    older = invoice(1, due=MON - days(40), total="400.00")
    newer = invoice(2, due=MON - days(20), total="400.00")
    whole = promise(PromiseStatus.PENDING, DAY + days(3), amount="600.00")
    whole = dataclasses.replace(whole, invoice_id=None, invoice_number=None)
    s = reminder_standing(1, "CAD", [older, newer], [whole], [], DAY)
    assert [(i.number, i.balance) for i in s.overdue] == [("INV-1002", D("200.00"))]
    assert s.held == {1}


def test_a_promise_for_all_of_it_still_holds_everything_back() -> None:
    owed = invoice(1, due=MON - days(30), total="300.00")
    pending = promise(PromiseStatus.PENDING, DAY + days(10), amount="300.00")
    s = reminder_standing(1, "CAD", [owed], [pending], [], DAY)
    assert not s.may_remind and s.hold is not None
    assert calls_for(DAY, Situation((customer(),), (owed,), promises=(pending,))) == []
