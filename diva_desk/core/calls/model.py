"""The shapes of the morning call list: what the rules read and what they return.

The rules (rules.py) never touch the book. The store builds a :class:`Situation`,
a plain-data snapshot of exactly the facts the rules need, in a few queries; tests
build one by hand. Everything is "as of" a day: balances and paid amounts count
only payments dated on or before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import IntEnum, StrEnum
from functools import cached_property

from diva_desk.core.customers.history import RatingKind
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.money import ZERO
from diva_desk.core.records import Outcome


class ReasonKind(StrEnum):
    """Why a customer is on the list (spec/cli.md, ``today --json``)."""

    DEPOSIT_DUE = "deposit_due"
    DELIVERY_CHECKIN = "delivery_checkin"
    DUE_SOON = "due_soon"
    CUTOFF = "cutoff"
    PROMISE_DUE = "promise_due"
    BROKEN_PROMISE = "broken_promise"
    INSTALLMENT_DUE = "installment_due"
    INSTALLMENT_MISSED = "installment_missed"
    OVERDUE = "overdue"
    FOLLOWUP = "followup"
    QUOTE_EXPIRING = "quote_expiring"


class EscalationStep(IntEnum):
    """The five steps of an overdue invoice's calls, gentlest first (escalation.py)."""

    FRIENDLY = 1
    SET_DATE = 2
    PAYMENT_PLAN = 3
    MEET = 4
    FINAL = 5


@dataclass(frozen=True)
class CallSettings:
    """The windows of the rules; the owner can change each one.

    Windows counted "days" are calendar days; the retry is counted in working days
    because a call cannot be retried on a day off.
    """

    #: Check in this many days after an invoice was sent: did it arrive, are they happy?
    checkin_after_days: int = 3
    #: Courtesy call this many days before an invoice falls due.
    due_soon_days: int = 3
    #: Warn this many days before a customer's invoice cut-off day when a draft waits.
    cutoff_warning_days: int = 5
    #: Remind of a payment-plan installment this many days before it falls due.
    installment_soon_days: int = 3
    #: The overdue call starts when an invoice is this many days past due: a day or
    #: two absorbs a cheque in the post; after that, asking promptly works best.
    overdue_after_days: int = 3
    #: After "no answer" or "left voicemail", try again after this many working days.
    retry_after_working_days: int = 2
    #: Days the owner does not work, besides weekends (holidays, vacation).
    days_off: frozenset[dt.date] = frozenset()
    #: Weekdays not worked (Monday is 0): Saturday and Sunday.
    weekend: frozenset[int] = frozenset({5, 6})


@dataclass(frozen=True)
class CustomerFacts:
    id: int
    code: str
    name: str
    contact_name: str = ""
    phone: str = ""
    ap_contact_name: str = ""
    ap_phone: str = ""
    currency: str = "CAD"
    invoice_cutoff_day: int | None = None
    archived: bool = False
    rating: RatingKind = RatingKind.NEW
    #: The most recent interaction, any channel: when, and what came of it.
    last_contact: dt.date | None = None
    last_outcome: Outcome | None = None
    #: The owner snoozed the customer until this day (store.outcomes.snoozed): before
    #: it, only dated calls show (rules.SNOOZE_PASSES).
    snoozed_until: dt.date | None = None


@dataclass(frozen=True)
class OpenInvoice:
    """A sent invoice with a balance as of the day (paid and void ones never call)."""

    id: int
    number: str
    customer_id: int
    currency: str
    issue_date: dt.date
    due_date: dt.date
    total: Decimal
    paid: Decimal
    sent_date: dt.date | None = None
    received_confirmed_date: dt.date | None = None
    deposit_amount: Decimal = ZERO
    deposit_due_date: dt.date | None = None
    #: The last interaction about this invoice.
    last_contact: dt.date | None = None

    @cached_property
    def balance(self) -> Decimal:
        # Asked a dozen times per invoice by the rules and holds: worked out once.
        return max(self.total - self.paid, ZERO)


@dataclass(frozen=True)
class DraftInvoice:
    """A draft: it makes only the cut-off reminder."""

    id: int
    number: str
    customer_id: int
    currency: str
    total: Decimal
    #: The draft's date: one dated on or before a cut-off that passed has missed it.
    issue_date: dt.date | None = None


@dataclass(frozen=True)
class PromiseFacts:
    id: int
    customer_id: int
    made_on: dt.date
    promised_date: dt.date
    amount: Decimal
    #: From core.promises.promise_status as of the day.
    status: PromiseStatus
    #: The invoice it is about; ``None`` for the customer's whole balance.
    invoice_id: int | None = None
    #: Money received toward it within its window (what a partial payment covered).
    paid_toward: Decimal = ZERO
    invoice_number: str | None = None


