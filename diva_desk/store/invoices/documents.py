"""What the PDF builders need, gathered from the book in a few bounded queries.

The builders in diva_desk.documents draw the plain records of core.papers; these
loaders fill them, fetching only the one invoice, or the one customer's open
invoices and recent payments, never the whole book.
"""

from __future__ import annotations

import datetime as dt

from diva_desk.core import records as r
from diva_desk.core.papers import (
    InvoiceDocument,
)
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.settings import payment_instructions_by_currency
from diva_desk.store.contents.reading import read_business
from diva_desk.store.invoices.records import (
    customer_record,
    invoice_record,
    invoice_row,
    invoice_row_by_number,
    lines_of,
    payments_of,
)


def letterhead() -> tuple[r.Business, bytes | None]:
    """The business profile and its logo that head every document; refused without one."""
    business = read_business()
    if business is None:
        raise BadInput(
            _("the book has no business profile yet: fill it in (or import a book) first")
        )
    logo = m.Business.select(m.Business.logo).where(m.Business.id == 1).scalar()
    return business, bytes(logo) if logo else None


def invoice_document(number: str, today: dt.date) -> InvoiceDocument:
    """The invoice numbered ``number`` with its customer and payments, ready to print."""
    return _invoice_document(invoice_row_by_number(number), today)


def invoice_document_by_id(invoice_id: int, today: dt.date) -> InvoiceDocument:
    return _invoice_document(invoice_row(invoice_id), today)


def _invoice_document(row: m.Invoice, today: dt.date) -> InvoiceDocument:
    """The invoice as it stands on ``today`` (store.as_of's rule).

    A payment dated after ``today`` has not arrived yet: it is left off the
    payments received and the balance due, as it is on every other page.
    """
    business, logo = letterhead()
    customer = customer_record(row.customer_id)
    invoice = invoice_record(row, customer.code, lines_of([row.id])[row.id])
    payments = tuple(p for _id, p in payments_of({row.id: row.number}) if p.date <= today)
    return InvoiceDocument(
        business=business,
        customer=customer,
        invoice=invoice,
        payments=payments,
        today=today,
        logo=logo,
        instructions_by_currency=payment_instructions_by_currency(),
    )
