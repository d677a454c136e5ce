"""Quotes in and out of the whole book (interchange v2 ``quotes[]``): added with an
import or the demo, read back for export, their lines and taxes as invoices keep theirs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from diva_desk.core import records as r
from diva_desk.core.business_rules import MAX_INVOICE_NUMBER
from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.money import to_minor
from diva_desk.store.book import models as m
from diva_desk.store.taxes.lines import QUOTE_LINES, all_line_taxes, insert_line_taxes, tax_rows

_TAX_TABLE = QUOTE_LINES


def add_quotes(
    quotes: Iterable[r.Quote],
    customer_id: Callable[[str], int],
    invoice_id: Callable[[str | None], int | None],
) -> None:
    """Write checked quotes (inside the caller's transaction); references are resolved
    by the caller's lookups, which raise LookupError for a reference to nothing."""
    for quote in quotes:
        total = invoice_totals(quote.lines, quote.currency).total
        quote_id = m.Quote.insert(
            number=quote.number,
            customer=customer_id(quote.customer),
            issue_date=quote.issue_date,
            valid_until=quote.valid_until,
            state=str(quote.state),
            currency=quote.currency,
            deposit_percent=quote.deposit_percent,
            notes=quote.notes,
            total_minor=to_minor(total, quote.currency),
            invoice=invoice_id(quote.invoice),
        ).execute()
        for position, line in enumerate(quote.lines):
            line_id = m.QuoteLine.insert(
                quote=quote_id,
                position=position,
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
            ).execute()
            insert_line_taxes(tax_rows(line_id, line.taxes), table=_TAX_TABLE)
    _counter_past(quotes)


def _counter_past(quotes: Iterable[r.Quote]) -> None:
    """The next quote number moves past the numbers added under the business's prefix
    (``Q-7`` added: the next quote is ``Q-8``); it never goes down."""
    row = m.Business.get_or_none(m.Business.id == 1)
    if row is None:
        return
    prefix, counter = row.quote_prefix, row.next_quote_number
    for quote in quotes:
        rest = quote.number.removeprefix(prefix) if quote.number.startswith(prefix) else ""
        if rest.isdigit() and rest.isascii() and int(rest) < MAX_INVOICE_NUMBER:
            counter = max(counter, int(rest) + 1)
    if counter != row.next_quote_number:
        m.Business.update(next_quote_number=counter).where(m.Business.id == 1).execute()


def read_quotes() -> tuple[r.Quote, ...]:
    """Every quote in the book, in the order they were added (a few statements)."""
    quotes = list(m.Quote.select().order_by(m.Quote.id))
    if not quotes:
        return ()
    codes = dict(m.Customer.select(m.Customer.id, m.Customer.code).tuples())
    invoice_ids = {q.invoice_id for q in quotes if q.invoice_id is not None}
    numbers = dict(
        m.Invoice.select(m.Invoice.id, m.Invoice.number)
        .where(m.Invoice.id.in_(sorted(invoice_ids)))
        .tuples()
    )
    taxes = all_line_taxes(_TAX_TABLE)
    lines: dict[int, list[r.InvoiceLine]] = defaultdict(list)
    for line in m.QuoteLine.select().order_by(m.QuoteLine.quote, m.QuoteLine.position):
        lines[line.quote_id].append(
            r.InvoiceLine(
                description=line.description,
                quantity=line.quantity,
                unit_price=line.unit_price,
                taxes=taxes.get(line.id, ()),
            )
        )
    return tuple(
        r.Quote(
            number=q.number,
            customer=codes[q.customer_id],
            issue_date=q.issue_date,
            lines=tuple(lines[q.id]),
            valid_until=q.valid_until,
            state=r.QuoteState(q.state),
            currency=q.currency,
            deposit_percent=q.deposit_percent,
            notes=q.notes,
            invoice=None if q.invoice_id is None else numbers[q.invoice_id],
        )
        for q in quotes
    )
