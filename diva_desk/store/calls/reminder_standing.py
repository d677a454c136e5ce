"""A customer's standing for a reminder, from the same facts the call list reads.

The rule is core.calls.holds; this module only hands it one customer's slice of
the facts store.calls.situation_on reads for the whole book (the same SQL, narrowed
to the customer through its indexes), so a letter, the call list and (later) a
reminder email can never disagree about what an agreement holds back. Five
statements whatever the size of the book.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from diva_desk.core.calls.escalation import BROKEN_PROMISE_MEMORY_DAYS
from diva_desk.core.calls.holds import ReminderStanding, hold_text, reminder_standing
from diva_desk.store.as_of import open_on, paid_by
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.calls.call_list import (
    ALL,
    OPEN_PROBLEMS_SQL,
    PLANS_SQL,
    PROMISES_SQL,
)
from diva_desk.store.calls.situation_rows import open_invoice, plan_facts, promise_facts

# The call list's open invoices (store.calls.call_list) of one customer; when they
# were last talked about is the call list's business, not a letter's (NULL).
_OPEN_INVOICES = f"""
SELECT i.id, i.number, i.customer_id, i.currency, i.issue_date, i.due_date, i.total_cents,
       {paid_by(":day")}, i.sent_date, i.received_confirmed_date, i.deposit_cents,
       i.deposit_due_date, NULL
FROM invoice i
WHERE i.customer_id = :customer AND {open_on(":day")}
"""
_INSTALLMENTS = """
SELECT plan_id, due_date, amount_cents FROM installment
WHERE plan_id IN (SELECT id FROM payment_plan WHERE customer_id = :customer)
ORDER BY plan_id, position, id
"""


@dataclass(frozen=True)
class LetterStanding:
    standing: ReminderStanding
    #: The numbers of the invoices an agreement holds back: the letter leaves them off.
    held_numbers: frozenset[str]
    #: Why no letter may go out, in one line; empty when one may (or nothing is overdue).
    reason: str
    #: How much of each invoice (by number) a promise or plan holds back, the whole ones
    #: included: a letter asks only for the rest of an invoice partly covered.
    held_amounts: Mapping[str, Decimal] = field(default_factory=dict)


def letter_standing(customer_id: int, day: dt.date) -> LetterStanding:
    """What a reminder written on ``day`` may ask of the customer, and why not the rest."""
    row = m.Customer.select(m.Customer.name, m.Customer.currency).where(
        m.Customer.id == customer_id
    )
    name, currency = row.tuples().get()
    params = {
        "customer": customer_id,
        "day": day.isoformat(),
        "next": (day + dt.timedelta(days=1)).isoformat(),
        "since": (day - dt.timedelta(days=BROKEN_PROMISE_MEMORY_DAYS)).isoformat(),
    }

    def rows(sql: str, column: str = "") -> list[tuple]:
        only = f"{column} = :customer" if column else ALL
        return db.execute_sql(sql.replace("{only}", only), params).fetchall()

    invoices = [open_invoice(r) for r in rows(_OPEN_INVOICES)]
    disputes = frozenset((r[1], r[2]) for r in rows(OPEN_PROBLEMS_SQL, "f.customer_id"))
    standing = reminder_standing(
        customer_id,
        currency,
        invoices,
        [promise_facts(r, day) for r in rows(PROMISES_SQL, "pr.customer_id")],
        plan_facts(rows(PLANS_SQL, "pl.customer_id"), rows(_INSTALLMENTS)),
        day,
        disputes,
    )
    hold = standing.hold
    return LetterStanding(
        standing,
        frozenset(i.number for i in invoices if i.id in standing.held),
        hold_text(hold, name) if hold is not None else "",
        {i.number: standing.held_amounts[i.id] for i in invoices if i.id in standing.held_amounts},
    )
