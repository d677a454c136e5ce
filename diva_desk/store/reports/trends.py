"""Month-by-month figures for the reports: is getting paid getting better?

Each function answers in one query, grouped in SQL by calendar month and
currency, over the last ``months`` calendar months up to and including the month
of ``as_of`` (that month only up to ``as_of``). Every month of the window is in
the answer, zero where nothing happened, so a chart's axis has no holes. Money
is never added across currencies.

Only invoices that stand count: drafts are not sales yet, and a void invoice was
never owed (money received on one went back or was moved, so it is not counted
as collected either).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from diva_desk.core.money import from_minor
from diva_desk.core.reports.dso import DAYS_QUANTUM, month_starts
from diva_desk.store.as_of import paid_by
from diva_desk.store.book.db import db
from diva_desk.store.invoices.paid_dates import paid_dates_cte

DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class MonthFlow:
    """Money invoiced and money collected in one month, in one currency."""

    month: dt.date
    currency: str
    invoiced: Decimal
    collected: Decimal


@dataclass(frozen=True)
class DaysToPay:
    """How long the invoices paid in full in a month took, from issue to the last payment."""

    month: dt.date
    currency: str
    invoices: int
    amount: Decimal
    #: Amount-weighted: a large invoice paid late weighs more than a small one.
    #: ``None`` when no invoice was paid off that month.
    average_days: Decimal | None


@dataclass(frozen=True)
class PromiseMonth:
    """Promises to pay that fell due in a month, by what became of them."""

    month: dt.date
    kept: int
    broken: int
    pending: int


@dataclass(frozen=True)
class DepositMonth:
    """Deposits asked on the invoices issued in a month, and how much of them came in."""

    month: dt.date
    currency: str
    #: Invoices issued that month asking for a deposit.
    invoices: int
    asked: Decimal
    #: Received toward the deposits, never more than asked per invoice.
    received: Decimal
    #: Invoices whose whole deposit came in.
    received_in_full: int


def _window(as_of: dt.date, months: int) -> tuple[tuple[dt.date, ...], dict[str, str]]:
    starts = month_starts(as_of, months)
    return starts, {"since": starts[0].isoformat(), "today": as_of.isoformat()}


def _month(key: str) -> dt.date:
    """``'2026-11'`` as the first of that month."""
    return dt.date.fromisoformat(f"{key}-01")


def _currencies(rows: Iterable[tuple[object, ...]]) -> list[str]:
    return sorted({str(row[1]) for row in rows})


# CROSS JOIN keeps SQLite's order: the window's payments first (by their date index),
# then each one's invoice, rather than every invoice and its payments in the window.
_FLOWS = """
SELECT substr(issue_date, 1, 7), currency, SUM(total_cents), 0
FROM invoice
WHERE state = 'sent' AND issue_date >= :since AND issue_date <= :today
GROUP BY 1, 2
UNION ALL
SELECT substr(p.date, 1, 7), i.currency, 0, SUM(p.amount_cents)
FROM payment p CROSS JOIN invoice i ON i.id = p.invoice_id
WHERE i.state = 'sent' AND p.date >= :since AND p.date <= :today
GROUP BY 1, 2
"""


def money_by_month(as_of: dt.date, months: int = DEFAULT_MONTHS) -> tuple[MonthFlow, ...]:
    """Invoiced (by issue date) and collected (by payment date) per month and currency.

    Sorted by currency, then month.
    """
    starts, params = _window(as_of, months)
    rows = db.execute_sql(_FLOWS, params).fetchall()
    invoiced: Counter[tuple[dt.date, str]] = Counter()
    collected: Counter[tuple[dt.date, str]] = Counter()
    for key, currency, billed, received in rows:
        invoiced[_month(key), currency] += billed
        collected[_month(key), currency] += received
    return tuple(
        MonthFlow(
            month,
            currency,
            from_minor(invoiced[month, currency], currency),
            from_minor(collected[month, currency], currency),
        )
        for currency in _currencies(rows)
        for month in starts
    )


# Only an invoice with a payment in the window can have been paid off in it (the
# payment that settles it is dated that day), so only those are walked.
_PAID_IN_WINDOW = "i.id IN (SELECT invoice_id FROM payment WHERE date >= :since AND date <= :today)"
_DAYS_TO_PAY = f"""
WITH {paid_dates_cte(_PAID_IN_WINDOW)}
SELECT substr(d.paid_date, 1, 7), i.currency, COUNT(*), SUM(i.total_cents),
       SUM(MAX(CAST(julianday(d.paid_date) - julianday(i.issue_date) AS INTEGER), 0)
           * i.total_cents)
