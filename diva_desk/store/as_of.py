"""What "owed as of a day" means, written once for every figure that says it.

A balance as of a day counts the invoices issued on or before that day, less the
payments dated on or before it. Drafts are not owed yet and void invoices never
were. That is what the owner would have seen that evening, and it is the rule
whether the day is today or a day in the past: an invoice dated next week (typed
ahead, or brought in by an import) is not owed yet, and a payment dated next
week has not arrived. The status bar, the Today panel and its call list, the
customer and invoice lists, the statement and the letters, the aging report, the
calendar export and the outcomes of a call all splice in these pieces of SQL, so
they cannot disagree about a void invoice or a future-dated invoice or payment.

``day`` is SQL text for an ISO date: a named parameter (``":as_of"``) or a column
(``"d.day"``); never user input. ``None`` is no day in particular: every sent
invoice and every payment recorded, whatever their dates. That is the room a new
payment must fit in, so that no day's balance goes below zero.
"""

from __future__ import annotations


def owed_on(day: str | None, invoice: str = "i") -> str:
    """SQL condition: the invoice aliased ``invoice`` counts toward balances on ``day``."""
    if day is None:
        return f"({invoice}.state = 'sent')"
    return f"({invoice}.state = 'sent' AND {invoice}.issue_date <= {day})"


def paid_by(day: str | None, invoice: str = "i") -> str:
    """SQL for the cents received on the invoice aliased ``invoice`` by ``day`` (zero if none).

    A correlated sum walks the payment index for one invoice; it beats joining
    every payment and grouping (measured on 30,000 invoices).
    """
    dated = "" if day is None else f" AND paid_p.date <= {day}"
    return (
        "COALESCE((SELECT SUM(paid_p.amount_cents) FROM payment paid_p "
        f"WHERE paid_p.invoice_id = {invoice}.id{dated}), 0)"
    )


def balance_on(day: str | None, invoice: str = "i", first_paid: str | None = None) -> str:
    """SQL for the cents the invoice aliased ``invoice`` owes on ``day``: zero unless owed then.

    ``first_paid``, SQL for the date of the invoice's first payment (NULL when none),
    spares the sum of its payments on a day before it: nothing was paid by then.
    """
    paid = paid_by(day, invoice)
    if first_paid is not None and day is not None:
        paid = f"(CASE WHEN {first_paid} IS NULL OR {first_paid} > {day} THEN 0 ELSE {paid} END)"
    return (
        f"(CASE WHEN {owed_on(day, invoice)} "
        f"THEN MAX({invoice}.total_cents - {paid}, 0) ELSE 0 END)"
    )


def open_on(day: str | None, invoice: str = "i") -> str:
    """SQL condition: the invoice aliased ``invoice`` still has a balance on ``day``."""
    return f"({owed_on(day, invoice)} AND {invoice}.total_cents > {paid_by(day, invoice)})"
