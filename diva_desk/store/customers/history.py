"""Customers' payment history, rating and suggested terms, for every customer at once.

Two queries whatever the size of the book: one adds up each customer's paid
invoices (lateness) and finds their oldest open invoice; one counts the promises
each customer kept and broke. The rules themselves live in
core.history and core.promises; this module only feeds them.

Everything is seen "as of" ``today``: payments dated after it have not arrived, so
asking about a past day gives what the owner would have seen then.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.customers.history import (
    LatenessTotals,
    PaymentStats,
    PromiseTotals,
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
from diva_desk.store.invoices.paid_dates import paid_date_sql


@dataclass(frozen=True)
class CustomerStanding:
    customer_id: int
    stats: PaymentStats
    rating: Rating
    suggested_terms: str


# Each sent invoice fully paid by today (store.paid_dates finds the day) and how many
# days after its due date that was; one not settled by today is open, and the oldest
# open due date feeds the risky rule. Summed per customer and currency first, so
# each sum is weighed at face value once, not each invoice ({face} turns a sum in
# minor units into hundredths: no exchange rates). {only} narrows the invoices to
# one customer's or a list of them, or to none with "1 = 1"; {only_customer} the
# customers likewise.
# ("+i.state" keeps SQLite off the state index: for every customer, reading the
# invoices in id order lets them group by id without sorting a hundred thousand.)
_LATENESS = """
WITH paid AS MATERIALIZED (
    SELECT i.id, i.customer_id, i.currency, i.due_date, i.total_cents,
           SUM(p.amount_cents) AS paid, MAX(p.date) AS last_paid
    FROM invoice i
    LEFT JOIN payment p ON p.invoice_id = i.id AND p.date <= :today
    WHERE +i.state = 'sent' AND i.total_cents > 0 AND {only}
    GROUP BY i.id
),
settled AS MATERIALIZED (
    SELECT customer_id, currency, due_date, total_cents, {paid_date} AS paid_date FROM paid i
),
dated AS (
    SELECT customer_id, currency, due_date, total_cents, paid_date,
           MAX(CAST(julianday(paid_date) - julianday(due_date) AS INTEGER), 0) AS days_late
    FROM settled
),
per_currency AS (
    SELECT customer_id, currency, COUNT(paid_date) AS paid_invoices,
           SUM(days_late = 0) AS on_time, SUM(days_late * total_cents) AS weighted,
           SUM(CASE WHEN paid_date IS NOT NULL THEN total_cents END) AS amount,
           MAX(days_late) AS longest,
           MIN(CASE WHEN paid_date IS NULL THEN due_date END) AS oldest_due
    FROM dated GROUP BY customer_id, currency
),
per_customer AS (
    SELECT customer_id, SUM(paid_invoices) AS paid_invoices, SUM(on_time) AS on_time,
           SUM({face_weighted}) AS weighted, SUM({face_amount}) AS amount,
           MAX(longest) AS longest, MIN(oldest_due) AS oldest_due
    FROM per_currency GROUP BY customer_id
)
SELECT c.id, c.deposit_percent_units,
       COALESCE(l.paid_invoices, 0), COALESCE(l.on_time, 0), COALESCE(l.weighted, 0),
       COALESCE(l.amount, 0), COALESCE(l.longest, 0), l.oldest_due
FROM customer c
LEFT JOIN per_customer l ON l.customer_id = c.id
WHERE {only_customer}
"""

# What became of each promise, counted per customer. Money toward a promise is
# its invoice's payments, or for a promise about the whole balance all the
# customer's, dated from the day it was made through the promised date and not
# after today, at face value (a customer may pay in two currencies); kept once
# that reaches the amount, broken once the promised date has passed without it
# (core.promises.promise_status, which the tests hold this to).
_TOWARD = """(SELECT SUM({face}) FROM invoice i JOIN payment p ON p.invoice_id = i.id
    WHERE {which} AND i.customer_id = pr.customer_id
      AND p.date >= pr.made_on AND p.date <= pr.promised_date AND p.date <= :today)"""
_PROMISE_COUNTS = """
WITH toward AS MATERIALIZED (
    SELECT pr.customer_id, pr.promised_date,
           {owed} AS owed,
           COALESCE(CASE WHEN pr.invoice_id IS NULL THEN {whole} ELSE {one} END, 0) AS paid
    FROM promise pr WHERE {only}
)
SELECT customer_id, SUM(paid >= owed), SUM(paid < owed AND promised_date < :today),
       MAX(CASE WHEN paid < owed AND promised_date < :today THEN promised_date END)
