"""What a customer's payment history teaches: lateness, a rating, and terms to offer.

The rating answers one question for a solo owner about to take on new work: should
I extend normal credit to this customer, or ask for money up front? It is computed
from paid invoices (how late they were when they became fully paid) and from the
customer's promises, plus one present-day fact: an open invoice long past due.

Choices, with the reasons:

* Early payment counts as 0 days late, not as negative days. Paying one invoice a
  month early does not make up for paying the next one a month late; averaging
  negative days would hide a late habit behind one early cheque.
* The average is weighted by invoice amount: being 40 days late on $5,000 hurts far
  more than 40 days late on $50. (A customer billed in two currencies is weighted
  by face amount; a rating is about habit, not an exact sum.)
* The average is rounded half-up to whole days before it is compared with the
  thresholds, so the number the owner reads ("on average 30 days late") is the
  number the rating used.
* "On time" counts invoices, not money: "7 of 10 invoices on time" is what a person
  can check against their own memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import lru_cache

from diva_desk.core.customers.promises import PromiseOutcome, PromiseStatus
from diva_desk.core.money import ZERO
from diva_desk.i18n import _, current_locale, ngettext
from diva_desk.i18n import format as fmt

#: Fewer fully paid invoices than this and there is no history to judge: "new".
NEW_BELOW_PAID_INVOICES = 3
#: Slow when the amount-weighted average is more than this many days late: a week
#: absorbs payment-run timing (weekly or fortnightly cheque runs), more is a habit.
SLOW_AVERAGE_DAYS_LATE = 7
#: Slow when fewer than this percent of paid invoices were paid by their due date:
#: if three in ten are late, lateness is how they pay, even when each delay is short.
SLOW_ON_TIME_PERCENT = 70
#: Risky when the average is more than this many days late: a whole extra month of
#: credit, which on usual 30-day terms doubles the time until the owner is paid.
RISKY_AVERAGE_DAYS_LATE = 30
#: Risky after a promise to pay broken within this many days: a promise broken this
#: quarter says more about the next invoice than any average does.
RISKY_BROKEN_PROMISE_DAYS = 90
#: Risky while an open invoice is more than this many days past due: two months
#: overdue is where the chance of being paid at all starts to fall sharply. This is
#: the one fact not taken from paid invoices: a customer who stopped paying has no
#: new paid invoices to show it.
RISKY_OVERDUE_DAYS = 60
#: The deposit asked of new and slow customers when the customer has none of its own.
DEFAULT_DEPOSIT_PERCENT = Decimal(50)

_HUNDRED = Decimal(100)


class RatingKind(StrEnum):
    NEW = "new"
    RELIABLE = "reliable"
    SLOW = "slow"
    RISKY = "risky"


@dataclass(frozen=True)
class PaidInvoice:
    """A fully paid invoice: due when, paid in full when, for how much."""

    due_date: dt.date
    #: The date of the payment that brought what was paid up to the invoice total.
    paid_date: dt.date
    amount: Decimal

    @property
    def days_late(self) -> int:
        return max((self.paid_date - self.due_date).days, 0)


@dataclass(frozen=True)
class LatenessTotals:
    """Sums over a customer's paid invoices; the store adds these up in SQL."""

    paid_invoices: int = 0
    paid_on_time: int = 0
    #: Sum of amount times days late over the paid invoices (currency-days).
    weighted_days_late: Decimal = ZERO
    #: Sum of the paid invoices' amounts.
    amount: Decimal = ZERO
    longest_delay: int = 0


@dataclass(frozen=True)
class PaymentStats:
    paid_invoices: int
    paid_on_time: int
    #: Amount-weighted, early counted as 0, rounded half-up to whole days.
    average_days_late: int
    #: The most days late any paid invoice was.
    longest_delay: int
    promises_kept: int
    promises_broken: int
    #: The promised date of the most recent broken promise.
    last_broken_promise: dt.date | None
    #: Days the oldest open (unpaid or partly paid) invoice is past due; 0 if none.
    oldest_overdue_days: int

    @property
    def on_time_percent(self) -> int | None:
        """Whole percent of paid invoices paid by their due date, rounded down.

        Rounded down so that 69.6 % shows as 69 %, not as a "70 %" that the rating
        nevertheless treats as below 70 %. None when nothing was paid yet.
        """
        if not self.paid_invoices:
            return None
        share = Decimal(self.paid_on_time) * _HUNDRED / self.paid_invoices
        return int(share.to_integral_value(rounding=ROUND_FLOOR))


