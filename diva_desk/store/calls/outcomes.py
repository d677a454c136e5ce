"""What came of a call, written in one click: the contact logged and the next step set.

Each outcome of the Today panel is one function here, and each runs in one
transaction: it logs an interaction (a call, unless said otherwise) with the
owner's notes, and schedules what comes next (a promise and a follow-up on its
date, a plan's installments, a retry after a missed call), so no call is left
hanging. A customer with an interaction logged on the day is off that day's list.

The call also deals with the customer's follow-ups that brought it about: a call
that reached the customer marks done the open follow-ups due by that day (about the
same invoice, or about the customer as a whole); a missed call or a snooze moves
them to the day of the next try. Every outcome returns an :class:`OutcomeResult`
naming exactly what it wrote and changed, and :func:`undo_outcome` takes exactly
that back, for the panel's short undo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.calls.plans import check_custom_installments
from diva_desk.core.calls.workdays import add_working_days
from diva_desk.core.money import ZERO, from_minor, to_minor
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.as_of import balance_on, owed_on
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.book.minor import owner_currency
from diva_desk.store.calls.call_list import SNOOZE_PREFIX, call_settings
from diva_desk.store.calls.followup_edits import (
    add_followup,
    mark_followup_done,
    reopen_followup,
    reschedule_followup,
)
from diva_desk.store.calls.outcome_log import (
    OutcomeResult,
    book_locale,
    check_amount,
    close_due,
    join_notes,
    last_interaction_id,
    log_call,
    move_due,
    parties,
    undo_outcome,
)
from diva_desk.store.invoices.editing import confirm_receipt
from diva_desk.store.invoices.payments import record_payment

__all__ = [
    "OutcomeResult",
    "add_followup",
    "agreed_payment_plan",
    "balance_covered",
    "mark_followup_done",
    "no_answer",
    "paid",
    "promised_to_pay",
    "received_and_happy",
    "reopen_followup",
    "reported_problem",
    "reschedule_followup",
    "snoozed",
    "undo_outcome",
]


def promised_to_pay(
    customer_id: int,
    invoice_id: int | None,
    amount: Decimal,
    promised_date: dt.date,
    notes: str,
    on: dt.datetime,
) -> OutcomeResult:
    """Reached, and they promised ``amount`` by ``promised_date`` (habit 4: a set date)."""
    loc = book_locale()
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= ZERO:
        raise BadInput(_("{what} must be more than zero.").format(what=_("The promised amount")))
    if promised_date < on.date():
        raise BadInput(_("The promised date is in the past; ask for a date from today on."))
    with db.atomic("IMMEDIATE"):
        customer, invoice = parties(customer_id, invoice_id)
        currency = invoice.currency if invoice else customer.currency
        check_amount(amount, _("The promised amount"), currency)
        closed = close_due(customer_id, invoice_id, on)
        promise = m.Promise.create(
            customer=customer_id,
            invoice=invoice_id,
            made_on=on.date(),
            promised_date=promised_date,
            amount_minor=to_minor(amount, currency),
        )
        followup = add_followup(
            customer_id, invoice_id, promised_date, _("Check the promised payment arrived")
        )
        text = _("Promised {amount} by {date}.").format(
            amount=fmt.money(amount, currency, loc), date=fmt.date(promised_date, locale=loc)
        )
        interaction = log_call(
            customer_id, invoice_id, on, r.Outcome.PROMISED, join_notes(text, notes)
        )
    return OutcomeResult(
        customer_id,
        r.Outcome.PROMISED,
        _("{customer} promised {amount} by {date}; a follow-up is set for that day.").format(
            customer=customer.name,
            amount=fmt.money(amount, currency, loc),
            date=fmt.date(promised_date, locale=loc),
        ),
        next_date=promised_date,
        interaction_ids=(interaction,),
        followup_ids=(followup,),
        promise_ids=(promise.id,),
        closed_followups=closed,
    )


def balance_covered(customer_id: int, invoice_id: int | None, day: dt.date) -> Decimal:
    """What a plan agreed on ``day`` covers: the invoice's balance, or the customer's.

    Both are store.as_of's balances on ``day``. A plan about the whole account covers
    the invoices owed that day in the customer's currency, as the call list counts
    payments toward it (store.calls).
    """
    if invoice_id is not None:
        sql = f"SELECT {balance_on(':day')} FROM invoice i WHERE i.id = :invoice"
    else:
        sql = f"""
            SELECT COALESCE(SUM({balance_on(":day")}), 0)
            FROM invoice i JOIN customer c ON c.id = i.customer_id
            WHERE i.customer_id = :customer AND {owed_on(":day")} AND i.currency = c.currency
        """
    params = {"invoice": invoice_id, "customer": customer_id, "day": day.isoformat()}
    row = db.execute_sql(sql, params).fetchone()
    if not row or row[0] is None:
        return ZERO
    return max(from_minor(row[0], owner_currency(customer_id, invoice_id)), ZERO)


def agreed_payment_plan(
    customer_id: int,
    invoice_id: int | None,
    installments: Sequence[r.Installment],
    notes: str,
    on: dt.datetime,
) -> OutcomeResult:
    """Reached, and cash is tight: they agreed to pay the balance in installments (habit 3).

    The installments must add up exactly to the balance they cover
    (:func:`balance_covered`); otherwise nothing is written.
    """
    loc = book_locale()
    with db.atomic("IMMEDIATE"):
        customer, invoice = parties(customer_id, invoice_id)
        currency = invoice.currency if invoice else customer.currency
        balance = balance_covered(customer_id, invoice_id, on.date())
        if balance <= ZERO:
            raise BadInput(_("There is no balance to put on a payment plan."))
        problem = check_custom_installments(balance, list(installments), currency)
        if problem:
            raise BadInput(problem)
        closed = close_due(customer_id, invoice_id, on)
        plan = m.PaymentPlan.create(customer=customer_id, invoice=invoice_id, agreed_on=on.date())
        for position, inst in enumerate(installments):
            m.Installment.create(
                plan=plan.id,
                position=position,
                due_date=inst.due_date,
                amount_minor=to_minor(inst.amount, currency),
            )
        first, last = installments[0], installments[-1]
        text = _(
            "Payment plan: {count} installments from {first} to {last}, {total} in all."
        ).format(
            count=len(installments),
            first=fmt.date(first.due_date, locale=loc),
            last=fmt.date(last.due_date, locale=loc),
            total=fmt.money(balance, currency, loc),
        )
        interaction = log_call(customer_id, invoice_id, on, r.Outcome.PLAN, join_notes(text, notes))
    return OutcomeResult(
        customer_id,
        r.Outcome.PLAN,
        _(
            "{customer} agreed a plan of {count} installments; the first, {amount}, on {date}."
        ).format(
            customer=customer.name,
            count=len(installments),
            amount=fmt.money(first.amount, currency, loc),
            date=fmt.date(first.due_date, locale=loc),
        ),
        next_date=first.due_date,
        interaction_ids=(interaction,),
        plan_ids=(plan.id,),
        closed_followups=closed,
    )


def reported_problem(
    customer_id: int,
    invoice_id: int | None,
    notes: str,
    followup_date: dt.date,
    on: dt.datetime,
    outcome: r.Outcome = r.Outcome.PROBLEM,
) -> OutcomeResult:
    """Reached, and there is a problem with the work (or they dispute the invoice).

    ``outcome`` is :attr:`~Outcome.PROBLEM` or :attr:`~Outcome.DISPUTE`. The notes say
    what the problem is and become the follow-up's reason, so the call on that day
    starts from what was said.
    """
    loc = book_locale()
    if outcome not in (r.Outcome.PROBLEM, r.Outcome.DISPUTE):
        raise ValueError(f"not a problem outcome: {outcome}")
    notes = notes.strip()
    if not notes:
        raise BadInput(_("Say what the problem is, so the follow-up call can start from it."))
    if followup_date < on.date():
        raise BadInput(_("The follow-up date is in the past."))
    with db.atomic("IMMEDIATE"):
        customer, _invoice = parties(customer_id, invoice_id)
        closed = close_due(customer_id, invoice_id, on)
        followup = add_followup(
            customer_id, invoice_id, followup_date, _("Problem: {notes}").format(notes=notes)
        )
        interaction = log_call(customer_id, invoice_id, on, outcome, notes)
    return OutcomeResult(
        customer_id,
        outcome,
        _("Problem noted for {customer}; a follow-up is set for {date}.").format(
            customer=customer.name, date=fmt.date(followup_date, locale=loc)
        ),
        next_date=followup_date,
        interaction_ids=(interaction,),
        followup_ids=(followup,),
        closed_followups=closed,
    )


def received_and_happy(customer_id: int, invoice_id: int, on: dt.datetime) -> OutcomeResult:
    """Reached: they received the invoice and are happy with the work (the check-in)."""
    with db.atomic("IMMEDIATE"):
        customer, invoice = parties(customer_id, invoice_id)
        assert invoice is not None
        before = invoice.received_confirmed_date
        closed = close_due(customer_id, invoice_id, on)
        last_id = last_interaction_id()
        confirm_receipt(invoice_id, on.date())  # logs the interaction itself
        written = m.Interaction.select(m.Interaction.id).where(
            m.Interaction.id > last_id, m.Interaction.customer == customer_id
        )
        interactions = tuple(row.id for row in written)
    return OutcomeResult(
        customer_id,
        r.Outcome.RECEIVED_OK,
        _("{customer} received {number} and is happy.").format(
            customer=customer.name, number=invoice.number
        ),
        interaction_ids=interactions,
        closed_followups=closed,
        receipt=(invoice_id, before),
    )


def paid(
    customer_id: int,
    invoice_id: int,
    amount: Decimal,
    method: r.PaymentMethod | None,
    reference: str,
    on: dt.datetime,
    notes: str = "",
) -> OutcomeResult:
    """Reached, and they have paid: the payment is recorded (refused above the balance)."""
    loc = book_locale()
    with db.atomic("IMMEDIATE"):
        customer, invoice = parties(customer_id, invoice_id)
        assert invoice is not None
        closed = close_due(customer_id, invoice_id, on)
        payment = record_payment(invoice_id, on.date(), amount, method, reference, today=on.date())
        money = fmt.money(amount, invoice.currency, loc)
        text = _("Paid {amount} on {number}.").format(amount=money, number=invoice.number)
        interaction = log_call(customer_id, invoice_id, on, r.Outcome.PAID, join_notes(text, notes))
    return OutcomeResult(
        customer_id,
        r.Outcome.PAID,
        _("Recorded {amount} from {customer} on {number}.").format(
            amount=money, customer=customer.name, number=invoice.number
        ),
        interaction_ids=(interaction,),
        payment_ids=(payment,),
        closed_followups=closed,
    )


def no_answer(customer_id: int, voicemail: bool, notes: str, on: dt.datetime) -> OutcomeResult:
    """Not reached: try again after the retry's working days (weekends and days off skipped).

    A follow-up is set for the retry day, and the follow-ups this call was about move
    to that day too, so the next try has them all.
    """
    loc = book_locale()
    settings = call_settings()
    retry = add_working_days(on.date(), max(settings.retry_after_working_days, 1), settings)
    outcome = r.Outcome.VOICEMAIL if voicemail else r.Outcome.NO_ANSWER
    day = fmt.date(on.date(), locale=loc)
    with db.atomic("IMMEDIATE"):
        customer, _invoice = parties(customer_id, None)
        moved = move_due(customer_id, on, retry)
        reason = (
            _("Try again: left a voicemail on {day}").format(day=day)
            if voicemail
            else _("Try again: no answer on {day}").format(day=day)
        )
        followup = add_followup(customer_id, None, retry, reason)
        interaction = log_call(customer_id, None, on, outcome, notes.strip())
    when = fmt.date(retry, locale=loc)
    summary = (
        _("Left a voicemail for {customer}; try again on {date}.")
        if voicemail
        else _("No answer from {customer}; try again on {date}.")
    )
    return OutcomeResult(
        customer_id,
        outcome,
        summary.format(customer=customer.name, date=when),
        next_date=retry,
        interaction_ids=(interaction,),
        followup_ids=(followup,),
        moved_followups=moved,
    )


def snoozed(customer_id: int, until: dt.date, notes: str, on: dt.datetime) -> OutcomeResult:
    """Not now: the customer leaves the list until ``until`` (a note, not a call).

    Until then only what was agreed for a date calls (core.calls.rules.SNOOZE_PASSES);
    a follow-up on the day brings them back, and the follow-ups due now move there.
    """
    loc = book_locale()
    if until <= on.date():
        raise BadInput(_("Snooze until a day after today."))
    key = f"{SNOOZE_PREFIX}{customer_id}"
    when = fmt.date(until, locale=loc)
    with db.atomic("IMMEDIATE"):
        customer, _invoice = parties(customer_id, None)
        previous = m.Setting.get_or_none(m.Setting.key == key)
        m.Setting.replace(key=key, value=until.isoformat()).execute()
        moved = move_due(customer_id, on, until)
        text = _("Snoozed until {date}.").format(date=when)
        followup = add_followup(customer_id, None, until, join_notes(text, notes))
        interaction = log_call(
            customer_id, None, on, r.Outcome.OTHER, join_notes(text, notes), r.Channel.NOTE
        )
    return OutcomeResult(
        customer_id,
        r.Outcome.OTHER,
        _("{customer} is snoozed until {date}.").format(customer=customer.name, date=when),
        next_date=until,
        interaction_ids=(interaction,),
        followup_ids=(followup,),
        moved_followups=moved,
        snooze=(key, None if previous is None else previous.value),
    )
