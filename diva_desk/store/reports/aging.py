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
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.money import from_minor
from diva_desk.core.papers import AgingDocument
from diva_desk.core.reports.aging import (
    CURRENT_UNTIL_DAYS,
    FIRST_BUCKET_UNTIL_DAYS,
    SECOND_BUCKET_UNTIL_DAYS,
    THIRD_BUCKET_UNTIL_DAYS,
    AgingBucket,
    AgingTotals,
)
from diva_desk.core.reports.receivables import AgingReport, AgingRow
from diva_desk.store.as_of import balance_on, owed_on
from diva_desk.store.book.db import db
from diva_desk.store.book.minor import face_value_sql
from diva_desk.store.invoices.documents import letterhead

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


def as_of_days_cte(days: Sequence[dt.date]) -> tuple[str, dict[str, str]]:
    """The CTE ``as_of_days(day)`` listing ``days``, and its named parameters."""
    names = [f"as_of_{n}" for n in range(len(days))]
    values = ", ".join(f"(:{name})" for name in names)
    return (
        f"as_of_days(day) AS (VALUES {values})",
        {name: day.isoformat() for name, day in zip(names, days, strict=True)},
    )


def open_balances_cte() -> str:
    """CTEs ending in ``open_balances``: each invoice with money owed on each ``as_of_days``.

    Columns: ``day`` (the as-of day), ``id, customer_id, currency, number,
    issue_date, due_date``, ``balance`` (minor units, more than zero), ``days`` (past due
    on ``day``; zero or less is not yet due) and ``bucket``. The ``WITH`` clause must
    define ``as_of_days(day)`` first (see :func:`as_of_days_cte`). This is the one
    definition of "owed on a day" for the aging, the top debtors and DSO.
    """
    days = "CAST(julianday(d.day) - julianday(i.due_date) AS INTEGER)"
    return f"""
owed_on_day AS (
    SELECT d.day, i.id, i.customer_id, i.currency, i.number, i.issue_date, i.due_date,
           {balance_on("d.day")} AS balance,
           {days} AS days
    FROM as_of_days d
    JOIN invoice i ON {owed_on("d.day")}
),
open_balances AS (
    SELECT *, {bucket_case("days")} AS bucket FROM owed_on_day WHERE balance > 0
)"""


_BUCKET_SUMS = ", ".join(
    f"SUM(CASE WHEN bucket = '{bucket.value}' THEN balance ELSE 0 END)" for bucket in AgingBucket
)

# Customer rows and currency totals in one statement; a total row has no customer.
_AGING = f"""
WITH {{as_of_days}}, {open_balances_cte()},
per_customer AS (
    SELECT customer_id, currency, {_BUCKET_SUMS}, MIN(due_date) AS oldest_due
    FROM open_balances GROUP BY customer_id, currency
),
per_currency AS (
    SELECT NULL AS customer_id, currency, {_BUCKET_SUMS}, MIN(due_date) AS oldest_due
    FROM open_balances GROUP BY currency
)
SELECT r.*, c.code, c.name FROM per_customer r JOIN customer c ON c.id = r.customer_id
UNION ALL
SELECT r.*, NULL, NULL FROM per_currency r
"""


def aging_report(as_of: dt.date) -> AgingReport:
    """Receivables aging on ``as_of``, in one SQL statement whatever the size of the book."""
    totals: list[AgingRow] = []
    customers: list[AgingRow] = []
    days, params = as_of_days_cte([as_of])
    for row in db.execute_sql(_AGING.format(as_of_days=days), params).fetchall():
        customer_id, currency, *sums, oldest_due, code, name = row
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
        (customers if customer_id is not None else totals).append(aged)
    totals.sort(key=lambda r: r.currency)
    customers.sort(key=lambda r: (r.name.casefold(), r.code, r.currency))
    return AgingReport(as_of=as_of, totals=tuple(totals), customers=tuple(customers))


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
WITH {{as_of_days}}, {open_balances_cte()},
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


def top_debtors(as_of: dt.date, limit: int = 10) -> tuple[TopDebtor, ...]:
    """The ``limit`` customers owing the most on ``as_of``, most first, in one query.

    A customer owing in two currencies has a row for each. Amounts in different
    currencies are ranked at face value: the book keeps no exchange rates, and a
    list of who to chase needs one order, not a conversion.
    """
    days, params = as_of_days_cte([as_of])
    sql = _TOP_DEBTORS.format(as_of_days=days)
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
    business, logo = letterhead()
    return AgingDocument(business=business, report=aging_report(as_of), logo=logo)
