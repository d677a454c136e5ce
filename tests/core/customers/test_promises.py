"""A promise to pay is kept, broken or pending, derived from payments and the date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.customers.promises import (
    DatedPayment,
    PromiseFacts,
    PromiseStatus,
    promise_status,
)

MADE = dt.date(2026, 11, 2)
BY = dt.date(2026, 11, 20)
PROMISE = PromiseFacts(made_on=MADE, promised_date=BY, amount=Decimal("1000.00"))


def pay(day: dt.date, amount: str) -> DatedPayment:
    return DatedPayment(day, Decimal(amount))


def test_kept_by_payments_that_add_up_to_the_promised_amount() -> None:
    # 400.00 + 600.00 = 1000.00, both inside Nov 2..Nov 20: kept, even before the date.
    payments = [pay(dt.date(2026, 11, 5), "400.00"), pay(dt.date(2026, 11, 19), "600.00")]
    assert promise_status(PROMISE, payments, today=dt.date(2026, 11, 19)) is PromiseStatus.KEPT
    assert promise_status(PROMISE, payments, today=dt.date(2026, 12, 31)) is PromiseStatus.KEPT


def test_payment_on_the_promised_date_and_on_the_day_it_was_made_count() -> None:
    payments = [pay(MADE, "500.00"), pay(BY, "500.00")]
    assert promise_status(PROMISE, payments, today=dt.date(2027, 1, 1)) is PromiseStatus.KEPT


def test_a_partial_payment_leaves_the_promise_broken_after_the_date() -> None:
    # 999.99 < 1000.00
    payments = [pay(dt.date(2026, 11, 10), "999.99")]
    assert promise_status(PROMISE, payments, today=dt.date(2026, 11, 21)) is PromiseStatus.BROKEN


def test_pending_on_the_promised_date_itself_broken_the_day_after() -> None:
    assert promise_status(PROMISE, [], today=BY) is PromiseStatus.PENDING
    assert promise_status(PROMISE, [], today=BY + dt.timedelta(days=1)) is PromiseStatus.BROKEN


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (MADE - dt.timedelta(days=1), "paid before the promise was made"),
        (BY + dt.timedelta(days=1), "paid the day after the promised date"),
    ],
)
def test_payments_outside_the_window_do_not_keep_it(day: dt.date, why: str) -> None:
    status = promise_status(PROMISE, [pay(day, "1000.00")], today=dt.date(2027, 1, 1))
    assert status is PromiseStatus.BROKEN, why


def test_a_payment_dated_after_today_has_not_arrived_yet() -> None:
    # Looking at Nov 10: the Nov 15 payment is in the future, so the promise is pending.
    payments = [pay(dt.date(2026, 11, 15), "1000.00")]
    assert promise_status(PROMISE, payments, today=dt.date(2026, 11, 10)) is PromiseStatus.PENDING
    assert promise_status(PROMISE, payments, today=dt.date(2026, 11, 15)) is PromiseStatus.KEPT
