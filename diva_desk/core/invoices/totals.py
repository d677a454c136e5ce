"""Invoice arithmetic and the derived status of an invoice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from diva_desk.core.money import ZERO, round_money
from diva_desk.core.records import InvoiceLine, InvoiceState

_HUNDRED = Decimal(100)


class InvoiceStatus(StrEnum):
    """What a person sees: the stored state plus what payments and dates make of it."""

    DRAFT = "draft"
    SENT = "sent"
    PARTLY_PAID = "partly_paid"
    PAID = "paid"
    OVERDUE = "overdue"
    VOID = "void"


@dataclass(frozen=True)
class TaxAmount:
    name: str
    rate: Decimal
    #: The lines' net amount this tax is charged on.
    base: Decimal
    amount: Decimal


@dataclass(frozen=True)
class InvoiceTotals:
    net: Decimal
    taxes: tuple[TaxAmount, ...]
    tax: Decimal
    total: Decimal


def line_net(line: InvoiceLine, currency: str) -> Decimal:
    """Quantity times unit price, rounded half-up to the currency's unit (3 x 333.33 JPY = 1000)."""
    return round_money(line.quantity * line.unit_price, currency)


def invoice_totals(lines: Iterable[InvoiceLine], currency: str) -> InvoiceTotals:
    """Net, tax per tax name and total, per the interchange rules.

    Tax is summed per tax name over the unrounded line taxes and rounded once per
    name, to the currency's minor unit, so ten lines of HST cost no more than one line
    of the same amount. A line may carry several taxes (GST and QST), each charged on
    its net; a tax without a name or with a zero rate charges nothing. The summary
    keeps the order in which the names first appear, and each name's first rate.
    """
    net = ZERO
    bases: dict[str, Decimal] = {}
    raw_tax: dict[str, Decimal] = {}
    rates: dict[str, Decimal] = {}
    for line in lines:
        amount = line_net(line, currency)
        net += amount
        for tax in line.taxes:
            if tax.name and tax.rate:
                bases[tax.name] = bases.get(tax.name, ZERO) + amount
                raw_tax[tax.name] = raw_tax.get(tax.name, ZERO) + amount * tax.rate / _HUNDRED
                rates.setdefault(tax.name, tax.rate)
    taxes = tuple(
        TaxAmount(name, rates[name], bases[name], round_money(raw_tax[name], currency))
        for name in raw_tax
    )
    tax = sum((t.amount for t in taxes), ZERO)
    return InvoiceTotals(net=net, taxes=taxes, tax=tax, total=net + tax)


def balance_due(total: Decimal, paid: Decimal) -> Decimal:
    """What is still owed; never negative (an overpayment is refused when recorded)."""
    return max(total - paid, ZERO)


def invoice_status(
    state: InvoiceState, total: Decimal, paid: Decimal, due_date: dt.date, today: dt.date
) -> InvoiceStatus:
    """The status a person sees on ``today``.

    Void and draft are what the owner set. A sent invoice is paid exactly when
    nothing is left to pay; otherwise it is overdue after its due date (whether
    partly paid or not, since lateness is what matters for collection), then partly
    paid once something came in, else simply sent.
    """
    if state is InvoiceState.VOID:
        return InvoiceStatus.VOID
    if state is InvoiceState.DRAFT:
        return InvoiceStatus.DRAFT
    if balance_due(total, paid) == ZERO:
        return InvoiceStatus.PAID
    if today > due_date:
        return InvoiceStatus.OVERDUE
    if paid > ZERO:
        return InvoiceStatus.PARTLY_PAID
    return InvoiceStatus.SENT


def deposit_outstanding(deposit_amount: Decimal, deposits_received: Decimal) -> Decimal:
    """The part of the deposit asked for that has not come in yet."""
    return max(deposit_amount - deposits_received, ZERO)


def deposit_for(total: Decimal, percent: Decimal, currency: str) -> Decimal:
    """The deposit to ask for: ``percent`` of the total, rounded half-up to the currency's unit."""
    return round_money(total * percent / _HUNDRED, currency)
