"""What a reminder may ask for: the one rule the call list, the letters and the emails share.

An agreement the customer is keeping holds back what it covers: a promise not yet
broken (pending: its date has not passed, or falls today), a payment plan with
installments still to pay, and an open problem or dispute while it is sorted out.
A promise covers only the amount promised, a plan only what its unpaid installments
add up to (on its invoices, oldest due first); a problem covers its whole invoice.
The call list makes no overdue call about what is held (the agreement makes its
own calls), and a reminder letter does not ask for it. What is overdue beyond every
agreement is reminded as before (an invoice only partly covered, for the rest), and
so is an installment missed: the plan is not being kept, and the reminder asks for
the installment (not the whole balance the plan spreads out).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from diva_desk.core.calls.kinds import plan_state
from diva_desk.core.calls.model import (
    Hold,
    HoldKind,
    MissedInstallment,
    OpenInvoice,
    PlanFacts,
    PromiseFacts,
)
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.money import ZERO
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt


@dataclass(frozen=True)
class ReminderStanding:
    """One customer's standing on a day: what a reminder may ask for, and why not the rest."""

    #: Invoices an agreement in force covers (by id): no reminder asks for them.
    held: frozenset[int]
    #: The agreements in force, the soonest date first.
    holds: tuple[Hold, ...]
    #: Invoices past their due date and outside every agreement: a reminder lists these.
    overdue: tuple[OpenInvoice, ...]
    #: Installments missed on plans in force: a reminder asks for these too.
    missed: tuple[MissedInstallment, ...]
    #: Invoices past their due date that an agreement holds back (by id).
    held_overdue: frozenset[int] = frozenset()
    #: How much of each invoice the agreements hold back (by id), at most its balance;
    #: an ``overdue`` invoice's balance there is what is left beyond them.
    held_amounts: Mapping[int, Decimal] = field(default_factory=dict)

    @property
    def may_remind(self) -> bool:
        return bool(self.overdue or self.missed)

    @property
    def hold(self) -> Hold | None:
        """Why nothing may be reminded: the first agreement holding back an overdue invoice.

        ``None`` when something may be reminded, or when nothing is overdue at all.
        """
        if self.may_remind:
            return None
        return next((h for h in self.holds if h.covers & self.held_overdue), None)


def covered(invoice_id: int | None, agreed: dt.date, invoices: Iterable[OpenInvoice]) -> set[int]:
    """What a promise or plan is about: its invoice, or all invoices issued by its date."""
    if invoice_id is not None:
        return {invoice_id}
    return {i.id for i in invoices if i.issue_date <= agreed}


def holds_for(
    customer_id: int,
    currency: str,
    invoices: Sequence[OpenInvoice],
    promises: Iterable[PromiseFacts],
    plans: Iterable[PlanFacts],
    disputes: frozenset[tuple[int, int | None]] = frozenset(),
    day: dt.date | None = None,
) -> list[Hold]:
    """The agreements in force for one customer's open ``invoices``, soonest first.

    ``day`` only picks a plan's *next* installment (the first unpaid one due on or
    after it); whether a plan holds does not depend on it.
    """
    invoices = [i for i in invoices if i.balance > ZERO]
    by_id = {i.id: i for i in invoices}
    holds: list[Hold] = []
    for p in promises:
        if p.status is not PromiseStatus.PENDING:
            continue
        about = by_id.get(p.invoice_id) if p.invoice_id is not None else None
        if p.invoice_id is not None and about is None:
            continue  # the invoice is paid (or void): nothing is held
        short = p.amount - p.paid_toward
        holds.append(
            Hold(
                HoldKind.PROMISE,
                frozenset(covered(p.invoice_id, p.made_on, invoices)),
                min(short, about.balance) if about else short,
                about.currency if about else currency,
                p.promised_date,
                p.invoice_number,
                holds_back=max(short, ZERO),
            )
        )
    for plan in plans:
        unpaid = plan_state(plan).unpaid
        if not unpaid:
            continue
        about = by_id.get(plan.invoice_id) if plan.invoice_id is not None else None
        upcoming = [(due, left) for due, left in unpaid if day is None or due >= day]
        due, left = upcoming[0] if upcoming else unpaid[-1]
        holds.append(
            Hold(
                HoldKind.PLAN,
                frozenset(covered(plan.invoice_id, plan.agreed_on, invoices)),
                left,
                about.currency if about else currency,
                due,
                plan.invoice_number,
                holds_back=sum((amount for _due, amount in unpaid), ZERO),
            )
        )
    for cid, invoice_id in sorted(disputes, key=lambda d: (d[0], d[1] or 0)):
        if cid != customer_id:
            continue
        about = by_id.get(invoice_id) if invoice_id is not None else None
        if invoice_id is not None and about is None:
            continue
        ids = {invoice_id} if invoice_id is not None else set(by_id)
        holds.append(
            Hold(HoldKind.PROBLEM, frozenset(ids), invoice=about.number if about else None)
        )
    holds.sort(key=lambda h: (h.date is None, h.date or dt.date.min))
    return holds


