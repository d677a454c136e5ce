"""Whole books into the store as core records, and back out (see store/reading.py).

The importer and the demo data write through :func:`add_contents`, which speaks
``core.records`` so the store's tables never leak into the interchange format, and
one transaction covers a whole import: all or nothing. :func:`read_contents` gives
the records back; the exporter reads the same rows streamed (store/contents/rows.py).
"""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from typing import Any

import peewee

from diva_desk.core import records as r
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.money import to_minor
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.book.minor import owner_currency
from diva_desk.store.book.settings import save_payment_instructions_by_currency
from diva_desk.store.contents.bank import add_bank_transactions
from diva_desk.store.contents.inserts import insert_one, insert_rows
from diva_desk.store.contents.quote_contents import add_quotes
from diva_desk.store.contents.reading import (
    StoredBook,
    chunks,
    customers_by_code,
    invoice_owners,
    read_business,
    read_contents,
)
from diva_desk.store.contents.schedules import insert_schedule
from diva_desk.store.taxes.lines import insert_line_taxes, tax_rows

__all__ = [
    "StoredBook",
    "add_contents",
    "customers_by_code",
    "invoice_owners",
    "read_business",
    "read_contents",
]

#: Invoices written per pair of statements (the invoices, then their lines).
INVOICE_BATCH = 500


def start_book(contents: r.BookContents, *, name: str = "", owner: str = "") -> None:
    """Fill a new, empty book with ``contents`` in one transaction (the first run's demo).

    A business name (and owner) typed before the demo was chosen replace the contents'.
    """
    business = contents.business
    if business is not None and (name or owner):
        business = dataclasses.replace(
            business, name=name or business.name, owner_name=owner or business.owner_name
        )
        contents = dataclasses.replace(contents, business=business)
    add_contents(contents)


def add_contents(contents: r.BookContents) -> None:
    """Add validated records to the open book in one transaction.

    References (customer codes, invoice numbers) may point at records added in the
    same call or already in the book. A business profile replaces the book's, but
    ``next_invoice_number`` never goes down, so no invoice number is handed out twice.
    Raises ``LookupError`` for a reference to nothing: callers validate first, so
    that is a bug, and the transaction is rolled back.
    """
    with db.atomic():
        if contents.business is not None:
            _save_business(contents.business)
            if contents.payment_instructions_by_currency:
                # As the registrations: the file's replace the book's, none keeps them.
                save_payment_instructions_by_currency(contents.payment_instructions_by_currency)
        customer_ids = _ReferenceIds(m.Customer, m.Customer.code, "customer")
        invoice_ids = _ReferenceIds(m.Invoice, m.Invoice.number, "invoice")
        currency = _Currencies()
        for customer in contents.customers:
            customer_id = _insert_customer(customer)
            customer_ids.add(customer.code, customer_id)
            currency.remember(customer_id, None, customer.currency)
        # Ids are given, not asked for one insert at a time: the ones SQLite would
        # pick (the largest plus one, and on), fixed inside the transaction.
        next_id = _next_id(m.Invoice)
        line_id = _next_id(m.InvoiceLine) if contents.invoices else 0
        for batch in chunks(contents.invoices, INVOICE_BATCH):
            first_ids = (next_id, line_id)
            line_id = _insert_invoices(batch, first_ids, customer_ids, invoice_ids, currency)
            next_id += len(batch)
        bank = add_bank_transactions(contents.bank_transactions)
        insert_rows(
            m.Payment, (_payment_row(p, invoice_ids, currency, bank) for p in contents.payments)
        )
        insert_rows(
            m.Promise,
            (_promise_row(p, customer_ids, invoice_ids, currency) for p in contents.promises),
        )
        for plan in contents.payment_plans:
            _insert_plan(plan, customer_ids, invoice_ids, currency)
        insert_rows(
            m.Followup, (_followup_row(f, customer_ids, invoice_ids) for f in contents.followups)
        )
        insert_rows(
            m.Interaction,
            (_interaction_row(i, customer_ids, invoice_ids) for i in contents.interactions),
        )
        for schedule in contents.recurring_invoices:
            customer_id = customer_ids[schedule.customer]
            insert_schedule(schedule, customer_id, currency(customer_id, None))
        add_quotes(contents.quotes, customer_ids.__getitem__, invoice_ids.optional)


