"""Peewee models over the tables of schema.py.

Money columns hold integer minor units of the row's own currency (cents for CAD, whole
yen for JPY); the columns keep their version-1 names (``amount_cents``). A field cannot
know its row's currency, so these are plain integers named ``*_minor`` here, and every
read and write converts with ``core.money.from_minor``/``to_minor`` and the currency
(``store.minor`` says which one a promise or installment has).
"""

from __future__ import annotations

from decimal import Decimal

import peewee

from diva_desk.core.money import decimal_text, from_units, to_units
from diva_desk.store.book.db import db


class UnitsField(peewee.IntegerField):
    """A quantity, a unit price or a percentage rate: four decimals, integer ten-thousandths."""

    def db_value(self, value: Decimal | None) -> int | None:
        return None if value is None else to_units(value)

    def python_value(self, value: int | None) -> Decimal | None:
        return None if value is None else from_units(value)


class DaysField(peewee.TextField):
    """A list of days of the month, stored as ``"15,31"``."""

    def db_value(self, value: tuple[int, ...] | None) -> str:
        return ",".join(str(day) for day in value or ())

    def python_value(self, value: str | None) -> tuple[int, ...]:
        return tuple(int(day) for day in value.split(",")) if value else ()


class BaseModel(peewee.Model):
    class Meta:
        database = db
        legacy_table_names = False


class Business(BaseModel):
    name = peewee.TextField()
    owner_name = peewee.TextField(default="")
    address = peewee.TextField(default="")
    email = peewee.TextField(default="")
    phone = peewee.TextField(default="")
    tax_numbers = peewee.TextField(default="")
    currency = peewee.TextField(default="CAD")
    locale = peewee.TextField(default="en_CA")
    default_terms_days = peewee.IntegerField(default=30)
    invoice_prefix = peewee.TextField(default="INV-")
    next_invoice_number = peewee.IntegerField(default=1)
    payment_instructions = peewee.TextField(default="")
    logo = peewee.BlobField(null=True)
    #: Late interest (schema step STEP_LATE_FEES): percent per month, and grace days.
    late_fee_percent_per_month = UnitsField(
        column_name="late_fee_percent_units", default=Decimal(0)
    )
    late_fee_grace_days = peewee.IntegerField(default=0)
    #: The pay link template (schema step STEP_PAY_LINKS; core.invoices.pay_links).
    payment_link = peewee.TextField(default="")
    #: Schema step STEP_QUOTES: quotes are numbered apart from invoices.
    quote_prefix = peewee.TextField(default="Q-")
    next_quote_number = peewee.IntegerField(default=1)


class TaxRate(BaseModel):
    name = peewee.TextField()
    rate = UnitsField(column_name="rate_units")
    position = peewee.IntegerField(default=0)


class TaxRegistration(BaseModel):
    position = peewee.IntegerField(default=0)
    tax = peewee.TextField(unique=True)
    number = peewee.TextField()


class TaxGroup(BaseModel):
    position = peewee.IntegerField(default=0)
    name = peewee.TextField(unique=True)


class TaxGroupRate(BaseModel):
    group = peewee.ForeignKeyField(TaxGroup, backref="rates", on_delete="CASCADE")
    position = peewee.IntegerField()
    name = peewee.TextField()
    rate = UnitsField(column_name="rate_units")


class Customer(BaseModel):
    code = peewee.TextField(unique=True)
    name = peewee.TextField()
    contact_name = peewee.TextField(default="")
    email = peewee.TextField(default="")
    phone = peewee.TextField(default="")
    address = peewee.TextField(default="")
    currency = peewee.TextField()
    language = peewee.TextField(null=True)
    terms_days = peewee.IntegerField(null=True)
    ap_contact_name = peewee.TextField(default="")
    ap_email = peewee.TextField(default="")
    ap_phone = peewee.TextField(default="")
    invoice_cutoff_day = peewee.IntegerField(null=True)
    payment_run_days = DaysField(default=())
    deposit_percent = UnitsField(column_name="deposit_percent_units", default=Decimal(0))
    preferred_payment_method = peewee.TextField(null=True)
    notes = peewee.TextField(default="")
    archived = peewee.BooleanField(default=False)
    #: None follows the business's rate; 0 is "agreed none" (STEP_LATE_FEES).
    late_fee_percent_per_month = UnitsField(column_name="late_fee_percent_units", null=True)


