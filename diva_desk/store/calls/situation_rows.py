"""The call list's rows as core.calls facts: open invoices, promises and plans.

The row shapes are those of store.calls.call_list's queries (``_OPEN_INVOICES``,
``PROMISES_SQL``, ``PLANS_SQL``, ``_INSTALLMENTS``), which store.calls.reminder_standing
runs for one customer too.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from diva_desk.core.calls import InstallmentFacts, OpenInvoice, PlanFacts, PromiseFacts
from diva_desk.core.customers.promises import DatedPayment, promise_status
from diva_desk.core.customers.promises import PromiseFacts as PromiseTerms
from diva_desk.core.money import from_minor


def open_invoice(r: tuple) -> OpenInvoice:
    """An open invoice from a row of ``_OPEN_INVOICES``'s columns."""
    return OpenInvoice(
        id=r[0], number=r[1], customer_id=r[2], currency=r[3], issue_date=date_of(r[4]),
        due_date=date_of(r[5]), total=from_minor(r[6], r[3]), paid=from_minor(r[7], r[3]),
        sent_date=day_of(r[8]), received_confirmed_date=day_of(r[9]),
        deposit_amount=from_minor(r[10], r[3]), deposit_due_date=day_of(r[11]),
        last_contact=day_of(r[12]),
    )  # fmt: skip


def date_of(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def day_of(text: str | None) -> dt.date | None:
    """The date of a stored date or date-time (``2026-11-23 09:30:00``)."""
    return date_of(text) if text else None


def snooze_of(text: str | None) -> dt.date | None:
    try:
        return day_of(text)
    except ValueError:
        return None  # a hand-edited value that is no date: no snooze


def promise_facts(row: tuple, day: dt.date) -> PromiseFacts:
    pid, customer_id, invoice_id, number, made_on, promised, units, paid_units, currency = row
    terms = PromiseTerms(date_of(made_on), date_of(promised), from_minor(units, currency))
    paid = from_minor(paid_units, currency)
    # SQL already summed the payments within the promise's window; one dated payment
    # of that sum gives promise_status the same answer as the payments one by one.
    status = promise_status(terms, [DatedPayment(terms.made_on, paid)], day)
    return PromiseFacts(
        id=pid,
        customer_id=customer_id,
        made_on=terms.made_on,
        promised_date=terms.promised_date,
        amount=terms.amount,
        status=status,
        invoice_id=invoice_id,
        paid_toward=paid,
        invoice_number=number,
    )


def plan_facts(plan_rows: list[tuple], installment_rows: list[tuple]) -> tuple[PlanFacts, ...]:
    currencies = {row[0]: row[6] for row in plan_rows}
    installments: dict[int, list[InstallmentFacts]] = defaultdict(list)
    for plan_id, due, units in installment_rows:
        if plan_id in currencies:
            amount = from_minor(units, currencies[plan_id])
            installments[plan_id].append(InstallmentFacts(date_of(due), amount))
    return tuple(
        PlanFacts(
            id=pid,
            customer_id=customer_id,
            agreed_on=date_of(agreed),
            installments=tuple(installments[pid]),
            paid_since_agreed=from_minor(paid, currency),
            invoice_id=invoice_id,
            invoice_number=number,
        )
        for pid, customer_id, invoice_id, number, agreed, paid, currency in plan_rows
    )