class _ReferenceIds:
    """Row ids by code or number: those added in this call first, then the book's."""

    def __init__(self, model: type[m.BaseModel], key: peewee.Field, kind: str) -> None:
        self._model, self._key, self._kind = model, key, kind
        self._ids: dict[str, int] = {}

    def add(self, key: str, row_id: int) -> None:
        self._ids[key] = row_id

    def __getitem__(self, key: str) -> int:
        if key not in self._ids:
            row = self._model.select(self._model.id).where(self._key == key).first()
            if row is None:
                raise LookupError(f"no {self._kind} {key!r} in the book")
            self._ids[key] = row.id
        return self._ids[key]

    def optional(self, key: str | None) -> int | None:
        return None if key is None else self[key]


def _save_business(business: r.Business) -> None:
    # Every field of the record but the registrations has its column of the same name.
    fields = dataclasses.asdict(business)
    registrations = fields.pop("tax_registrations")
    if registrations:
        # The file's numbers replace the book's; a file without any keeps the book's.
        m.TaxRegistration.delete().execute()
        for position, registration in enumerate(business.tax_registrations):
            m.TaxRegistration.create(
                position=position, tax=registration.tax, number=registration.number
            )
    existing = m.Business.get_or_none(m.Business.id == 1)
    if existing is None:
        m.Business.insert(id=1, **fields).execute()
        return
    fields["next_invoice_number"] = max(existing.next_invoice_number, business.next_invoice_number)
    # The logo is not part of the interchange format; an import leaves it alone.
    m.Business.update(**fields).where(m.Business.id == 1).execute()


def _insert_customer(customer: r.Customer) -> int:
    return insert_one(
        m.Customer,
        code=customer.code,
        name=customer.name,
        contact_name=customer.contact_name,
        email=customer.email,
        phone=customer.phone,
        address=customer.address,
        currency=customer.currency,
        language=customer.language,
        terms_days=customer.terms_days,
        ap_contact_name=customer.ap_contact_name,
        ap_email=customer.ap_email,
        ap_phone=customer.ap_phone,
        invoice_cutoff_day=customer.invoice_cutoff_day,
        payment_run_days=tuple(customer.payment_run_days),
        deposit_percent=customer.deposit_percent,
        preferred_payment_method=_enum_value(customer.preferred_payment_method),
        notes=customer.notes,
        archived=customer.archived,
        late_fee_percent_per_month=customer.late_fee_percent_per_month,
    )


def _insert_invoices(
    invoices: list[r.Invoice],
    first_ids: tuple[int, int],
    customer_ids: _ReferenceIds,
    invoice_ids: _ReferenceIds,
    currency: _Currencies,
) -> int:
    """A batch of invoices in one statement, their lines in one more and the lines' taxes
    in a third; ``first_ids`` are the first invoice and line ids to give (the lines' given
    here, so the taxes can name them). Returns the next line id."""
    first, line_id = first_ids
    rows: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    taxes: list[tuple[int, int, str, str]] = []
    for invoice_id, invoice in enumerate(invoices, start=first):
        rows.append(
            {
                "id": invoice_id,
                "number": invoice.number,
                "customer": customer_ids[invoice.customer],
                "issue_date": invoice.issue_date,
                "due_date": invoice.due_date,
                "state": str(invoice.state),
                "sent_date": invoice.sent_date,
                "received_confirmed_date": invoice.received_confirmed_date,
                "po_number": invoice.po_number,
                "currency": invoice.currency,
                "deposit_minor": to_minor(invoice.deposit_amount, invoice.currency),
                "deposit_due_date": invoice.deposit_due_date,
                "notes": invoice.notes,
                "late_fee_through": invoice.late_fee_through,
                "payment_link": invoice.payment_link,
                # The cached total always equals the lines' total: both are written here.
                "total_minor": to_minor(
                    invoice_totals(invoice.lines, invoice.currency).total, invoice.currency
                ),
            }
        )
        for position, line in enumerate(invoice.lines):
            lines.append(
                {
                    "id": line_id,
                    "invoice": invoice_id,
                    "position": position,
                    "description": line.description,
                    "quantity": line.quantity,
                    "unit_price": line.unit_price,
                }
            )
            taxes.extend(tax_rows(line_id, line.taxes))
            line_id += 1
        invoice_ids.add(invoice.number, invoice_id)
        currency.remember(None, invoice_id, invoice.currency)
    insert_rows(m.Invoice, rows)
    insert_rows(m.InvoiceLine, lines)
    insert_line_taxes(taxes)
    return line_id


