"""One invoice with everything the window shows about it, computed by the core rules.

The figures come from the lines and payments themselves (core.invoices), not from
the cached total, so what the detail view shows is what the PDF prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.customers.terms import BillingCycle, expected_payment_date, misses_cutoff
from diva_desk.core.invoices.totals import (
    InvoiceStatus,
    InvoiceTotals,
    TaxAmount,
    balance_due,
    deposit_outstanding,
    invoice_status,
    invoice_totals,
)
from diva_desk.core.money import ZERO
from diva_desk.store.invoices.records import (
    customer_record,
    invoice_record,
    invoice_row,
    lines_of,
    payments_of,
)


def billing_cycle(customer: r.Customer) -> BillingCycle:
    return BillingCycle(
        cutoff_day=customer.invoice_cutoff_day, payment_run_days=customer.payment_run_days
    )


@dataclass(frozen=True)
class PaymentExpectation:
    """When the money should come, given when the invoice reaches the customer."""

    expected_date: dt.date
    #: The invoice reaches them after this month's cut-off and waits for next month's cycle.
    misses_cutoff: bool
    #: The cut-off it will be processed at (``None`` for a customer without one).
    cutoff: dt.date | None


def payment_expectation(
    customer: r.Customer, arrival: dt.date, due_date: dt.date
) -> PaymentExpectation:
    """For the editor's "expected payment" hint beside the due date (habit 1: be proactive)."""
    cycle = billing_cycle(customer)
    return PaymentExpectation(
        expected_date=expected_payment_date(arrival, due_date, cycle),
        misses_cutoff=misses_cutoff(arrival, cycle),
        cutoff=cycle.next_cutoff(arrival),
    )


@dataclass(frozen=True)
class InvoiceDetail:
    id: int
    invoice: r.Invoice
    customer_id: int
    customer: r.Customer
    #: Oldest first; ``payment_ids`` holds their row ids in the same order.
    payments: tuple[r.Payment, ...]
    payment_ids: tuple[int, ...]
    totals: InvoiceTotals
    paid: Decimal
    #: What is still owed; zero for drafts and void invoices, which nobody owes.
    balance: Decimal
    status: InvoiceStatus
    deposit_asked: Decimal
    deposit_received: Decimal
    deposit_outstanding: Decimal
    #: Counted from the sent date, or from ``today`` for a draft not sent yet.
    expectation: PaymentExpectation

    @property
    def lines(self) -> tuple[r.InvoiceLine, ...]:
        return self.invoice.lines

    @property
    def taxes(self) -> tuple[TaxAmount, ...]:
        """Tax per tax name, as the totals and the PDF show it."""
        return self.totals.taxes

    @property
    def expected_payment_date(self) -> dt.date:
        return self.expectation.expected_date

    @property
    def misses_cutoff(self) -> bool:
        return self.expectation.misses_cutoff


def invoice_detail(invoice_id: int, today: dt.date) -> InvoiceDetail:
    """The invoice, its customer, lines, payments and figures as of ``today`` (five queries)."""
    row = invoice_row(invoice_id)
    customer = customer_record(row.customer_id)
    invoice = invoice_record(row, customer.code, lines_of([invoice_id])[invoice_id])
    pairs = payments_of({invoice_id: invoice.number})
    payments = tuple(p for _id, p in pairs)
    totals = invoice_totals(invoice.lines, invoice.currency)
    # Figures as of today by store.as_of's rule, as the invoice list shows them: a
    # payment dated ahead is listed but not counted, an invoice dated ahead owes nothing yet.
    arrived = [p for p in payments if p.date <= today]
    paid = sum((p.amount for p in arrived), ZERO)
    deposits = sum((p.amount for p in arrived if p.is_deposit), ZERO)
    owed = invoice.state is r.InvoiceState.SENT and invoice.issue_date <= today
    balance = balance_due(totals.total, paid) if owed else ZERO
    arrival = invoice.sent_date or today
    return InvoiceDetail(
        id=invoice_id,
        invoice=invoice,
        customer_id=row.customer_id,
        customer=customer,
        payments=payments,
        payment_ids=tuple(payment_id for payment_id, _p in pairs),
        totals=totals,
        paid=paid,
        balance=balance,
        status=invoice_status(invoice.state, totals.total, paid, invoice.due_date, today),
        deposit_asked=invoice.deposit_amount,
        deposit_received=deposits,
        # Money that came in without the deposit mark still counts once nothing is owed.
        deposit_outstanding=min(deposit_outstanding(invoice.deposit_amount, deposits), balance),
        expectation=payment_expectation(customer, arrival, invoice.due_date),
    )
