"""Recording money that came in against an invoice.

A payment larger than the balance is refused rather than stored: an overpayment
would make the balance negative and the customer's statement wrong, and the owner
is better told at once (a typo, or the wrong invoice) than left to find it later.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.money import ZERO, fits_currency, from_minor, to_minor
from diva_desk.core.text_limits import clean, too_long
from diva_desk.errors import BadInput
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.i18n.format import places_rule
from diva_desk.store.as_of import open_on, paid_by
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.invoices.records import invoice_row


def paid_on(invoice_id: int) -> Decimal:
    """Everything received on the invoice, whatever its date (store.as_of, no day).

    A new payment must fit in what this leaves of the total, so that no day's
    balance goes below zero, even with a payment dated ahead (an import's). In the
    invoice's currency.
    """
    sql = f"SELECT {paid_by(None)}, i.currency FROM invoice i WHERE i.id = ?"
    row = db.execute_sql(sql, (invoice_id,)).fetchone()
    return from_minor(row[0], row[1]) if row else ZERO


# Sent invoices not paid in full by every payment recorded (store.as_of, no day).
_PAYABLE = f"""
    SELECT i.id FROM invoice i
    WHERE i.customer_id = ? AND {open_on(None)}
    ORDER BY i.due_date, i.number
"""


def payable_invoice_ids(customer_id: int) -> list[int]:
    """The customer's sent invoices that can still take a payment, oldest due first.

    A payment recorded from the customer (a cheque that arrives without a note)
    most often pays the oldest, so it comes first in the dialog's list.
    """
    return [row[0] for row in db.execute_sql(_PAYABLE, (customer_id,))]


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
    reference = clean("reference", reference)
    if problem := too_long(_("Reference"), "reference", reference):
        raise BadInput(problem)
    with db.atomic("IMMEDIATE"):
        row = invoice_row(invoice_id)
        if not fits_currency(amount, row.currency):
            raise BadInput(_("The payment amount: {rule}.").format(rule=places_rule(row.currency)))
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
        if date < row.issue_date:
            raise BadInput(
                _(
                    "The payment date {date} is before {number} was issued ({issued}): "
                    "check the date."
                ).format(date=fmt.date(date), number=row.number, issued=fmt.date(row.issue_date))
            )
        balance = max(from_minor(row.total_minor, row.currency) - paid_on(invoice_id), ZERO)
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
            amount_minor=to_minor(amount, row.currency),
            method=None if method is None else str(method),
            reference=reference.strip(),
            is_deposit=is_deposit,
        )
    return payment.id


def check_move_target(source: m.Invoice, target: m.Invoice, *, payments: int) -> None:
    """Refuse, with a sentence, moving ``payments`` payments from ``source`` to ``target``.

    Money only moves to a sent invoice of the same customer and currency.
    """
    if target.state != r.InvoiceState.SENT:
        raise BadInput(
            _("{number} is not a sent invoice, so it cannot take payments.").format(
                number=target.number
            )
        )
    if source.customer_id != target.customer_id or source.currency != target.currency:
        raise BadInput(
            ngettext(
                "{target} is for another customer or currency than {source}: "
                "the payment cannot move to it.",
                "{target} is for another customer or currency than {source}: "
                "the payments cannot move to it.",
                payments,
            ).format(target=target.number, source=source.number)
        )


def move_payments(from_invoice_id: int, to_invoice_id: int) -> Decimal:
    """Move every payment on a void invoice to the invoice that replaced it; returns the sum.

    Voiding keeps the payments on the void invoice, where they count in no balance;
    when the corrected copy is issued, the money the customer already paid belongs
    on it. All or nothing, in one transaction (a savepoint inside a caller's, such
    as sending the copy). Each payment keeps the date it arrived, even if that is
    before the copy's issue date. Refused when the copy is not sent, belongs to
    another customer or currency, or would be paid more than its total.
    """
    if from_invoice_id == to_invoice_id:
        raise BadInput(_("The payments are already on that invoice."))
    with db.atomic("IMMEDIATE"):
        source, target = invoice_row(from_invoice_id), invoice_row(to_invoice_id)
        if source.state != r.InvoiceState.VOID:
            raise BadInput(
                _("{number} is not void: its payments stay where they are.").format(
                    number=source.number
                )
            )
        check_move_target(source, target, payments=2)
        moving = paid_on(from_invoice_id)
        if moving <= ZERO:
            raise BadInput(_("No payment was recorded on {number}.").format(number=source.number))
        total = from_minor(target.total_minor, target.currency)
        balance = max(total - paid_on(to_invoice_id), ZERO)
        if moving > balance:
            raise BadInput(
                _(
                    "The payments of {amount} on {source} are more than the {balance} "
                    "owed on {target}; they stay on {source}."
                ).format(
                    amount=fmt.money(moving, source.currency),
                    source=source.number,
                    balance=fmt.money(balance, target.currency),
                    target=target.number,
                )
            )
        m.Payment.update(invoice=to_invoice_id).where(
            m.Payment.invoice == from_invoice_id
        ).execute()
    return moving