@dataclass(frozen=True)
class InstallmentFacts:
    due_date: dt.date
    amount: Decimal


@dataclass(frozen=True)
class PlanFacts:
    id: int
    customer_id: int
    agreed_on: dt.date
    installments: tuple[InstallmentFacts, ...]
    #: Payments since the plan was agreed toward what it covers, as of the day;
    #: they pay the installments in date order (plan_installments in rules.py).
    paid_since_agreed: Decimal
    invoice_id: int | None = None
    invoice_number: str | None = None


@dataclass(frozen=True)
class FollowupFacts:
    id: int
    customer_id: int
    due_date: dt.date
    reason: str
    invoice_id: int | None = None
    invoice_number: str | None = None
    #: It follows up a problem or dispute the customer raised that is still open.
    problem: bool = False


@dataclass(frozen=True)
class QuoteFacts:
    """A sent quote not yet answered, expiring soon: a courtesy call before it lapses."""

    id: int
    number: str
    customer_id: int
    currency: str
    total: Decimal
    valid_until: dt.date


@dataclass(frozen=True)
class Situation:
    """Everything the rules read about a book on one day."""

    customers: tuple[CustomerFacts, ...]
    invoices: tuple[OpenInvoice, ...] = ()
    drafts: tuple[DraftInvoice, ...] = ()
    promises: tuple[PromiseFacts, ...] = ()
    plans: tuple[PlanFacts, ...] = ()
    followups: tuple[FollowupFacts, ...] = ()
    quotes: tuple[QuoteFacts, ...] = ()
    #: Customers (by id) with an interaction logged on the day: their call is done.
    contacted_today: frozenset[int] = frozenset()
    #: Open problems or disputes, as (customer id, invoice id): a problem or dispute
    #: was reported and its follow-up is not done yet. ``None`` for the invoice means
    #: the customer's work as a whole: every invoice of theirs waits for it.
    disputes: frozenset[tuple[int, int | None]] = frozenset()


@dataclass(frozen=True)
class Reason:
    """One reason to call, as listed under the call.

    ``days`` means, by kind: days past the date for deposit_due, overdue,
    broken_promise, installment_missed and followup (0 when it falls due today or
    over the coming days off); days until the date for due_soon, cutoff,
    promise_due and installment_due (days since, for a cut-off already missed);
    days since the invoice was sent for delivery_checkin. ``date`` is that date.
    """

    kind: ReasonKind
    amount: Decimal
    currency: str
    days: int
    date: dt.date
    invoice: str | None = None
    invoice_id: int | None = None
    #: The overdue call's escalation step; None for the other kinds.
    step: EscalationStep | None = None
    #: What a follow-up is about, in the owner's words; when a promise was made.
    note: str = ""
    made_on: dt.date | None = None
    #: A follow-up about an open problem or dispute: it leads, and the invoice's
    #: overdue calls wait for it (rules.py).
    problem: bool = False
    #: A cut-off that passed with the draft unsent: ``days`` counts the days since.
    missed: bool = False
    #: For installment_missed: how many installments were missed (``amount`` is their sum).
    count: int = 1


class HoldKind(StrEnum):
    PLAN = "plan"
    PROMISE = "promise"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Hold:
    """An agreement in force, and what it covers (invoice ids)."""

    kind: HoldKind
    covers: frozenset[int]
    #: The plan's next installment or what the promise still asks for (zero for a problem).
    amount: Decimal = ZERO
    currency: str = ""
    #: The next installment's date or the promised date.
    date: dt.date | None = None
    #: The invoice the agreement is about; ``None`` for the customer's whole balance.
    invoice: str | None = None
    #: How much of the covered invoices it holds back; ``None`` for all of it (a problem).
    holds_back: Decimal | None = None


@dataclass(frozen=True)
class MissedInstallment:
    """An installment whose date has passed with money still unpaid on it."""

    due_date: dt.date
    amount: Decimal
    currency: str
    agreed_on: dt.date
    invoice: str | None = None


@dataclass(frozen=True)
class Call:
    customer_id: int
    customer: str
    customer_name: str
    contact_name: str
    phone: str
    currency: str
    rating: RatingKind
    archived: bool
    #: Most pressing first.
    reasons: tuple[Reason, ...]
    #: In the customer's currency: see ranking.amount_at_stake.
    amount_at_stake: Decimal
    #: The ranking's score: higher is a better call to make first.
    score: Decimal
    last_contact: dt.date | None = None
    #: All the customer owes on sent invoices in their currency, for the script.
    total_owed: Decimal = ZERO
    #: Why no reminder letter may go out (an agreement being kept holds back all that
    #: is overdue: core.calls.holds); ``None`` when one may, or nothing is overdue.
    letter_hold: Hold | None = None
