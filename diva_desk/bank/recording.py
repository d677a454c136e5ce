"""Recording what the owner confirmed of a bank plan: payments, the transactions kept so
nothing is recorded twice, and the senders learned. All or nothing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.bank import names
from diva_desk.bank.matching import BY_NUMBER, Allocation, BankPlan
from diva_desk.bank.statement import BankLine
from diva_desk.core.money import fits_currency
from diva_desk.core.records import PaymentMethod
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.i18n.format import places_rule
from diva_desk.store.bank.writing import (
    IGNORED,
    RECORDED,
    REVIEW,
    BankPayment,
    SeenTransaction,
    save_bank_import,
)

_E_TRANSFER = re.compile(
    r"interac|e[\s\-_]?transfer|e[\s\-_]?trf|\bemt\b|email money|virement interac", re.I
)
_CHEQUE = re.compile(r"\bch(?:e|è|é)que\b|\bchq\b|\bcheck\b|\bch[eè]q\b", re.I)


@dataclass(frozen=True)
class RecordedImport:
    """What was written, so the window can refresh and say it."""

    #: Payments recorded (one per invoice a transaction paid).
    payments: int
    #: Codes of the customers who paid something.
    customers: frozenset[str]
    #: Transactions recorded as payments, left in review, and ignored (debits).
    recorded: int
    review: int
    ignored: int


def payment_method_of(description: str) -> PaymentMethod:
    """How the money came, as far as the bank's words say: e-transfer, cheque, else a
    bank transfer (a deposit or wire without a word about it)."""
    if _E_TRANSFER.search(description):
        return PaymentMethod.E_TRANSFER
    if _CHEQUE.search(description):
        return PaymentMethod.CHEQUE
    return PaymentMethod.BANK_TRANSFER


def record_bank_import(
    plan: BankPlan,
    *,
    skip: frozenset[str] = frozenset(),
    assign: Mapping[str, tuple[Allocation, ...]] = {},
    today: dt.date | None = None,
) -> RecordedImport:
    """Record the plan's matches (less ``skip``) and the review lines the owner assigned.

    ``skip``: transaction ids the owner unticked; they wait in review again next time.
    ``assign``: a review line's transaction id -> the invoices it pays. One transaction
    for everything; a sentence (BadInput) and nothing written when an allocation is over
    the invoice's balance, over the credit, in another currency, or no longer holds.
    """
    review_lines = {r.line.transaction: r.line for r in plan.review}
    unknown = [t for t in assign if t not in review_lines]
    if unknown:
        raise BadInput(
            _("The bank transaction {transaction} is not waiting for review.").format(
                transaction=unknown[0]
            )
        )
    kept: list[SeenTransaction] = []
    for matched in plan.matched:
        if matched.line.transaction in skip:
            kept.append(_seen(matched.line, REVIEW))
        else:
            learn = matched.how == BY_NUMBER
            kept.append(_paid(matched.line, matched.allocations, plan.currency, learn=learn))
    for transaction, line in review_lines.items():
        allocations = assign.get(transaction, ())
        if allocations and transaction not in skip:
            kept.append(_paid(line, allocations, plan.currency, learn=True))
        else:
            kept.append(_seen(line, REVIEW))
    kept.extend(_seen(line, IGNORED) for line in plan.debits)
    kept.sort(key=lambda t: t.date)  # kept in the order of the days, as the bank lists them
    count = save_bank_import(plan.account, plan.currency, kept, today=today)
    return RecordedImport(
        payments=count,
        customers=frozenset(p.customer for t in kept for p in t.payments),
        recorded=sum(t.status == RECORDED for t in kept),
        review=sum(t.status == REVIEW for t in kept),
        ignored=sum(t.status == IGNORED for t in kept),
    )


def _seen(line: BankLine, status: str) -> SeenTransaction:
    return SeenTransaction(line.transaction, line.date, line.amount, line.description, status)


def _paid(
    line: BankLine, allocations: tuple[Allocation, ...], currency: str, *, learn: bool
) -> SeenTransaction:
    total = Decimal(0)
    for allocation in allocations:
        if not isinstance(allocation.amount, Decimal) or allocation.amount <= 0:
            raise BadInput(
                _("The amount for {number} must be more than zero.").format(
                    number=allocation.invoice
                )
            )
        if not fits_currency(allocation.amount, currency):
            raise BadInput(
                _("The amount for {number}: {rule}.").format(
                    number=allocation.invoice, rule=places_rule(currency)
                )
            )
        total += allocation.amount
    if total > line.amount:
        raise BadInput(
            _("{total} assigned is more than the {amount} received on {date}.").format(
                total=fmt.money(total, currency),
                amount=fmt.money(line.amount, currency),
                date=fmt.date(line.date),
            )
        )
    return SeenTransaction(
        line.transaction,
        line.date,
        line.amount,
        line.description,
        RECORDED,
        tuple(BankPayment(a.invoice, a.customer, a.amount) for a in allocations),
        payment_method_of(line.description),
        names.sender_name(line.description) if learn else "",
    )