FROM paid_dates d JOIN invoice i ON i.id = d.invoice_id
WHERE d.paid_date >= :since
GROUP BY 1, 2
"""


def days_to_pay_by_month(as_of: dt.date, months: int = DEFAULT_MONTHS) -> tuple[DaysToPay, ...]:
    """Average days from issue to full payment of the invoices paid off each month.

    The paid date is the one the customer history uses (store.paid_dates). A
    deposit paid before the invoice was issued does not make the days negative:
    such an invoice counts as paid on the day. Sorted by currency, then month.
    """
    starts, params = _window(as_of, months)
    rows = db.execute_sql(_DAYS_TO_PAY, params).fetchall()
    found = {
        (_month(key), cur): (count, cents, weighted) for key, cur, count, cents, weighted in rows
    }
    result = []
    for currency in _currencies(rows):
        for month in starts:
            count, cents, weighted = found.get((month, currency), (0, 0, 0))
            average = (
                (Decimal(weighted) / Decimal(cents)).quantize(DAYS_QUANTUM, ROUND_HALF_UP)
                if cents
                else None
            )
            result.append(DaysToPay(month, currency, count, from_minor(cents, currency), average))
    return tuple(result)


# Each promise falling due in the window with what came in toward it: the promised
# invoice's payments, or for a promise about the whole balance all the customer's,
# dated from the day it was made through the promised date and not after :today.
# Kept, broken and pending are core.promises.promise_status's rules, counted here
# per month in SQL (store.history.promise_outcomes joins the same way, promise by
# promise, for the customer's page; the tests hold the two together).
_PROMISES = """
WITH toward AS (
    SELECT pr.promised_date, pr.amount_cents, COALESCE(SUM(p.amount_cents), 0) AS paid
    FROM promise pr
    LEFT JOIN invoice i
        ON i.customer_id = pr.customer_id AND (pr.invoice_id IS NULL OR i.id = pr.invoice_id)
    LEFT JOIN payment p
        ON p.invoice_id = i.id
       AND p.date >= pr.made_on AND p.date <= pr.promised_date AND p.date <= :today
    WHERE pr.promised_date >= :since AND pr.promised_date <= :last_day
    GROUP BY pr.id
)
SELECT substr(promised_date, 1, 7),
       SUM(paid >= amount_cents),
       SUM(paid < amount_cents AND promised_date < :today),
       SUM(paid < amount_cents AND promised_date >= :today)
FROM toward GROUP BY 1
"""


def promises_by_month(as_of: dt.date, months: int = DEFAULT_MONTHS) -> tuple[PromiseMonth, ...]:
    """Promises kept, broken and still pending, by the month of the promised date.

    Kept and broken are core.promises' rules as of ``as_of``: kept once the amount
    came in within the promise's window, broken once the promised date has passed
    without it, and pending until then. Only the promises falling due in the window
    are read, and they are counted in SQL.
    """
    starts, params = _window(as_of, months)
    last = starts[-1]
    params["last_day"] = last.replace(day=calendar.monthrange(last.year, last.month)[1]).isoformat()
    found = {
        _month(key): (kept, broken, pending)
        for key, kept, broken, pending in db.execute_sql(_PROMISES, params).fetchall()
    }
    return tuple(PromiseMonth(month, *found.get(month, (0, 0, 0))) for month in starts)


# "Received" is money in on the invoice up to the deposit asked, the same reading
# the morning call list makes before it calls about a missing deposit.
_DEPOSITS = f"""
SELECT substr(issue_date, 1, 7), currency, COUNT(*), SUM(deposit_cents),
       SUM(MIN(paid, deposit_cents)), SUM(paid >= deposit_cents)
FROM (
    SELECT i.issue_date, i.currency, i.deposit_cents, {paid_by(":today")} AS paid
    FROM invoice i
    WHERE i.state = 'sent' AND i.deposit_cents > 0
      AND i.issue_date >= :since AND i.issue_date <= :today
)
GROUP BY 1, 2
"""


def deposits_by_month(as_of: dt.date, months: int = DEFAULT_MONTHS) -> tuple[DepositMonth, ...]:
    """Deposits asked vs received, by the month the invoice was issued.

    Received means paid on the invoice by ``as_of`` (any payment counts toward the
    deposit first). Sorted by currency, then month.
    """
    starts, params = _window(as_of, months)
    rows = db.execute_sql(_DEPOSITS, params).fetchall()
    found = {(_month(key), cur): rest for key, cur, *rest in rows}
    result = []
    for currency in _currencies(rows):
        for month in starts:
            count, asked, received, full = found.get((month, currency), (0, 0, 0, 0))
            result.append(
                DepositMonth(
                    month,
                    currency,
                    count,
                    from_minor(asked, currency),
                    from_minor(received, currency),
                    full,
                )
            )
    return tuple(result)
