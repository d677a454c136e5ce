"""Collects the demo book's records and hands them out as a consistent BookContents.

Invoices are numbered only at the end, in issue-date order, because the stories
that make up the demo are written customer by customer, not in date order. Every
rule the book itself enforces is enforced here too, so the demo can never show
something the app would refuse: a payment is never larger than what is left to
pay, never in the future, never before the invoice and never on a void invoice.
"""

from __future__ import annotations

import datetime as dt
import random
import string
from dataclasses import dataclass, replace
from decimal import Decimal

from diva_desk.core.customers.terms import due_date_for
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.money import ZERO
from diva_desk.core.records import (
    DEFAULT_TERMS_DAYS,
    BookContents,
    Business,
    Channel,
    Customer,
    Followup,
    Installment,
    Interaction,
    Invoice,
    InvoiceLine,
    InvoiceState,
    Outcome,
    Payment,
    PaymentMethod,
    PaymentPlan,
    Promise,
    Quote,
)

FIRST_INVOICE_NUMBER = 1001


def terms_days(customer: Customer) -> int:
    """The customer's payment terms; the demo business uses the default 30 days."""
    return DEFAULT_TERMS_DAYS if customer.terms_days is None else customer.terms_days


def weekday_on_or_before(day: dt.date) -> dt.date:
    """Offices do not issue invoices or return calls on weekends: move back to Friday."""
    return day - dt.timedelta(days=max(day.weekday() - 4, 0))


@dataclass(eq=False)
class DraftInvoice:
    """An invoice before it has its number; payments and notes may point at it."""

    customer: Customer
    issue_date: dt.date
    due_date: dt.date
    lines: tuple[InvoiceLine, ...]
    state: InvoiceState
    sent_date: dt.date | None
    received_confirmed_date: dt.date | None
    po_number: str = ""
    deposit_amount: Decimal = ZERO
    deposit_due_date: dt.date | None = None
    notes: str = ""
    number: str = ""
    paid: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return invoice_totals(self.lines, self.customer.currency).total

    @property
    def balance(self) -> Decimal:
        return self.total - self.paid


