"""What the PDF builders need, gathered from the book in a few bounded queries.

The builders in diva_desk.documents take plain records; these loaders fetch only
the one invoice, or the one customer's open invoices and recent payments, never
the whole book.
"""

from __future__ import annotations

import datetime as dt

from diva_desk.core import records as r
from diva_desk.documents.invoice import InvoiceDocument
from diva_desk.documents.reminder import ReminderDocument
from diva_desk.documents.statement import StatementDocument
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store import models as m
from diva_desk.store.db import db
from diva_desk.store.invoice_records import (
    customer_record,
    invoice_record,
    invoice_row,
    invoice_row_by_number,
    invoices_by_id,
    lines_of,
    payments_of,
)
from diva_desk.store.reading import customers_by_code, read_business


def _business() -> tuple[r.Business, bytes | None]:
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
    business, logo = _business()
    customer = customer_record(row.customer_id)
    invoice = invoice_record(row, customer.code, lines_of([row.id])[row.id])
    payments = tuple(p for _id, p in payments_of({row.id: row.number}))
    return InvoiceDocument(
        business=business,
        customer=customer,
        invoice=invoice,
        payments=payments,
        today=today,
        logo=logo,
    )


def _customer(code: str) -> tuple[int, r.Customer]:
    customer_id = m.Customer.select(m.Customer.id).where(m.Customer.code == code).scalar()
    if customer_id is None:
        raise BadInput(_("no customer {code} in the book").format(code=code))
    return customer_id, customers_by_code([code])[code]


# Sent invoices of one customer still owed something, plus (when asked) those with a
# payment on or after a date, so the statement can list recent payments on invoices
# that are now paid.
_STATEMENT_INVOICES = """
    SELECT i.id FROM invoice i
    LEFT JOIN (SELECT invoice_id, SUM(amount_cents) AS paid FROM payment GROUP BY invoice_id) p
      ON p.invoice_id = i.id
    WHERE i.customer_id = ? AND i.state = 'sent' AND i.total_cents > COALESCE(p.paid, 0)
    UNION
    SELECT DISTINCT i.id FROM invoice i JOIN payment p ON p.invoice_id = i.id
    WHERE i.customer_id = ? AND i.state = 'sent' AND ? IS NOT NULL AND p.date >= ?
"""


def _open_invoices(
    customer_id: int, code: str, since: dt.date | None
) -> tuple[list[r.Invoice], list[r.Payment]]:
    day = since.isoformat() if since else None
    ids = [
        row[0] for row in db.execute_sql(_STATEMENT_INVOICES, (customer_id, customer_id, day, day))
    ]
    invoices = invoices_by_id(ids, code)
    numbers = {invoice_id: inv.number for invoice_id, inv in invoices.items()}
    payments = [p for _id, p in payments_of(numbers)]
    ordered = sorted(invoices.values(), key=lambda inv: (inv.due_date, inv.number))
    return ordered, payments


def statement_document(
    code: str, today: dt.date, payments_since: dt.date | None = None
) -> StatementDocument:
    """A customer's statement: open invoices, and payments since ``payments_since``.

    Without ``payments_since`` the statement lists the payments on the open
    invoices only (partial payments), which keeps it bounded for a long customer.
    """
    business, logo = _business()
    customer_id, customer = _customer(code)
    invoices, payments = _open_invoices(customer_id, code, payments_since)
    return StatementDocument(
        business=business,
        customer=customer,
        invoices=invoices,
        payments=payments,
        today=today,
        payments_since=payments_since,
        logo=logo,
    )


def reminder_document(code: str, today: dt.date, pay_by: dt.date | None = None) -> ReminderDocument:
    """A payment reminder letter for a customer's open invoices."""
    business, logo = _business()
    customer_id, customer = _customer(code)
    invoices, payments = _open_invoices(customer_id, code, None)
    return ReminderDocument(
        business=business,
        customer=customer,
        invoices=invoices,
        payments=payments,
        today=today,
        pay_by=pay_by,
        logo=logo,
    )
