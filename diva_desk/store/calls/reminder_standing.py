"""A customer's standing for a reminder, from the same facts the call list reads.

The rule is core.calls.holds; this module only hands it one customer's slice of
store.calls.situation_on, so a letter, the call list and (later) a reminder email
can never disagree about what an agreement holds back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from diva_desk.core.calls.holds import ReminderStanding, hold_text, reminder_standing
from diva_desk.store.book import models as m
from diva_desk.store.calls.call_list import call_settings, situation_on


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
    situation = situation_on(day, call_settings(), ratings=False)
    row = m.Customer.select(m.Customer.name, m.Customer.currency).where(
        m.Customer.id == customer_id
    )
    name, currency = row.tuples().get()
    invoices = [i for i in situation.invoices if i.customer_id == customer_id]
    standing = reminder_standing(
        customer_id,
        currency,
        invoices,
        [p for p in situation.promises if p.customer_id == customer_id],
        [p for p in situation.plans if p.customer_id == customer_id],
        day,
        situation.disputes,
    )
    hold = standing.hold
    return LetterStanding(
        standing,
        frozenset(i.number for i in invoices if i.id in standing.held),
        hold_text(hold, name) if hold is not None else "",
        {i.number: standing.held_amounts[i.id] for i in invoices if i.id in standing.held_amounts},
    )
