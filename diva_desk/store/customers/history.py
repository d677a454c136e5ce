"""Customers' payment history, rating and suggested terms, for every customer at once.

Two queries whatever the size of the book: one adds up each customer's paid
invoices (lateness) and finds their oldest open invoice; one lists promises with
the payments that fall in their windows. The rules themselves live in
core.history and core.promises; this module only feeds them.

Everything is seen "as of" ``today``: payments dated after it have not arrived, so
asking about a past day gives what the owner would have seen then.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.customers.history import (
    LatenessTotals,
    PaymentStats,
    Rating,
    RatingKind,
    rate_customer,
    stats_from_totals,
    suggested_terms,
)
from diva_desk.core.customers.promises import (
    DatedPayment,
    PromiseFacts,
    PromiseOutcome,
    promise_status,
)
from diva_desk.core.money import from_minor, from_units
from diva_desk.store.book.db import db
from diva_desk.store.book.minor import OWNER_CURRENCY, face_value_sql
from diva_desk.store.book.settings import suggested_deposit_percent
from diva_desk.store.invoices.paid_dates import paid_dates_cte


@dataclass(frozen=True)
class CustomerStanding:
    customer_id: int
    stats: PaymentStats
    rating: Rating
    suggested_terms: str


# Each sent invoice fully paid by today (store.paid_dates finds the day) and how many
# days after its due date that was. An invoice not settled by today is open; the
# oldest open due date feeds the risky rule. {only} narrows the query to one
# customer, or to none with "1 = 1".
_LATENESS = (
    """
WITH {paid_dates},
settled AS (
    SELECT d.invoice_id, i.customer_id, """
    # Weights at face value, in hundredths of each invoice's currency (no exchange rates).
    + face_value_sql("i.total_cents", "i.currency").replace("{", "{{").replace("}", "}}")
    + """ AS total_cents,
           MAX(CAST(julianday(d.paid_date) - julianday(i.due_date) AS INTEGER), 0) AS days_late
    FROM paid_dates d JOIN invoice i ON i.id = d.invoice_id
),
lateness AS (
    SELECT customer_id, COUNT(*) AS paid_invoices, SUM(days_late = 0) AS on_time,
           SUM(days_late * total_cents) AS weighted, SUM(total_cents) AS amount,
           MAX(days_late) AS longest
    FROM settled GROUP BY customer_id
),
still_open AS (
    SELECT i.customer_id, MIN(i.due_date) AS oldest_due
    FROM invoice i
    WHERE i.state = 'sent' AND i.total_cents > 0 AND {only}
      AND i.id NOT IN (SELECT invoice_id FROM settled)
    GROUP BY i.customer_id
)
SELECT c.id, c.deposit_percent_units,
       COALESCE(l.paid_invoices, 0), COALESCE(l.on_time, 0), COALESCE(l.weighted, 0),
       COALESCE(l.amount, 0), COALESCE(l.longest, 0), o.oldest_due
FROM customer c
LEFT JOIN lateness l ON l.customer_id = c.id
LEFT JOIN still_open o ON o.customer_id = c.id
WHERE {only_customer}
"""
)

# Each promise with every payment that may count toward it: the promised invoice's
# payments, or for a promise about the whole balance all the customer's payments,
# dated within the promise's window and not after today. One row per promise and
# payment, plus rows without a payment (the core skips those).
_PROMISES = """
SELECT pr.id, pr.customer_id, pr.made_on, pr.promised_date, pr.amount_cents,
       p.date, p.amount_cents, {promise_currency}, i.currency
FROM promise pr
LEFT JOIN invoice i
    ON i.customer_id = pr.customer_id AND (pr.invoice_id IS NULL OR i.id = pr.invoice_id)
LEFT JOIN payment p
    ON p.invoice_id = i.id
   AND p.date >= pr.made_on AND p.date <= pr.promised_date AND p.date <= :today
