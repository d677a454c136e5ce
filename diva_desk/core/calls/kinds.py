"""The reasons of each kind: when each one starts, ends and what it says (rules.py).

Each function looks at one customer's facts on one list day and returns the
reasons of its kinds; the rules module puts them together into calls.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.calls.escalation import OverdueHistory, escalation_step
from diva_desk.core.calls.model import (
    CallSettings,
    CustomerFacts,
    DraftInvoice,
    FollowupFacts,
    OpenInvoice,
    PlanFacts,
    PromiseFacts,
    QuoteFacts,
    Reason,
    ReasonKind,
)
from diva_desk.core.calls.workdays import add_working_days, is_working_day, next_working_day
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.customers.terms import BillingCycle, day_in_month
from diva_desk.core.money import ZERO
from diva_desk.core.records import Outcome

MISSED_CALL = frozenset({Outcome.NO_ANSWER, Outcome.VOICEMAIL})
#: The courtesy call before a sent quote lapses comes up this many working days
#: before its valid-until date, and stays up to the date itself (docs/quotes.md).
QUOTE_EXPIRY_WORKING_DAYS = 3


@dataclass(frozen=True)
class ListDay:
    """The working day the list is for, and the last day it takes in."""

    day: dt.date
    last: dt.date
    settings: CallSettings


@dataclass(frozen=True)
class PlanState:
    plan: PlanFacts
    #: (due date, amount still unpaid) per installment not fully paid, in date order.
    unpaid: tuple[tuple[dt.date, Decimal], ...]


def late(date: dt.date, when: ListDay) -> int:
    return max((when.day - date).days, 0)


def until(date: dt.date, when: ListDay) -> int:
    return max((date - when.day).days, 0)


def spoken_since(customer: CustomerFacts, trigger: dt.date) -> bool:
    """The owner reached the customer on or after ``trigger`` (a missed call does not count)."""
    return (
        customer.last_contact is not None
        and customer.last_contact >= trigger
        and customer.last_outcome not in MISSED_CALL
    )


def currency_of(
    invoice_id: int | None, by_id: dict[int, OpenInvoice], customer: CustomerFacts
) -> str:
    invoice = by_id.get(invoice_id) if invoice_id is not None else None
    return invoice.currency if invoice else customer.currency


def promise_reasons(
    customer: CustomerFacts,
    promises: list[PromiseFacts],
    by_id: dict[int, OpenInvoice],
    when: ListDay,
) -> list[Reason]:
    reasons = []
    latest_made = max((p.made_on for p in promises), default=None)
    for p in promises:
        short = p.amount - p.paid_toward
        covered = by_id.get(p.invoice_id) if p.invoice_id is not None else None
        if p.invoice_id is not None and covered is None:
            continue  # the invoice is paid (or void): nothing left to ask for
        common = {
            "amount": min(short, covered.balance) if covered else short,
            "currency": currency_of(p.invoice_id, by_id, customer),
            "date": p.promised_date,
            "invoice": p.invoice_number,
            "invoice_id": p.invoice_id,
            "made_on": p.made_on,
        }
        if p.status is PromiseStatus.PENDING and when.day <= p.promised_date <= when.last:
            reasons.append(
                Reason(ReasonKind.PROMISE_DUE, days=until(p.promised_date, when), **common)
            )
        elif (
            p.status is PromiseStatus.BROKEN
            and next_working_day(p.promised_date, when.settings) <= when.last
            # Once a new promise is made or the owner has talked it over, the
            # broken promise is history: it lives on in the escalation step.
            and not (latest_made is not None and latest_made > p.promised_date)
            and not (customer.last_contact and customer.last_contact > p.promised_date)
        ):
            reasons.append(
                Reason(ReasonKind.BROKEN_PROMISE, days=late(p.promised_date, when), **common)
            )
    return reasons


def plan_state(plan: PlanFacts) -> PlanState:
    """Payments since the plan was agreed pay its installments in date order."""
    left = plan.paid_since_agreed
    unpaid = []
    for inst in sorted(plan.installments, key=lambda i: i.due_date):
        if left >= inst.amount:
            left -= inst.amount
            continue
        unpaid.append((inst.due_date, inst.amount - left))
        left = ZERO
    return PlanState(plan, tuple(unpaid))


def is_missed(due: dt.date, when: ListDay) -> bool:
    return next_working_day(due, when.settings) <= when.last


def missed_count(state: PlanState, when: ListDay) -> int:
    return sum(is_missed(due, when) for due, _amount in state.unpaid)


def plan_reasons(
    customer: CustomerFacts, plans: list[PlanState], by_id: dict[int, OpenInvoice], when: ListDay
) -> list[Reason]:
    reasons = []
    for state in plans:
        plan = state.plan
        common = {
            "currency": currency_of(plan.invoice_id, by_id, customer),
            "invoice": plan.invoice_number,
            "invoice_id": plan.invoice_id,
            "made_on": plan.agreed_on,
        }
        missed = [(due, amount) for due, amount in state.unpaid if is_missed(due, when)]
        if missed:
            first = missed[0][0]
            total = sum((amount for _due, amount in missed), ZERO)
            reasons.append(
                Reason(
                    ReasonKind.INSTALLMENT_MISSED,
                    total,
                    days=late(first, when),
                    date=first,
                    count=len(missed),
                    **common,
                )
            )
            continue
        due, amount = state.unpaid[0]
        trigger = due - dt.timedelta(days=when.settings.installment_soon_days)
        if trigger <= when.last and not spoken_since(customer, trigger):
            reasons.append(
                Reason(
                    ReasonKind.INSTALLMENT_DUE, amount, days=until(due, when), date=due, **common
                )
            )
    return reasons


def invoice_reasons(
    customer: CustomerFacts,
    invoice: OpenInvoice,
    held: bool,
    broken_promises: int,
    missed_installments: int,
    when: ListDay,
) -> list[Reason]:
    s = when.settings
    common = {"currency": invoice.currency, "invoice": invoice.number, "invoice_id": invoice.id}
    days = dt.timedelta
    if invoice.due_date + days(days=s.overdue_after_days) <= when.last:
        if held:
            return []
        days_late = late(invoice.due_date, when)
        history = OverdueHistory(
            days_overdue=days_late,
            partly_paid=invoice.paid > ZERO,
            reminded=invoice.last_contact is not None and invoice.last_contact > invoice.due_date,
            broken_promises=broken_promises,
            missed_installments=missed_installments,
        )
        step = escalation_step(history)
        return [
            Reason(
                ReasonKind.OVERDUE,
                invoice.balance,
                days=days_late,
                date=invoice.due_date,
                step=step,
                **common,
            )
        ]
    reasons = []
    deposit_left = invoice.deposit_amount - invoice.paid
    if (
        not held
        and deposit_left > ZERO
        and invoice.deposit_due_date is not None
        and invoice.deposit_due_date <= when.last
    ):
        reasons.append(
            Reason(
                ReasonKind.DEPOSIT_DUE,
                deposit_left,
                days=late(invoice.deposit_due_date, when),
                date=invoice.deposit_due_date,
                **common,
            )
        )
    soon = invoice.due_date - days(days=s.due_soon_days)
    if (
        not held
        and soon <= when.last
        and invoice.due_date >= when.day
        and not spoken_since(customer, soon)
    ):
        reasons.append(
            Reason(
                ReasonKind.DUE_SOON,
                invoice.balance,
                days=until(invoice.due_date, when),
                date=invoice.due_date,
                **common,
            )
        )
    sent = invoice.sent_date or invoice.issue_date
    checkin = sent + days(days=s.checkin_after_days)
    if (
        invoice.received_confirmed_date is None
        and checkin <= when.last
        and invoice.due_date >= when.day
        and not spoken_since(customer, checkin)
    ):
        reasons.append(
            Reason(
                ReasonKind.DELIVERY_CHECKIN,
                invoice.balance,
                days=(when.day - sent).days,
                date=sent,
                **common,
            )
        )
    return reasons


def cutoff_reasons(
    customer: CustomerFacts, drafts: list[DraftInvoice], when: ListDay
) -> list[Reason]:
    """Send the draft before the cut-off; once it has passed, send it now for the next cycle.

    A draft dated on or before a cut-off that passed unsent has missed it: it keeps
    calling (``missed``, days since the cut-off) until it is sent or the next
    cut-off's warning takes over. A draft dated after the cut-off missed nothing.
    """
    cutoff_day = customer.invoice_cutoff_day
    cutoff = BillingCycle(cutoff_day).next_cutoff(when.day)
    if cutoff is None or cutoff_day is None:
        return []
    if cutoff - dt.timedelta(days=when.settings.cutoff_warning_days) <= when.last:
        return [
            Reason(
                ReasonKind.CUTOFF, d.total, d.currency, until(cutoff, when), cutoff, d.number, d.id
            )
            for d in drafts
        ]
    passed = previous_cutoff(cutoff_day, when.day)
    return [
        Reason(
            ReasonKind.CUTOFF,
            d.total,
            d.currency,
            late(passed, when),
            passed,
            d.number,
            d.id,
            missed=True,
        )
        for d in drafts
        if d.issue_date is not None and d.issue_date <= passed
    ]


def previous_cutoff(cutoff_day: int, before: dt.date) -> dt.date:
    """The last cut-off strictly before ``before`` (a 31st cut-off is each month's end)."""
    this_month = day_in_month(before.year, before.month, cutoff_day)
    if this_month < before:
        return this_month
    last_month = before.replace(day=1) - dt.timedelta(days=1)
    return day_in_month(last_month.year, last_month.month, cutoff_day)


def followup_reasons(
    customer: CustomerFacts,
    followups: list[FollowupFacts],
    by_id: dict[int, OpenInvoice],
    when: ListDay,
) -> list[Reason]:
    """Follow-ups due by the horizon; they stay until the owner marks them done."""
    reasons = []
    for followup in followups:
        if followup.due_date > when.last:
            continue
        invoice = by_id.get(followup.invoice_id) if followup.invoice_id is not None else None
        reasons.append(
            Reason(
                ReasonKind.FOLLOWUP,
                invoice.balance if invoice else ZERO,
                invoice.currency if invoice else customer.currency,
                late(followup.due_date, when),
                followup.due_date,
                followup.invoice_number,
                followup.invoice_id,
                note=followup.reason,
                problem=followup.problem,
            )
        )
    return reasons


def quote_reasons(customer: CustomerFacts, quotes: list[QuoteFacts], when: ListDay) -> list[Reason]:
    """A sent quote that lapses within QUOTE_EXPIRY_WORKING_DAYS working days, or today.

    A courtesy call: done once the owner has spoken with the customer since it came up.
    The reason names the quote (``invoice`` holds its number, ``invoice_id`` is None:
    no invoice is owed).
    """
    reasons = []
    reach = add_working_days(when.day, QUOTE_EXPIRY_WORKING_DAYS, when.settings)
    for quote in quotes:
        if not when.day <= quote.valid_until <= reach:
            continue
        if spoken_since(customer, _came_up(quote.valid_until, when)):
            continue
        reasons.append(
            Reason(
                ReasonKind.QUOTE_EXPIRING,
                quote.total,
                quote.currency,
                until(quote.valid_until, when),
                quote.valid_until,
                quote.number,
            )
        )
    return reasons


def _came_up(valid_until: dt.date, when: ListDay) -> dt.date:
    """The first working day whose list showed the quote's courtesy call."""
    day, left = valid_until, QUOTE_EXPIRY_WORKING_DAYS
    while left > 0 and (valid_until - day).days < 366:
        day -= dt.timedelta(days=1)
        if is_working_day(day, when.settings):
            left -= 1
    return day
