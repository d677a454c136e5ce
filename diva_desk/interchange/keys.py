"""The names of the interchange format: its format tag, versions and every record's keys.

Listed in the spec's order, which is also the order the writer writes them, so a
key added to the format is added here once and both sides see it.
"""

from __future__ import annotations

FORMAT_NAME = "diva-desk"
#: The version ``export`` writes; every version up to it is read.
VERSION = 2

TOP_KEYS = (
    "format", "version", "exported_at", "business", "customers", "invoices", "payments",
    "promises", "payment_plans", "followups", "interactions", "quotes",
)  # fmt: skip
BUSINESS_KEYS_V1 = (
    "name", "owner_name", "address", "email", "phone", "tax_numbers", "currency", "locale",
    "default_terms_days", "invoice_prefix", "next_invoice_number", "payment_instructions",
)  # fmt: skip
#: Version 2 adds ``tax_registrations`` after ``tax_numbers``.
BUSINESS_KEYS = (
    "name", "owner_name", "address", "email", "phone", "tax_numbers", "tax_registrations",
    "currency", "locale", "default_terms_days", "invoice_prefix", "next_invoice_number",
    "payment_instructions",
)  # fmt: skip
REGISTRATION_KEYS = ("tax", "number")
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
LINE_KEYS_V1 = ("description", "quantity", "unit_price", "tax_name", "tax_rate")
#: What version 2 writes; it reads version 1's ``tax_name``/``tax_rate`` too (not both forms).
LINE_KEYS = ("description", "quantity", "unit_price", "taxes")
LINE_TAX_KEYS = ("name", "rate")
PAYMENT_KEYS = ("invoice", "date", "amount", "method", "reference", "is_deposit")
PROMISE_KEYS = ("customer", "invoice", "made_on", "promised_date", "amount")
PLAN_KEYS = ("customer", "invoice", "agreed_on", "installments")
INSTALLMENT_KEYS = ("due_date", "amount")
FOLLOWUP_KEYS = ("customer", "invoice", "due_date", "reason", "done")
INTERACTION_KEYS = ("customer", "invoice", "at", "channel", "outcome", "notes")
QUOTE_KEYS = (
    "number", "customer", "issue_date", "valid_until", "status", "currency", "deposit_percent",
    "notes", "lines", "invoice",
)  # fmt: skip

#: Version 2 keys this Diva Desk cannot hold yet (issues 15 and 16), by where they sit
#: ("" is the top level). A file carrying one is refused, naming it, never imported
#: without it; one that is null or empty carries nothing and is let through.
NOT_YET: dict[str, tuple[str, ...]] = {
    "": ("recurring_invoices", "bank_transactions"),
    "business": (
        "late_fee_percent_per_month", "late_fee_grace_days", "payment_link",
        "payment_instructions_by_currency",
    ),
    "customers": ("late_fee_percent_per_month",),
    "invoices": ("payment_link", "late_fee_through"),
    "payments": ("bank_transaction",),
}  # fmt: skip