class DemoBuilder:
    """Accumulates the demo's records for one ``today`` and one random generator."""

    def __init__(self, today: dt.date, rng: random.Random) -> None:
        self.today = today
        self.rng = rng
        self._invoices: list[DraftInvoice] = []
        self._payments: list[tuple[DraftInvoice, Payment]] = []
        self._promises: list[tuple[DraftInvoice | None, Promise]] = []
        self._plans: list[tuple[DraftInvoice | None, PaymentPlan]] = []
        self._followups: list[tuple[DraftInvoice | None, Followup]] = []
        self._interactions: list[tuple[DraftInvoice | None, Interaction]] = []
        self._quotes: list[Quote] = []
        #: Each customer writes cheques from its own chequebook.
        self._next_cheque: dict[str, int] = {}

    def days_ago(self, days: int) -> dt.date:
        return self.today - dt.timedelta(days=days)

    # --- invoices ------------------------------------------------------------

    def invoice(
        self,
        customer: Customer,
        issue_date: dt.date,
        lines: tuple[InvoiceLine, ...],
        *,
        state: InvoiceState = InvoiceState.SENT,
        confirmed: bool | None = None,
        po_number: str = "",
        deposit_percent: Decimal = ZERO,
        notes: str = "",
    ) -> DraftInvoice:
        """Record an invoice; it was emailed the day it was issued unless it is a draft.

        ``confirmed`` None means the usual: nothing from the last week is confirmed
        yet, most older invoices are.
        """
        sent = None if state is InvoiceState.DRAFT else issue_date
        received = None
        if sent is not None:
            if confirmed is None:
                confirmed = (self.today - sent).days > 7 and self.rng.random() < 0.85
            if confirmed:
                received = min(sent + dt.timedelta(days=self.rng.randint(0, 4)), self.today)
        draft = DraftInvoice(
            customer=customer,
            issue_date=issue_date,
            due_date=due_date_for(issue_date, terms_days(customer)),
            lines=lines,
            state=state,
            sent_date=sent,
            received_confirmed_date=received,
            po_number=po_number,
            notes=notes,
        )
        if deposit_percent > ZERO:
            # Rounded to the dollar: that is what people ask for and what they send.
            draft.deposit_amount = (draft.total * deposit_percent / 100).quantize(Decimal(1))
            draft.deposit_due_date = issue_date + dt.timedelta(days=7)
        self._invoices.append(draft)
        return draft

    # --- money -----------------------------------------------------------------

    def pay(
        self,
        invoice: DraftInvoice,
        day: dt.date,
        amount: Decimal | None = None,
        *,
        is_deposit: bool = False,
    ) -> Decimal:
        """Record a payment if it could have happened by today; returns what was paid.

        ``amount`` None pays the whole balance. Anything beyond the balance is cut
        off, so no invoice is ever overpaid.
        """
        if invoice.state is not InvoiceState.SENT or day > self.today:
            return ZERO
        day = max(day, invoice.issue_date)
        paid = invoice.balance if amount is None else min(amount, invoice.balance)
        if paid <= ZERO:
            return ZERO
        invoice.paid += paid
        method = invoice.customer.preferred_payment_method or PaymentMethod.E_TRANSFER
        payment = Payment(
            invoice="",
            date=day,
            amount=paid,
            method=method,
            reference=self._reference(invoice.customer, method),
            is_deposit=is_deposit,
        )
        self._payments.append((invoice, payment))
        return paid

    def _reference(self, customer: Customer, method: PaymentMethod) -> str:
        rng = self.rng
        if method is PaymentMethod.CHEQUE:
            number = self._next_cheque.get(customer.code, rng.randint(1020, 4800))
            self._next_cheque[customer.code] = number + rng.randint(1, 9)
            return f"Cheque #{number}"
        if method is PaymentMethod.BANK_TRANSFER:
            return f"EFT {rng.randint(100000, 999999)}"
        if method is PaymentMethod.CARD:
            return f"Visa ending {rng.randint(1000, 9999)}"
        if method is PaymentMethod.E_TRANSFER:
            alphabet = string.ascii_letters + string.digits
            return "CA" + "".join(rng.choice(alphabet) for _ in range(8))
        return ""

    def promise(
        self, invoice: DraftInvoice, made_on: dt.date, promised_date: dt.date, amount: Decimal
    ) -> None:
        promise = Promise(invoice.customer.code, made_on, promised_date, amount)
        self._promises.append((invoice, promise))

    def plan(
        self, invoice: DraftInvoice, agreed_on: dt.date, installments: tuple[Installment, ...]
    ) -> None:
        plan = PaymentPlan(invoice.customer.code, agreed_on, installments)
        self._plans.append((invoice, plan))

    # --- contact history ---------------------------------------------------------

    def interaction(
        self,
        customer: Customer,
        day: dt.date,
        channel: Channel,
        outcome: Outcome | None,
        notes: str,
        invoice: DraftInvoice | None = None,
    ) -> None:
        """Log a contact during office hours; nothing is logged for today or later."""
        day = weekday_on_or_before(day)
        if day >= self.today:
            return
        at = dt.datetime.combine(
            day, dt.time(self.rng.randint(9, 16), self.rng.choice(range(0, 60, 5)))
        )
        self._interactions.append(
            (invoice, Interaction(customer.code, at, channel, outcome, notes))
        )

    def followup(
        self,
        customer: Customer,
        due: dt.date,
        reason: str,
        invoice: DraftInvoice | None = None,
        *,
        done: bool = False,
    ) -> None:
        self._followups.append((invoice, Followup(customer.code, due, reason, done=done)))

    def quote(self, quote: Quote) -> None:
        self._quotes.append(quote)

    # --- the finished book ---------------------------------------------------------

    def contents(self, business: Business, customers: tuple[Customer, ...]) -> BookContents:
        """Number the invoices in issue-date order and resolve every reference to them."""
        ordered = sorted(enumerate(self._invoices), key=lambda pair: (pair[1].issue_date, pair[0]))
        prefix = business.invoice_prefix
        for offset, (_, draft) in enumerate(ordered):
            draft.number = f"{prefix}{FIRST_INVOICE_NUMBER + offset}"
        invoices = tuple(_invoice_record(draft) for _, draft in ordered)
        last = FIRST_INVOICE_NUMBER + len(ordered) - 1
        business = replace(business, next_invoice_number=last + 1)

        def number(draft: DraftInvoice | None) -> str | None:
            return draft.number if draft is not None else None

        payments = sorted(
            (replace(p, invoice=draft.number) for draft, p in self._payments),
            key=lambda p: (p.date, p.invoice),
        )
        return BookContents(
            business=business,
            customers=customers,
            invoices=invoices,
            payments=tuple(payments),
            promises=tuple(
                sorted(
                    (replace(p, invoice=number(d)) for d, p in self._promises),
                    key=lambda p: p.made_on,
                )
            ),
            payment_plans=tuple(replace(p, invoice=number(d)) for d, p in self._plans),
            followups=tuple(
                sorted(
                    (replace(f, invoice=number(d)) for d, f in self._followups),
                    key=lambda f: (f.due_date, f.customer),
                )
            ),
            interactions=tuple(
                sorted(
                    (replace(i, invoice=number(d)) for d, i in self._interactions),
                    key=lambda i: (i.at, i.customer),
                )
            ),
            quotes=tuple(self._quotes),
        )


def _invoice_record(draft: DraftInvoice) -> Invoice:
    return Invoice(
        number=draft.number,
        customer=draft.customer.code,
        issue_date=draft.issue_date,
        due_date=draft.due_date,
        lines=draft.lines,
        currency=draft.customer.currency,
        state=draft.state,
        sent_date=draft.sent_date,
        received_confirmed_date=draft.received_confirmed_date,
        po_number=draft.po_number,
        deposit_amount=draft.deposit_amount,
        deposit_due_date=draft.deposit_due_date,
        notes=draft.notes,
    )
