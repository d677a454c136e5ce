"""Recording a bank statement: its transactions, the payments they became and the senders
learned, all in one transaction (all or nothing)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.money import to_minor
from diva_desk.core.text_limits import LIMITS, clean
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.bank.reading import seen_transactions
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.invoices.payments import record_payment

RECORDED, IGNORED, REVIEW = "recorded", "ignored", "review"


@dataclass(frozen=True)
class BankPayment:
    """Part (or all) of a transaction paid onto one invoice."""

    invoice: str
    customer: str
    amount: Decimal


@dataclass(frozen=True)
class SeenTransaction:
    """A statement line as the book keeps it."""

    transaction: str
    date: dt.date
    amount: Decimal
    description: str
    status: str
    payments: tuple[BankPayment, ...] = ()
    method: r.PaymentMethod | None = None
    #: A sender name (normalised) to learn for the one customer it paid; "" for none.
    sender: str = ""


def save_bank_import(
    account: str,
    currency: str,
    transactions: Sequence[SeenTransaction],
    *,
    today: dt.date | None = None,
) -> int:
    """Write the transactions and their payments; returns the number of payments.

    One transaction: a payment that no longer fits (the book changed since the plan
    was made: the invoice was paid, voided or moved to another currency) refuses the
    whole import with a sentence naming the invoice. A transaction recorded or ignored
    meanwhile (another import) is refused the same way; one left in review is updated.
    """
    now = dt.datetime.now().replace(microsecond=0)
    count = 0
    with db.atomic("IMMEDIATE"):
        seen = seen_transactions(account, [t.transaction for t in transactions])
        for t in transactions:
            if seen.get(t.transaction, REVIEW) != REVIEW:
                raise BadInput(
                    _("The bank transaction {transaction} is already in the book.").format(
                        transaction=t.transaction
                    )
                )
            row_id = _keep(account, currency, t, now, update=t.transaction in seen)
            for paid in t.payments:
                invoice = _invoice(paid, currency)
                payment_id = record_payment(
                    invoice.id, t.date, paid.amount, t.method, t.transaction, today=today
                )
                m.Payment.update(bank_transaction_id=row_id).where(
                    m.Payment.id == payment_id
                ).execute()
                count += 1
            if t.sender and len({p.customer for p in t.payments}) == 1:
                _learn(t.sender, t.payments[0].customer)
    return count


def _keep(
    account: str, currency: str, t: SeenTransaction, now: dt.datetime, *, update: bool
) -> int:
    values = {
        "date": t.date,
        "amount_minor": to_minor(t.amount, currency),
        "currency": currency,
        # As the interchange file reads it back, so an export round-trips.
        "description": clean("description", t.description)[: LIMITS["description"].chars],
        "status": t.status,
        "imported_at": now,
    }
    if update:
        row = m.BankTransaction.get(
            (m.BankTransaction.account == account)
            & (m.BankTransaction.transaction == t.transaction)
        )
        m.BankTransaction.update(**values).where(m.BankTransaction.id == row.id).execute()
        return row.id
    return m.BankTransaction.insert(account=account, transaction=t.transaction, **values).execute()


def _invoice(paid: BankPayment, currency: str) -> m.Invoice:
    invoice = (
        m.Invoice.select(m.Invoice, m.Customer)
        .join(m.Customer)
        .where(m.Invoice.number == paid.invoice)
        .first()
    )
    if invoice is None:
        raise BadInput(_("There is no invoice {number} in the book.").format(number=paid.invoice))
    if invoice.customer.code != paid.customer:
        raise BadInput(
            _("{number} is not an invoice of {customer}.").format(
                number=paid.invoice, customer=paid.customer
            )
        )
    if invoice.currency != currency:
        raise BadInput(
            _("{number} is in {invoice_currency}, the bank account in {currency}.").format(
                number=paid.invoice, invoice_currency=invoice.currency, currency=currency
            )
        )
    return invoice


def _learn(sender: str, customer: str) -> None:
    customer_id = m.Customer.get(m.Customer.code == customer).id
    m.BankSender.insert(customer=customer_id, name=sender).on_conflict_ignore().execute()