FROM toward GROUP BY customer_id
"""


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


def ratings_of(customer_ids: Collection[int], today: dt.date) -> dict[int, CustomerStanding]:
    """The standing of just these customers (the call list's callers), by customer id.

    The same two queries as :func:`customer_ratings`, narrowed to the ids: they walk
    those customers' invoices and promises through their indexes, not the whole book.
    """
    return _standings(today, None, None, frozenset(customer_ids))


def rating_kinds_of(
    customer_ids: Collection[int], today: dt.date, oldest_open_due: Mapping[int, dt.date]
) -> dict[int, RatingKind]:
    """Just the rating of these customers (the call list ranks by nothing more).

    The same answer as :func:`ratings_of`, in the same three statements, found more
    cheaply: the present-day warnings (a promise broken lately, an invoice long
    overdue) come first in ``rate_customer`` and need no payment history, so a
    customer they make risky is rated from their promises and ``oldest_open_due``
    (the due date of their oldest invoice still open on ``today``, which the call
    list already holds) alone. Only the others' invoices are walked for their
    lateness: on the ten-year book, a third of the callers. An open invoice left out
    of ``oldest_open_due`` only sends its customer the long way.
    """
    ids = frozenset(customer_ids)
    params = {"today": today.isoformat(), "customers": json.dumps(sorted(ids))}
    promises = _promise_totals(params, _which(None, ids))
    kinds: dict[int, RatingKind] = {}
    for cid in ids:
        # No paid invoice counted: rate_customer can only answer from the warnings
        # (risky) or else "new"; risky from the warnings holds whatever the history.
        counted = promises.get(cid, PromiseTotals())
        warned = stats_from_totals(LatenessTotals(), counted, today, oldest_open_due.get(cid))
        if rate_customer(warned, today).kind is RatingKind.RISKY:
            kinds[cid] = RatingKind.RISKY
    rest = _standings(today, None, None, ids - kinds.keys(), promises)
    kinds.update((cid, standing.rating.kind) for cid, standing in rest.items())
    return kinds


def promise_outcomes(today: dt.date, customer_id: int | None = None) -> dict[int, PromiseOutcome]:
    """What became of each promise (by promise id), optionally for one customer only."""
    return {
        promise_id: outcome
        for promise_id, (_customer, outcome) in _promise_outcomes(today, customer_id).items()
    }


def _standings(
    today: dt.date,
    default_deposit_percent: Decimal | None,
    customer_id: int | None,
    customers: frozenset[int] | None = None,
    promises: dict[int, PromiseTotals] | None = None,
) -> dict[int, CustomerStanding]:
    if default_deposit_percent is None:
        default_deposit_percent = suggested_deposit_percent()
    params = {
        "today": today.isoformat(),
        "customer": customer_id,
        "customers": None if customers is None else json.dumps(sorted(customers)),
    }
    which = _which(customer_id, customers)
    if promises is None:
        promises = _promise_totals(params, which)
    standings = {}
    # The same few sentences for thousands of customers: format each once.
    terms: dict[tuple[RatingKind, Decimal], str] = {}
    no_promises = PromiseTotals()
    lateness = _lateness_sql(which, listed=customers is not None and len(customers) > SCAN_ABOVE)
    for row in db.execute_sql(lateness, params).fetchall():
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
        stats = stats_from_totals(totals, promises.get(cid, no_promises), today, due)
        rating = rate_customer(stats, today)
        own_deposit = from_units(deposit_units)
        deposit = own_deposit if own_deposit > 0 else default_deposit_percent
        key = (rating.kind, deposit)
        if key not in terms:
            terms[key] = suggested_terms(rating, deposit)
        standings[cid] = CustomerStanding(cid, stats, rating, terms[key])
    return standings


def _which(customer_id: int | None, customers: frozenset[int] | None) -> str:
    """A SQL condition on ``{column}``, the customer asked about: one, a list, or all."""
    if customer_id is not None:
        return "{column} = :customer"
    if customers is not None:
        return "{column} IN (SELECT value FROM json_each(:customers))"
    return "1 = 1"


#: A list of more customers than this has its invoices read in one pass over the table.
SCAN_ABOVE = 300


def _lateness_sql(which: str, *, listed: bool = False) -> str:
    # A long list of customers (``listed``) picks its invoices while reading the table in
    # id order ("+" keeps SQLite off invoice_customer): the callers of a large book own
    # half its invoices, and fetching those by customer, scattered over the table, costs
    # twice as much, and then they have to be sorted by id to group them. A page of
    # customers (the customer list rates the rows it shows) goes through the index.
    return _LATENESS.format(
        paid_date=paid_date_sql("i.paid", "i.last_paid"),
        only=which.format(column="+i.customer_id" if listed else "i.customer_id"),
        only_customer=which.format(column="c.id"),
        face_weighted=face_value_sql("weighted", "currency"),
        face_amount=face_value_sql("amount", "currency"),
    )


def _promise_totals(params: dict[str, object], which: str) -> dict[int, PromiseTotals]:
    """Kept and broken promises per customer, counted in one query."""
    face = face_value_sql("p.amount_cents", "i.currency")
    sql = _PROMISE_COUNTS.format(
        owed=face_value_sql("pr.amount_cents", OWNER_CURRENCY.format(row="pr")),
        whole=_TOWARD.format(face=face, which="1 = 1"),
        one=_TOWARD.format(face=face, which="i.id = pr.invoice_id"),
        only=which.format(column="pr.customer_id"),
    )
    return {
        cid: PromiseTotals(kept, broken, dt.date.fromisoformat(last) if last else None)
        for cid, kept, broken, last in db.execute_sql(sql, params).fetchall()
    }


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