def _next_id(model: type[m.BaseModel]) -> int:
    table = model._meta.table_name
    return int(db.execute_sql(f'SELECT COALESCE(MAX(id), 0) + 1 FROM "{table}"').fetchone()[0])


class _Currencies:
    """The currency of a payment, promise or plan (store.minor), remembered per invoice."""

    def __init__(self) -> None:
        self._known: dict[tuple[int | None, int | None], str] = {}

    def remember(self, customer_id: int | None, invoice_id: int | None, currency: str) -> None:
        self._known[customer_id, invoice_id] = currency

    def __call__(self, customer_id: int | None, invoice_id: int | None) -> str:
        key = (None, invoice_id) if invoice_id is not None else (customer_id, None)
        if key not in self._known:
            self._known[key] = owner_currency(customer_id or 0, invoice_id)
        return self._known[key]


def _payment_row(
    payment: r.Payment, invoice_ids: _ReferenceIds, currency: _Currencies, bank: dict[str, int]
) -> dict[str, Any]:
    invoice_id = invoice_ids[payment.invoice]
    return {
        "invoice": invoice_id,
        "date": payment.date,
        "amount_minor": to_minor(payment.amount, currency(None, invoice_id)),
        "method": _enum_value(payment.method),
        "reference": payment.reference,
        "is_deposit": payment.is_deposit,
        "bank_transaction_id": bank[payment.bank_transaction] if payment.bank_transaction else None,
    }


def _promise_row(
    promise: r.Promise,
    customer_ids: _ReferenceIds,
    invoice_ids: _ReferenceIds,
    currency: _Currencies,
) -> dict[str, Any]:
    customer_id = customer_ids[promise.customer]
    invoice_id = invoice_ids.optional(promise.invoice)
    return {
        "customer": customer_id,
        "invoice": invoice_id,
        "made_on": promise.made_on,
        "promised_date": promise.promised_date,
        "amount_minor": to_minor(promise.amount, currency(customer_id, invoice_id)),
    }


def _insert_plan(
    plan: r.PaymentPlan,
    customer_ids: _ReferenceIds,
    invoice_ids: _ReferenceIds,
    currency_of: _Currencies,
) -> None:
    customer_id = customer_ids[plan.customer]
    invoice_id = invoice_ids.optional(plan.invoice)
    plan_id = insert_one(
        m.PaymentPlan, customer=customer_id, invoice=invoice_id, agreed_on=plan.agreed_on
    )
    currency = currency_of(customer_id, invoice_id)
    insert_rows(
        m.Installment,
        (
            {
                "plan": plan_id,
                "position": position,
                "due_date": i.due_date,
                "amount_minor": to_minor(i.amount, currency),
            }
            for position, i in enumerate(plan.installments)
        ),
    )


def _followup_row(
    followup: r.Followup, customer_ids: _ReferenceIds, invoice_ids: _ReferenceIds
) -> dict[str, Any]:
    return {
        "customer": customer_ids[followup.customer],
        "invoice": invoice_ids.optional(followup.invoice),
        "due_date": followup.due_date,
        "reason": followup.reason,
        "done": followup.done,
    }


def _interaction_row(
    interaction: r.Interaction, customer_ids: _ReferenceIds, invoice_ids: _ReferenceIds
) -> dict[str, Any]:
    return {
        "customer": customer_ids[interaction.customer],
        "invoice": invoice_ids.optional(interaction.invoice),
        "at": interaction.at,
        "channel": _enum_value(interaction.channel),
        "outcome": _enum_value(interaction.outcome),
        "notes": interaction.notes,
    }


def _enum_value(value: StrEnum | None) -> str | None:
    return None if value is None else str(value)
