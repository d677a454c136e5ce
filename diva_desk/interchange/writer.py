"""Core records to interchange format v2 as canonical JSON text.

Canonical means one way to write each book: keys in the spec's order, every key
written (``null`` for an absent optional value, ``""`` for empty text), amounts as
``"1234.50"`` (in the currency's own minor units: ``"1000"`` yen), quantities and
rates without trailing zeros. So export, import into a
new book and export again gives the same bytes, apart from ``exported_at``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any

from diva_desk.core import records as r
from diva_desk.core.money import decimal_text, money_text, price_text
from diva_desk.interchange.keys import FORMAT_NAME, VERSION
from diva_desk.interchange.records.recurring import recurring_objects


def book_text(contents: r.BookContents, exported_at: dt.datetime) -> str:
    """The whole book as UTF-8-ready JSON text, ending with a newline."""
    document = book_document(contents, exported_at)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def book_document(contents: r.BookContents, exported_at: dt.datetime) -> dict[str, Any]:
    # Each amount is written in its own currency's units: its invoice's, else its customer's.
    money = {i.number: i.currency for i in contents.invoices}
    own = {c.code: c.currency for c in contents.customers}

    def currency(customer: str, invoice: str | None) -> str:
        return money[invoice] if invoice is not None else own[customer]

    business_currency = contents.business.currency if contents.business else None

    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": VERSION,
        "exported_at": timestamp_text(exported_at),
        "business": (
            None
            if contents.business is None
            else business_object(contents.business, contents.payment_instructions_by_currency)
        ),
        "customers": [customer_object(c) for c in contents.customers],
        "invoices": [invoice_object(i) for i in contents.invoices],
        "payments": [payment_object(p, money[p.invoice]) for p in contents.payments],
        # Only when the book has some (keys.TOP_KEYS): a book without statements is unchanged.
        **(
            {
                "bank_transactions": [
                    bank_transaction_object(t, business_currency)
                    for t in contents.bank_transactions
                ]
            }
            if contents.bank_transactions
            else {}
        ),
        "promises": [promise_object(p, currency(p.customer, p.invoice)) for p in contents.promises],
        "payment_plans": [
            plan_object(p, currency(p.customer, p.invoice)) for p in contents.payment_plans
        ],
        "followups": [followup_object(f) for f in contents.followups],
        "interactions": [interaction_object(i) for i in contents.interactions],
        "quotes": [quote_object(q) for q in contents.quotes],
    }
    if contents.recurring_invoices:  # written only when held (keys.TOP_KEYS)
        document["recurring_invoices"] = list(
            recurring_objects(contents.recurring_invoices, own, line_object)
        )
    return document


def timestamp_text(moment: dt.datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SS``: local time, whole seconds, no zone (as the spec says)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def business_object(
    business: r.Business, instructions_by_currency: Mapping[str, str]
) -> dict[str, Any]:
    return {
        "name": business.name,
        "owner_name": business.owner_name,
        "address": business.address,
        "email": business.email,
        "phone": business.phone,
        "tax_numbers": business.tax_numbers,
        "tax_registrations": [
            {"tax": registration.tax, "number": registration.number}
            for registration in business.tax_registrations
        ],
        "currency": business.currency,
        "locale": business.locale,
        "default_terms_days": business.default_terms_days,
        "invoice_prefix": business.invoice_prefix,
        "next_invoice_number": business.next_invoice_number,
        "payment_instructions": business.payment_instructions,
        "late_fee_percent_per_month": decimal_text(business.late_fee_percent_per_month),
        "late_fee_grace_days": business.late_fee_grace_days,
        "payment_link": business.payment_link,
        "payment_instructions_by_currency": dict(sorted(instructions_by_currency.items())),
    }


def customer_object(customer: r.Customer) -> dict[str, Any]:
    return {
        "code": customer.code,
        "name": customer.name,
        "contact_name": customer.contact_name,
        "email": customer.email,
        "phone": customer.phone,
        "address": customer.address,
        "currency": customer.currency,
        "language": customer.language,
        "terms_days": customer.terms_days,
        "ap_contact_name": customer.ap_contact_name,
        "ap_email": customer.ap_email,
        "ap_phone": customer.ap_phone,
        "invoice_cutoff_day": customer.invoice_cutoff_day,
        "payment_run_days": sorted(set(customer.payment_run_days)),
        "deposit_percent": decimal_text(customer.deposit_percent),
        "preferred_payment_method": _enum(customer.preferred_payment_method),
        "notes": customer.notes,
        "archived": customer.archived,
        "late_fee_percent_per_month": _rate(customer.late_fee_percent_per_month),
    }


def invoice_object(invoice: r.Invoice) -> dict[str, Any]:
    return {
        "number": invoice.number,
        "customer": invoice.customer,
        "issue_date": _date(invoice.issue_date),
        "due_date": _date(invoice.due_date),
        "status": str(invoice.state),
        "sent_date": _date(invoice.sent_date),
        "received_confirmed_date": _date(invoice.received_confirmed_date),
        "po_number": invoice.po_number,
        "currency": invoice.currency,
        "deposit_amount": money_text(invoice.deposit_amount, invoice.currency),
        "deposit_due_date": _date(invoice.deposit_due_date),
        "notes": invoice.notes,
        "payment_link": invoice.payment_link,
        "lines": [line_object(line, invoice.currency) for line in invoice.lines],
        "late_fee_through": _date(invoice.late_fee_through),
    }


def line_object(line: r.InvoiceLine, currency: str) -> dict[str, Any]:
    return {
        "description": line.description,
        "quantity": decimal_text(line.quantity),
        "unit_price": price_text(line.unit_price, currency),
        "taxes": [{"name": tax.name, "rate": decimal_text(tax.rate)} for tax in line.taxes],
    }


def payment_object(payment: r.Payment, currency: str) -> dict[str, Any]:
    return {
        "invoice": payment.invoice,
        "date": _date(payment.date),
        "amount": money_text(payment.amount, currency),
        "method": _enum(payment.method),
        "reference": payment.reference,
        "is_deposit": payment.is_deposit,
        **(
            {}
            if payment.bank_transaction is None
            else {"bank_transaction": payment.bank_transaction}
        ),
    }


def bank_transaction_object(
    transaction: r.BankTransaction, business_currency: str | None
) -> dict[str, Any]:
    """``currency`` is written only when it is not the business's (docs/interchange.md)."""
    written: dict[str, Any] = {
        "account": transaction.account,
        "transaction": transaction.transaction,
        "date": _date(transaction.date),
        "amount": money_text(transaction.amount, transaction.currency),
    }
    if transaction.currency != business_currency:
        written["currency"] = transaction.currency
    written["description"] = transaction.description
    written["status"] = str(transaction.status)
    return written


