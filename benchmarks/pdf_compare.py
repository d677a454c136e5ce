"""A 10-line invoice PDF, ours against the InvoiceGenerator package, in the same run.

Ours: the newest sent invoice of the book, its lines replaced by ten (two taxes, a long
description), through the same document → PDF path the app uses. Theirs: InvoiceGenerator
1.2.0's SimpleInvoice with the same ten items, business and customer, no QR code, into
memory. Both run once untimed first (warm: fonts loaded), then K times.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import warnings
from collections.abc import Callable
from decimal import Decimal

TEN_LINES = [
    (f"Design work, phase {n}: sketches, two rounds of changes and final files", n, 85 + n)
    for n in range(1, 11)
]


def ours(number: str, today: dt.date) -> Callable[[], bytes]:
    """Our invoice PDF of ``number`` with ten lines instead of its own."""
    from diva_desk.core.records import InvoiceLine
    from diva_desk.documents.invoice import invoice_pdf
    from diva_desk.store.invoices.documents import invoice_document

    document = invoice_document(number, today)
    lines = tuple(
        InvoiceLine(text, Decimal(quantity), Decimal(price), "HST", Decimal("0.13"))
        for text, quantity, price in TEN_LINES
    )
    invoice = dataclasses.replace(document.invoice, lines=lines)
    document = dataclasses.replace(document, invoice=invoice, payments=())
    return lambda: invoice_pdf(document)


def theirs() -> Callable[[], bytes] | None:
    """InvoiceGenerator's 10-line invoice, or None when the package is not installed."""
    try:
        from InvoiceGenerator.api import Client, Creator, Invoice, Item, Provider
        from InvoiceGenerator.pdf import SimpleInvoice
    except ImportError:
        return None

    def build() -> bytes:
        invoice = Invoice(
            Client("Maple Brewing Ltd.", address="12 King Street", city="Toronto"),
            Provider(
                "Benchmark Design Co.",
                address="1 Front Street West",
                city="Toronto",
                zip_code="M5J 2X5",
                email="sam@example.ca",
                bank_account="Interac e-Transfer to sam@example.ca",
            ),
            Creator("Sam Benchmark"),
        )
        invoice.number = "INV-100001"
        invoice.currency_locale = "en_CA"
        invoice.currency = "CAD"
        invoice.date = dt.date(2026, 11, 23)
        invoice.payback = dt.date(2026, 12, 23)
        invoice.taxable_date = dt.date(2026, 11, 23)
        for text, quantity, price in TEN_LINES:
            invoice.add_item(Item(quantity, price, description=text, tax=Decimal(13)))
        out = io.BytesIO()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            SimpleInvoice(invoice).gen(out, generate_qr_code=False)
        return out.getvalue()

    return build
