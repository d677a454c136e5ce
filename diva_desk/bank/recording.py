"""STAND-IN until b-bankmatch is merged: records each allocation as a typed payment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from diva_desk.bank.matching import Allocation, BankPlan
from diva_desk.core.records import PaymentMethod
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.invoices.payments import record_payment


@dataclass(frozen=True)
class RecordedImport:
    payments: int
    customers: tuple[str, ...]


def record_bank_import(
    plan: BankPlan,
    *,
    skip: frozenset[str] = frozenset(),
    assign: Mapping[str, tuple[Allocation, ...]] = {},
) -> RecordedImport:
    chosen = [(m_.line, m_.allocations) for m_ in plan.matched if m_.line.transaction not in skip]
    chosen += [
        (r.line, assign[r.line.transaction]) for r in plan.review if r.line.transaction in assign
    ]
    customers: set[str] = set()
    count = 0
    with db.atomic():
        for line, allocations in chosen:
            for a in allocations:
                invoice = m.Invoice.get(m.Invoice.number == a.invoice)
                record_payment(
                    invoice.id, line.date, a.amount, PaymentMethod.E_TRANSFER, line.transaction
                )
                customers.add(a.customer)
                count += 1
    return RecordedImport(count, tuple(sorted(customers)))
