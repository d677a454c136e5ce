"""The life of an invoice: draft, sent, void; and the numbers it carries.

A draft carries a provisional number, ``DRAFT-<id>``, so starting and abandoning
drafts never uses up the business's counter. Sending takes the next number from
the counter in the same transaction that marks the invoice sent, so numbers of
sent invoices are gap-free and never handed out twice. A sent invoice's lines are
locked: the customer's accounts payable has keyed them in, so a correction is a void
and a new invoice, and the void one stays in the book, marked.

Payments, the detail view and tax rates live beside this module and are re-exported
here, so the window and the command line import one place.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.business_rules import MAX_INVOICE_NUMBER, numbers_used_up
from diva_desk.core.currencies import currency_problem, minor_places
from diva_desk.core.customers.terms import due_date_for
from diva_desk.core.invoices.pay_links import pay_link_sentence
from diva_desk.core.invoices.totals import deposit_for, invoice_totals
from diva_desk.core.money import RATE_PLACES, ZERO, fits_currency, to_minor
from diva_desk.core.text_limits import clean, cleaned, invoice_text_problem, too_long
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.book.tax_groups import TaxPick, tax_picks
from diva_desk.store.book.tax_rates import TaxRateRow, save_tax_rates, tax_rates
from diva_desk.store.invoices.detail import (
    InvoiceDetail,
    PaymentExpectation,
    billing_cycle,
    invoice_detail,
    payment_expectation,
)
from diva_desk.store.invoices.payments import move_payments, record_payment
from diva_desk.store.invoices.records import customer_record, invoice_row, lines_of
from diva_desk.store.taxes.lines import insert_line_taxes, tax_rows

__all__ = [
    "InvoiceDetail",
    "InvoiceDraft",
    "PaymentExpectation",
    "TaxPick",
    "TaxRateRow",
    "billing_cycle",
    "checked_draft",
    "confirm_receipt",
    "delete_draft",
    "draft_for_customer",
    "duplicate_invoice",
    "invoice_detail",
    "is_provisional_number",
    "move_payments",
    "payment_expectation",
    "record_payment",
    "save_draft",
    "save_tax_rates",
    "send_invoice",
    "tax_picks",
    "tax_rates",
    "void_invoice",
]

DRAFT_PREFIX = "DRAFT-"
_QUANTUM = Decimal(1).scaleb(-RATE_PLACES)
_CURRENCY = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class InvoiceDraft:
    """What the invoice editor holds before it is saved."""

    customer_id: int
    issue_date: dt.date
    due_date: dt.date
    po_number: str = ""
    currency: str = r.DEFAULT_CURRENCY
    deposit_amount: Decimal = ZERO
    deposit_due_date: dt.date | None = None
    notes: str = ""
    lines: tuple[r.InvoiceLine, ...] = field(default=())
    #: This invoice's own pay link template; "" uses the business's.
    payment_link: str = ""


def draft_for_customer(
    customer_id: int,
    today: dt.date,
    lines: Sequence[r.InvoiceLine] = (),
    *,
    currency: str | None = None,
) -> InvoiceDraft:
    """A new invoice for a customer, filled from what the book knows about them.

    The due date follows the customer's terms, else the business default; the
    currency is the customer's unless given (a copy keeps its own). The customer's
    usual deposit is asked only once there are lines to take a percentage of (the
    editor recomputes it with ``deposit_for`` as lines are typed), due on the issue
    date: the work starts when it arrives.
    """
    customer = customer_record(customer_id)
    currency = currency or customer.currency
    terms = customer.terms_days
    if terms is None:
        business = m.Business.get_or_none(m.Business.id == 1)
        terms = business.default_terms_days if business else r.DEFAULT_TERMS_DAYS
    deposit, deposit_due = ZERO, None
    if lines and customer.deposit_percent > 0:
        deposit = deposit_for(
            invoice_totals(lines, currency).total, customer.deposit_percent, currency
        )
        deposit_due = today if deposit > 0 else None
    return InvoiceDraft(
        customer_id=customer_id,
        issue_date=today,
        due_date=due_date_for(today, terms),
        currency=currency,
        deposit_amount=deposit,
        deposit_due_date=deposit_due,
        lines=tuple(lines),
    )


def is_provisional_number(invoice_id: int, number: str) -> bool:
    """Whether a draft's number is the placeholder this module gave it.

    Drafts imported from another book (or the demo) may already carry a real
    number from the counter; those keep it when sent.
    """
    own = f"{DRAFT_PREFIX}{invoice_id}"
    return number == own or number.startswith(own + "-")


def save_draft(draft: InvoiceDraft, invoice_id: int | None = None) -> int:
    """Create a draft, or replace a draft's fields and lines; returns its id.

    The stored total is recomputed from the lines in the same transaction, so list
    balances (summed in SQL) always agree with the invoice itself. Control characters
    are dropped; a text over its limit (core.text_limits) is refused.
    """
    draft = checked_draft(draft)
    total = invoice_totals(draft.lines, draft.currency).total
    if draft.deposit_amount > total:
        raise BadInput(_("The deposit is more than the invoice total."))
    values = {
        "customer": draft.customer_id,
        "issue_date": draft.issue_date,
        "due_date": draft.due_date,
        "po_number": draft.po_number.strip(),
        "currency": draft.currency,
        "deposit_minor": to_minor(draft.deposit_amount, draft.currency),
        "deposit_due_date": draft.deposit_due_date if draft.deposit_amount > 0 else None,
        "notes": draft.notes.strip(),
        "payment_link": draft.payment_link.strip(),
        "total_minor": to_minor(total, draft.currency),
    }
    with db.atomic("IMMEDIATE"):
        if not m.Customer.select().where(m.Customer.id == draft.customer_id).exists():
            raise BadInput(_("Choose a customer for the invoice."))
        if invoice_id is None:
            row = m.Invoice.create(
                number=f"new-{uuid.uuid4()}", state=r.InvoiceState.DRAFT, **values
            )
            invoice_id = row.id
            _give_draft_number(invoice_id)
        else:
            row = invoice_row(invoice_id)
            _refuse_unless_draft(row)
            m.Invoice.update(**values).where(m.Invoice.id == invoice_id).execute()
            m.InvoiceLine.delete().where(m.InvoiceLine.invoice == invoice_id).execute()
        for position, line in enumerate(draft.lines):
            line_id = m.InvoiceLine.insert(
                invoice=invoice_id,
                position=position,
                description=line.description.strip(),
                quantity=line.quantity,
                unit_price=line.unit_price,
            ).execute()
            insert_line_taxes(tax_rows(line_id, line.taxes))
    return invoice_id


def checked_draft(draft: InvoiceDraft) -> InvoiceDraft:
    """The draft cleaned as the book keeps it, or ``BadInput`` naming the field and line.

    What every invoice is held to; a recurring invoice's lines are checked by it too.
    """
    draft = replace(cleaned(draft), lines=tuple(cleaned_line(line) for line in draft.lines))
    check_draft(draft)
    return draft


def cleaned_line(line: r.InvoiceLine) -> r.InvoiceLine:
    """The line with its texts cleaned and its taxes as the book keeps them: a tax at
    a zero rate charges nothing and is not kept (as the editor's "No tax")."""
    taxes = tuple(
        r.LineTax(clean("tax_name", tax.name).strip(), tax.rate) for tax in line.taxes if tax.rate
    )
    return replace(cleaned(line), taxes=taxes)


def send_invoice(invoice_id: int, sent_date: dt.date, *, payments_from: int | None = None) -> str:
    """Mark a draft sent on ``sent_date`` and give it its number; returns the number.

    The number is the business prefix and counter, skipping any number the book
    already holds (an imported invoice may have taken it); the counter moves past
    it in the same transaction. ``payments_from`` names the void invoice this one
    corrects: its payments move here in the same transaction, so the invoice is
    either sent with them or not sent at all (payments.move_payments says why not).
    """
    with db.atomic("IMMEDIATE"):
        row = invoice_row(invoice_id)
        if row.state == r.InvoiceState.SENT:
            raise BadInput(_("{number} was already sent.").format(number=row.number))
        if row.state == r.InvoiceState.VOID:
            raise BadInput(_("{number} is void and cannot be sent.").format(number=row.number))
        if not m.InvoiceLine.select().where(m.InvoiceLine.invoice == invoice_id).exists():
            raise BadInput(_("There is nothing to send: the invoice has no lines."))
        number = row.number
        if is_provisional_number(invoice_id, number):
            number = _take_next_number()
        m.Invoice.update(number=number, state=r.InvoiceState.SENT, sent_date=sent_date).where(
            m.Invoice.id == invoice_id
        ).execute()
        if payments_from is not None:
            move_payments(payments_from, invoice_id)
    return number


def void_invoice(invoice_id: int, reason: str, on: dt.date) -> None:
    """Void an invoice, keeping it in the book, marked, with the reason in the contact log.

    Payments already recorded stay recorded: the money did arrive, and the owner
    refunds or moves it to the replacing invoice as the case requires. The
    interchange format has no field for the reason, so it is kept as a note in the
    customer's log ("Voided: <reason>"), which exports and imports with the book.
    """
    reason = clean("reason", reason).strip()
    if not reason:
        raise BadInput(_("Give a reason for voiding the invoice."))
    if problem := too_long(_("Reason"), "reason", reason):
        raise BadInput(problem)
    with db.atomic("IMMEDIATE"):
        row = invoice_row(invoice_id)
        if row.state == r.InvoiceState.VOID:
            raise BadInput(_("{number} is already void.").format(number=row.number))
        m.Invoice.update(state=r.InvoiceState.VOID).where(m.Invoice.id == invoice_id).execute()
        _log(row, on, r.Channel.NOTE, None, _("Voided: {reason}").format(reason=reason))


def duplicate_invoice(invoice_id: int, today: dt.date) -> int:
    """A new draft for the same customer with the same lines, currency, notes and pay link.

    Dates, terms and the deposit come from the customer as of ``today``; the PO
    number is left empty, since a new order comes with its own.
    """
    row = invoice_row(invoice_id)
    lines = lines_of([invoice_id])[invoice_id]
    fresh = draft_for_customer(row.customer_id, today, lines, currency=row.currency)
    draft = InvoiceDraft(
        customer_id=fresh.customer_id,
        issue_date=fresh.issue_date,
        due_date=fresh.due_date,
        currency=row.currency,
        deposit_amount=fresh.deposit_amount,
        deposit_due_date=fresh.deposit_due_date,
        notes=row.notes,
        lines=fresh.lines,
        payment_link=row.payment_link,
    )
    return save_draft(draft)


def delete_draft(invoice_id: int) -> None:
    """Throw away a draft nobody has seen; its provisional number used up no counter.

    A draft something else in the book points at (a payment, promise, plan,
    follow-up or logged contact, as an imported one may have) is voided instead.
    """
    with db.atomic("IMMEDIATE"):
        row = invoice_row(invoice_id)
        _refuse_unless_draft(row)
        for model in (m.Payment, m.Promise, m.PaymentPlan, m.Followup, m.Interaction):
            if model.select().where(model.invoice == invoice_id).exists():
                raise BadInput(
                    _("{number} is referred to elsewhere in the book; void it instead.").format(
                        number=row.number
                    )
                )
        m.InvoiceLine.delete().where(m.InvoiceLine.invoice == invoice_id).execute()
        m.Invoice.delete().where(m.Invoice.id == invoice_id).execute()


def confirm_receipt(invoice_id: int, on: dt.date) -> None:
    """The customer confirmed they received the work and are happy (the check-in call)."""
    with db.atomic("IMMEDIATE"):
        row = invoice_row(invoice_id)
        if row.state != r.InvoiceState.SENT:
            raise BadInput(
                _("{number} has not been sent, so there is no receipt to confirm.").format(
                    number=row.number
                )
                if row.state == r.InvoiceState.DRAFT
                else _("{number} is void.").format(number=row.number)
            )
        m.Invoice.update(received_confirmed_date=on).where(m.Invoice.id == invoice_id).execute()
        _log(
            row,
            on,
            r.Channel.CALL,
            r.Outcome.RECEIVED_OK,
            _("Confirmed receipt of {number} and is happy.").format(number=row.number),
        )


def _log(
    row: m.Invoice, on: dt.date, channel: r.Channel, outcome: r.Outcome | None, notes: str
) -> None:
    now = dt.datetime.now()
    at = now.replace(microsecond=0) if on == now.date() else dt.datetime.combine(on, dt.time(12))
    m.Interaction.create(
        customer=row.customer_id,
        invoice=row.id,
        at=at,
        channel=str(channel),
        outcome=None if outcome is None else str(outcome),
        notes=notes,
    )


def _refuse_unless_draft(row: m.Invoice) -> None:
    if row.state == r.InvoiceState.SENT:
        raise BadInput(_("A sent invoice cannot be changed; void it and issue a new one."))
    if row.state == r.InvoiceState.VOID:
        raise BadInput(_("A void invoice cannot be changed; duplicate it to start a new one."))


def _give_draft_number(invoice_id: int) -> None:
    number, extra = f"{DRAFT_PREFIX}{invoice_id}", 1
    while m.Invoice.select().where(m.Invoice.number == number).exists():
        extra += 1
        number = f"{DRAFT_PREFIX}{invoice_id}-{extra}"
    m.Invoice.update(number=number).where(m.Invoice.id == invoice_id).execute()


def _take_next_number() -> str:
    business = m.Business.get_or_none(m.Business.id == 1)
    if business is None:
        raise BadInput(
            _("Fill in the business profile before sending an invoice: it goes on every invoice.")
        )
    counter = business.next_invoice_number
    number = f"{business.invoice_prefix}{counter}"
    while (
        counter <= MAX_INVOICE_NUMBER
        and m.Invoice.select().where(m.Invoice.number == number).exists()
    ):
        counter += 1
        number = f"{business.invoice_prefix}{counter}"
    if counter > MAX_INVOICE_NUMBER:
        # The counter stops at the highest number (after giving it), so an export of
        # the book still reads back; the next send asks for a new prefix.
        raise BadInput(numbers_used_up(business.invoice_prefix))
    next_counter = min(counter + 1, MAX_INVOICE_NUMBER)
    m.Business.update(next_invoice_number=next_counter).where(m.Business.id == 1).execute()
    return number


def check_draft(draft: InvoiceDraft) -> None:
    """Refuse what the editor should not have let through, naming the field and line."""
    if draft.due_date < draft.issue_date:
        raise BadInput(_("The due date is before the issue date."))
    if not _CURRENCY.fullmatch(draft.currency):
        raise BadInput(
            _('The currency "{currency}" is not a three-letter code such as CAD.').format(
                currency=draft.currency
            )
        )
    if problem := currency_problem(draft.currency):
        raise BadInput(_("Currency: {problem}").format(problem=problem))
    _check_amount(draft.deposit_amount, _("The deposit"), draft.currency)
    if draft.deposit_amount > 0 and draft.deposit_due_date is None:
        raise BadInput(_("Give the date the deposit is due."))
    if problem := invoice_text_problem(draft.po_number, draft.notes, draft.lines):
        raise BadInput(problem)
    if problem := pay_link_sentence(draft.payment_link):
        raise BadInput(problem)
    for n, line in enumerate(draft.lines, start=1):
        if not line.description.strip():
            raise BadInput(_("Line {n}: describe the work or goods.").format(n=n))
        if line.quantity <= 0 or line.quantity != line.quantity.quantize(_QUANTUM):
            raise BadInput(
                _("Line {n}: the quantity must be above 0, with at most 4 decimals.").format(n=n)
            )
        if line.unit_price < 0 or line.unit_price != line.unit_price.quantize(_QUANTUM):
            raise BadInput(
                _("Line {n}: the unit price must be 0 or more, with at most 4 decimals.").format(
                    n=n
                )
            )
        names: set[str] = set()
        for tax in line.taxes:
            if tax.rate < 0 or tax.rate != tax.rate.quantize(_QUANTUM):
                raise BadInput(_("Line {n}: the tax rate is not a valid rate.").format(n=n))
            if not tax.name:
                raise BadInput(_("Line {n}: give the tax a name.").format(n=n))
            if tax.name in names:
                raise BadInput(_("Line {n}: {tax} is on the line twice.").format(n=n, tax=tax.name))
            names.add(tax.name)


def _check_amount(amount: Decimal, what: str, currency: str) -> None:
    if amount < 0 or not fits_currency(amount, currency):
        raise BadInput(
            _("{what} must be an amount of 0 or more, with at most {places} decimals.").format(
                what=what, places=minor_places(currency)
            )
        )
