"""The ordinary months of a customer: invoices sent, paid on time or late, a call now and then.

A reliable customer pays on or a little before the due date, or on their
accounts-payable run after it when they have one. A slow customer pays two to six
weeks late, sometimes in two parts, and gets a reminder call first; half the time
they promise a date on that call and keep it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core.customers.terms import expected_payment_date
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.records import Channel, Customer, InvoiceLine, InvoiceState, Outcome
from diva_desk.demo.builder import DemoBuilder, DraftInvoice, terms_days, weekday_on_or_before
from diva_desk.demo.cast import RELIABLE, Role
from diva_desk.demo.lines import GST_QST, HST, NO_TAX, LineMaker, Tax

_DAY = dt.timedelta(days=1)


def tax_for(customer: Customer) -> Tax:
    """Where the customer is decides the tax: Ontario HST, Québec GST+QST, abroad none."""
    if customer.currency != "CAD":
        return NO_TAX
    if (customer.language or "").startswith("fr"):
        return GST_QST
    return HST


def line_maker(b: DemoBuilder, customer: Customer) -> LineMaker:
    return LineMaker(b.rng, customer.language, tax_for(customer))


def po_number(b: DemoBuilder, role: Role) -> str:
    """Customers with an accounts-payable department issue purchase orders."""
    if not role.customer.ap_contact_name:
        return ""
    return f"PO-{b.rng.randint(40000, 89999)}"


def _retainer_days(b: DemoBuilder, role: Role) -> list[dt.date]:
    """The 1st of every month from ``since`` days ago up to today."""
    days = []
    first = b.today.replace(day=1)
    while (b.today - first).days <= role.since:
        days.append(first)
        first = (first - _DAY).replace(day=1)
    return sorted(days)


def _project_days(b: DemoBuilder, role: Role) -> list[dt.date]:
    offsets = b.rng.sample(range(role.until, role.since + 1), role.projects)
    return sorted(weekday_on_or_before(b.days_ago(days)) for days in offsets)


def write_history(b: DemoBuilder, role: Role) -> list[DraftInvoice]:
    """Every ordinary invoice of one customer, settled by their habit; returns them."""
    c = role.customer
    maker = line_maker(b, c)
    big_once: set[str] = set()
    work: list[tuple[dt.date, tuple[InvoiceLine, ...]]] = []
    if role.retainer is not None:
        for day in _retainer_days(b, role):
            if role.social_retainer:
                work.append((day, maker.social(day, role.retainer)))
            else:
                work.append((day, maker.retainer(day, role.retainer)))
    if role.projects:
        work += [(day, maker.project_work(big_once=big_once)) for day in _project_days(b, role)]
    work.sort(key=lambda item: item[0])

    # The invoices sent wrong are old ones: by now the mistake is long sorted out.
    old = [i for i, (day, _) in enumerate(work) if (b.today - day).days > 60]
    voided = set(b.rng.sample(old, min(role.voids, len(old))))
    invoices = []
    for index, (day, lines) in enumerate(work):
        po = po_number(b, role)
        if index in voided:
            b.invoice(
                c,
                day,
                lines,
                state=InvoiceState.VOID,
                po_number=po,
                notes="Void: sent to the wrong billing address. Reissued the same day.",
            )
        invoice = b.invoice(c, day, lines, po_number=po, deposit_percent=_deposit(c, lines))
        settle(b, role, invoice)
        invoices.append(invoice)
    invoices += _scripted_recent(b, role, maker)
    if c.archived:
        b.interaction(
            c,
            b.days_ago(role.until - 30),
            Channel.NOTE,
            Outcome.OTHER,
            "The shop has closed; everything is paid. Archived the account.",
        )
    return invoices


def _deposit(customer: Customer, lines: tuple[InvoiceLine, ...]) -> Decimal:
    """Deposits are asked for on projects, not on small jobs."""
    if invoice_totals(lines, customer.currency).net < Decimal(800):
        return Decimal(0)
    return customer.deposit_percent


def _scripted_recent(b: DemoBuilder, role: Role, maker: LineMaker) -> list[DraftInvoice]:
    """The invoices that make today's picture: just sent, due in days, or still a draft."""
    c = role.customer
    made = []
    if role.recent == "recent":
        day = weekday_on_or_before(b.days_ago(b.rng.randint(1, 5)))
        made.append(
            b.invoice(c, day, maker.design(), confirmed=False, po_number=po_number(b, role))
        )
    if role.recent == "due_soon":
        day = b.days_ago(terms_days(c) - b.rng.randint(1, 4))
        # They pay on the due date, which has not come yet: nothing is paid.
        made.append(b.invoice(c, day, maker.design(), confirmed=True))
    if role.draft:
        draft = b.invoice(
            c,
            b.today,
            maker.design(),
            state=InvoiceState.DRAFT,
            po_number=po_number(b, role),
            deposit_percent=c.deposit_percent,
        )
        cutoff = role.cycle.next_cutoff(b.today + _DAY) or b.today
        reason = "Send this invoice before their monthly cut-off, or it waits a month."
        b.followup(c, max(b.today, cutoff - _DAY), reason, draft)
        made.append(draft)
    return made


