"""What a reader of the PDFs notices: pages that say whose they are, totals, no "-$",
a long invoice that fills its pages, and the balance on one line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.papers import InvoiceDocument, StatementDocument
from diva_desk.core.records import Customer, InvoiceLine
from diva_desk.documents.invoice import invoice_pdf
from diva_desk.documents.letters.statement import statement_pdf
from diva_desk.i18n.format import money

TODAY = dt.date(2026, 11, 23)


def _work(amount: str = "500.00") -> tuple[InvoiceLine, ...]:
    return (InvoiceLine("Work", Decimal("1"), Decimal(amount)),)


@pytest.fixture
def long_statement(business, customer, make_invoice, payment) -> bytes:
    """Thirty open invoices and twelve payments: more than a page."""
    invoices = [
        make_invoice(
            f"INV-{1000 + i}",
            issue=dt.date(2026, 9, 1) + dt.timedelta(days=i),
            due=dt.date(2026, 10, 1) + dt.timedelta(days=i),
            lines=_work(),
        )
        for i in range(30)
    ]
    payments = [
        payment(f"INV-{1000 + i}", dt.date(2026, 11, 1) + dt.timedelta(days=i), "100.00")
        for i in range(12)
    ]
    doc = StatementDocument(
        business, customer, invoices, payments, today=TODAY, payments_since=dt.date(2026, 11, 1)
    )
    return statement_pdf(doc)


def test_every_statement_page_names_the_customer_and_its_page(long_statement, pdf_pages, flat):
    pages = [flat(text) for text in pdf_pages(long_statement)]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert "Acme Bakery Ltd." in text, f"page {number} does not name the customer"
        assert f"Page {number} of {len(pages)}" in text
    assert "(ACME)" in pages[1]


def test_the_statement_totals_its_payments_and_prints_them_positive(
    long_statement, pdf_pages, flat
):
    text = flat(" ".join(pdf_pages(long_statement)))
    assert f"Total received {money(Decimal('1200'), 'CAD', locale='en_CA')}" in text
    assert "-$" not in text and "−$" not in text
    assert text.count(money(Decimal("100"), "CAD", locale="en_CA")) >= 12 + 12  # paid, listed


def test_the_invoice_takes_payments_off_without_a_minus_sign(
    business, customer, make_invoice, payment, pdf_pages, flat
):
    invoice = make_invoice(lines=_work("1000.00"))
    doc = InvoiceDocument(
        business, customer, invoice, (payment("INV-1042", TODAY, "500.00"),), today=TODAY
    )
    text = flat(pdf_pages(invoice_pdf(doc))[0])
    five_hundred = money(Decimal("500"), "CAD", locale="en_CA")
    assert f"Less payments received {five_hundred}" in text
    assert "-$" not in text


def test_a_120_line_invoice_of_short_descriptions_fills_three_or_four_pages(
    business, customer, make_invoice, pdf_pages
):
    lines = tuple(
        InvoiceLine(f"Studio session {i}", Decimal("1"), Decimal("95.00"), "HST", Decimal("13"))
        for i in range(1, 121)
    )
    doc = InvoiceDocument(business, customer, make_invoice(lines=lines), today=TODAY)
    pages = pdf_pages(invoice_pdf(doc))
    assert 3 <= len(pages) <= 4
    # Each description stays on its one line, and a middle page is full of rows.
    every = "\n".join(pages)
    assert all(f"Studio session {i}" in every for i in range(1, 121))
    assert pages[1].count("Studio session") >= 35
    # The header row repeats, and the continuation says whose invoice it is.
    assert "Description" in pages[1] and "Acme Bakery Ltd." in pages[1]


def test_balance_due_stays_on_one_line_beside_a_large_usd_figure(business, make_invoice, pdf_pages):
    seattle = Customer(code="SEA", name="Rainier Coffee Co.", currency="USD")
    invoice = make_invoice(currency="USD", lines=_work("123456.78"))
    text = pdf_pages(invoice_pdf(InvoiceDocument(business, seattle, invoice, today=TODAY)))[0]
    assert "Balance due" in text  # "Balance\ndue" when the label wraps
    assert money(Decimal("123456.78"), "USD", locale="en_CA") in text.split("Balance due")[1]