def promise_object(promise: r.Promise, currency: str) -> dict[str, Any]:
    return {
        "customer": promise.customer,
        "invoice": promise.invoice,
        "made_on": _date(promise.made_on),
        "promised_date": _date(promise.promised_date),
        "amount": money_text(promise.amount, currency),
    }


def plan_object(plan: r.PaymentPlan, currency: str) -> dict[str, Any]:
    return {
        "customer": plan.customer,
        "invoice": plan.invoice,
        "agreed_on": _date(plan.agreed_on),
        "installments": [
            {"due_date": _date(i.due_date), "amount": money_text(i.amount, currency)}
            for i in plan.installments
        ],
    }


def followup_object(followup: r.Followup) -> dict[str, Any]:
    return {
        "customer": followup.customer,
        "invoice": followup.invoice,
        "due_date": _date(followup.due_date),
        "reason": followup.reason,
        "done": followup.done,
    }


def interaction_object(interaction: r.Interaction) -> dict[str, Any]:
    return {
        "customer": interaction.customer,
        "invoice": interaction.invoice,
        "at": timestamp_text(interaction.at),
        "channel": _enum(interaction.channel),
        "outcome": _enum(interaction.outcome),
        "notes": interaction.notes,
    }


def quote_object(quote: r.Quote) -> dict[str, Any]:
    return {
        "number": quote.number,
        "customer": quote.customer,
        "issue_date": _date(quote.issue_date),
        "valid_until": _date(quote.valid_until),
        "status": str(quote.state),
        "currency": quote.currency,
        "deposit_percent": decimal_text(quote.deposit_percent),
        "notes": quote.notes,
        "lines": [line_object(line, quote.currency) for line in quote.lines],
        "invoice": quote.invoice,
    }


def _date(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _rate(value: Decimal | None) -> str | None:
    return None if value is None else decimal_text(value)


def _enum(value: StrEnum | None) -> str | None:
    return None if value is None else str(value)
