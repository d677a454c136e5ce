"""Receivables aging and the customers who owe the most, as of any day, in SQL.

"As of" a day is store.as_of's rule, the one every balance follows: invoices
issued on or before it, less payments dated on or before it. Drafts are not owed
yet and void invoices never were. (A void keeps no date, so an invoice voided
since is left out of past days too.) The totals are exactly
store.queries.total_owed of the same day: the tests hold them together.

The bucket limits come from core.aging; the SQL ``CASE`` is built from them, so the
aging command, the statement and this report cannot disagree about day 30.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from diva_desk.core.money import from_minor
from diva_desk.core.reports.aging import (
    CURRENT_UNTIL_DAYS,
    FIRST_BUCKET_UNTIL_DAYS,
    SECOND_BUCKET_UNTIL_DAYS,
    THIRD_BUCKET_UNTIL_DAYS,
    AgingBucket,
    AgingTotals,
)
from diva_desk.core.reports.receivables import AgingReport, AgingRow
from diva_desk.store.as_of import balance_on, owed_on, paid_by
from diva_desk.store.book.db import db
from diva_desk.store.book.minor import face_value_sql
from diva_desk.store.invoices.paid_dates import paid_date_sql
from diva_desk.store.invoices.unpaid import Unpaid, kept_unpaid

if TYPE_CHECKING:
    from diva_desk.core.papers import AgingDocument

#: Each bucket with the last day past due it holds; ``None`` holds everything older.
BUCKET_LIMITS: tuple[tuple[AgingBucket, int | None], ...] = (
    (AgingBucket.CURRENT, CURRENT_UNTIL_DAYS),
    (AgingBucket.DAYS_1_30, FIRST_BUCKET_UNTIL_DAYS),
    (AgingBucket.DAYS_31_60, SECOND_BUCKET_UNTIL_DAYS),
    (AgingBucket.DAYS_61_90, THIRD_BUCKET_UNTIL_DAYS),
    (AgingBucket.OVER_90, None),
)


def bucket_case(days: str) -> str:
    """SQL that names the bucket (``'current'``, ``'1-30'``, ...) of the ``days`` expression."""
    arms = " ".join(
        f"WHEN {days} <= {int(limit)} THEN '{bucket.value}'"
        for bucket, limit in BUCKET_LIMITS
        if limit is not None
    )
    return f"CASE {arms} ELSE '{AgingBucket.OVER_90.value}' END"


def as_of_days_cte(
    days: Sequence[dt.date],
    detailed: Collection[dt.date] | None = None,
    unpaid: Unpaid | None = None,
) -> tuple[str, dict[str, str]]:
    """The CTE ``as_of_days(day, detailed)`` listing ``days``, and its named parameters.

    ``detailed`` is 1 for the days whose rows per customer are wanted (all of them
    unless ``detailed`` names some), 0 for those where the totals are enough. When
    the invoices not fully paid on the last of the days or a later day are at hand
    (``unpaid``, read by the caller, or kept by this connection: store.invoices.unpaid),
    the parameters hold them as ``unpaid`` and that day as ``unpaid_day``, and
    :func:`open_balances_cte` starts from them (``narrowed``) instead of weighing
    every invoice.
    """
    names = [f"as_of_{n}" for n in range(len(days))]
    values = ", ".join(
        f"(:{name}, {int(detailed is None or day in detailed)})"
        for name, day in zip(names, days, strict=True)
    )
    params = {name: day.isoformat() for name, day in zip(names, days, strict=True)}
    if days and (unpaid is None or unpaid.day < max(days)):
        unpaid = kept_unpaid(max(days))
    if unpaid is not None:
        params["unpaid"] = unpaid.ids
        params["unpaid_day"] = unpaid.day.isoformat()
    return f"as_of_days(day, detailed) AS (VALUES {values})", params


def open_balances_cte(narrowed: bool = False) -> str:
    """CTEs ending in ``open_balances``: each invoice with money owed on each ``as_of_days``.

    Columns: ``day`` (the as-of day), ``id, customer_id, currency, number,
    issue_date, due_date``, ``balance`` (minor units, more than zero), ``days`` (past due
    on ``day``; zero or less is not yet due) and ``bucket``. The ``WITH`` clause must
    define ``as_of_days(day)`` first (see :func:`as_of_days_cte`). This is the one
    definition of "owed on a day" for the aging, the top debtors and DSO.

    The balance is store.as_of's rule, but asked only where it can be more than zero,
    so that twelve month ends cost about what one day does:

    * ``candidates``: an invoice fully paid by the earliest day stays paid on every
      later day (payments only add up), so only the sent invoices still owing
      something on the earliest day, and those issued since, are kept: one pass
      over the book, or, ``narrowed``, without weighing every invoice: one still
      owing on the earliest day either still owes on the day of ``:unpaid`` (the
      last or later, see :func:`as_of_days_cte`) or was paid in between (a payment
      dated between the two days, through the payments' date index); one issued
      since is found through the issue-date index.
    * ``settled_on``: the day each candidate became fully paid, if it did: the first
      day whose payments to date reach its total (store.paid_dates). It is open on a
      day it was issued by and not yet settled; only those pairs of (day, invoice)
      have their balance summed, and only on the days from its first payment (before
      it, it owes its total: most invoices are paid in one payment, on the day they
      are settled).
    """
    days = "CAST(julianday(d.day) - julianday(c.due_date) AS INTEGER)"
    every_payment = "(SELECT {} FROM payment p WHERE p.invoice_id = i.id)"
    settled_on = paid_date_sql(
        every_payment.format("SUM(p.amount_cents)"), every_payment.format("MAX(p.date)"), day=None
    )
    first_paid = every_payment.format("MIN(p.date)")
    return f"""
window_days AS (SELECT MIN(day) AS first, MAX(day) AS last FROM as_of_days),
candidates AS MATERIALIZED (
    SELECT i.id, i.state, i.customer_id, i.currency, i.number, i.issue_date, i.due_date,
           i.total_cents, {settled_on} AS settled_on, {first_paid} AS first_paid
    FROM window_days w, invoice i {_NARROWED if narrowed else "NOT INDEXED WHERE"}
      {owed_on("w.last")}
      AND (i.issue_date > w.first OR i.total_cents > {paid_by("w.first")})
),
owed_on_day AS MATERIALIZED (
    SELECT d.day, c.id, c.customer_id, c.currency, c.number, c.issue_date, c.due_date,
           {balance_on("d.day", "c", first_paid="c.first_paid")} AS balance,
           {days} AS days
    FROM as_of_days d
    JOIN candidates c
      ON c.issue_date <= d.day AND (c.settled_on IS NULL OR c.settled_on > d.day)
),
open_balances AS (
    SELECT *, {bucket_case("days")} AS bucket FROM owed_on_day WHERE balance > 0
)"""


_NARROWED = """
    WHERE i.id IN (
        SELECT value FROM json_each(:unpaid)
        UNION SELECT p.invoice_id FROM window_days w, payment p
            WHERE p.date > w.first AND p.date <= :unpaid_day
        UNION SELECT n.id FROM window_days w, invoice n
            WHERE n.issue_date > w.first AND n.issue_date <= w.last
    ) AND"""

_BUCKET_SUMS = ", ".join(
    f"SUM(CASE WHEN bucket = '{bucket.value}' THEN balance ELSE 0 END)" for bucket in AgingBucket
)

# Customer rows and currency totals in one statement; a total row has no customer.
_AGING = f"""
WITH {{as_of_days}}, {{open_balances}},
per_customer AS (
    SELECT day, customer_id, currency, {_BUCKET_SUMS}, MIN(due_date) AS oldest_due
    FROM open_balances WHERE day IN (SELECT day FROM as_of_days WHERE detailed)
    GROUP BY day, customer_id, currency
),
per_currency AS (
    SELECT day, NULL AS customer_id, currency, {_BUCKET_SUMS}, MIN(due_date) AS oldest_due
    FROM open_balances GROUP BY day, currency
)
SELECT r.*, c.code, c.name FROM per_customer r JOIN customer c ON c.id = r.customer_id
UNION ALL
SELECT r.*, NULL, NULL FROM per_currency r
"""


def aging_report(as_of: dt.date) -> AgingReport:
    """Receivables aging on ``as_of``, in one SQL statement whatever the size of the book."""
    return aging_reports([as_of])[0]


def aging_reports(
    days: Sequence[dt.date], totals_only: Collection[dt.date] = (), unpaid: Unpaid | None = None
) -> tuple[AgingReport, ...]:
    """The aging on each of ``days``, in the same order, in one SQL statement.

    On the days in ``totals_only`` the report has its currency totals but no rows
    per customer (a chart or DSO needs no more). Every day costs about what one does:
    the book is read once for all of them (see :func:`open_balances_cte`).
    """
    unique = sorted(set(days))
    if not unique:
        return ()
    totals: dict[dt.date, list[AgingRow]] = {day: [] for day in unique}
    customers: dict[dt.date, list[AgingRow]] = {day: [] for day in unique}
    detailed = {day for day in unique if day not in totals_only}
    cte, params = as_of_days_cte(unique, detailed, unpaid)
    sql = _AGING.format(as_of_days=cte, open_balances=open_balances_cte("unpaid" in params))
    for row in db.execute_sql(sql, params).fetchall():
        day, customer_id, currency, *sums, oldest_due, code, name = row
        aged = AgingRow(
            currency=currency,
            aging=AgingTotals(
                {
                    bucket: from_minor(units, currency)
                    for bucket, units in zip(AgingBucket, sums, strict=True)
                }
            ),
            oldest_due_date=dt.date.fromisoformat(oldest_due),
            customer_id=customer_id,
            code=code or "",
            name=name or "",
        )
        as_of = dt.date.fromisoformat(day)
        (customers if customer_id is not None else totals)[as_of].append(aged)
    reports = {}
    for day in unique:
        totals[day].sort(key=lambda r: r.currency)
        customers[day].sort(key=lambda r: (r.name.casefold(), r.code, r.currency))
        reports[day] = AgingReport(
            as_of=day, totals=tuple(totals[day]), customers=tuple(customers[day])
        )
    return tuple(reports[day] for day in days)


@dataclass(frozen=True)
class TopDebtor:
    """A customer owing much, with the open invoice that has waited longest."""

    customer_id: int
    code: str
    name: str
    currency: str
    balance: Decimal
    #: The part of ``balance`` past its due date.
    overdue: Decimal
    oldest_number: str
    oldest_issue_date: dt.date
    oldest_due_date: dt.date
    #: What is still owed on the oldest invoice.
    oldest_balance: Decimal

    def oldest_days_past_due(self, as_of: dt.date) -> int:
        return (as_of - self.oldest_due_date).days


_TOP_DEBTORS = f"""
WITH {{as_of_days}}, {{open_balances}},
ranked AS (
    SELECT customer_id, currency, number, issue_date, due_date, balance,
           ROW_NUMBER() OVER (
               PARTITION BY customer_id, currency ORDER BY due_date, issue_date, number
           ) AS n,
           SUM(balance) OVER (PARTITION BY customer_id, currency) AS owed,
           SUM(CASE WHEN days > 0 THEN balance ELSE 0 END)
               OVER (PARTITION BY customer_id, currency) AS overdue
    FROM open_balances
)
SELECT c.id, c.code, c.name, r.currency, r.owed, r.overdue,
       r.number, r.issue_date, r.due_date, r.balance
FROM ranked r JOIN customer c ON c.id = r.customer_id
WHERE r.n = 1
ORDER BY {face_value_sql("r.owed", "r.currency")} DESC, c.name COLLATE NOCASE, c.code, r.currency
LIMIT :limit
"""


def top_debtors(
    as_of: dt.date, limit: int = 10, unpaid: Unpaid | None = None
) -> tuple[TopDebtor, ...]:
    """The ``limit`` customers owing the most on ``as_of``, most first, in one query.

    A customer owing in two currencies has a row for each. Amounts in different
    currencies are ranked at face value: the book keeps no exchange rates, and a
    list of who to chase needs one order, not a conversion.
    """
    days, params = as_of_days_cte([as_of], unpaid=unpaid)
    balances = open_balances_cte("unpaid" in params)
    sql = _TOP_DEBTORS.format(as_of_days=days, open_balances=balances)
    rows = db.execute_sql(sql, {**params, "limit": limit})
    return tuple(
        TopDebtor(
            customer_id=cid,
            code=code,
            name=name,
            currency=currency,
            balance=from_minor(owed, currency),
            overdue=from_minor(overdue, currency),
            oldest_number=number,
            oldest_issue_date=dt.date.fromisoformat(issued),
            oldest_due_date=dt.date.fromisoformat(due),
            oldest_balance=from_minor(balance, currency),
        )
        for cid, code, name, currency, owed, overdue, number, issued, due, balance in rows
    )


def aging_document(as_of: dt.date) -> AgingDocument:
    """The aging on ``as_of`` with the business profile and logo, ready to print."""
    # Imported here: the documents' records are not needed to read the aging.
    from diva_desk.core.papers import AgingDocument
    from diva_desk.store.invoices.documents import letterhead

    business, logo = letterhead()
    return AgingDocument(business=business, report=aging_report(as_of), logo=logo)
