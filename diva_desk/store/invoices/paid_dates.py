"""The day each invoice became fully paid, found in SQL: one definition for every report.

The customer history (lateness against the due date) and the reports (days to pay
from the issue date, by month) both need "the date it was paid". Written twice,
the two would drift apart the first time someone fixed one, so the window-function
query lives here once as a CTE to splice into a ``WITH`` clause.
"""

from __future__ import annotations


def paid_dates_cte(only: str = "1 = 1") -> str:
    """CTEs ending in ``paid_dates(invoice_id, paid_date)``, for a ``WITH`` clause.

    The paid date is the date of the payment at which the running sum of the
    invoice's payments (in date order, then entry order) first reached its total.
    The running sum only grows, so that is the earliest date at which it is reached.
    Only sent invoices with a positive total count (a zero invoice was never owed
    anything and teaches nothing), and only payments dated on or before the named
    parameter ``:today``: an invoice settled later is still open as of that day.

    ``only`` narrows the invoices, written against the alias ``i`` (for example
    ``"i.customer_id = :customer"``); it is SQL text, never user input.
    """
    return f"""
paid_running AS (
    SELECT p.invoice_id, i.total_cents, p.date,
           SUM(p.amount_cents) OVER (
               PARTITION BY p.invoice_id ORDER BY p.date, p.id
           ) AS reached
    FROM payment p JOIN invoice i ON i.id = p.invoice_id
    WHERE p.date <= :today AND i.state = 'sent' AND i.total_cents > 0 AND {only}
),
paid_dates AS (
    SELECT invoice_id, MIN(date) AS paid_date
    FROM paid_running WHERE reached >= total_cents
    GROUP BY invoice_id
)"""


def paid_date_sql(paid: str, last_paid: str, invoice: str = "i", day: str | None = ":today") -> str:
    """SQL for the paid date of the invoice aliased ``invoice``: NULL while not paid in full.

    The same day as :func:`paid_dates_cte` finds, one invoice at a time, from what
    the caller has already summed: ``paid``, the sum of its payments dated on or
    before ``day`` (SQL text such as ``":today"``; ``None`` for every payment), and
    ``last_paid``, the latest of their dates. The usual invoice is paid exactly, and
    then the day is its last payment's (every payment is more than zero, so the sum
    first reached the total then); only an overpaid one walks its running sum (a
    day's payments count together, so their order within the day does not matter).
    The caller picks the invoices (sent, with a positive total).
    """
    dated = "" if day is None else f" AND p.date <= {day}"
    walked = f"""(
        SELECT MIN(date) FROM (
            SELECT p.date, SUM(p.amount_cents) OVER (ORDER BY p.date) AS reached
            FROM payment p WHERE p.invoice_id = {invoice}.id{dated}
        ) WHERE reached >= {invoice}.total_cents
    )"""
    # A simple CASE reads the sum once: -1 short of the total, 0 exact, 1 overpaid.
    return f"""(CASE MIN(MAX({paid} - {invoice}.total_cents, -1), 1)
        WHEN 0 THEN {last_paid}
        WHEN 1 THEN {walked}
    END)"""
