"""One customer's history, newest first: invoices, payments, promises, plans and contacts.

Five small queries whatever the size of the book.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from diva_desk.core import records as r
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.invoices.totals import InvoiceStatus, invoice_status
from diva_desk.core.money import ZERO, from_minor
from diva_desk.store.as_of import owed_on, paid_by
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.customers.history import promise_outcomes


class EntryKind(StrEnum):
    INVOICE = "invoice"
    PAYMENT = "payment"
    PROMISE = "promise"
    PLAN = "plan"
    INTERACTION = "interaction"


#: On one day, newest first reads: paid, agreed a plan, promised (in the call), called,
#: invoiced: a promise or a plan is what came out of that day's call.
_SAME_DAY_ORDER = {
    EntryKind.INVOICE: 0,
    EntryKind.INTERACTION: 1,
    EntryKind.PROMISE: 2,
    EntryKind.PLAN: 3,
    EntryKind.PAYMENT: 4,
}


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened with a customer; which fields are set depends on ``kind``."""

    kind: EntryKind
    day: dt.date
    invoice_number: str = ""
    amount: Decimal | None = None
    currency: str = ""
    #: Invoices: their status today and what is left to pay; plans: their last installment.
    status: InvoiceStatus | None = None
    balance: Decimal | None = None
    due_date: dt.date | None = None
    #: Promises: kept, broken or pending (derived from payments).
    promise_status: PromiseStatus | None = None
    #: Payments.
    method: r.PaymentMethod | None = None
    reference: str = ""
    is_deposit: bool = False
    #: Matched from a line of a bank statement (the payment keeps its bank transaction).
    from_bank: bool = False
    #: Payment plans: how many installments.
    installments: int = 0
    #: Interactions.
    at: dt.datetime | None = None
    channel: r.Channel | None = None
    outcome: r.Outcome | None = None
    notes: str = ""
    #: Row id within its kind, to keep entries of one day in the order they were entered.
    row_id: int = 0

    def sort_key(self) -> tuple[dt.date, int, dt.datetime, int]:
        return (self.day, _SAME_DAY_ORDER[self.kind], self.at or dt.datetime.min, self.row_id)


@dataclass(frozen=True)
class OpenItem:
    number: str
    issue_date: dt.date
    due_date: dt.date
    balance: Decimal
    currency: str


@dataclass(frozen=True)
class CustomerHistory:
    """Everything on the customer's history screen."""

    #: Newest first.
    entries: list[TimelineEntry]
    #: What they owe, one amount per currency (an empty dict when nothing).
    balance: dict[str, Decimal]
    overdue: dict[str, Decimal]
    #: The oldest invoice with something left to pay.
    oldest_open: OpenItem | None
    #: The most recent interaction.
    last_contact: TimelineEntry | None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _enum(kind: type[StrEnum], value: str | None) -> StrEnum | None:
    return kind(value) if value else None


def is_contact(entry: TimelineEntry) -> bool:
    """A note with no outcome is one the book wrote (a void, a payment corrected): no contact."""
    return not (entry.channel is r.Channel.NOTE and entry.outcome is None)


def customer_history(customer_id: int, today: dt.date) -> CustomerHistory:
    """Invoices, payments, promises, plans and interactions of one customer, newest first."""
    currency = m.Customer.select(m.Customer.currency).where(m.Customer.id == customer_id).scalar()
    entries = [
        *_invoices(customer_id, today),
        *_payments(customer_id),
        *_promises(customer_id, today, currency or ""),
        *_plans(customer_id, currency or ""),
        *_interactions(customer_id),
    ]
    entries.sort(key=TimelineEntry.sort_key, reverse=True)

    balance: dict[str, Decimal] = {}
    overdue: dict[str, Decimal] = {}
    oldest: OpenItem | None = None
    last_contact: TimelineEntry | None = None
    for entry in entries:
        if entry.kind is EntryKind.INTERACTION and last_contact is None and is_contact(entry):
            last_contact = entry
        if entry.kind is not EntryKind.INVOICE or not entry.balance:
            continue
        assert entry.due_date is not None
        balance[entry.currency] = balance.get(entry.currency, ZERO) + entry.balance
        if entry.status is InvoiceStatus.OVERDUE:
            overdue[entry.currency] = overdue.get(entry.currency, ZERO) + entry.balance
        # Newest first, so the last open invoice met is the oldest.
        oldest = OpenItem(
            entry.invoice_number, entry.day, entry.due_date, entry.balance, entry.currency
        )
    return CustomerHistory(entries, balance, overdue, oldest, last_contact)


