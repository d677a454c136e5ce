"""Recording money that came in against an invoice.

A payment larger than the balance is refused rather than stored: an overpayment
would make the balance negative and the customer's statement wrong, and the owner
is better told at once (a typo, or the wrong invoice) than left to find it later.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.money import CENT, ZERO, from_cents
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store import models as m
from diva_desk.store.db import db
from diva_desk.store.invoice_records import invoice_row


def paid_on(invoice_id: int) -> Decimal:
    """Everything received on the invoice so far."""
    sql = "SELECT COALESCE(SUM(amount_cents), 0) FROM payment WHERE invoice_id = ?"
    (cents,) = db.execute_sql(sql, (invoice_id,)).fetchone()
    return from_cents(cents)


def record_payment(
    invoice_id: int,
    date: dt.date,
    amount: Decimal,
    method: r.PaymentMethod | None,
    reference: str = "",
    is_deposit: bool = False,
    *,
    today: dt.date | None = None,
) -> int:
    """Record a payment on a sent invoice; returns the payment's id.

    The balance is read in the same write transaction, so two windows recording at
    once cannot together pay more than is owed. A payment dated after ``today``
    (the clock's, unless given) is refused: money is recorded when it arrives, and
    one dated ahead would count in no balance until its day (store.as_of), so the
    invoice would look paid in one place and owed in another.
    """
    today = today or dt.date.today()
    if date > today:
        raise BadInput(
            _(
                "A payment is recorded when it arrives: the date can't be after today ({today})."
            ).format(today=fmt.date(today))
        )
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise BadInput(_("The payment amount is not a number."))
    if amount <= ZERO:
        raise BadInput(_("The payment amount must be more than zero."))
    if amount != amount.quantize(CENT):
        raise BadInput(_("The payment amount has more than two decimal places."))
    with db.atomic("IMMEDIATE"):
        row = invoice_row(invoice_id)
        if row.state == r.InvoiceState.DRAFT:
            raise BadInput(
                _("{number} is a draft: send it before recording a payment on it.").format(
                    number=row.number
                )
            )
        if row.state == r.InvoiceState.VOID:
            raise BadInput(
                _("{number} is void: record the payment on the invoice that replaced it.").format(
                    number=row.number
                )
            )
        balance = max(row.total - paid_on(invoice_id), ZERO)
        if amount > balance:
            raise BadInput(
                _(
                    "The payment of {amount} is more than the balance of {balance} on {number}."
                ).format(
                    amount=fmt.money(amount, row.currency),
                    balance=fmt.money(balance, row.currency),
                    number=row.number,
                )
            )
        payment = m.Payment.create(
            invoice=invoice_id,
            date=date,
            amount=amount,
            method=None if method is None else str(method),
            reference=reference.strip(),
            is_deposit=is_deposit,
        )
    return payment.id