@dataclass(frozen=True)
class Rating:
    kind: RatingKind
    #: One line saying why, e.g. "paid 6 invoices, on average 23 days late".
    reason: str


def lateness_totals(paid: Iterable[PaidInvoice]) -> LatenessTotals:
    count = on_time = longest = 0
    weighted = amount = ZERO
    for invoice in paid:
        late = invoice.days_late
        count += 1
        on_time += late == 0
        weighted += invoice.amount * late
        amount += invoice.amount
        longest = max(longest, late)
    return LatenessTotals(count, on_time, weighted, amount, longest)


def average_days_late(totals: LatenessTotals) -> int:
    """Amount-weighted average days late, rounded half-up; 0 when nothing was paid."""
    if not totals.amount:
        return 0
    average = totals.weighted_days_late / totals.amount
    return int(average.to_integral_value(rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class PromiseTotals:
    """What became of a customer's promises, counted (by SQL, for thousands of customers)."""

    kept: int = 0
    broken: int = 0
    #: The promised date of the most recent broken promise.
    last_broken: dt.date | None = None


def promise_totals(promises: Iterable[PromiseOutcome]) -> PromiseTotals:
    promises = list(promises)
    broken = [p.promised_date for p in promises if p.status is PromiseStatus.BROKEN]
    kept = sum(p.status is PromiseStatus.KEPT for p in promises)
    return PromiseTotals(kept, len(broken), max(broken, default=None))


def stats_from_totals(
    totals: LatenessTotals,
    promises: Iterable[PromiseOutcome] | PromiseTotals,
    today: dt.date,
    oldest_open_due: dt.date | None = None,
) -> PaymentStats:
    """The statistics from sums already added up (by SQL, for thousands of customers)."""
    counted = promises if isinstance(promises, PromiseTotals) else promise_totals(promises)
    overdue = (today - oldest_open_due).days if oldest_open_due is not None else 0
    return PaymentStats(
        paid_invoices=totals.paid_invoices,
        paid_on_time=totals.paid_on_time,
        average_days_late=average_days_late(totals),
        longest_delay=totals.longest_delay,
        promises_kept=counted.kept,
        promises_broken=counted.broken,
        last_broken_promise=counted.last_broken,
        oldest_overdue_days=max(overdue, 0),
    )


def payment_stats(
    paid: Iterable[PaidInvoice],
    promises: Iterable[PromiseOutcome],
    today: dt.date,
    oldest_open_due: dt.date | None = None,
) -> PaymentStats:
    """A customer's statistics from their paid invoices and what became of their promises.

    ``oldest_open_due`` is the due date of the customer's oldest invoice that still
    has a balance, if any.
    """
    return stats_from_totals(lateness_totals(paid), promises, today, oldest_open_due)


def rate_customer(stats: PaymentStats, today: dt.date) -> Rating:
    """New, reliable, slow or risky, with the one fact that decided it.

    Present-day warnings come first, even for a new customer: a promise broken this
    quarter or an invoice two months overdue is risky however short the history.
    Then a customer with fewer than three paid invoices is new (an average over one
    or two invoices is an anecdote). Then the averages decide, strictest first.
    """
    broken = stats.last_broken_promise
    if broken is not None and (today - broken).days <= RISKY_BROKEN_PROMISE_DAYS:
        reason = _("broke a promise to pay by {date}").format(date=fmt.date(broken))
        return Rating(RatingKind.RISKY, reason)
    if stats.oldest_overdue_days > RISKY_OVERDUE_DAYS:
        days = stats.oldest_overdue_days
        reason = ngettext(
            "an invoice is {days} day overdue", "an invoice is {days} days overdue", days
        ).format(days=_number(days))
        return Rating(RatingKind.RISKY, reason)
    if stats.paid_invoices < NEW_BELOW_PAID_INVOICES:
        return Rating(RatingKind.NEW, _new_reason(stats.paid_invoices))
    if stats.average_days_late > RISKY_AVERAGE_DAYS_LATE:
        return Rating(RatingKind.RISKY, _late_reason(stats))
    if stats.average_days_late > SLOW_AVERAGE_DAYS_LATE:
        return Rating(RatingKind.SLOW, _late_reason(stats))
    if stats.paid_on_time == 0:
        # "only 0% on time" reads like a glitch; say it plainly.
        reason = _("{paid}, none on time").format(paid=_paid_text(stats.paid_invoices))
        return Rating(RatingKind.SLOW, reason)
    if stats.paid_on_time * 100 < SLOW_ON_TIME_PERCENT * stats.paid_invoices:
        return Rating(RatingKind.SLOW, _on_time_reason(stats, _("{paid}, only {percent} on time")))
    return Rating(RatingKind.RELIABLE, _on_time_reason(stats, _("{paid}, {percent} on time")))


def suggested_terms(rating: Rating, deposit_percent: Decimal = DEFAULT_DEPOSIT_PERCENT) -> str:
    """What to ask of this customer on the next job, as a sentence for the owner.

    ``deposit_percent`` is the customer's own deposit percent when one is set, else
    the business default; 0 means the owner does not ask for deposits, so the
    suggestion is card payment or shorter terms alone.
    """
    percent = fmt.percent(deposit_percent)
    if deposit_percent <= 0 and rating.kind is RatingKind.NEW:
        return ngettext(
            "Ask for card payment until {count} invoice is paid on time",
            "Ask for card payment until {count} invoices are paid on time",
            NEW_BELOW_PAID_INVOICES,
        ).format(count=_number(NEW_BELOW_PAID_INVOICES))
    if deposit_percent <= 0 and rating.kind is RatingKind.SLOW:
        return _("Ask for shorter payment terms")
    if rating.kind is RatingKind.NEW:
        return ngettext(
            "Ask for a {percent} deposit or card payment until {count} invoice is paid on time",
            "Ask for a {percent} deposit or card payment until {count} invoices are paid on time",
            NEW_BELOW_PAID_INVOICES,
        ).format(percent=percent, count=_number(NEW_BELOW_PAID_INVOICES))
    if rating.kind is RatingKind.SLOW:
        return _("Ask for a {percent} deposit or shorter payment terms").format(percent=percent)
    if rating.kind is RatingKind.RISKY:
        return _("Ask for cash or card payment up front")
    return _("Keep the usual terms")


@lru_cache(maxsize=2048)
def _number_in(value: int, locale: str) -> str:
    return fmt.number(value, locale)


@lru_cache(maxsize=256)
def _whole_percent_in(value: int, locale: str) -> str:
    return fmt.percent(Decimal(value), locale)


def _number(value: int) -> str:
    """A whole number for a reason; cached, since a list rates thousands of customers."""
    return _number_in(value, current_locale())


def _paid_text(count: int) -> str:
    return ngettext("paid {count} invoice", "paid {count} invoices", count).format(
        count=_number(count)
    )


def _new_reason(count: int) -> str:
    if count == 0:
        return _("no invoice paid yet")
    return _("{paid} so far").format(paid=_paid_text(count))


def _late_reason(stats: PaymentStats) -> str:
    days = stats.average_days_late
    late = ngettext("on average {days} day late", "on average {days} days late", days)
    return _("{paid}, {late}").format(
        paid=_paid_text(stats.paid_invoices), late=late.format(days=_number(days))
    )


def _on_time_reason(stats: PaymentStats, template: str) -> str:
    share = stats.on_time_percent or 0
    return template.format(
        paid=_paid_text(stats.paid_invoices), percent=_whole_percent_in(share, current_locale())
    )