class Invoice(BaseModel):
    number = peewee.TextField(unique=True)
    customer = peewee.ForeignKeyField(Customer, backref="invoices")
    issue_date = peewee.DateField()
    due_date = peewee.DateField()
    state = peewee.TextField()
    sent_date = peewee.DateField(null=True)
    received_confirmed_date = peewee.DateField(null=True)
    po_number = peewee.TextField(default="")
    currency = peewee.TextField()
    deposit_minor = peewee.IntegerField(column_name="deposit_cents", default=0)
    deposit_due_date = peewee.DateField(null=True)
    notes = peewee.TextField(default="")
    #: Written with the lines, in the same transaction, by store.invoices.save_invoice;
    #: kept so that balances and aging aggregate in SQL without re-adding every line.
    total_minor = peewee.IntegerField(column_name="total_cents")
    #: A late-interest charge covering interest up to this day (STEP_LATE_FEES).
    late_fee_through = peewee.DateField(null=True)
    #: This invoice's own pay link template, "" to use the business's (STEP_PAY_LINKS).
    payment_link = peewee.TextField(default="")


class InvoiceLine(BaseModel):
    invoice = peewee.ForeignKeyField(Invoice, backref="lines", on_delete="CASCADE")
    position = peewee.IntegerField()
    description = peewee.TextField()
    quantity = UnitsField(column_name="quantity_units")
    unit_price = UnitsField(column_name="unit_price_units")


class RateTextField(peewee.TextField):
    """A percentage rate kept as exact decimal text (``"9.975"``), as interchange writes it."""

    def db_value(self, value: Decimal | None) -> str | None:
        if value is None:
            return None
        to_units(value)  # four decimals at most, finite, a Decimal: or BadAmount now
        return decimal_text(value)

    def python_value(self, value: str | None) -> Decimal | None:
        return None if value is None else Decimal(value)


class InvoiceLineTax(BaseModel):
    """One of a line's taxes, in print order (schema step 5)."""

    line = peewee.ForeignKeyField(InvoiceLine, backref="taxes", on_delete="CASCADE")
    position = peewee.IntegerField()
    name = peewee.TextField()
    rate = RateTextField()


class Payment(BaseModel):
    invoice = peewee.ForeignKeyField(Invoice, backref="payments")
    date = peewee.DateField()
    amount_minor = peewee.IntegerField(column_name="amount_cents")
    method = peewee.TextField(null=True)
    reference = peewee.TextField(default="")
    is_deposit = peewee.BooleanField(default=False)
    #: The bank transaction it was matched from (schema step bank; BankTransaction's id).
    bank_transaction_id = peewee.IntegerField(null=True)


class Promise(BaseModel):
    customer = peewee.ForeignKeyField(Customer, backref="promises")
    invoice = peewee.ForeignKeyField(Invoice, null=True, backref="promises")
    made_on = peewee.DateField()
    promised_date = peewee.DateField()
    amount_minor = peewee.IntegerField(column_name="amount_cents")


class PaymentPlan(BaseModel):
    customer = peewee.ForeignKeyField(Customer, backref="payment_plans")
    invoice = peewee.ForeignKeyField(Invoice, null=True, backref="payment_plans")
    agreed_on = peewee.DateField()


class Installment(BaseModel):
    plan = peewee.ForeignKeyField(PaymentPlan, backref="installments", on_delete="CASCADE")
    position = peewee.IntegerField()
    due_date = peewee.DateField()
    amount_minor = peewee.IntegerField(column_name="amount_cents")


class Followup(BaseModel):
    customer = peewee.ForeignKeyField(Customer, backref="followups")
    invoice = peewee.ForeignKeyField(Invoice, null=True, backref="followups")
    due_date = peewee.DateField()
    reason = peewee.TextField()
    done = peewee.BooleanField(default=False)


