"""The plain records a printed document is drawn from.

The store gathers them from the book (store.invoices.documents, store.calls.letters,
store.reports.aging_document); the documents package draws them into PDFs. Keeping
them here lets both depend on the core and neither on the other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from diva_desk.core.calls.model import MissedInstallment
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.records import Business, Customer, Installment, Invoice, Payment, Quote
from diva_desk.core.reports.receivables import AgingReport
from diva_desk.i18n import _

#: Rows a meeting pack shows before "and N more": enough to see the pattern, few
#: enough for one page. The store fetches no more payments than it shows.
MAX_OPEN_INVOICES = 10
MAX_PAYMENTS = 6
MAX_PROMISES = 6


@dataclass(frozen=True)
class InvoiceDocument:
    """What an invoice shows, gathered by the store; ``payments`` are this invoice's."""

    business: Business
    customer: Customer
    invoice: Invoice
    payments: Sequence[Payment] = ()
    today: dt.date | None = None
    #: The business logo as PNG or JPEG bytes.
    logo: bytes | None = None
    #: How to pay, by currency code, where it differs from the general instructions.
    instructions_by_currency: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class QuoteDocument:
    """What a quote shows, gathered by the store (store.quotes.quote_document)."""

    business: Business
    customer: Customer
    quote: Quote
    today: dt.date | None = None
    logo: bytes | None = None


@dataclass(frozen=True)
class StatementDocument:
    """A customer's invoices and the payments on them, gathered by the store.

    ``invoices`` may include paid, draft and void ones (they are left off);
    ``payments`` are every payment on those invoices, so paid-to-date is right.
    """

    business: Business
    customer: Customer
    invoices: Sequence[Invoice]
    payments: Sequence[Payment] = ()
    today: dt.date | None = None
    #: List payments dated on or after this day (the last statement); all if ``None``.
    payments_since: dt.date | None = None
    logo: bytes | None = None
    #: How to pay, by currency code, where it differs from the general instructions.
    instructions_by_currency: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ReminderDocument:
    """The customer's invoices and their payments, gathered by the store."""

    business: Business
    customer: Customer
    invoices: Sequence[Invoice]
    payments: Sequence[Payment] = ()
    today: dt.date | None = None
    #: The date the firm and final letters ask for; ``today`` + 7 days if ``None``.
    pay_by: dt.date | None = None
    logo: bytes | None = None
    #: The numbers of the invoices an agreement being kept covers: left off the letter.
    held: frozenset[str] = frozenset()
    #: How much of an invoice (by number) an agreement holds back: the letter asks for
    #: the rest of an invoice it covers only in part.
    held_amounts: Mapping[str, Decimal] = field(default_factory=dict)
    #: Payment-plan installments missed: asked for alongside the overdue invoices.
    installments: Sequence[MissedInstallment] = ()
    #: Why nothing may be reminded (core.calls.holds.hold_text), when an agreement
    #: being kept holds back all that is overdue.
    hold: str = ""
    #: How to pay, by currency code, where it differs from the general instructions.
    instructions_by_currency: Mapping[str, str] = field(default_factory=dict)


def reminder_name(level: str) -> str:
    """``friendly reminder``: a reminder letter's level (documents.letters.reminder.ReminderLevel's
    values) as a sentence names the letter, in the notes kept in the book and the CLI's."""
    names = {
        "friendly": _("friendly reminder"),
        "firm": _("firm reminder"),
        "final": _("final reminder"),
    }
    return names.get(level, level)


@dataclass(frozen=True)
class PaidLine:
    """A payment in the customer's history (any invoice, paid or not)."""

    date: dt.date
    invoice: str
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class PromiseLine:
    made_on: dt.date
    promised_date: dt.date
    amount: Decimal
    currency: str
    #: Kept, broken or pending, from core.promises.promise_status.
    status: PromiseStatus
    invoice: str | None = None


@dataclass(frozen=True)
class CustomerPack:
    """One customer's meeting page, gathered by the store (meeting_pack_document)."""

    customer: Customer
    #: The customer's open invoices (others are left off) and the payments on them.
    invoices: Sequence[Invoice]
    payments: Sequence[Payment] = ()
    #: Recent payments on any invoice, newest first (the first MAX_PAYMENTS are shown).
    history: Sequence[PaidLine] = ()
    #: Recent promises, newest first; the counts are over all of them.
    promises: Sequence[PromiseLine] = ()
    promises_kept: int = 0
    promises_broken: int = 0
    #: The plan to propose (core.plans.proposed_plan), in the customer's currency.
    proposed_plan: Sequence[Installment] = field(default=())


@dataclass(frozen=True)
class MeetingPackDocument:
    business: Business
    packs: Sequence[CustomerPack]
    today: dt.date
    logo: bytes | None = None


@dataclass(frozen=True)
class AgingDocument:
    """The aging of the whole book on one day, with the business that prints it."""

    business: Business
    report: AgingReport
    logo: bytes | None = None
