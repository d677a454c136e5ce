"""The invoices a tax return counts, read for core.invoices.tax_summary.

An invoice counts in the period it was issued in, once sent: drafts were never issued,
and a void invoice charged nothing (voiding takes its tax back out, whenever it was
voided). Reads the period's invoices only (the issue-date index), a batch at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from diva_desk.core.invoices.tax_summary import TaxSummary, tax_summary
from diva_desk.core.records import InvoiceLine
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.taxes.lines import taxes_of_lines

#: Invoices read per batch of lines.
_BATCH = 500

_ISSUED = """
    SELECT id, currency FROM invoice
    WHERE issue_date >= ? AND issue_date <= ? AND state = 'sent'
    ORDER BY issue_date, id"""


def tax_summary_for(start: dt.date, end: dt.date) -> TaxSummary:
    """Tax collected per name on the invoices issued from ``start`` to ``end``, both in."""
    with db.atomic():
        return tax_summary(start, end, _issued(start, end))


def _issued(start: dt.date, end: dt.date) -> Iterator[tuple[str, tuple[InvoiceLine, ...]]]:
    invoices = db.execute_sql(_ISSUED, (start.isoformat(), end.isoformat())).fetchall()
    for first in range(0, len(invoices), _BATCH):
        batch = invoices[first : first + _BATCH]
        ids = [invoice_id for invoice_id, _currency in batch]
        rows = list(
            m.InvoiceLine.select(
                m.InvoiceLine.id,
                m.InvoiceLine.invoice,
                m.InvoiceLine.quantity,
                m.InvoiceLine.unit_price,
            )
            .where(m.InvoiceLine.invoice.in_(ids))
            .order_by(m.InvoiceLine.invoice, m.InvoiceLine.position)
        )
        taxes = taxes_of_lines([row.id for row in rows])
        lines: dict[int, list[InvoiceLine]] = {invoice_id: [] for invoice_id in ids}
        for row in rows:
            lines[row.invoice_id].append(
                InvoiceLine("", row.quantity, row.unit_price, taxes=taxes.get(row.id, ()))
            )
        for invoice_id, currency in batch:
            yield currency, tuple(lines[invoice_id])
