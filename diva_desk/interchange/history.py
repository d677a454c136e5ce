"""The collection history of an interchange file: payments, promises, payment plans,
follow-ups and interactions. Each refers to customers and invoices (references.py)."""

from __future__ import annotations

from typing import Any

from diva_desk.core import records as r
from diva_desk.interchange.fields import Fields
from diva_desk.interchange.keys import (
    FOLLOWUP_KEYS,
    INSTALLMENT_KEYS,
    INTERACTION_KEYS,
    PAYMENT_KEYS,
    PLAN_KEYS,
    PROMISE_KEYS,
)
from diva_desk.interchange.paid_so_far import take_payment
from diva_desk.interchange.references import References
from diva_desk.interchange.values import present


def read_payment(where: str, raw: Any, refs: References) -> r.Payment:
    """A payment the app could have recorded: on a sent invoice, or a void one it was
    received on before voiding, never past the invoice's total (paid_so_far.py)."""
    f = Fields(raw, where)
    f.check_keys(PAYMENT_KEYS)
    invoice = present(refs.invoice_for(f))
    currency = refs.currency_of(None, invoice)
    amount = present(f.amount("amount", currency=currency, required=True, positive=True))
    take_payment(f, invoice, refs.standings[invoice], amount)
    return r.Payment(
        invoice=invoice,
        date=present(f.date("date", required=True)),
        amount=amount,
        method=f.choice("method", r.PaymentMethod),
        reference=f.text("reference"),
        is_deposit=f.boolean("is_deposit"),
    )


def read_promise(where: str, raw: Any, refs: References) -> r.Promise:
    f = Fields(raw, where)
    f.check_keys(PROMISE_KEYS)
    customer = refs.customer_for(f).code
    invoice = refs.invoice_for(f, customer=customer)
    currency = refs.currency_of(customer, invoice)
    return r.Promise(
        customer=customer,
        invoice=invoice,
        made_on=present(f.date("made_on", required=True)),
        promised_date=present(f.date("promised_date", required=True)),
        amount=present(f.amount("amount", currency=currency, required=True, positive=True)),
    )


def read_plan(where: str, raw: Any, refs: References) -> r.PaymentPlan:
    f = Fields(raw, where)
    f.check_keys(PLAN_KEYS)
    customer = refs.customer_for(f).code
    invoice = refs.invoice_for(f, customer=customer)
    agreed_on = present(f.date("agreed_on", required=True))
    currency = refs.currency_of(customer, invoice)
    installments = []
    for item_where, item in f.objects("installments", required=True):
        i = Fields(item, item_where)
        i.check_keys(INSTALLMENT_KEYS)
        installments.append(
            r.Installment(
                due_date=present(i.date("due_date", required=True)),
                amount=present(i.amount("amount", currency=currency, required=True, positive=True)),
            )
        )
    return r.PaymentPlan(
        customer=customer, invoice=invoice, agreed_on=agreed_on, installments=tuple(installments)
    )


def read_followup(where: str, raw: Any, refs: References) -> r.Followup:
    f = Fields(raw, where)
    f.check_keys(FOLLOWUP_KEYS)
    customer = refs.customer_for(f).code
    return r.Followup(
        customer=customer,
        invoice=refs.invoice_for(f, customer=customer),
        due_date=present(f.date("due_date", required=True)),
        reason=f.text("reason", required=True),
        done=f.boolean("done"),
    )


def read_interaction(where: str, raw: Any, refs: References) -> r.Interaction:
    f = Fields(raw, where)
    f.check_keys(INTERACTION_KEYS)
    customer = refs.customer_for(f).code
    return r.Interaction(
        customer=customer,
        invoice=refs.invoice_for(f, customer=customer),
        at=present(f.timestamp("at", required=True)),
        channel=f.choice("channel", r.Channel),
        outcome=f.choice("outcome", r.Outcome),
        notes=f.text("notes"),
    )
