"""Applying late interest: one sent invoice per customer and currency, and waiving one.

A charge is an ordinary invoice (numbered from the counter, on the statements and in
the call list like any other) marked with ``late_fee_through``: the day its interest
runs to, so the next run starts after it and the same day is never charged twice. It is
due on the customer's usual terms, and bears no interest itself (docs/late-fees.md).
Waiving voids it, logged in the customer's contacts; a void charge still counts as
charged, so the waived days are not charged again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, replace
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.late_fees.terms import charge_line
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.invoices.editing import (
    draft_for_customer,
    save_draft,
    send_invoice,
    void_invoice,
)
from diva_desk.store.late_fees.charges import CustomerCharge, late_fee_charges


@dataclass(frozen=True)
class MadeCharge:
    """A late-fee invoice just written."""

    invoice_id: int
    number: str
    code: str
    currency: str
    amount: Decimal


def apply_charges(
    day: dt.date, only: Collection[tuple[int, str]] | None = None
) -> list[MadeCharge]:
    """Write the charges due on ``day`` as sent invoices, all in one transaction.

    ``only`` keeps those of the given (customer id, currency); None applies all. The
    charges are worked out again inside the transaction, so what is written is what the
    book says now, and a second run on the same day finds nothing left to charge.
    """
    made: list[MadeCharge] = []
    with db.atomic("IMMEDIATE"):
        for found in late_fee_charges(day):
            if only is None or found.key in only:
                made.append(_write(found, day))
    return made


def _write(found: CustomerCharge, day: dt.date) -> MadeCharge:
    charge = found.charge
    lines = tuple(
        r.InvoiceLine(
            description=charge_line(part.invoice, part.days, charge.percent_per_month),
            quantity=Decimal(1),
            unit_price=part.amount,
        )
        for part in charge.invoices
    )
    draft = draft_for_customer(found.customer_id, day, lines, currency=charge.currency)
    # Interest asks for no deposit: it is owed on the customer's terms as it stands.
    draft = replace(draft, deposit_amount=Decimal(0), deposit_due_date=None)
    invoice_id = save_draft(draft)
    m.Invoice.update(late_fee_through=charge.through).where(m.Invoice.id == invoice_id).execute()
    number = send_invoice(invoice_id, day)
    return MadeCharge(invoice_id, number, found.code, charge.currency, charge.amount)


def waive_charge(invoice_id: int, on: dt.date) -> tuple[str, int]:
    """Void a late-interest charge, logged in the customer's contacts; its number and the
    logged interaction's id (for :func:`unwaive_charge`).

    The waived days stay charged (its ``late_fee_through`` still counts).
    """
    with db.atomic("IMMEDIATE"):
        row = m.Invoice.get_or_none(m.Invoice.id == invoice_id)
        if row is None or row.late_fee_through is None:
            raise BadInput(_("Only a late-interest charge can be waived; void other invoices."))
        void_invoice(invoice_id, _("Late interest waived"), on)
        logged = (
            m.Interaction.select(m.Interaction.id)
            .where(m.Interaction.invoice == invoice_id)
            .order_by(m.Interaction.id.desc())
            .scalar()
        )
    return row.number, int(logged)


def unwaive_charge(invoice_id: int, interaction_id: int) -> None:
    """Undo :func:`waive_charge` at once: the charge is owed again and the log entry goes."""
    with db.atomic("IMMEDIATE"):
        row = m.Invoice.get_or_none(m.Invoice.id == invoice_id)
        if row is None or row.late_fee_through is None or row.state != r.InvoiceState.VOID:
            raise BadInput(_("That charge is no longer waived."))
        m.Invoice.update(state=r.InvoiceState.SENT).where(m.Invoice.id == invoice_id).execute()
        m.Interaction.delete().where(
            (m.Interaction.id == interaction_id) & (m.Interaction.invoice == invoice_id)
        ).execute()