def held_amounts(holds: Iterable[Hold], invoices: Sequence[OpenInvoice]) -> dict[int, Decimal]:
    """How much of each open invoice the agreements hold back (by id), at most its balance.

    A problem holds its invoices whole. A promise or plan holds its amount on the
    invoices it covers, the oldest due first (as payments usually go); what is left
    of an invoice beyond every agreement is still owed as before.
    """
    left = {i.id: i.balance for i in invoices if i.balance > ZERO}
    order = sorted((i for i in invoices if i.id in left), key=lambda i: (i.due_date, i.number))
    held: dict[int, Decimal] = {}
    for hold in holds:
        budget = hold.holds_back
        for invoice in order:
            if invoice.id not in hold.covers or left[invoice.id] <= ZERO:
                continue
            take = left[invoice.id] if budget is None else min(budget, left[invoice.id])
            if take <= ZERO:
                break
            left[invoice.id] -= take
            held[invoice.id] = held.get(invoice.id, ZERO) + take
            if budget is not None:
                budget -= take
    return held


def held_invoices(
    holds: Iterable[Hold],
    invoices: Sequence[OpenInvoice],
    amounts: Mapping[int, Decimal] | None = None,
) -> set[int]:
    """The invoices agreements hold back whole: the call list makes no overdue call on them.

    ``amounts``: what :func:`held_amounts` gave for the same holds and invoices, when the
    caller has it already (the same answer, worked out once).
    """
    if amounts is None:
        amounts = held_amounts(holds, invoices)
    return {i.id for i in invoices if i.balance > ZERO and amounts.get(i.id, ZERO) >= i.balance}


def beyond_holds(invoice: OpenInvoice, held: Mapping[int, Decimal]) -> OpenInvoice:
    """``invoice`` with what agreements hold back counted as settled: its balance is the rest."""
    amount = held.get(invoice.id, ZERO)
    return replace(invoice, paid=invoice.paid + amount) if amount > ZERO else invoice


def reminder_standing(
    customer_id: int,
    currency: str,
    invoices: Sequence[OpenInvoice],
    promises: Iterable[PromiseFacts],
    plans: Iterable[PlanFacts],
    day: dt.date,
    disputes: frozenset[tuple[int, int | None]] = frozenset(),
) -> ReminderStanding:
    """What a reminder written on ``day`` may ask for, for one customer.

    ``invoices``, ``promises`` and ``plans`` are that customer's, as of ``day``
    (store.calls.situation_on builds them for the call list; the letters reuse it).
    """
    invoices = [i for i in invoices if i.balance > ZERO]
    plans = list(plans)
    holds = holds_for(customer_id, currency, invoices, promises, plans, disputes, day)
    amounts = held_amounts(holds, invoices)
    held = held_invoices(holds, invoices, amounts)
    by_id = {i.id: i for i in invoices}
    overdue = sorted(
        (beyond_holds(i, amounts) for i in invoices if i.due_date < day and i.id not in held),
        key=lambda i: (i.due_date, i.number),
    )
    missed = []
    for plan in plans:
        about = by_id.get(plan.invoice_id) if plan.invoice_id is not None else None
        if not covered(plan.invoice_id, plan.agreed_on, invoices) & by_id.keys():
            continue  # what the plan spread out is paid (or void): nothing to ask for
        for due, left in plan_state(plan).unpaid:
            if due < day:
                missed.append(
                    MissedInstallment(
                        due,
                        left,
                        about.currency if about else currency,
                        plan.agreed_on,
                        plan.invoice_number,
                    )
                )
    return ReminderStanding(
        held=frozenset(held),
        holds=tuple(holds),
        overdue=tuple(overdue),
        missed=tuple(sorted(missed, key=_by_due)),
        held_overdue=frozenset(i.id for i in invoices if i.due_date < day and i.id in held),
        held_amounts=amounts,
    )


def _by_due(m: MissedInstallment) -> tuple[dt.date, str]:
    return (m.due_date, m.invoice or "")


def hold_text(hold: Hold, customer: str, locale: str | None = None) -> str:
    """Why no reminder goes to ``customer``, in one line (the CLI's error, the buttons' tip)."""
    if hold.kind is HoldKind.PLAN:
        return _(
            "{customer} is on a payment plan: next installment {amount} due {date}; "
            "no reminder is needed."
        ).format(
            customer=customer,
            amount=fmt.money(hold.amount, hold.currency, locale),
            date=fmt.month_day(hold.date, locale) if hold.date else "",
        )
    if hold.kind is HoldKind.PROMISE:
        return _("{customer} promised {amount} by {date}; no reminder is needed.").format(
            customer=customer,
            amount=fmt.money(hold.amount, hold.currency, locale),
            date=fmt.month_day(hold.date, locale) if hold.date else "",
        )
    if hold.invoice:
        return _(
            "{customer} reported a problem with {invoice} that is still open; "
            "no reminder until it is settled."
        ).format(customer=customer, invoice=hold.invoice)
    return _(
        "{customer} reported a problem that is still open; no reminder until it is settled."
    ).format(customer=customer)
