"""Reading the whole book, or the parts an import asks about, as core records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import TypeVar

import peewee

from diva_desk.core import records as r
from diva_desk.core.invoices.invoice_standing import Standing
from diva_desk.core.money import from_minor
from diva_desk.store.book import models as m
from diva_desk.store.book.settings import payment_instructions_by_currency
from diva_desk.store.book.tax_rates import tax_registrations
from diva_desk.store.contents.bank import bank_transaction_ids, read_bank_transactions
from diva_desk.store.contents.quote_contents import read_quotes
from diva_desk.store.contents.schedules import read_schedules
from diva_desk.store.taxes.lines import all_line_taxes

#: Rows per multi-row INSERT or IN (...) query: well under SQLite's variable limit.
BATCH = 200
_T = TypeVar("_T")


def read_contents() -> r.BookContents:
    """The whole book as records, each kind in insertion order (so file order survives)."""
    customer_codes = dict(m.Customer.select(m.Customer.id, m.Customer.code).tuples())
    invoice_numbers = dict(m.Invoice.select(m.Invoice.id, m.Invoice.number).tuples())
    # Money columns are minor units of each row's currency (store.minor).
    invoice_money = dict(m.Invoice.select(m.Invoice.id, m.Invoice.currency).tuples())
    customer_money = dict(m.Customer.select(m.Customer.id, m.Customer.currency).tuples())

    def currency(customer_id: int, invoice_id: int | None) -> str:
        return customer_money[customer_id] if invoice_id is None else invoice_money[invoice_id]

    def number(invoice_id: int | None) -> str | None:
        return None if invoice_id is None else invoice_numbers[invoice_id]

    bank = bank_transaction_ids()

    return r.BookContents(
        business=read_business(),
        payment_instructions_by_currency=payment_instructions_by_currency(),
        customers=tuple(_customer(row) for row in m.Customer.select().order_by(m.Customer.id)),
        invoices=_read_invoices(customer_codes),
        payments=tuple(
            r.Payment(
                invoice=invoice_numbers[p.invoice_id],
                date=p.date,
                amount=from_minor(p.amount_minor, invoice_money[p.invoice_id]),
                method=_optional(r.PaymentMethod, p.method),
                reference=p.reference,
                is_deposit=p.is_deposit,
                bank_transaction=bank.get(p.bank_transaction_id),
            )
            for p in m.Payment.select().order_by(m.Payment.id)
        ),
        promises=tuple(
            r.Promise(
                customer=customer_codes[p.customer_id],
                invoice=number(p.invoice_id),
                made_on=p.made_on,
                promised_date=p.promised_date,
                amount=from_minor(p.amount_minor, currency(p.customer_id, p.invoice_id)),
            )
            for p in m.Promise.select().order_by(m.Promise.id)
        ),
        payment_plans=_read_plans(customer_codes, number, currency),
        followups=tuple(
            r.Followup(
                customer=customer_codes[f.customer_id],
                invoice=number(f.invoice_id),
                due_date=f.due_date,
                reason=f.reason,
                done=f.done,
            )
            for f in m.Followup.select().order_by(m.Followup.id)
        ),
        interactions=tuple(
            r.Interaction(
                customer=customer_codes[i.customer_id],
                invoice=number(i.invoice_id),
                at=i.at,
                channel=_optional(r.Channel, i.channel),
                outcome=_optional(r.Outcome, i.outcome),
                notes=i.notes,
            )
            for i in m.Interaction.select().order_by(m.Interaction.id)
        ),
        bank_transactions=read_bank_transactions(),
        recurring_invoices=read_schedules(customer_codes),
        quotes=read_quotes(),
    )


def read_business() -> r.Business | None:
    """The book's business profile, or ``None`` for a book that has none yet."""
    row = m.Business.get_or_none(m.Business.id == 1)
    if row is None:
        return None
    return r.Business(
        name=row.name,
        owner_name=row.owner_name,
        address=row.address,
        email=row.email,
        phone=row.phone,
        tax_numbers=row.tax_numbers,
        currency=row.currency,
        locale=row.locale,
        default_terms_days=row.default_terms_days,
        invoice_prefix=row.invoice_prefix,
        next_invoice_number=row.next_invoice_number,
        payment_instructions=row.payment_instructions,
        tax_registrations=tax_registrations(),
        late_fee_percent_per_month=row.late_fee_percent_per_month,
        late_fee_grace_days=row.late_fee_grace_days,
        payment_link=row.payment_link,
    )


def customers_by_code(codes: Collection[str]) -> dict[str, r.Customer]:
    """Those of ``codes`` that the book has, as records (one query per batch)."""
    found: dict[str, r.Customer] = {}
    for batch in chunks(set(codes), BATCH):
        for row in m.Customer.select().where(m.Customer.code.in_(batch)):
            found[row.code] = _customer(row)
    return found


def invoice_owners(numbers: Collection[str]) -> dict[str, str]:
    """Customer code by invoice number, for those of ``numbers`` the book has."""
    found: dict[str, str] = {}
    for batch in chunks(set(numbers), BATCH):
        query = (
            m.Invoice.select(m.Invoice.number, m.Customer.code)
            .join(m.Customer)
            .where(m.Invoice.number.in_(batch))
            .tuples()
        )
        found.update(dict(query))
    return found


