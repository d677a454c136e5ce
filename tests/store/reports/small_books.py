"""Records for small books worked out by hand: one-line invoices, payments, customers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core.records import Customer, Invoice, InvoiceLine, InvoiceState, Payment

D = Decimal
AS_OF = dt.date(2026, 11, 23)


def invoice(
    number: str,
    customer: str,
    amount: str,
    *,
    due: dt.date,
    issued: dt.date | None = None,
    currency: str = "CAD",
    state: InvoiceState = InvoiceState.SENT,
    deposit: str = "0",
) -> Invoice:
    """A one-line invoice without tax, so its total is ``amount``."""
    return Invoice(
        number=number,
        customer=customer,
        issue_date=issued or due - dt.timedelta(days=30),
        due_date=due,
        lines=(InvoiceLine("Work", D("1"), D(amount)),),
        currency=currency,
        state=state,
        deposit_amount=D(deposit),
    )


def pay(number: str, amount: str, day: dt.date, *, deposit: bool = False) -> Payment:
    return Payment(invoice=number, date=day, amount=D(amount), is_deposit=deposit)


def customers(*codes: tuple[str, str]) -> tuple[Customer, ...]:
    """Customers named after their codes, each in its currency."""
    return tuple(
        Customer(code=code, name=f"{code.title()} Inc.", currency=cur) for code, cur in codes
    )
