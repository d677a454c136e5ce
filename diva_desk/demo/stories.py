"""The customers a person opening the demo should notice, each with a scripted story.

Every story is dated from today, so the demo always shows the same picture: a
payment plan with the next installment due in a few days, a promise broken last
week, a deposit that never came, a dispute over 90 days old, overdue invoices in
every age bracket, a brand-new customer and a US client paying in dollars.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_DOWN, Decimal

from diva_desk.core.money import minor_unit
from diva_desk.core.records import Channel, Installment, Outcome
from diva_desk.demo.builder import DemoBuilder, DraftInvoice, terms_days, weekday_on_or_before
from diva_desk.demo.cast import Role
from diva_desk.demo.history import line_maker, po_number, settle
from diva_desk.demo.lines import HOURLY_RATE, usd_lines

_DAY = dt.timedelta(days=1)


def _issued(b: DemoBuilder, days_ago: int) -> dt.date:
    return weekday_on_or_before(b.days_ago(days_ago))


def payment_plan(b: DemoBuilder, role: Role) -> None:
    """A big rebrand the brewery could not pay; a token payment, then four installments."""
    c = role.customer
    maker = line_maker(b, c)
    lines = (
        maker.line("design", Decimal("38.5"), HOURLY_RATE, project="packaging labels"),
        maker.line("banner", Decimal(2), Decimal("165.00")),
        maker.line("visit", Decimal(1), Decimal("180.00")),
    )
    invoice = b.invoice(c, _issued(b, 168), lines, confirmed=True)
    due = invoice.due_date
    b.interaction(
        c,
        due + 6 * _DAY,
        Channel.CALL,
        Outcome.VOICEMAIL,
        "Left a voicemail for Sean about the rebrand invoice.",
        invoice,
    )
    b.interaction(
        c,
        due + 13 * _DAY,
        Channel.EMAIL,
        None,
        "Sent a statement and a friendly reminder.",
        invoice,
    )
    b.pay(invoice, due + 20 * _DAY, Decimal("500.00"))
    b.interaction(
        c,
        due + 22 * _DAY,
        Channel.CALL,
        Outcome.REACHED,
        "Sean says the taproom renovation ran over budget; cash is tight for now. "
        "Sent $500 as a sign of good faith.",
        invoice,
    )
    agreed = _issued(b, 68)
    b.interaction(
        c,
        agreed,
        Channel.MEETING,
        Outcome.PLAN,
        "Met at the brewery. Agreed the rest in four monthly installments.",
        invoice,
    )
    b.followup(c, agreed, "Meet Sean about a payment plan", invoice, done=True)
    days = (
        agreed + 8 * _DAY,
        agreed + 38 * _DAY,
        b.today + b.rng.randint(2, 5) * _DAY,
        b.today + 33 * _DAY,
    )
    installments = _split(invoice.balance, days, invoice.customer.currency)
    b.plan(invoice, agreed, installments)
    b.pay(invoice, installments[0].due_date - _DAY, installments[0].amount)
    b.pay(invoice, installments[1].due_date + 2 * _DAY, installments[1].amount)
    b.followup(c, installments[2].due_date, "Payment plan: installment 3 of 4 is due", invoice)


def _split(balance: Decimal, days: tuple[dt.date, ...], currency: str) -> tuple[Installment, ...]:
    """Equal installments to the minor unit; the last one takes what rounding left over."""
    each = (balance / len(days)).quantize(minor_unit(currency), rounding=ROUND_DOWN)
    amounts = [each] * (len(days) - 1) + [balance - each * (len(days) - 1)]
    return tuple(Installment(day, amount) for day, amount in zip(days, amounts, strict=True))


def broken_promise(b: DemoBuilder, role: Role) -> None:
    """Two months overdue; last week they promised a date, and nothing came."""
    c = role.customer
    maker = line_maker(b, c)
    invoice = b.invoice(
        c, _issued(b, 100 + b.rng.randint(0, 6)), maker.design() + maker.printing(), confirmed=True
    )
    due = invoice.due_date
    b.interaction(
        c,
        due + 3 * _DAY,
        Channel.EMAIL,
        None,
        "Sent a friendly reminder with the invoice attached.",
        invoice,
    )
    b.followup(c, due + 10 * _DAY, "Reminder call: invoice past due", invoice, done=True)
    b.interaction(
        c,
        due + 10 * _DAY,
        Channel.CALL,
        Outcome.VOICEMAIL,
        "Left a voicemail for Jasmine.",
        invoice,
    )
    b.interaction(
        c,
        due + 24 * _DAY,
        Channel.CALL,
        Outcome.REACHED,
        "Jasmine says the new-member drive was slow; asked for a couple of weeks.",
        invoice,
    )
    made_on = _issued(b, 12)
    promised = made_on + 8 * _DAY
    b.interaction(
        c,
        made_on,
        Channel.CALL,
        Outcome.PROMISED,
        "Promised an e-transfer for the full amount by Friday next week.",
        invoice,
    )
    b.promise(invoice, made_on, promised, invoice.balance)
    b.followup(c, made_on + 8 * _DAY, "Check the promised e-transfer arrived", invoice, done=True)
    b.followup(c, b.today, "Promised payment did not arrive: call Jasmine back", invoice)


def unpaid_deposit(b: DemoBuilder, role: Role) -> None:
    """A website for the dance school: half up front, asked for and not paid yet."""
    c = role.customer
    maker = line_maker(b, c)
    invoice = b.invoice(
        c, _issued(b, 19), maker.website(), confirmed=True, deposit_percent=c.deposit_percent
    )
    assert invoice.deposit_due_date is not None
    b.interaction(
        c,
        invoice.deposit_due_date + 3 * _DAY,
        Channel.EMAIL,
        None,
        "Reminded Natalia the deposit is needed before the build starts.",
        invoice,
    )
    b.followup(
        c, b.today + _DAY, "Deposit not in yet: call before starting the website build", invoice
    )


def dispute(b: DemoBuilder, role: Role) -> None:
    """Printed menus the restaurant says came out too dark; unpaid for over 90 days."""
    c = role.customer
    maker = line_maker(b, c)
    invoice = b.invoice(c, _issued(b, 160), maker.printing(), confirmed=True)
    due = invoice.due_date
    b.followup(c, due + 6 * _DAY, "Reminder call: invoice past due", invoice, done=True)
    b.interaction(
        c,
        due + 6 * _DAY,
        Channel.CALL,
        Outcome.DISPUTE,
        "Kenji says the menus printed too dark. Offered a reprint at cost.",
        invoice,
    )
    b.interaction(
        c,
        due + 12 * _DAY,
        Channel.EMAIL,
        Outcome.PROBLEM,
        "Sent the signed-off proof; they still want a discount.",
        invoice,
    )
    b.interaction(
        c,
        b.days_ago(40),
        Channel.CALL,
        Outcome.VOICEMAIL,
        "Left a voicemail: reprint ready for pickup.",
        invoice,
    )
    b.followup(
        c,
        b.today + b.rng.randint(5, 9) * _DAY,
        "Ask whether the reprinted menus settle it",
        invoice,
    )


def overdue_days(b: DemoBuilder, role: Role) -> None:
    """Due a few days ago: too early to call, worth a look."""
    c = role.customer
    terms = terms_days(c)
    b.invoice(c, b.days_ago(terms + b.rng.randint(2, 5)), line_maker(b, c).design(), confirmed=True)


def overdue_weeks(b: DemoBuilder, role: Role) -> None:
    """Two to four weeks overdue and partly paid after a call."""
    c = role.customer
    terms = terms_days(c)
    invoice = b.invoice(
        c, b.days_ago(terms + b.rng.randint(15, 28)), line_maker(b, c).design(), confirmed=True
    )
    due = invoice.due_date
    b.pay(invoice, due + 5 * _DAY, (invoice.total * Decimal("0.4")).quantize(Decimal(1)))
    b.followup(c, due + 7 * _DAY, "Reminder call: invoice past due", invoice, done=True)
    b.interaction(
        c,
        due + 7 * _DAY,
        Channel.CALL,
        Outcome.REACHED,
        "Ravi sent part of it; the rest after month-end.",
        invoice,
    )


def overdue_months(b: DemoBuilder, role: Role) -> None:
    """Five to eight weeks overdue because accounts payable never got it."""
    c = role.customer
    terms = terms_days(c)
    invoice = b.invoice(
        c,
        _issued(b, terms + b.rng.randint(35, 55)),
        line_maker(b, c).design(),
        confirmed=False,
        po_number=po_number(b, role),
    )
    due = invoice.due_date
    b.interaction(
        c,
        due + 4 * _DAY,
        Channel.EMAIL,
        Outcome.PROBLEM,
        "Accounts payable had no record of it; resent it to Sandra Liu.",
        invoice,
    )
    b.interaction(
        c,
        due + 20 * _DAY,
        Channel.CALL,
        Outcome.VOICEMAIL,
        "Voicemail for Sandra Liu in accounts payable.",
        invoice,
    )
    b.followup(
        c, b.today + 2 * _DAY, "Check with Sandra Liu that it is in the next payment run", invoice
    )


def new_customer(b: DemoBuilder, role: Role) -> None:
    """Met three weeks ago; a logo invoice due in days, and a second one just sent."""
    c = role.customer
    maker = line_maker(b, c)
    b.interaction(
        c,
        b.days_ago(24),
        Channel.MEETING,
        Outcome.REACHED,
        "Kick-off at their dock in Bobcaygeon: a logo now, a booking site before next season.",
    )
    terms = terms_days(c)
    first = b.invoice(c, b.days_ago(terms - b.rng.randint(2, 4)), maker.logo(), confirmed=True)
    b.interaction(
        c,
        first.received_confirmed_date or first.issue_date,
        Channel.EMAIL,
        Outcome.RECEIVED_OK,
        "Josh loves the logo; files received.",
        first,
    )
    b.invoice(c, b.days_ago(b.rng.randint(1, 3)), maker.printing(), confirmed=False)
    b.followup(
        c, first.due_date, "First invoice due: check they know how to pay by e-transfer", first
    )


def usd_client(b: DemoBuilder, role: Role) -> list[DraftInvoice]:
    """A US app company billed in dollars every other month or so, paid by wire."""
    c = role.customer
    offsets = [*sorted(b.rng.sample(range(20, 420), 6), reverse=True), b.rng.randint(8, 14)]
    invoices = []
    for days in offsets:
        day = _issued(b, days)
        invoice = b.invoice(c, day, usd_lines(b.rng, day), po_number=po_number(b, role))
        if days > 14:
            settle(b, role, invoice)
        invoices.append(invoice)
    return invoices


STORIES: dict[str, Callable[[DemoBuilder, Role], object]] = {
    "payment_plan": payment_plan,
    "broken_promise": broken_promise,
    "unpaid_deposit": unpaid_deposit,
    "dispute": dispute,
    "overdue_days": overdue_days,
    "overdue_weeks": overdue_weeks,
    "overdue_months": overdue_months,
    "new_customer": new_customer,
    "usd": usd_client,
}
