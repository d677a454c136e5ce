"""Payment plans: even splits in whole cents, dates that keep their day, checked schedules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.calls.plans import (
    Frequency,
    InstallmentStatus,
    check_custom_installments,
    installment_status,
    split_into_installments,
)
from diva_desk.core.records import Installment


def _amounts(plan: list[Installment]) -> list[str]:
    return [str(i.amount) for i in plan]


def test_an_even_split_puts_the_odd_cents_on_the_last_installment() -> None:
    plan = split_into_installments(Decimal("100.00"), 3, dt.date(2026, 12, 1), "monthly", "CAD")
    assert _amounts(plan) == ["33.33", "33.33", "33.34"]
    assert sum(i.amount for i in plan) == Decimal("100.00")


def test_a_split_that_divides_evenly_is_even() -> None:
    plan = split_into_installments(
        Decimal("1200.00"), 4, dt.date(2026, 12, 1), Frequency.WEEKLY, "CAD"
    )
    assert _amounts(plan) == ["300.00"] * 4


def test_two_cents_left_over_both_go_on_the_last() -> None:
    # 10.00 / 6 = 1.666...: five of 1.66 (8.30) and the last 1.70.
    plan = split_into_installments(Decimal("10.00"), 6, dt.date(2026, 12, 1), "weekly", "CAD")
    assert _amounts(plan) == ["1.66"] * 5 + ["1.70"]


def test_weekly_and_every_two_weeks() -> None:
    first = dt.date(2026, 12, 28)
    weekly = split_into_installments(Decimal("90.00"), 3, first, "weekly", "CAD")
    assert [i.due_date for i in weekly] == [
        dt.date(2026, 12, 28), dt.date(2027, 1, 4), dt.date(2027, 1, 11),
    ]  # fmt: skip
    biweekly = split_into_installments(Decimal("90.00"), 3, first, "biweekly", "CAD")
    assert [i.due_date for i in biweekly] == [
        dt.date(2026, 12, 28), dt.date(2027, 1, 11), dt.date(2027, 1, 25),
    ]  # fmt: skip


def test_monthly_from_january_31_clamps_to_month_end_without_drifting() -> None:
    plan = split_into_installments(Decimal("400.00"), 4, dt.date(2027, 1, 31), "monthly", "CAD")
    assert [i.due_date for i in plan] == [
        dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 3, 31), dt.date(2027, 4, 30),
    ]  # fmt: skip


def test_monthly_over_a_leap_february_and_the_year_end() -> None:
    plan = split_into_installments(Decimal("300.00"), 3, dt.date(2027, 12, 30), "monthly", "CAD")
    assert [i.due_date for i in plan] == [
        dt.date(2027, 12, 30), dt.date(2028, 1, 30), dt.date(2028, 2, 29),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("balance", "count"), [("0.00", 2), ("-5.00", 2), ("10.005", 2), ("10.00", 0), ("0.02", 3)]
)
def test_a_split_that_makes_no_sense_is_refused(balance: str, count: int) -> None:
    with pytest.raises(ValueError):
        split_into_installments(Decimal(balance), count, dt.date(2026, 12, 1), "weekly", "CAD")


def _inst(day: int, amount: str) -> Installment:
    return Installment(dt.date(2026, 12, day), Decimal(amount))


def test_custom_installments_that_add_up_are_accepted() -> None:
    plan = [_inst(1, "500.00"), _inst(15, "250.00"), _inst(31, "250.00")]
    assert check_custom_installments(Decimal("1000.00"), plan, "CAD") is None


def test_custom_installments_that_do_not_add_up_say_by_how_much() -> None:
    problem = check_custom_installments(
        Decimal("1000.00"), [_inst(1, "500.00"), _inst(15, "400.00")], "CAD"
    )
    assert problem is not None
    assert "$900.00" in problem and "$1,000.00" in problem


def test_custom_installments_out_of_order_or_not_positive_name_the_installment() -> None:
    backwards = check_custom_installments(
        Decimal("100.00"), [_inst(15, "50.00"), _inst(1, "50.00")], "CAD"
    )
    assert backwards is not None and "Installment 2" in backwards
    zero = check_custom_installments(
        Decimal("100.00"), [_inst(1, "100.00"), _inst(15, "0.00")], "CAD"
    )
    assert zero is not None and "Installment 2" in zero
    fraction = check_custom_installments(
        Decimal("100.00"), [_inst(1, "99.995"), _inst(2, "0.005")], "CAD"
    )
    assert fraction is not None and "Installment 1" in fraction
    assert check_custom_installments(Decimal("100.00"), [], "CAD") is not None


def test_installment_status_pays_installments_in_date_order() -> None:
    plan = [_inst(1, "100.00"), _inst(15, "100.00"), _inst(29, "100.00")]
    # 150 paid by Dec 20: the first is met, the second half paid and past its date.
    states = installment_status(plan, Decimal("150.00"), dt.date(2026, 12, 20))
    assert [s.status for s in states] == [
        InstallmentStatus.MET, InstallmentStatus.MISSED, InstallmentStatus.UPCOMING,
    ]  # fmt: skip
    assert [str(s.left) for s in states] == ["0.00", "50.00", "100.00"]
    # On its own date an installment is not missed yet.
    on_the_day = installment_status(plan, Decimal("100.00"), dt.date(2026, 12, 15))
    assert on_the_day[1].status is InstallmentStatus.UPCOMING
    everything = installment_status(plan, Decimal("300.00"), dt.date(2027, 1, 5))
    assert {s.status for s in everything} == {InstallmentStatus.MET}
