"""Which call to make first: a score from money, lateness, broken word and the rating.

The owner has an hour, not a day: the first calls should be the ones where a call
changes the most. Points add up from named parts; the rating then scales them.
The weights are chosen so that these orderings hold (tests/core/test_calls_ranking):

* a broken promise outranks a slightly late invoice of several times the amount;
* more money outranks less, at the same lateness, and later outranks sooner;
* a risky customer outranks a reliable one with the same facts;
* a courtesy call (due soon, check-in) comes after money that is already late.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from diva_desk.core.calls.model import Reason, ReasonKind
from diva_desk.core.customers.history import RatingKind
from diva_desk.core.money import ZERO

#: Money points: MONEY_WEIGHT x log10(1 + amount / MONEY_UNIT). Logarithmic so a
#: $20,000 invoice does not bury every other call: $100 gives 6 points, $1,000 21,
#: $10,000 40.
MONEY_WEIGHT = Decimal(20)
MONEY_UNIT = Decimal(100)
#: Money not due yet (a courtesy call, a check-in, a draft before its cut-off, a
#: follow-up) counts for this share of its points: it is at stake, but not late.
NOT_YET_DUE_SHARE = Decimal("0.5")
#: Points per day the oldest overdue money is late, up to LATE_POINTS_CAP (120 days).
LATE_POINTS_PER_DAY = Decimal("0.5")
LATE_POINTS_CAP = Decimal(60)
#: A promise broken: the customer's word did not hold, and they know the owner knows.
BROKEN_PROMISE_POINTS = Decimal(30)
#: An installment missed: the plan is failing, and a fast call can save it.
MISSED_INSTALLMENT_POINTS = Decimal(25)
#: Points for the other kinds of reason: what each call is worth beyond its money.
#: Promises and deposits that fall due today cannot wait; a cut-off missed costs a
#: month; follow-ups are the owner's own word; courtesy calls are good, not urgent.
KIND_POINTS: dict[ReasonKind, Decimal] = {
    ReasonKind.PROMISE_DUE: Decimal(15),
    ReasonKind.DEPOSIT_DUE: Decimal(15),
    ReasonKind.CUTOFF: Decimal(12),
    ReasonKind.FOLLOWUP: Decimal(10),
    ReasonKind.INSTALLMENT_DUE: Decimal(10),
    ReasonKind.DUE_SOON: Decimal(3),
    ReasonKind.DELIVERY_CHECKIN: Decimal(3),
    ReasonKind.QUOTE_EXPIRING: Decimal(2),
}
#: The rating scales the sum: risky and slow payers are called sooner, because
#: with them a day's delay costs the most; a reliable payer can wait an hour.
RATING_FACTOR: dict[RatingKind, Decimal] = {
    RatingKind.RISKY: Decimal("1.25"),
    RatingKind.SLOW: Decimal("1.10"),
    RatingKind.NEW: Decimal("1.00"),
    RatingKind.RELIABLE: Decimal("0.90"),
}
#: Kinds whose ``days`` say how late money is.
_LATE_KINDS = frozenset(
    {ReasonKind.OVERDUE, ReasonKind.BROKEN_PROMISE, ReasonKind.INSTALLMENT_MISSED}
)
#: Kinds about money that is due now.
_DUE_KINDS = _LATE_KINDS | {
    ReasonKind.PROMISE_DUE,
    ReasonKind.DEPOSIT_DUE,
    ReasonKind.INSTALLMENT_DUE,
}


@lru_cache(maxsize=4096)
def money_points(amount: Decimal) -> Decimal:
    # A logarithm to 28 digits is most of a score; the same amounts come back at every
    # reading of the day's list (after each payment or call): kept, the same answer.
    return MONEY_WEIGHT * (1 + max(amount, ZERO) / MONEY_UNIT).log10()


def call_score(reasons: Iterable[Reason], amount_at_stake: Decimal, rating: RatingKind) -> Decimal:
    reasons = list(reasons)
    kinds = {r.kind for r in reasons}
    points = money_points(amount_at_stake)
    if not kinds & _DUE_KINDS:
        points *= NOT_YET_DUE_SHARE
    late_days = max((r.days for r in reasons if r.kind in _LATE_KINDS), default=0)
    points += min(LATE_POINTS_PER_DAY * late_days, LATE_POINTS_CAP)
    if ReasonKind.BROKEN_PROMISE in kinds:
        points += BROKEN_PROMISE_POINTS
    if ReasonKind.INSTALLMENT_MISSED in kinds:
        points += MISSED_INSTALLMENT_POINTS
    points += max((KIND_POINTS.get(kind, ZERO) for kind in kinds), default=ZERO)
    return (points * RATING_FACTOR[rating]).quantize(Decimal("0.001"))


def amount_at_stake(reasons: Iterable[Reason], currency: str, ceiling: Decimal) -> Decimal:
    """The money the call is about, in the customer's currency, each invoice counted once.

    Per invoice, the largest amount any reason claims for it (an overdue balance
    already includes the broken promise about it); plus the reasons about the
    customer as a whole (a promise or an installment for the whole balance). That
    sum is capped at ``ceiling``, what the customer owes in all (open balances
    plus drafts waiting for the cut-off), so a promise about the whole balance and
    the overdue invoices it covers are not counted twice. Reasons in another
    currency (a customer billed in two) are left out: they carry their own amount.
    """
    per_invoice: dict[int, Decimal] = {}
    loose = ZERO
    for reason in reasons:
        if reason.currency != currency:
            continue
        if reason.invoice_id is None:
            loose += reason.amount
        else:
            per_invoice[reason.invoice_id] = max(
                per_invoice.get(reason.invoice_id, ZERO), reason.amount
            )
    return min(sum(per_invoice.values(), ZERO) + loose, ceiling)
