"""The quote's PDF record (core.papers.QuoteDocument), gathered in a few queries."""

from __future__ import annotations

import datetime as dt

from diva_desk.core.papers import QuoteDocument
from diva_desk.store.invoices.documents import letterhead
from diva_desk.store.invoices.records import customer_record
from diva_desk.store.quotes.quote_rows import quote_by_id, quote_row, quote_row_by_number


def quote_document(number: str, today: dt.date) -> QuoteDocument:
    """The quote numbered ``number`` with its customer and the letterhead, ready to print."""
    return quote_document_by_id(quote_row_by_number(number).id, today)


def quote_document_by_id(quote_id: int, today: dt.date) -> QuoteDocument:
    business, logo = letterhead()
    row = quote_row(quote_id)
    return QuoteDocument(
        business=business,
        customer=customer_record(row.customer_id),
        quote=quote_by_id(quote_id),
        today=today,
        logo=logo,
    )
