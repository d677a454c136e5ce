"""Late interest as agreed: the one rule (issue 16, spec/cli.md ``late-fees``, docs/late-fees.md).

Simple interest, per day, at the monthly rate × 12 / 365, on each day's overdue balance,
from the later of the due date and the customer's last charge in that currency. The
number of days is the day minus that date: an invoice due on the 1st is 2 days late on
the 3rd, and the 2nd and the 3rd are charged. A payment dated on a day lowers that day's
balance (the book's as-of rule: a balance on a day counts the payments dated on or
before it). The grace days are a threshold, not a shift: an invoice fewer than the grace
days late is not charged yet; once it is, every late day since the start is. 365 is the
divisor in leap years too. The interest of all of a customer's invoices in one currency
is added up exactly and rounded half-up once (core.money); each invoice's share on the
charge is cut so that the shares add up to that one rounded amount.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from diva_desk.core.money import round_money

#: The most a month's rate may be, in percent (interchange v2: 0 to 5).
MAX_PERCENT_PER_MONTH = Decimal(5)
#: The yearly divisor, every year: the spec's rule, leap years included.
DAYS_IN_YEAR = 365
#: Enough digits that dividing by 36,500 never decides a rounding by itself.
_PRECISION = 60


@dataclass(frozen=True)
class LateInvoice:
    """An invoice still owed on the day, as the rule needs it.

    ``payments`` are those dated on or before the day, in any order.
    """

    number: str
    due_date: dt.date
    total: Decimal
    payments: tuple[tuple[dt.date, Decimal], ...] = ()

    def balance_on(self, day: dt.date) -> Decimal:
        """What is owed at the end of ``day``: the total less what was paid by then."""
        paid = sum((amount for date, amount in self.payments if date <= day), Decimal(0))
        return max(self.total - paid, Decimal(0))


@dataclass(frozen=True)
class InvoiceInterest:
    """One invoice's part of a charge: the days charged and the balance on the day."""

    invoice: str
    days: int
    balance: Decimal
    #: This invoice's share of the rounded charge (the shares add up to it).
    amount: Decimal


@dataclass(frozen=True)
class Charge:
    """The interest one customer owes in one currency on ``through``."""

    currency: str
    percent_per_month: Decimal
    through: dt.date
    amount: Decimal
    invoices: tuple[InvoiceInterest, ...]


def yearly_percent(percent_per_month: Decimal) -> Decimal:
    """The yearly rate a monthly one is equivalent to (Interest Act s. 4): × 12."""
    return percent_per_month * 12


def interest_charge(
    invoices: Iterable[LateInvoice],
    *,
    day: dt.date,
    currency: str,
    percent_per_month: Decimal,
    grace_days: int = 0,
    last_charge: dt.date | None = None,
) -> Charge | None:
    """The charge due on ``day`` for one customer's open invoices in ``currency``, or None.

    ``last_charge`` is the latest day a charge already covers (waived ones included).
    None when the rate is 0, nothing is late enough, or the interest rounds to nothing.
    """
    if percent_per_month <= 0:
        return None
    found: list[tuple[LateInvoice, int, Decimal]] = []
    for invoice in sorted(invoices, key=lambda i: (i.due_date, i.number)):
        if (day - invoice.due_date).days < max(grace_days, 1):
            continue
        start = invoice.due_date if last_charge is None else max(invoice.due_date, last_charge)
        days = (day - start).days
        balance = invoice.balance_on(day)
        if days <= 0 or balance <= 0:
            continue
        found.append((invoice, days, _balance_days(invoice, start, day)))
    if not found:
        return None
    shares = _shares([balance_days for _, _, balance_days in found], percent_per_month, currency)
    amount = sum(shares, Decimal(0))
    if amount <= 0:
        return None
    parts = tuple(
        InvoiceInterest(invoice.number, days, invoice.balance_on(day), share)
        for (invoice, days, _), share in zip(found, shares, strict=True)
    )
    return Charge(currency, percent_per_month, day, amount, parts)


def _balance_days(invoice: LateInvoice, start: dt.date, day: dt.date) -> Decimal:
    """The sum of the balances at the end of each day after ``start`` up to ``day``.

    Walked payment by payment, not day by day: the balance only changes on a payment.
    """
    changes = sorted({date for date, _ in invoice.payments if start < date <= day})
    total = Decimal(0)
    since = start  # the balance at the end of ``since`` holds from the next day on
    balance = invoice.balance_on(start)
    for date in changes:
        total += balance * (date - since - dt.timedelta(days=1)).days
        balance = invoice.balance_on(date)
        total += balance
        since = date
    return total + balance * (day - since).days


def _interest(balance_days: Decimal, percent_per_month: Decimal) -> Decimal:
    """Exact enough: balance-days × rate % × 12 / 365, not rounded (rounding is once)."""
    with localcontext() as context:
        context.prec = _PRECISION
        return balance_days * percent_per_month * 12 / (100 * DAYS_IN_YEAR)


def _shares(balance_days: Sequence[Decimal], percent: Decimal, currency: str) -> list[Decimal]:
    """Each invoice's part, rounded so that the parts add up to the whole rounded once:
    the running interest is rounded at each step and each part is the step between. The
    running balance-days are exact sums of amounts × days, so the last step rounds the
    exact whole."""
    shares: list[Decimal] = []
    running, before = Decimal(0), round_money(Decimal(0), currency)
    for value in balance_days:
        running += value
        after = round_money(_interest(running, percent), currency)
        shares.append(after - before)
        before = after
    return shares
