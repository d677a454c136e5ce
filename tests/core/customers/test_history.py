"""Payment statistics, the rating at each of its thresholds, and the terms it suggests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.customers.history import (
    NEW_BELOW_PAID_INVOICES,
    RISKY_AVERAGE_DAYS_LATE,
    RISKY_BROKEN_PROMISE_DAYS,
    RISKY_OVERDUE_DAYS,
    SLOW_AVERAGE_DAYS_LATE,
    PaidInvoice,
    PaymentStats,
    Rating,
    RatingKind,
    payment_stats,
    rate_customer,
    suggested_terms,
)
from diva_desk.core.customers.promises import PromiseOutcome, PromiseStatus
from diva_desk.i18n import format as fmt

TODAY = dt.date(2026, 11, 23)
DUE = dt.date(2026, 9, 1)


def paid(days_late: int, amount: str = "100.00") -> PaidInvoice:
    return PaidInvoice(DUE, DUE + dt.timedelta(days=days_late), Decimal(amount))


def stats(**changes: object) -> PaymentStats:
    """A reliable-looking history; each test changes the one fact it is about."""
    values: dict[str, object] = {
        "paid_invoices": 10,
        "paid_on_time": 10,
        "average_days_late": 0,
        "longest_delay": 0,
        "promises_kept": 0,
        "promises_broken": 0,
        "last_broken_promise": None,
        "oldest_overdue_days": 0,
    }
    values.update(changes)
    return PaymentStats(**values)  # type: ignore[arg-type]


def test_average_is_weighted_by_amount() -> None:
    # $1000 paid 10 days late and $3000 paid 2 days late:
    # (10 * 1000 + 2 * 3000) / 4000 = 16000 / 4000 = 4 days.
    result = payment_stats([paid(10, "1000.00"), paid(2, "3000.00")], [], TODAY)
    assert result.average_days_late == 4
    assert result.longest_delay == 10
    assert result.paid_invoices == 2
    assert result.paid_on_time == 0


def test_early_payment_counts_as_zero_days_not_negative() -> None:
    # Paid 30 days early ($1000) and 30 days late ($1000):
    # (0 * 1000 + 30 * 1000) / 2000 = 15, not (-30 + 30) / 2 = 0.
    result = payment_stats([paid(-30, "1000.00"), paid(30, "1000.00")], [], TODAY)
    assert result.average_days_late == 15
    assert result.paid_on_time == 1
    assert result.on_time_percent == 50


def test_average_rounds_half_up_to_whole_days() -> None:
    # (1 * 100 + 0 * 100) / 200 = 0.5 -> 1 day; (1 * 100 + 0 * 300) / 400 = 0.25 -> 0.
    assert payment_stats([paid(1), paid(0)], [], TODAY).average_days_late == 1
    assert payment_stats([paid(1), paid(0, "300.00")], [], TODAY).average_days_late == 0


def test_promises_counted_and_the_latest_broken_one_remembered() -> None:
    promises = [
        PromiseOutcome(dt.date(2026, 3, 1), PromiseStatus.BROKEN),
        PromiseOutcome(dt.date(2026, 6, 1), PromiseStatus.BROKEN),
        PromiseOutcome(dt.date(2026, 7, 1), PromiseStatus.KEPT),
        PromiseOutcome(dt.date(2026, 12, 1), PromiseStatus.PENDING),
    ]
    result = payment_stats([], promises, TODAY)
    assert (result.promises_kept, result.promises_broken) == (1, 2)
    assert result.last_broken_promise == dt.date(2026, 6, 1)


def test_no_history_at_all() -> None:
    result = payment_stats([], [], TODAY)
    assert result.paid_invoices == 0
    assert result.average_days_late == 0
    assert result.on_time_percent is None
    assert rate_customer(result, TODAY) == Rating(RatingKind.NEW, "no invoice paid yet")


def test_oldest_open_invoice_days_overdue() -> None:
    assert payment_stats([], [], TODAY, oldest_open_due=TODAY).oldest_overdue_days == 0
    due = TODAY - dt.timedelta(days=61)
    assert payment_stats([], [], TODAY, oldest_open_due=due).oldest_overdue_days == 61
    # Not yet due is not overdue.
    later = TODAY + dt.timedelta(days=5)
    assert payment_stats([], [], TODAY, oldest_open_due=later).oldest_overdue_days == 0


def test_spec_example_reason_for_a_slow_payer() -> None:
    rating = rate_customer(stats(paid_invoices=6, paid_on_time=1, average_days_late=23), TODAY)
    assert rating == Rating(RatingKind.SLOW, "paid 6 invoices, on average 23 days late")


# --- every boundary, exactly at its threshold and one past it --------------------


def test_new_until_three_paid_invoices() -> None:
    assert NEW_BELOW_PAID_INVOICES == 3
    two = rate_customer(stats(paid_invoices=2, paid_on_time=2), TODAY)
    assert two == Rating(RatingKind.NEW, "paid 2 invoices so far")
    assert rate_customer(stats(paid_invoices=1, paid_on_time=0), TODAY).reason == (
        "paid 1 invoice so far"
    )
    three = rate_customer(stats(paid_invoices=3, paid_on_time=3), TODAY)
    assert three == Rating(RatingKind.RELIABLE, "paid 3 invoices, 100% on time")


def test_slow_only_above_seven_days_average() -> None:
    assert SLOW_AVERAGE_DAYS_LATE == 7
    at = rate_customer(stats(average_days_late=7), TODAY)
    assert at.kind is RatingKind.RELIABLE
    over = rate_customer(stats(average_days_late=8), TODAY)
    assert over == Rating(RatingKind.SLOW, "paid 10 invoices, on average 8 days late")


def test_slow_below_seventy_percent_on_time() -> None:
    # 7 of 10 = 70 %: not below 70 %, reliable.  6 of 10 = 60 %: slow.
    assert rate_customer(stats(paid_on_time=7), TODAY) == Rating(
        RatingKind.RELIABLE, "paid 10 invoices, 70% on time"
    )
    assert rate_customer(stats(paid_on_time=6), TODAY) == Rating(
        RatingKind.SLOW, "paid 10 invoices, only 60% on time"
    )


def test_none_on_time_is_said_in_words() -> None:
    rating = rate_customer(stats(paid_invoices=6, paid_on_time=0), TODAY)
    assert rating == Rating(RatingKind.SLOW, "paid 6 invoices, none on time")


def test_on_time_share_just_under_seventy_reads_under_seventy() -> None:
    # 16 of 23 = 69.56 %: slow, and shown as 69 %, not a rounded-up "70 %".
    rating = rate_customer(stats(paid_invoices=23, paid_on_time=16), TODAY)
    assert rating == Rating(RatingKind.SLOW, "paid 23 invoices, only 69% on time")


def test_risky_only_above_thirty_days_average() -> None:
    assert RISKY_AVERAGE_DAYS_LATE == 30
    assert rate_customer(stats(average_days_late=30), TODAY).kind is RatingKind.SLOW
    assert rate_customer(stats(average_days_late=31), TODAY) == Rating(
        RatingKind.RISKY, "paid 10 invoices, on average 31 days late"
    )


def test_broken_promise_is_risky_for_ninety_days() -> None:
    assert RISKY_BROKEN_PROMISE_DAYS == 90
    ninety = TODAY - dt.timedelta(days=90)  # Aug 25, 2026
    assert rate_customer(stats(last_broken_promise=ninety), TODAY) == Rating(
        RatingKind.RISKY, f"broke a promise to pay by {fmt.date(ninety, 'medium')}"
    )
    older = TODAY - dt.timedelta(days=91)
    assert rate_customer(stats(last_broken_promise=older), TODAY).kind is RatingKind.RELIABLE


def test_invoice_overdue_more_than_sixty_days_is_risky() -> None:
    assert RISKY_OVERDUE_DAYS == 60
    assert rate_customer(stats(oldest_overdue_days=60), TODAY).kind is RatingKind.RELIABLE
    assert rate_customer(stats(oldest_overdue_days=61), TODAY) == Rating(
        RatingKind.RISKY, "an invoice is 61 days overdue"
    )


def test_present_day_warnings_outrank_a_short_history() -> None:
    broken = stats(
        paid_invoices=0, paid_on_time=0, last_broken_promise=TODAY - dt.timedelta(days=1)
    )
    assert rate_customer(broken, TODAY).kind is RatingKind.RISKY
    overdue = stats(paid_invoices=1, paid_on_time=1, oldest_overdue_days=75)
    assert rate_customer(overdue, TODAY).kind is RatingKind.RISKY


def test_a_short_history_is_new_however_late() -> None:
    # Two invoices, 100 days late on average: too few to judge by averages alone.
    rating = rate_customer(stats(paid_invoices=2, paid_on_time=0, average_days_late=100), TODAY)
    assert rating.kind is RatingKind.NEW


# --- suggested terms ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "deposit", "text"),
    [
        (
            RatingKind.NEW,
            Decimal(50),
            "Ask for a 50% deposit or card payment until 3 invoices are paid on time",
        ),
        (RatingKind.SLOW, Decimal(50), "Ask for a 50% deposit or shorter payment terms"),
        (RatingKind.SLOW, Decimal("33.5"), "Ask for a 33.5% deposit or shorter payment terms"),
        (RatingKind.RISKY, Decimal(50), "Ask for cash or card payment up front"),
        (RatingKind.RELIABLE, Decimal(50), "Keep the usual terms"),
        # An owner who asks for no deposit (Settings: 0 %) is not told to ask for "0%".
        (RatingKind.NEW, Decimal(0), "Ask for card payment until 3 invoices are paid on time"),
        (RatingKind.SLOW, Decimal(0), "Ask for shorter payment terms"),
    ],
)
def test_suggested_terms(kind: RatingKind, deposit: Decimal, text: str) -> None:
    assert suggested_terms(Rating(kind, ""), deposit) == text


def test_terms_and_reasons_follow_the_locale() -> None:
    from diva_desk.i18n import current_locale, set_language

    before = current_locale()
    set_language("fr_CA")
    try:
        assert fmt.percent(Decimal(50)) in suggested_terms(Rating(RatingKind.SLOW, ""), Decimal(50))
        reason = rate_customer(stats(paid_invoices=1234, paid_on_time=1234), TODAY).reason
        assert fmt.number(1234) in reason and "1234" not in reason
    finally:
        set_language(before)