def settle(b: DemoBuilder, role: Role, invoice: DraftInvoice) -> None:
    """Pay an invoice the way this customer pays, as far as today has come."""
    rng = b.rng
    if invoice.deposit_amount:
        b.pay(
            invoice,
            invoice.issue_date + rng.randint(1, 6) * _DAY,
            invoice.deposit_amount,
            is_deposit=True,
        )
    assert invoice.sent_date is not None
    arrival = invoice.received_confirmed_date or invoice.sent_date + _DAY
    if role.habit == RELIABLE:
        if role.cycle.cutoff_day or role.cycle.payment_run_days:
            day = expected_payment_date(arrival, invoice.due_date, role.cycle)
        else:
            day = max(invoice.due_date - rng.randint(0, 12) * _DAY, arrival)
        b.pay(invoice, weekday_on_or_before(day))
        _small_talk(b, role, invoice)
        if invoice.received_confirmed_date and rng.random() < 0.2:
            b.interaction(
                role.customer,
                invoice.received_confirmed_date,
                Channel.EMAIL,
                Outcome.RECEIVED_OK,
                rng.choice(_HAPPY),
                invoice,
            )
        return
    _settle_late(b, role, invoice)


def _small_talk(b: DemoBuilder, role: Role, invoice: DraftInvoice) -> None:
    """The calls around ordinary work: a brief before the job, a check with payables after."""
    rng = b.rng
    c = role.customer
    if rng.random() < 0.12:
        b.interaction(
            c,
            invoice.issue_date - rng.randint(7, 20) * _DAY,
            Channel.CALL,
            Outcome.REACHED,
            "Went over the brief and the quote.",
        )
    if c.ap_contact_name and invoice.sent_date and rng.random() < 0.25:
        b.interaction(
            c,
            invoice.sent_date + rng.randint(2, 5) * _DAY,
            Channel.EMAIL,
            Outcome.RECEIVED_OK,
            f"{c.ap_contact_name} in accounts payable confirmed it is in their system.",
            invoice,
        )


_HAPPY = (
    "Confirmed they got the final files and are happy with them.",
    "Email back: all received, looks great.",
    "They confirmed delivery; invoice passed to whoever pays the bills.",
)


def _settle_late(b: DemoBuilder, role: Role, invoice: DraftInvoice) -> None:
    """Two to six weeks late, after a reminder call; sometimes a promise, sometimes in parts."""
    rng = b.rng
    c = role.customer
    due = invoice.due_date
    late = weekday_on_or_before(due + rng.randint(15, 45) * _DAY)
    call = due + rng.randint(5, 9) * _DAY
    if call < b.today:
        b.followup(c, call, "Reminder call: invoice past due", invoice, done=True)
        outcome = rng.choice((Outcome.VOICEMAIL, Outcome.NO_ANSWER, Outcome.REACHED))
        keeps_promise = late <= b.today and rng.random() < 0.5
        if keeps_promise:
            outcome = Outcome.PROMISED
        b.interaction(c, call, Channel.CALL, outcome, _CALL_NOTES[outcome], invoice)
    else:
        keeps_promise = False
    if rng.random() < 0.35:
        part = max((invoice.balance * Decimal("0.008")).quantize(Decimal(1)) * 50, Decimal(100))
        b.pay(invoice, weekday_on_or_before(due + rng.randint(3, 12) * _DAY), part)
    paid = b.pay(invoice, late)
    if keeps_promise and paid:
        promised = late + rng.randint(0, 2) * _DAY
        b.promise(invoice, weekday_on_or_before(call), promised, paid)


_CALL_NOTES = {
    Outcome.VOICEMAIL: "Left a voicemail with the invoice number and amount.",
    Outcome.NO_ANSWER: "No answer; will try again next week.",
    Outcome.REACHED: "Reached them; they said it is in the pile and will be paid soon.",
    Outcome.PROMISED: "They promised to send the payment by the end of next week.",
}
