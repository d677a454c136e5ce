"""The morning call list: who to call on a day, why, and in what order.

Each reason kind has a *trigger* date, and appears on a working day's list once
its trigger falls on or before the day's horizon (the eve of the next working
day, so Friday takes in the weekend). A day off shows the list of the next
working day, as it will stand then. Reasons end when what they ask for happens
(money arrives, the draft is sent, the customer confirms delivery), and some are
*held* while a next step is already agreed:

* an invoice covered by a pending promise, or by a payment plan with
  installments still to pay, makes no overdue or deposit call: the promise and
  the installments make their own calls;
* an invoice with an open problem or dispute (reported, its follow-up not done)
  makes no overdue or deposit call either: the problem's follow-up calls on its
  day and leads that call, asking whether the problem is settled; no escalation
  step (a payment plan, stopping work) is pushed while the work is in question;
* after "no answer" or "left voicemail", the customer's standing reasons wait
  ``retry_after_working_days`` working days; dated ones (a promise or
  installment due, a cut-off, a follow-up) still show;
* a courtesy call (check-in, due soon, installment soon) is done once the owner
  has spoken with the customer since it came up;
* a customer the owner snoozed until a day makes, before that day, only the
  calls agreed for a date (:data:`SNOOZE_PASSES`: a promise or installment falling
  due, a follow-up); the snooze's own follow-up brings them back on the day.

A customer with an interaction logged on the day is off the list: the call is done.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping

from diva_desk.core.calls.escalation import BROKEN_PROMISE_MEMORY_DAYS
from diva_desk.core.calls.holds import (
    beyond_holds,
    held_amounts,
    held_invoices,
    holds_for,
    reminder_standing,
)
from diva_desk.core.calls.kinds import (
    MISSED_CALL,
    ListDay,
    cutoff_reasons,
    followup_reasons,
    invoice_reasons,
    missed_count,
    plan_reasons,
    plan_state,
    promise_reasons,
    quote_reasons,
)
from diva_desk.core.calls.model import (
    Call,
    CallSettings,
    CustomerFacts,
    OpenInvoice,
    Reason,
    ReasonKind,
    Situation,
)
from diva_desk.core.calls.ranking import amount_at_stake, call_score
from diva_desk.core.calls.workdays import add_working_days, horizon, working_day_on_or_after
from diva_desk.core.customers.history import RatingKind
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.customers.spoken_names import clean_name
from diva_desk.core.money import ZERO

#: The order of a call's reasons, most pressing first; the first one leads the script
#: (except that a follow-up about an open problem comes before them all).
KIND_ORDER: tuple[ReasonKind, ...] = (
    ReasonKind.BROKEN_PROMISE,
    ReasonKind.INSTALLMENT_MISSED,
    ReasonKind.PROMISE_DUE,
    ReasonKind.OVERDUE,
    ReasonKind.DEPOSIT_DUE,
    ReasonKind.INSTALLMENT_DUE,
    ReasonKind.CUTOFF,
    ReasonKind.FOLLOWUP,
    ReasonKind.DUE_SOON,
    ReasonKind.DELIVERY_CHECKIN,
    ReasonKind.QUOTE_EXPIRING,
)
#: Reasons that wait out the retry after a missed call.
_STANDING = frozenset(
    {
        ReasonKind.OVERDUE,
        ReasonKind.DEPOSIT_DUE,
        ReasonKind.BROKEN_PROMISE,
        ReasonKind.INSTALLMENT_MISSED,
        ReasonKind.DUE_SOON,
        ReasonKind.DELIVERY_CHECKIN,
        ReasonKind.QUOTE_EXPIRING,
    }
)

#: What still calls while a customer is snoozed: what was agreed for a date. "Not
#: before the 1st" cannot mean skipping a payment they promised for the 25th.
SNOOZE_PASSES = frozenset({ReasonKind.PROMISE_DUE, ReasonKind.INSTALLMENT_DUE, ReasonKind.FOLLOWUP})


def calls_for(
    day: dt.date,
    situation: Situation,
    settings: CallSettings | None = None,
    rate: Callable[[frozenset[int]], Mapping[int, RatingKind]] | None = None,
) -> list[Call]:
    """The calls for ``day``, best call first; one call per customer with all its reasons.

    ``rate`` gives the ratings of the customers who have a call (by id; NEW for one
    missing), asked once with all their ids; without it each customer's own
    ``rating`` is used. Rating a few hundred callers costs less than rating a book.
    """
    settings = settings or CallSettings()
    working = working_day_on_or_after(day, settings)
    when = ListDay(working, horizon(working, settings), settings)
    by_customer = _group(situation)
    # Only a customer with an open invoice, a draft, a promise, a plan or a follow-up
    # can have a reason: the thousands with none are passed over without a look.
    involved = set().union(*by_customer.values())
    found = []
    for customer in situation.customers:
        if customer.id not in involved or customer.id in situation.contacted_today:
            continue
        reasons = _reasons(customer, by_customer, situation.disputes, when)
        if reasons:
            found.append((customer, reasons))
    ratings = rate(frozenset(c.id for c, _ in found)) if rate is not None else None
    calls = []
    for customer, reasons in found:
        rating = customer.rating if ratings is None else ratings.get(customer.id, RatingKind.NEW)
        call = _call(customer, reasons, by_customer["invoices"][customer.id], rating)
        calls.append(_with_letter_hold(call, customer, by_customer, situation, day))
    # A call only about quotes comes after every call about money owed (docs/quotes.md).
    calls.sort(
        key=lambda c: (_only_quotes(c), -c.score, -c.amount_at_stake, c.customer_name.casefold())
    )
    return calls


def _group(situation: Situation) -> dict[str, dict[int, list]]:
    groups: dict[str, dict[int, list]] = {
        name: defaultdict(list)
        for name in ("invoices", "drafts", "promises", "plans", "followups", "quotes")
    }
    for name in groups:
        for item in getattr(situation, name):
            groups[name][item.customer_id].append(item)
    return groups


def _reasons(
    customer: CustomerFacts,
    facts: dict[str, dict[int, list]],
    disputes: frozenset[tuple[int, int | None]],
    when: ListDay,
) -> list[Reason]:
    cid = customer.id
    invoices = [i for i in facts["invoices"][cid] if i.balance > ZERO]
    by_id = {i.id: i for i in invoices}
    plans = [plan_state(p) for p in facts["plans"][cid]]
    plans = [p for p in plans if p.unpaid]
    promises = facts["promises"][cid]

    # The one rule of what an agreement holds back (holds.py), shared with the letters.
    holds = holds_for(cid, customer.currency, invoices, promises, [s.plan for s in plans], disputes)
    amounts = held_amounts(holds, invoices)
    held = held_invoices(holds, invoices, amounts)

    reasons: list[Reason] = []
    reasons += promise_reasons(customer, promises, by_id, when)
    reasons += plan_reasons(customer, plans, by_id, when)
    missed = sum(missed_count(s, when) for s in plans)
    recent_broken = sum(
        p.status is PromiseStatus.BROKEN
        and (when.day - p.promised_date).days <= BROKEN_PROMISE_MEMORY_DAYS
        for p in promises
    )
    for invoice in invoices:
        # Partly held: the overdue call asks for what is left beyond the agreements.
        rest = invoice if invoice.id in held else beyond_holds(invoice, amounts)
        reasons += invoice_reasons(customer, rest, invoice.id in held, recent_broken, missed, when)
    reasons += cutoff_reasons(customer, facts["drafts"][cid], when)
    reasons += followup_reasons(customer, facts["followups"][cid], by_id, when)
    reasons += quote_reasons(customer, facts["quotes"][cid], when)
    if _retrying(customer, when):
        reasons = [r for r in reasons if r.kind not in _STANDING]
    if customer.snoozed_until is not None and when.day < customer.snoozed_until:
        reasons = [r for r in reasons if r.kind in SNOOZE_PASSES]
    return sorted(reasons, key=_importance)


def _only_quotes(call: Call) -> bool:
    return all(r.kind is ReasonKind.QUOTE_EXPIRING for r in call.reasons)


def _importance(reason: Reason) -> tuple[int, int, str]:
    order = -1 if reason.problem else KIND_ORDER.index(reason.kind)
    return (order, -reason.days, reason.invoice or "")


def _with_letter_hold(
    call: Call,
    customer: CustomerFacts,
    facts: dict[str, dict[int, list]],
    situation: Situation,
    day: dt.date,
) -> Call:
    """The call, with why no reminder letter may go out on ``day`` (when none may)."""
    cid = customer.id
    standing = reminder_standing(
        cid,
        customer.currency,
        facts["invoices"][cid],
        facts["promises"][cid],
        facts["plans"][cid],
        day,
        situation.disputes,
    )
    hold = standing.hold
    return call if hold is None else dataclasses.replace(call, letter_hold=hold)


def _retrying(customer: CustomerFacts, when: ListDay) -> bool:
    if customer.last_contact is None or customer.last_outcome not in MISSED_CALL:
        return False
    retry = add_working_days(
        customer.last_contact, when.settings.retry_after_working_days, when.settings
    )
    return when.day < retry


def _call(
    customer: CustomerFacts,
    reasons: list[Reason],
    invoices: list[OpenInvoice],
    rating: RatingKind,
) -> Call:
    owed = sum((i.balance for i in invoices if i.currency == customer.currency), ZERO)
    drafts = sum(
        (
            r.amount
            for r in reasons
            if r.kind is ReasonKind.CUTOFF and r.currency == customer.currency
        ),
        ZERO,
    )
    # A quote is not owed: it counts only in a call about quotes alone.
    owing = [r for r in reasons if r.kind is not ReasonKind.QUOTE_EXPIRING]
    quoted = sum((r.amount for r in reasons if r.currency == customer.currency), ZERO)
    stake = amount_at_stake(owing, customer.currency, owed + drafts) if owing else quoted
    return Call(
        customer_id=customer.id,
        customer=customer.code,
        customer_name=customer.name,
        contact_name=clean_name(customer.contact_name) or clean_name(customer.ap_contact_name),
        phone=customer.phone.strip() or customer.ap_phone.strip(),
        currency=customer.currency,
        rating=rating,
        archived=customer.archived,
        reasons=tuple(reasons),
        amount_at_stake=stake,
        score=call_score(reasons, stake, rating),
        last_contact=customer.last_contact,
        total_owed=owed,
    )
