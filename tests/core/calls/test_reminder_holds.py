"""What a reminder may ask for (core.calls.holds): the rule the call list and letters share."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core.calls import (
    InstallmentFacts,
    PlanFacts,
    PromiseFacts,
    ReasonKind,
    Situation,
    calls_for,
)
from diva_desk.core.calls.holds import hold_text, reminder_standing
from diva_desk.core.calls.model import HoldKind
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.i18n import format as fmt
from tests.core.calls.calls_helpers import MON, customer, days, invoice

DAY = MON + days(14)  # Monday Nov 30, 2026


def plan(*installments: tuple[dt.date, str], paid: str = "0", invoice_id: int | None = 1):
    return PlanFacts(
        id=1,
        customer_id=1,
        agreed_on=MON - days(10),
        installments=tuple(InstallmentFacts(d, Decimal(a)) for d, a in installments),
        paid_since_agreed=Decimal(paid),
        invoice_id=invoice_id,
        invoice_number=f"INV-{1000 + invoice_id}" if invoice_id else None,
    )


def promise(status: PromiseStatus, promised: dt.date, amount: str = "500.00") -> PromiseFacts:
    return PromiseFacts(
        id=1,
        customer_id=1,
        made_on=MON - days(5),
        promised_date=promised,
        amount=Decimal(amount),
        status=status,
        invoice_id=1,
        invoice_number="INV-1001",
    )


def standing(invoices, promises=(), plans=(), day=DAY, disputes=frozenset()):
    return reminder_standing(1, "CAD", invoices, promises, plans, day, disputes)


def test_a_plan_being_kept_holds_back_its_overdue_invoice() -> None:
    # 3,000 over three installments: the first paid, the next due in two weeks.
    kept = plan((MON, "1000.00"), (DAY + days(14), "1000.00"), (DAY + days(45), "1000.00"),
                paid="1000.00")  # fmt: skip
    s = standing([invoice(1, due=MON - days(30), total="3000.00", paid="1000.00")], plans=[kept])
    assert not s.may_remind
    assert s.overdue == () and s.missed == ()
    hold = s.hold
    assert hold is not None and hold.kind is HoldKind.PLAN
    assert (hold.amount, hold.date) == (Decimal("1000.00"), DAY + days(14))
    text = hold_text(hold, "Acme Ltd.", "en_CA")
    assert text.startswith("Acme Ltd. is on a payment plan: next installment ")
    assert fmt.money(Decimal("1000.00"), "CAD", "en_CA") in text
    assert fmt.month_day(DAY + days(14), "en_CA") in text


def test_a_missed_installment_is_asked_for_not_the_whole_balance() -> None:
    missed = plan((MON, "1000.00"), (DAY + days(14), "2000.00"), paid="400.00")
    s = standing([invoice(1, due=MON - days(30), total="3000.00", paid="400.00")], plans=[missed])
    assert s.may_remind and s.hold is None
    assert s.overdue == ()  # the invoice stays under the plan
    assert [(m.due_date, m.amount, m.invoice) for m in s.missed] == [
        (MON, Decimal("600.00"), "INV-1001")
    ]


def test_a_promise_not_yet_due_holds_back_and_on_its_day_too() -> None:
    overdue = [invoice(1, due=MON - days(30), total="500.00")]  # all of it promised
    for promised in (DAY + days(3), DAY):
        s = standing(overdue, promises=[promise(PromiseStatus.PENDING, promised)])
        assert not s.may_remind
        assert s.hold is not None and s.hold.kind is HoldKind.PROMISE
        assert hold_text(s.hold, "Acme Ltd.", "en_CA") == (
            f"Acme Ltd. promised {fmt.money(Decimal('500.00'), 'CAD', 'en_CA')} by "
            f"{fmt.month_day(promised, 'en_CA')}; no reminder is needed."
        )


def test_a_broken_promise_holds_nothing_back() -> None:
    s = standing(
        [invoice(1, due=MON - days(30))], promises=[promise(PromiseStatus.BROKEN, DAY - days(1))]
    )
    assert s.may_remind and s.hold is None
    assert [i.number for i in s.overdue] == ["INV-1001"]


def test_a_plan_on_one_invoice_leaves_another_overdue_one_to_remind() -> None:
    kept = plan((DAY + days(7), "1000.00"))
    s = standing(
        [invoice(1, due=MON - days(30)), invoice(2, due=MON - days(2), total="250.00")],
        plans=[kept],
    )
    assert s.may_remind and s.hold is None
    assert [i.number for i in s.overdue] == ["INV-1002"]
    assert s.held == {1}


def test_a_plan_about_the_whole_balance_covers_what_was_issued_by_its_date() -> None:
    kept = plan((DAY + days(7), "1000.00"), invoice_id=None)
    later = invoice(2, due=DAY - days(1), issue_date=MON - days(1))  # issued after the plan
    s = standing([invoice(1, due=MON - days(30)), later], plans=[kept])
    assert [i.number for i in s.overdue] == ["INV-1002"]


def test_nothing_overdue_is_no_hold_either() -> None:
    s = standing(
        [invoice(1, due=DAY + days(5))], promises=[promise(PromiseStatus.PENDING, DAY + days(3))]
    )
    assert not s.may_remind and s.hold is None  # the letter says "nothing overdue"


def test_an_open_problem_holds_back_its_invoice() -> None:
    s = standing([invoice(1, due=MON - days(30))], disputes=frozenset({(1, 1)}))
    assert s.hold is not None and s.hold.kind is HoldKind.PROBLEM
    assert "INV-1001" in hold_text(s.hold, "Acme Ltd.", "en_CA")


def test_the_call_list_and_the_letter_hold_the_same_invoices() -> None:
    """One rule: the invoice a kept plan holds makes no overdue call and no letter."""
    kept = plan((DAY + days(2), "1000.00"))
    situation = Situation(
        customers=(customer(),),
        invoices=(invoice(1, due=MON - days(30)), invoice(2, due=MON - days(20), total="250.00")),
        plans=(kept,),
    )
    (call,) = calls_for(DAY, situation)
    overdue_calls = {r.invoice for r in call.reasons if r.kind is ReasonKind.OVERDUE}
    s = standing(situation.invoices, plans=[kept])
    assert overdue_calls == {i.number for i in s.overdue} == {"INV-1002"}
    assert call.letter_hold is None  # INV-1002 may be reminded


def test_a_call_about_a_kept_plan_carries_why_no_letter_goes_out() -> None:
    kept = plan((DAY + days(2), "1000.00"))
    situation = Situation(
        customers=(customer(),), invoices=(invoice(1, due=MON - days(30)),), plans=(kept,)
    )
    (call,) = calls_for(DAY, situation)
    assert [r.kind for r in call.reasons] == [ReasonKind.INSTALLMENT_DUE]
    assert call.letter_hold is not None and call.letter_hold.kind is HoldKind.PLAN


def test_a_plan_whose_invoice_is_settled_asks_for_nothing() -> None:
    missed = plan((MON, "1000.00"))
    s = standing([invoice(2, due=DAY + days(5))], plans=[missed])  # INV-1001 paid or void
    assert s.missed == () and not s.may_remind
