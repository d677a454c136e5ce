"""What an imported payment may add to its invoice: only what the app itself could record.

The app records a payment only on a sent invoice and never beyond its total (record,
edit, move and undo all refuse more). Voiding keeps the payments an invoice received
while it was sent, so an export may hold payments on a void invoice, never more than
its total. An import takes the same history and no other: a payment on a draft, or one
that takes an invoice's payments past its total, is refused naming the payment and by
how much. Payments already in the book count (an import adds to it).
"""

from __future__ import annotations

from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.invoices.invoice_standing import Standing
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.interchange.fields import Fields


def take_payment(f: Fields, number: str, standing: Standing, amount: Decimal) -> None:
    """Add ``amount`` to what ``number`` received, or raise naming ``f``'s ``amount``."""
    if standing.state == r.InvoiceState.DRAFT:
        raise f.error(
            "amount",
            _("{number} is a draft: the app records payments only once an invoice is sent").format(
                number=number
            ),
        )
    paid = standing.paid + amount
    if paid > standing.total:
        money = standing.currency
        raise f.error(
            "amount",
            _(
                "this payment takes what {number} received to {paid}, {over} more than its "
                "total of {total}"
            ).format(
                number=number,
                paid=fmt.money(paid, money),
                over=fmt.money(paid - standing.total, money),
                total=fmt.money(standing.total, money),
            ),
        )
    standing.paid = paid