class Interaction(BaseModel):
    customer = peewee.ForeignKeyField(Customer, backref="interactions")
    invoice = peewee.ForeignKeyField(Invoice, null=True, backref="interactions")
    at = peewee.DateTimeField()
    channel = peewee.TextField(null=True)
    outcome = peewee.TextField(null=True)
    notes = peewee.TextField(default="")


class Setting(BaseModel):
    key = peewee.TextField(primary_key=True)
    value = peewee.TextField()


class RecurringInvoice(BaseModel):
    """A schedule that makes an invoice every period (schema step STEP_RECURRING)."""

    customer = peewee.ForeignKeyField(Customer, backref="recurring_invoices")
    every = peewee.TextField()
    interval = peewee.IntegerField(default=1)
    anchor_day = peewee.IntegerField()
    next_date = peewee.DateField()
    end_date = peewee.DateField(null=True)
    send = peewee.BooleanField(default=False)
    terms_days = peewee.IntegerField(null=True)
    currency = peewee.TextField()
    notes = peewee.TextField(default="")


class RecurringLine(BaseModel):
    recurring = peewee.ForeignKeyField(RecurringInvoice, backref="lines", on_delete="CASCADE")
    position = peewee.IntegerField()
    description = peewee.TextField()
    quantity = UnitsField(column_name="quantity_units")
    unit_price = UnitsField(column_name="unit_price_units")


class RecurringLineTax(BaseModel):
    line = peewee.ForeignKeyField(RecurringLine, backref="taxes", on_delete="CASCADE")
    position = peewee.IntegerField()
    name = peewee.TextField()
    rate = RateTextField()


class Quote(BaseModel):
    """A quote (schema step STEP_QUOTES); expired is derived from ``valid_until``."""

    number = peewee.TextField(unique=True)
    customer = peewee.ForeignKeyField(Customer, backref="quotes")
    issue_date = peewee.DateField()
    valid_until = peewee.DateField(null=True)
    state = peewee.TextField()
    currency = peewee.TextField()
    deposit_percent = UnitsField(column_name="deposit_percent_units", default=Decimal(0))
    notes = peewee.TextField(default="")
    total_minor = peewee.IntegerField(column_name="total_cents")
    invoice = peewee.ForeignKeyField(Invoice, null=True, backref="quotes", on_delete="SET NULL")


class QuoteLine(BaseModel):
    quote = peewee.ForeignKeyField(Quote, backref="lines", on_delete="CASCADE")
    position = peewee.IntegerField()
    description = peewee.TextField()
    quantity = UnitsField(column_name="quantity_units")
    unit_price = UnitsField(column_name="unit_price_units")


class QuoteLineTax(BaseModel):
    line = peewee.ForeignKeyField(QuoteLine, backref="taxes", on_delete="CASCADE")
    position = peewee.IntegerField()
    name = peewee.TextField()
    rate = RateTextField()


ALL_MODELS = (
    Business,
    TaxRate,
    TaxRegistration,
    TaxGroup,
    TaxGroupRate,
    Customer,
    Invoice,
    InvoiceLine,
    InvoiceLineTax,
    Payment,
    Promise,
    PaymentPlan,
    Installment,
    Followup,
    Interaction,
    Setting,
    RecurringInvoice,
    RecurringLine,
    RecurringLineTax,
    Quote,
    QuoteLine,
    QuoteLineTax,
)


class BankTransaction(BaseModel):
    """A line of a bank statement ``import-bank`` has seen (schema step bank)."""

    account = peewee.TextField()
    transaction = peewee.TextField(column_name="transaction_id")
    date = peewee.DateField()
    #: In ``currency``'s minor units; negative for a debit.
    amount_minor = peewee.IntegerField(column_name="amount_cents")
    currency = peewee.TextField()
    description = peewee.TextField(default="")
    status = peewee.TextField()
    imported_at = peewee.DateTimeField()


class BankSender(BaseModel):
    """A sender name (normalised) learned for a customer from a recorded bank line."""

    customer = peewee.ForeignKeyField(Customer, backref="bank_senders", on_delete="CASCADE")
    name = peewee.TextField()


ALL_MODELS = (*ALL_MODELS, BankTransaction, BankSender)
