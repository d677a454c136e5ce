"""What is still owed invoice by invoice: the rows of a statement, a reminder, a meeting pack.

Computed from plain records, so the store can total what a customer owes (the plan a
meeting pack proposes) by the same rule the documents print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.invoices.totals import balance_due, invoice_totals
from diva_desk.core.money import ZERO
from diva_desk.core.records import Invoice, InvoiceState, Payment
from diva_desk.core.reports.aging import AgingTotals, aging_totals, days_past_due


@dataclass(frozen=True)
class OpenItem:
    """One invoice with money still owed on it, as the statement shows it."""

    invoice: Invoice
    total: Decimal
    paid: Decimal
    balance: Decimal
    days_past_due: int


def open_items(
    invoices: Iterable[Invoice], payments: Iterable[Payment], today: dt.date
) -> list[OpenItem]:
    """Sent invoices with a balance, oldest due date first."""
    paid: dict[str, Decimal] = {}
    for payment in payments:
        paid[payment.invoice] = paid.get(payment.invoice, ZERO) + payment.amount
    items = []
    for invoice in invoices:
        if invoice.state is not InvoiceState.SENT:
            continue
        total = invoice_totals(invoice.lines, invoice.currency).total
        received = paid.get(invoice.number, ZERO)
        balance = balance_due(total, received)
        if balance > ZERO:
            age = days_past_due(invoice.due_date, today)
            items.append(OpenItem(invoice, total, received, balance, age))
    items.sort(key=lambda item: (item.invoice.due_date, item.invoice.number))
    return items


def aging_by_currency(items: Iterable[OpenItem]) -> dict[str, AgingTotals]:
    """Aging buckets per currency: amounts in two currencies are never added."""
    grouped: dict[str, list[tuple[int, Decimal]]] = {}
    for item in items:
        grouped.setdefault(item.invoice.currency, []).append((item.days_past_due, item.balance))
    return {currency: aging_totals(pairs) for currency, pairs in sorted(grouped.items())}