def _invoices(customer_id: int, today: dt.date) -> list[TimelineEntry]:
    # Balances as of today by store.as_of's rule, as the customer list counts them.
    sql = f"""
        SELECT i.id, i.number, i.issue_date, i.due_date, i.state, i.currency, i.total_cents,
               {paid_by(":as_of")}, {owed_on(":as_of")}
        FROM invoice i WHERE i.customer_id = :customer
    """
    entries = []
    for row_id, number, issued, due, state, currency, total, paid, counts in db.execute_sql(
        sql, {"customer": customer_id, "as_of": today.isoformat()}
    ).fetchall():
        total_amount, paid_amount = from_minor(total, currency), from_minor(paid, currency)
        kind = r.InvoiceState(state)
        due_date = dt.date.fromisoformat(due)
        owed = max(total_amount - paid_amount, ZERO) if counts else ZERO
        entries.append(
            TimelineEntry(
                EntryKind.INVOICE,
                dt.date.fromisoformat(issued),
                invoice_number=number,
                amount=total_amount,
                currency=currency,
                status=invoice_status(kind, total_amount, paid_amount, due_date, today),
                balance=owed,
                due_date=due_date,
                row_id=row_id,
            )
        )
    return entries


def _payments(customer_id: int) -> list[TimelineEntry]:
    sql = """
        SELECT p.id, p.date, p.amount_cents, p.method, p.reference, p.is_deposit,
               p.bank_transaction_id IS NOT NULL, i.number, i.currency
        FROM payment p JOIN invoice i ON i.id = p.invoice_id WHERE i.customer_id = ?
    """
    return [
        TimelineEntry(
            EntryKind.PAYMENT,
            dt.date.fromisoformat(day),
            invoice_number=number,
            amount=from_minor(cents, currency),
            currency=currency,
            method=_enum(r.PaymentMethod, method),  # type: ignore[arg-type]
            reference=reference,
            is_deposit=bool(deposit),
            from_bank=bool(bank),
            row_id=row_id,
        )
        for row_id, day, cents, method, reference, deposit, bank, number, currency in (
            db.execute_sql(sql, (customer_id,)).fetchall()
        )
    ]


def _promises(customer_id: int, today: dt.date, currency: str) -> list[TimelineEntry]:
    outcomes = promise_outcomes(today, customer_id)
    sql = """
        SELECT pr.id, pr.made_on, pr.promised_date, pr.amount_cents, i.number, i.currency
        FROM promise pr LEFT JOIN invoice i ON i.id = pr.invoice_id WHERE pr.customer_id = ?
    """
    return [
        TimelineEntry(
            EntryKind.PROMISE,
            dt.date.fromisoformat(made),
            invoice_number=number or "",
            amount=from_minor(cents, invoice_currency or currency),
            currency=invoice_currency or currency,
            due_date=dt.date.fromisoformat(promised),
            promise_status=outcomes[row_id].status if row_id in outcomes else None,
            row_id=row_id,
        )
        for row_id, made, promised, cents, number, invoice_currency in db.execute_sql(
            sql, (customer_id,)
        ).fetchall()
    ]


def _plans(customer_id: int, currency: str) -> list[TimelineEntry]:
    sql = """
        SELECT pl.id, pl.agreed_on, i.number, i.currency,
               COUNT(it.id), COALESCE(SUM(it.amount_cents), 0), MAX(it.due_date)
        FROM payment_plan pl LEFT JOIN invoice i ON i.id = pl.invoice_id
        LEFT JOIN installment it ON it.plan_id = pl.id
        WHERE pl.customer_id = ? GROUP BY pl.id
    """
    return [
        TimelineEntry(
            EntryKind.PLAN,
            dt.date.fromisoformat(agreed),
            invoice_number=number or "",
            amount=from_minor(cents, invoice_currency or currency),
            currency=invoice_currency or currency,
            due_date=_date(last_due),
            installments=count,
            row_id=row_id,
        )
        for row_id, agreed, number, invoice_currency, count, cents, last_due in db.execute_sql(
            sql, (customer_id,)
        ).fetchall()
    ]


def _interactions(customer_id: int) -> list[TimelineEntry]:
    sql = """
        SELECT x.id, x.at, x.channel, x.outcome, x.notes, i.number
        FROM interaction x LEFT JOIN invoice i ON i.id = x.invoice_id WHERE x.customer_id = ?
    """
    entries = []
    for row_id, at_text, channel, outcome, notes, number in db.execute_sql(
        sql, (customer_id,)
    ).fetchall():
        at = dt.datetime.fromisoformat(at_text)
        entries.append(
            TimelineEntry(
                EntryKind.INTERACTION,
                at.date(),
                invoice_number=number or "",
                at=at,
                channel=_enum(r.Channel, channel),  # type: ignore[arg-type]
                outcome=_enum(r.Outcome, outcome),  # type: ignore[arg-type]
                notes=notes,
                row_id=row_id,
            )
        )
    return entries
