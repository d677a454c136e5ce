"""Loading one invoice (or a customer's few) as core records, in a bounded number of queries.

Shared by the invoice life-cycle, payments, the detail view and the document
loaders, so every one of them says "no such invoice" the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from diva_desk.core import records as r
from diva_desk.core.money import from_minor
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.minor import invoice_currencies
from diva_desk.store.contents.reading import BATCH, chunks, customers_by_code
from diva_desk.store.taxes.lines import taxes_of_lines


def invoice_row(invoice_id: int) -> m.Invoice:
    """The invoice row, or BadInput: the id came from a list that may be stale."""
    row = m.Invoice.get_or_none(m.Invoice.id == invoice_id)
    if row is None:
        raise BadInput(_("That invoice is no longer in the book."))
    return row


def invoice_row_by_number(number: str) -> m.Invoice:
    row = m.Invoice.get_or_none(m.Invoice.number == number)
    if row is None:
        raise BadInput(_("no invoice {number} in the book").format(number=number))
    return row


def customer_record(customer_id: int) -> r.Customer:
    code = m.Customer.select(m.Customer.code).where(m.Customer.id == customer_id).scalar()
    if code is None:
        raise BadInput(_("That customer is no longer in the book."))
    return customers_by_code([code])[code]


def lines_of(invoice_ids: Collection[int]) -> dict[int, tuple[r.InvoiceLine, ...]]:
    """Each invoice's lines in their order (one query per batch of invoices)."""
    found: dict[int, list[r.InvoiceLine]] = defaultdict(list)
    for batch in chunks(sorted(set(invoice_ids)), BATCH):
        query = (
            m.InvoiceLine.select()
            .where(m.InvoiceLine.invoice.in_(batch))
            .order_by(m.InvoiceLine.invoice, m.InvoiceLine.position)
        )
        rows = list(query)
        taxes = taxes_of_lines([line.id for line in rows])
        for line in rows:
            found[line.invoice_id].append(
                r.InvoiceLine(
                    description=line.description,
                    quantity=line.quantity,
                    unit_price=line.unit_price,
                    taxes=taxes.get(line.id, ()),
                )
            )
    return {invoice_id: tuple(found.get(invoice_id, ())) for invoice_id in invoice_ids}


def invoice_record(row: m.Invoice, customer_code: str, lines: Sequence[r.InvoiceLine]) -> r.Invoice:
    return r.Invoice(
        number=row.number,
        customer=customer_code,
        issue_date=row.issue_date,
        due_date=row.due_date,
        lines=tuple(lines),
        currency=row.currency,
        state=r.InvoiceState(row.state),
        sent_date=row.sent_date,
        received_confirmed_date=row.received_confirmed_date,
        po_number=row.po_number,
        deposit_amount=from_minor(row.deposit_minor, row.currency),
        deposit_due_date=row.deposit_due_date,
        notes=row.notes,
        late_fee_through=row.late_fee_through,
        payment_link=row.payment_link,
    )


def invoices_by_id(invoice_ids: Collection[int], customer_code: str) -> dict[int, r.Invoice]:
    """One customer's invoices with their lines, by id (two queries per batch)."""
    lines = lines_of(invoice_ids)
    found: dict[int, r.Invoice] = {}
    for batch in chunks(sorted(set(invoice_ids)), BATCH):
        for row in m.Invoice.select().where(m.Invoice.id.in_(batch)).order_by(m.Invoice.id):
            found[row.id] = invoice_record(row, customer_code, lines[row.id])
    return found


def payments_of(invoice_numbers: dict[int, str]) -> list[tuple[int, r.Payment]]:
    """The payments on these invoices (id to number), oldest first, with their row ids."""
    found: list[tuple[int, r.Payment]] = []
    currencies = invoice_currencies(invoice_numbers)
    for batch in chunks(sorted(invoice_numbers), BATCH):
        query = (
            m.Payment.select()
            .where(m.Payment.invoice.in_(batch))
            .order_by(m.Payment.date, m.Payment.id)
        )
        for p in query:
            found.append(
                (
                    p.id,
                    r.Payment(
                        invoice=invoice_numbers[p.invoice_id],
                        date=p.date,
                        amount=from_minor(p.amount_minor, currencies[p.invoice_id]),
                        method=None if p.method is None else r.PaymentMethod(p.method),
                        reference=p.reference,
                        is_deposit=p.is_deposit,
                    ),
                )
            )
    found.sort(key=lambda pair: (pair[1].date, pair[0]))
    return found