class StoredBook:
    """The open book seen the way the interchange reader asks about it.

    A book with no customers (or no invoices) is not asked about each of a file's
    codes (or numbers): into a new book, that was hundreds of queries for nothing.
    """

    def business(self) -> r.Business | None:
        return read_business()

    def customers(self, codes: Collection[str]) -> Mapping[str, r.Customer]:
        return customers_by_code(codes) if _has_rows(m.Customer) else {}

    def invoice_customers(self, numbers: Collection[str]) -> Mapping[str, str]:
        return invoice_owners(numbers) if _has_rows(m.Invoice) else {}

    def invoice_currencies(self, numbers: Collection[str]) -> Mapping[str, str]:
        found: dict[str, str] = {}
        if not _has_rows(m.Invoice):
            return found
        for batch in chunks(set(numbers), BATCH):
            query = m.Invoice.select(m.Invoice.number, m.Invoice.currency)
            found.update(dict(query.where(m.Invoice.number.in_(batch)).tuples()))
        return found

    def invoice_standings(self, numbers: Collection[str]) -> Mapping[str, Standing]:
        found: dict[str, Standing] = {}
        if not _has_rows(m.Invoice):
            return found
        paid = peewee.fn.COALESCE(peewee.fn.SUM(m.Payment.amount_minor), 0)
        for batch in chunks(set(numbers), BATCH):
            query = (
                m.Invoice.select(
                    m.Invoice.number,
                    m.Invoice.state,
                    m.Invoice.total_minor,
                    m.Invoice.currency,
                    paid.alias("paid"),
                )
                .join(m.Payment, peewee.JOIN.LEFT_OUTER)
                .where(m.Invoice.number.in_(batch))
                .group_by(m.Invoice.id)
                .tuples()
            )
            for number, state, total, currency, received in query:
                found[number] = Standing(
                    r.InvoiceState(state),
                    from_minor(total, currency),
                    currency,
                    from_minor(received, currency),
                )
        return found

    def quote_numbers(self, numbers: Collection[str]) -> Collection[str]:
        found: set[str] = set()
        for batch in chunks(set(numbers), BATCH):
            query = m.Quote.select(m.Quote.number).where(m.Quote.number.in_(batch)).tuples()
            found.update(number for (number,) in query)
        return found


def _has_rows(model: type[m.BaseModel]) -> bool:
    return model.select(model.id).limit(1).exists()


def _customer(row: m.Customer) -> r.Customer:
    return r.Customer(
        code=row.code,
        name=row.name,
        contact_name=row.contact_name,
        email=row.email,
        phone=row.phone,
        address=row.address,
        currency=row.currency,
        language=row.language,
        terms_days=row.terms_days,
        ap_contact_name=row.ap_contact_name,
        ap_email=row.ap_email,
        ap_phone=row.ap_phone,
        invoice_cutoff_day=row.invoice_cutoff_day,
        payment_run_days=tuple(row.payment_run_days),
        deposit_percent=row.deposit_percent,
        preferred_payment_method=_optional(r.PaymentMethod, row.preferred_payment_method),
        notes=row.notes,
        archived=row.archived,
        late_fee_percent_per_month=row.late_fee_percent_per_month,
    )


def _read_invoices(customer_codes: Mapping[int, str]) -> tuple[r.Invoice, ...]:
    lines: dict[int, list[r.InvoiceLine]] = defaultdict(list)
    taxes = all_line_taxes()
    query = m.InvoiceLine.select().order_by(m.InvoiceLine.invoice, m.InvoiceLine.position)
    for line in query:
        lines[line.invoice_id].append(
            r.InvoiceLine(
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                taxes=taxes.get(line.id, ()),
            )
        )
    return tuple(
        r.Invoice(
            number=row.number,
            customer=customer_codes[row.customer_id],
            issue_date=row.issue_date,
            due_date=row.due_date,
            lines=tuple(lines[row.id]),
            currency=row.currency,
            state=r.InvoiceState(row.state),
            sent_date=row.sent_date,
            received_confirmed_date=row.received_confirmed_date,
            po_number=row.po_number,
            deposit_amount=from_minor(row.deposit_minor, row.currency),
            deposit_due_date=row.deposit_due_date,
            notes=row.notes,
            late_fee_through=row.late_fee_through,
            payment_link=row.payment_link,
        )
        for row in m.Invoice.select().order_by(m.Invoice.id)
    )


def _read_plans(
    customer_codes: Mapping[int, str],
    number: Callable[[int | None], str | None],
    currency: Callable[[int, int | None], str],
) -> tuple[r.PaymentPlan, ...]:
    plans = list(m.PaymentPlan.select().order_by(m.PaymentPlan.id))
    money = {plan.id: currency(plan.customer_id, plan.invoice_id) for plan in plans}
    installments: dict[int, list[r.Installment]] = defaultdict(list)
    query = m.Installment.select().order_by(m.Installment.plan, m.Installment.position)
    for row in query:
        amount = from_minor(row.amount_minor, money[row.plan_id])
        installments[row.plan_id].append(r.Installment(due_date=row.due_date, amount=amount))
    return tuple(
        r.PaymentPlan(
            customer=customer_codes[plan.customer_id],
            invoice=number(plan.invoice_id),
            agreed_on=plan.agreed_on,
            installments=tuple(installments[plan.id]),
        )
        for plan in plans
    )


def _optional(kind: type[_T], value: str | None) -> _T | None:
    return None if value is None else kind(value)  # type: ignore[call-arg]


def chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
