"""The records of a book, as plain data.

These mirror the interchange format (spec/interchange-v1.md) field for field, so the
importer, the exporter, the demo data and the store all speak the same shapes.
Optional text is ``""`` when absent; optional numbers and dates are ``None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import InitVar, dataclass, field
from decimal import Decimal
from enum import StrEnum

from diva_desk.core.money import ZERO


class PaymentMethod(StrEnum):
    CASH = "cash"
    CHEQUE = "cheque"
    E_TRANSFER = "e-transfer"
    CARD = "card"
    BANK_TRANSFER = "bank-transfer"
    OTHER = "other"


class InvoiceState(StrEnum):
    """What the book stores; paid, partly paid and overdue are derived (see invoices.py)."""

    DRAFT = "draft"
    SENT = "sent"
    VOID = "void"


class Every(StrEnum):
    """How often a recurring invoice repeats (core.invoices.recurrence)."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


class QuoteState(StrEnum):
    """What the book stores of a quote; expired is derived from its valid-until date."""

    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class Channel(StrEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    LETTER = "letter"
    NOTE = "note"


class Outcome(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    VOICEMAIL = "voicemail"
    PROMISED = "promised"
    DISPUTE = "dispute"
    PAID = "paid"
    PLAN = "plan"
    RECEIVED_OK = "received_ok"
    PROBLEM = "problem"
    OTHER = "other"


DEFAULT_CURRENCY = "CAD"
DEFAULT_LOCALE = "en_CA"
DEFAULT_TERMS_DAYS = 30
DEFAULT_INVOICE_PREFIX = "INV-"


@dataclass(frozen=True)
class TaxRegistration:
    """The business's registration number for one tax, printed beside it on invoices."""

    tax: str
    number: str


@dataclass(frozen=True)
class Business:
    name: str
    owner_name: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    #: Free text printed under the address (interchange ``tax_numbers``).
    tax_numbers: str = ""
    currency: str = DEFAULT_CURRENCY
    locale: str = DEFAULT_LOCALE
    default_terms_days: int = DEFAULT_TERMS_DAYS
    invoice_prefix: str = DEFAULT_INVOICE_PREFIX
    next_invoice_number: int = 1
    payment_instructions: str = ""
    #: One number per tax, in the order the owner gave them (interchange v2).
    tax_registrations: tuple[TaxRegistration, ...] = ()
    #: Late interest agreed with every customer unless theirs says otherwise: percent
    #: per month (0 to 5) and the days late before an invoice is charged (docs/late-fees.md).
    late_fee_percent_per_month: Decimal = Decimal("0")
    late_fee_grace_days: int = 0
    #: The pay link template (core.invoices.pay_links), "" for none (interchange v2).
    payment_link: str = ""

    def registration_for(self, tax: str) -> str:
        """The number registered for ``tax`` (its name as the lines carry it), or ``""``."""
        for registration in self.tax_registrations:
            if registration.tax == tax:
                return registration.number
        return ""


@dataclass(frozen=True)
class Customer:
    code: str
    name: str
    contact_name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    currency: str = DEFAULT_CURRENCY
    #: ``None`` follows the business locale.
    language: str | None = None
    #: ``None`` follows the business default terms.
    terms_days: int | None = None
    ap_contact_name: str = ""
    ap_email: str = ""
    ap_phone: str = ""
    invoice_cutoff_day: int | None = None
    payment_run_days: tuple[int, ...] = ()
    deposit_percent: Decimal = Decimal("0")
    preferred_payment_method: PaymentMethod | None = None
    notes: str = ""
    archived: bool = False
    #: ``None`` follows the business's rate; ``0`` agreed to none.
    late_fee_percent_per_month: Decimal | None = None


@dataclass(frozen=True)
class LineTax:
    """One tax on a line: its name as printed (``GST``, ``TVQ``) and its percentage rate."""

    name: str
    rate: Decimal


@dataclass(frozen=True)
class InvoiceLine:
    """A line and its taxes, in the order they print (GST then QST).

    ``tax_name``/``tax_rate`` are the one-tax shorthand of interchange version 1, accepted
    when a line is made and folded into ``taxes``; read ``taxes``, never them (the class
    keeps their empty defaults only so that ``dataclasses.replace`` works).
    """

    description: str
    quantity: Decimal = Decimal("1")
    unit_price: Decimal = ZERO
    tax_name: InitVar[str] = ""
    tax_rate: InitVar[Decimal] = Decimal("0")
    taxes: tuple[LineTax, ...] = ()

    def __post_init__(self, tax_name: str, tax_rate: Decimal) -> None:
        # A rate without a name charged nothing (version 1's rule) and is not kept.
        if tax_name:
            if self.taxes:
                raise ValueError("a line has either taxes or tax_name/tax_rate, not both")
            object.__setattr__(self, "taxes", (LineTax(tax_name, tax_rate),))
        elif not isinstance(self.taxes, tuple):
            object.__setattr__(self, "taxes", tuple(self.taxes))


@dataclass(frozen=True)
class Invoice:
    number: str
    customer: str
    issue_date: dt.date
    due_date: dt.date
    lines: tuple[InvoiceLine, ...]
    currency: str = DEFAULT_CURRENCY
    state: InvoiceState = InvoiceState.SENT
    sent_date: dt.date | None = None
    received_confirmed_date: dt.date | None = None
    po_number: str = ""
    deposit_amount: Decimal = ZERO
    deposit_due_date: dt.date | None = None
    notes: str = ""
    #: Set on a late-interest charge: the last day whose interest it covers.
    late_fee_through: dt.date | None = None
    #: This invoice's own pay link template; "" uses the business's (interchange v2).
    payment_link: str = ""


@dataclass(frozen=True)
class Quote:
    """A quote (interchange v2 ``quotes[]``): lines as an invoice's, a valid-until date,
    the deposit percent asked on acceptance and, once accepted, the invoice it became."""

    number: str
    customer: str
    issue_date: dt.date
    lines: tuple[InvoiceLine, ...]
    valid_until: dt.date | None = None
    state: QuoteState = QuoteState.DRAFT
    currency: str = DEFAULT_CURRENCY
    deposit_percent: Decimal = ZERO
    notes: str = ""
    invoice: str | None = None


@dataclass(frozen=True)
class Payment:
    invoice: str
    date: dt.date
    amount: Decimal
    method: PaymentMethod | None = None
    reference: str = ""
    is_deposit: bool = False
    #: The bank transaction id it was matched from (import-bank), if any.
    bank_transaction: str | None = None


@dataclass(frozen=True)
class Promise:
    customer: str
    made_on: dt.date
    promised_date: dt.date
    amount: Decimal
    invoice: str | None = None


@dataclass(frozen=True)
class Installment:
    due_date: dt.date
    amount: Decimal


@dataclass(frozen=True)
class PaymentPlan:
    customer: str
    agreed_on: dt.date
    installments: tuple[Installment, ...]
    invoice: str | None = None


@dataclass(frozen=True)
class Followup:
    customer: str
    due_date: dt.date
    reason: str
    invoice: str | None = None
    done: bool = False


@dataclass(frozen=True)
class Interaction:
    customer: str
    at: dt.datetime
    channel: Channel | None = None
    outcome: Outcome | None = None
    notes: str = ""
    invoice: str | None = None


@dataclass(frozen=True)
class RecurringInvoice:
    """A schedule that makes a customer's invoice every period (interchange v2).

    ``currency`` ``None`` is the customer's. ``anchor_day`` is the day of the month the
    periods keep (core.invoices.recurrence); ``None`` takes it from ``next_date``, as an
    import does.
    """

    customer: str
    every: Every
    next_date: dt.date
    lines: tuple[InvoiceLine, ...]
    interval: int = 1
    end_date: dt.date | None = None
    send: bool = False
    terms_days: int | None = None
    notes: str = ""
    currency: str | None = None
    anchor_day: int | None = None


@dataclass(frozen=True)
class BookContents:
    """A whole book, or the part of one an import adds."""

    business: Business | None = None
    customers: tuple[Customer, ...] = ()
    invoices: tuple[Invoice, ...] = ()
    payments: tuple[Payment, ...] = ()
    promises: tuple[Promise, ...] = ()
    payment_plans: tuple[PaymentPlan, ...] = ()
    followups: tuple[Followup, ...] = ()
    interactions: tuple[Interaction, ...] = field(default=())
    bank_transactions: tuple[BankTransaction, ...] = ()
    recurring_invoices: tuple[RecurringInvoice, ...] = ()
    #: How to pay in one currency, by code (interchange v2
    #: ``business.payment_instructions_by_currency``; the book keeps them as settings).
    payment_instructions_by_currency: Mapping[str, str] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()


class BankStatus(StrEnum):
    """What became of a bank statement's line (import-bank)."""

    RECORDED = "recorded"
    IGNORED = "ignored"
    REVIEW = "review"


@dataclass(frozen=True)
class BankTransaction:
    """A bank statement's line the book has seen, so it is never recorded twice."""

    account: str
    transaction: str
    date: dt.date
    #: Negative for a debit.
    amount: Decimal
    currency: str
    description: str = ""
    status: BankStatus = BankStatus.REVIEW
