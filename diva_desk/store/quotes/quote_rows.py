"""Loading quotes as core records, in a bounded number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.contents.reading import BATCH, chunks
from diva_desk.store.taxes.lines import QUOTE_LINES, taxes_of_lines

#: Where a quote's line taxes live (store.taxes.lines reads both kinds of line).
TAX_TABLE = QUOTE_LINES


def quote_row(quote_id: int) -> m.Quote:
    """The quote row, or BadInput: the id came from a list that may be stale."""
    row = m.Quote.get_or_none(m.Quote.id == quote_id)
    if row is None:
        raise BadInput(_("That quote is no longer in the book."))
    return row


def quote_row_by_number(number: str) -> m.Quote:
    row = m.Quote.get_or_none(m.Quote.number == number)
    if row is None:
        raise BadInput(_("no quote {number} in the book").format(number=number))
    return row


def quote_lines_of(quote_ids: Collection[int]) -> dict[int, tuple[r.InvoiceLine, ...]]:
    """Each quote's lines in their order (two queries per batch of quotes)."""
    found: dict[int, list[r.InvoiceLine]] = defaultdict(list)
    for batch in chunks(sorted(set(quote_ids)), BATCH):
        query = (
            m.QuoteLine.select()
            .where(m.QuoteLine.quote.in_(batch))
            .order_by(m.QuoteLine.quote, m.QuoteLine.position)
        )
        rows = list(query)
        taxes = taxes_of_lines([line.id for line in rows], table=TAX_TABLE)
        for line in rows:
            found[line.quote_id].append(
                r.InvoiceLine(
                    description=line.description,
                    quantity=line.quantity,
                    unit_price=line.unit_price,
                    taxes=taxes.get(line.id, ()),
                )
            )
    return {quote_id: tuple(found.get(quote_id, ())) for quote_id in quote_ids}


def quote_record(
    row: m.Quote, customer_code: str, lines: Sequence[r.InvoiceLine], invoice: str | None
) -> r.Quote:
    return r.Quote(
        number=row.number,
        customer=customer_code,
        issue_date=row.issue_date,
        lines=tuple(lines),
        valid_until=row.valid_until,
        state=r.QuoteState(row.state),
        currency=row.currency,
        deposit_percent=row.deposit_percent,
        notes=row.notes,
        invoice=invoice,
    )


def quote_by_id(quote_id: int) -> r.Quote:
    """One quote with its lines, its customer's code and its invoice's number."""
    row = quote_row(quote_id)
    code = m.Customer.select(m.Customer.code).where(m.Customer.id == row.customer_id).scalar()
    invoice = None
    if row.invoice_id is not None:
        invoice = m.Invoice.select(m.Invoice.number).where(m.Invoice.id == row.invoice_id).scalar()
    return quote_record(row, code, quote_lines_of([row.id])[row.id], invoice)
