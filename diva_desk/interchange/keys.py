"""The names of the interchange format: its format tag, versions and every record's keys.

Listed in the spec's order, which is also the order the writer writes them, so a
key added to the format is added here once and both sides see it.
"""

from __future__ import annotations

FORMAT_NAME = "diva-desk"
#: The version ``export`` writes; every version up to it is read.
VERSION = 2

TOP_KEYS_V1 = (
    "format", "version", "exported_at", "business", "customers", "invoices", "payments",
    "promises", "payment_plans", "followups", "interactions",
)  # fmt: skip
#: Version 2 adds ``bank_transactions`` after ``payments``, then ``quotes`` and
#: ``recurring_invoices`` after ``interactions``; bank transactions and recurring invoices
#: are written only when the book holds some (docs/interchange.md), quotes always.
TOP_KEYS = (
    *TOP_KEYS_V1[:7], "bank_transactions", *TOP_KEYS_V1[7:], "quotes", "recurring_invoices",
)  # fmt: skip
BUSINESS_KEYS_V1 = (
    "name", "owner_name", "address", "email", "phone", "tax_numbers", "currency", "locale",
    "default_terms_days", "invoice_prefix", "next_invoice_number", "payment_instructions",
)  # fmt: skip
#: Version 2 adds ``tax_registrations`` after ``tax_numbers``, and the pay link and the
#: instructions per currency after ``payment_instructions``.
BUSINESS_KEYS = (
    "name", "owner_name", "address", "email", "phone", "tax_numbers", "tax_registrations",
    "currency", "locale", "default_terms_days", "invoice_prefix", "next_invoice_number",
    "payment_instructions", "late_fee_percent_per_month", "late_fee_grace_days",
    "payment_link", "payment_instructions_by_currency",
)  # fmt: skip
REGISTRATION_KEYS = ("tax", "number")
CUSTOMER_KEYS = (
    "code", "name", "contact_name", "email", "phone", "address", "currency", "language",
    "terms_days", "ap_contact_name", "ap_email", "ap_phone", "invoice_cutoff_day",
    "payment_run_days", "deposit_percent", "preferred_payment_method", "notes", "archived",
    "late_fee_percent_per_month",
)  # fmt: skip
INVOICE_KEYS = (
    "number", "customer", "issue_date", "due_date", "status", "sent_date",
    "received_confirmed_date", "po_number", "currency", "deposit_amount", "deposit_due_date",
    "notes", "payment_link", "lines", "late_fee_through",
)  # fmt: skip
#: The version 2 invoice keys a version 1 file may not carry.
INVOICE_KEYS_V2_ONLY = ("payment_link",)
LINE_KEYS_V1 = ("description", "quantity", "unit_price", "tax_name", "tax_rate")
#: What version 2 writes; it reads version 1's ``tax_name``/``tax_rate`` too (not both forms).
LINE_KEYS = ("description", "quantity", "unit_price", "taxes")
LINE_TAX_KEYS = ("name", "rate")
PAYMENT_KEYS = ("invoice", "date", "amount", "method", "reference", "is_deposit")
#: Version 2: a payment matched from a bank statement also names its transaction (written
#: only on those payments, so a book without bank statements exports as before).
PAYMENT_BANK_KEYS = (*PAYMENT_KEYS, "bank_transaction")
#: ``currency`` is written only when it is not the business's (spec: docs/interchange.md).
BANK_TRANSACTION_KEYS = (
    "account", "transaction", "date", "amount", "currency", "description", "status",
)  # fmt: skip
PROMISE_KEYS = ("customer", "invoice", "made_on", "promised_date", "amount")
PLAN_KEYS = ("customer", "invoice", "agreed_on", "installments")
INSTALLMENT_KEYS = ("due_date", "amount")
FOLLOWUP_KEYS = ("customer", "invoice", "due_date", "reason", "done")
INTERACTION_KEYS = ("customer", "invoice", "at", "channel", "outcome", "notes")
#: ``currency`` is written only when it is not the customer's (docs/interchange.md).
RECURRING_KEYS = (
    "customer", "every", "interval", "next_date", "end_date", "send", "terms_days", "notes",
    "currency", "lines",
)  # fmt: skip
QUOTE_KEYS = (
    "number", "customer", "issue_date", "valid_until", "status", "currency", "deposit_percent",
    "notes", "lines", "invoice",
)  # fmt: skip
