"""Whether a customer's promise to pay was kept, is broken, or is still pending.

A kept promise is derived from payments, never stored (spec: interchange-v1,
promises[]). The customer history (history.py) counts kept and broken promises;
the morning call list reuses :func:`promise_status` to find promises that fall due
today and promises that were broken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from diva_desk.core.money import ZERO


class PromiseStatus(StrEnum):
    KEPT = "kept"
    BROKEN = "broken"
    PENDING = "pending"


@dataclass(frozen=True)
class PromiseFacts:
    """A promise as the rules need it: when it was made, by when, and how much."""

    made_on: dt.date
    promised_date: dt.date
    amount: Decimal


@dataclass(frozen=True)
class DatedPayment:
    """A payment that may count toward a promise.

    For a promise about one invoice, the caller passes that invoice's payments; for a
    promise about the whole balance, all of the customer's payments.
    """

    date: dt.date
    amount: Decimal


@dataclass(frozen=True)
class PromiseOutcome:
    """What became of a promise, for the customer's history."""

    promised_date: dt.date
    status: PromiseStatus


def paid_toward(promise: PromiseFacts, payments: Iterable[DatedPayment], today: dt.date) -> Decimal:
    """Money received from the day the promise was made through its promised date.

    A payment made before the promise was made paid something else (the promise was
    about what was still owed then). Payments dated after ``today`` have not arrived
    yet as far as ``today`` is concerned, so a look at a past day sees what the owner
    saw then.
    """
    last_day = min(promise.promised_date, today)
    return sum(
        (p.amount for p in payments if promise.made_on <= p.date <= last_day),
        ZERO,
    )


def promise_status(
    promise: PromiseFacts, payments: Iterable[DatedPayment], today: dt.date
) -> PromiseStatus:
    """Kept once the promised amount has come in within the promise's window.

    Broken only after the promised date has passed: on the promised date itself the
    customer can still pay, so the promise is pending (the call list calls that a
    promise falling due today, not a broken one).
    """
    if paid_toward(promise, payments, today) >= promise.amount:
        return PromiseStatus.KEPT
    if promise.promised_date < today:
        return PromiseStatus.BROKEN
    return PromiseStatus.PENDING