WHERE {only}
ORDER BY pr.id
"""


def customer_ratings(
    today: dt.date, default_deposit_percent: Decimal | None = None
) -> dict[int, CustomerStanding]:
    """Every customer's standing, by customer id, in two queries.

    ``default_deposit_percent`` is suggested to customers who have no deposit
    percent of their own; by default the book's setting (store.settings), so the
    list, the customer's page, the call list and the invoice editor all say the same.
    """
    return _standings(today, default_deposit_percent, customer_id=None)


def customer_standing(
    customer_id: int,
    today: dt.date,
    default_deposit_percent: Decimal | None = None,
) -> CustomerStanding | None:
    """One customer's standing (None for no such customer), for a customer's page."""
    return _standings(today, default_deposit_percent, customer_id).get(customer_id)


def promise_outcomes(today: dt.date, customer_id: int | None = None) -> dict[int, PromiseOutcome]:
    """What became of each promise (by promise id), optionally for one customer only."""
    return {
        promise_id: outcome
        for promise_id, (_customer, outcome) in _promise_outcomes(today, customer_id).items()
    }


def _standings(
    today: dt.date, default_deposit_percent: Decimal | None, customer_id: int | None
) -> dict[int, CustomerStanding]:
    if default_deposit_percent is None:
        default_deposit_percent = suggested_deposit_percent()
    promises: dict[int, list[PromiseOutcome]] = defaultdict(list)
    for owner, outcome in _promise_outcomes(today, customer_id).values():
        promises[owner].append(outcome)

    only, only_customer = (
        ("i.customer_id = :customer", "c.id = :customer")
        if customer_id is not None
        else ("1 = 1", "1 = 1")
    )
    sql = _LATENESS.format(paid_dates=paid_dates_cte(only), only=only, only_customer=only_customer)
    params = {"today": today.isoformat(), "customer": customer_id}
    standings = {}
    # The same few sentences for thousands of customers: format each once.
    terms: dict[tuple[RatingKind, Decimal], str] = {}
    for row in db.execute_sql(sql, params).fetchall():
        cid, deposit_units, paid, on_time, weighted, amount, longest, oldest_due = row
        totals = LatenessTotals(
            paid_invoices=paid,
            paid_on_time=on_time,
            # hundredths x days, back to currency-days: exact, a Decimal shift.
            weighted_days_late=Decimal(weighted).scaleb(-2),
            amount=Decimal(amount).scaleb(-2).quantize(Decimal("0.01")),
            longest_delay=longest,
        )
        due = dt.date.fromisoformat(oldest_due) if oldest_due else None
        stats = stats_from_totals(totals, promises.get(cid, ()), today, due)
        rating = rate_customer(stats, today)
        own_deposit = from_units(deposit_units)
        deposit = own_deposit if own_deposit > 0 else default_deposit_percent
        key = (rating.kind, deposit)
        if key not in terms:
            terms[key] = suggested_terms(rating, deposit)
        standings[cid] = CustomerStanding(cid, stats, rating, terms[key])
    return standings


def _promise_outcomes(
    today: dt.date, customer_id: int | None
) -> dict[int, tuple[int, PromiseOutcome]]:
    """Promise id -> (customer id, outcome), from one query."""
    only = "pr.customer_id = :customer" if customer_id is not None else "1 = 1"
    sql = _PROMISES.format(only=only, promise_currency=OWNER_CURRENCY.format(row="pr"))
    params = {"today": today.isoformat(), "customer": customer_id}
    facts: dict[int, tuple[int, PromiseFacts]] = {}
    payments: dict[int, list[DatedPayment]] = defaultdict(list)
    rows = db.execute_sql(sql, params).fetchall()
    for pid, owner, made_on, promised, units, paid_on, paid_units, currency, paid_in in rows:
        if pid not in facts:
            facts[pid] = (
                owner,
                PromiseFacts(
                    made_on=dt.date.fromisoformat(made_on),
                    promised_date=dt.date.fromisoformat(promised),
                    amount=from_minor(units, currency),
                ),
            )
        if paid_on is not None:
            payments[pid].append(
                DatedPayment(dt.date.fromisoformat(paid_on), from_minor(paid_units, paid_in))
            )
    return {
        pid: (
            owner,
            PromiseOutcome(promise.promised_date, promise_status(promise, payments[pid], today)),
        )
        for pid, (owner, promise) in facts.items()
    }
