"""The collection history of an interchange file: bank transactions, payments, promises,
payment plans, follow-ups and interactions. Each refers to customers and invoices
(references.py); a payment may name the bank transaction it came from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from diva_desk.core import records as r
from diva_desk.i18n import _
from diva_desk.interchange.fields import Fields
from diva_desk.interchange.keys import (
    BANK_TRANSACTION_KEYS,
    FOLLOWUP_KEYS,
    INSTALLMENT_KEYS,
    INTERACTION_KEYS,
    PAYMENT_BANK_KEYS,
    PLAN_KEYS,
    PROMISE_KEYS,
)
from diva_desk.interchange.paid_so_far import take_payment
from diva_desk.interchange.references import References
from diva_desk.interchange.values import present, shown


def read_bank_transaction(where: str, raw: Any, business_currency: str) -> r.BankTransaction:
    """A bank statement's line import-bank has seen; ``currency`` defaults to the
    business's, and ``amount`` is negative for a debit."""
    f = Fields(raw, where).named_by("transaction")
    f.check_keys(BANK_TRANSACTION_KEYS)
    currency = f.currency("currency") or business_currency
    amount_text = f.raw.get("amount")
    debit = isinstance(amount_text, str) and amount_text.startswith("-")
    # The amount's checks (decimal string, the currency's places) on its magnitude.
    magnitude = Fields({"amount": amount_text[1:] if debit else amount_text}, f.where)
    amount = present(magnitude.amount("amount", currency=currency, required=True))
    return r.BankTransaction(
        account=f.text("account"),
        transaction=f.identifier("transaction"),
        date=present(f.date("date", required=True)),
        amount=-amount if debit else amount,
        currency=currency,
        description=f.text("description"),
        status=f.choice("status", r.BankStatus) or r.BankStatus.REVIEW,
    )


def bank_transactions_by_id(
    root: Fields, transactions: tuple[r.BankTransaction, ...]
) -> dict[str, r.BankTransaction | None]:
    """Each transaction id of the file; None for one that two accounts share (a payment
    cannot name it). The same account and id twice is refused."""
    seen: dict[tuple[str, str], int] = {}
    by_id: dict[str, r.BankTransaction | None] = {}
    for index, t in enumerate(transactions):
        key = (t.account, t.transaction)
        if key in seen:
            raise Fields(root.raw["bank_transactions"][index], f"bank_transactions[{index}]").error(
                "transaction",
                _(
                    "{transaction} of account {account} is already bank_transactions[{first}]"
                ).format(
                    transaction=shown(t.transaction), account=shown(t.account), first=seen[key]
                ),
            )
        seen[key] = index
        by_id[t.transaction] = None if t.transaction in by_id else t
    return by_id


def read_payment(
    where: str,
    raw: Any,
    refs: References,
    bank: Mapping[str, r.BankTransaction | None] | None = None,
) -> r.Payment:
    """A payment the app could have recorded: on a sent invoice, or a void one it was
    received on before voiding, never past the invoice's total (paid_so_far.py)."""
    f = Fields(raw, where)
    f.check_keys(PAYMENT_BANK_KEYS)
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
        bank_transaction=_bank_transaction(f, currency, bank or {}),
    )


def _bank_transaction(
    f: Fields, currency: str, bank: Mapping[str, r.BankTransaction | None]
) -> str | None:
    name = f.optional_identifier("bank_transaction")
    if name is None:
        return None
    if name not in bank:
        raise f.error(
            "bank_transaction",
            _("{name} is not among the file's bank_transactions").format(name=shown(name)),
        )
    found = bank[name]
    if found is None:
        raise f.error(
            "bank_transaction",
            _("{name} is a transaction of two accounts in bank_transactions; "
              "the payment cannot say which").format(name=shown(name)),
        )  # fmt: skip
    if found.currency != currency:
        raise f.error(
            "bank_transaction",
            _("{name} is in {bank}, the invoice in {currency}").format(
                name=shown(name), bank=found.currency, currency=currency
            ),
        )
    if found.status != r.BankStatus.RECORDED:
        raise f.error(
            "bank_transaction",
            _('{name} has the status "{status}", but a payment came from it: "recorded"').format(
                name=shown(name), status=found.status
            ),
        )
    return name


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
