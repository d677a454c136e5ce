"""The names of interchange format v1: its format tag, version and every record's keys.

Listed in the spec's order, which is also the order the writer writes them, so a
key added to the format is added here once and both sides see it.
"""

from __future__ import annotations

FORMAT_NAME = "diva-desk"
VERSION = 1

TOP_KEYS = (
    "format", "version", "exported_at", "business", "customers", "invoices", "payments",
    "promises", "payment_plans", "followups", "interactions",
)  # fmt: skip
BUSINESS_KEYS = (
    "name", "owner_name", "address", "email", "phone", "tax_numbers", "currency", "locale",
    "default_terms_days", "invoice_prefix", "next_invoice_number", "payment_instructions",
)  # fmt: skip
CUSTOMER_KEYS = (
    "code", "name", "contact_name", "email", "phone", "address", "currency", "language",
    "terms_days", "ap_contact_name", "ap_email", "ap_phone", "invoice_cutoff_day",
    "payment_run_days", "deposit_percent", "preferred_payment_method", "notes", "archived",
)  # fmt: skip
INVOICE_KEYS = (
    "number", "customer", "issue_date", "due_date", "status", "sent_date",
    "received_confirmed_date", "po_number", "currency", "deposit_amount", "deposit_due_date",
    "notes", "lines",
)  # fmt: skip
LINE_KEYS = ("description", "quantity", "unit_price", "tax_name", "tax_rate")
PAYMENT_KEYS = ("invoice", "date", "amount", "method", "reference", "is_deposit")
PROMISE_KEYS = ("customer", "invoice", "made_on", "promised_date", "amount")
PLAN_KEYS = ("customer", "invoice", "agreed_on", "installments")
INSTALLMENT_KEYS = ("due_date", "amount")
FOLLOWUP_KEYS = ("customer", "invoice", "due_date", "reason", "done")
INTERACTION_KEYS = ("customer", "invoice", "at", "channel", "outcome", "notes")
