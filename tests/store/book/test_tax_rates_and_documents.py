"""The tax-rate pick list, and what the document loaders hand the PDF builders."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.book.tax_rates import TaxRateRow, save_tax_rates, tax_rates
from diva_desk.store.calls.letters import reminder_document, statement_document
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.documents import (
    invoice_document,
    invoice_document_by_id,
)

D = Decimal
TODAY = dt.date(2026, 11, 23)


def test_a_new_book_offers_the_canadian_sales_taxes(book) -> None:
    labels = [row.label for row in tax_rates()]
    assert labels == [
        "HST 13%", "GST 5%", "QST 9.975%", "HST 15%", "HST 14%", "PST 7%", "PST 6%", "No tax"
    ]  # fmt: skip
    assert tax_rates()[2] == TaxRateRow("QST", D("9.975"))
    assert m.TaxRate.select().count() == 8  # seeded once, not on every call


def test_the_business_list_replaces_the_defaults_and_stays_even_when_empty(book) -> None:
    tax_rates()
    save_tax_rates([TaxRateRow(" GST ", D("5")), TaxRateRow("PST", D("7"))])
    assert tax_rates() == [TaxRateRow("GST", D("5")), TaxRateRow("PST", D("7"))]
    save_tax_rates([])
    assert tax_rates() == []


@pytest.mark.parametrize(
    "rows, message",
    [
        (
            [TaxRateRow("GST", D("5")), TaxRateRow("GST", D("5"))],
            "Tax rate 2: GST 5% is listed twice",
        ),
        ([TaxRateRow("HST", D("-1"))], "Tax rate 1: the rate must be"),
        ([TaxRateRow("HST", D("100"))], "Tax rate 1: the rate must be"),
        ([TaxRateRow("X", D("1.00001"))], "at most 4 decimal places"),
        ([TaxRateRow("  ", D("5"))], "give the tax a name"),
    ],
)
def test_a_bad_list_is_refused_and_the_old_one_kept(book, rows, message) -> None:
    save_tax_rates([TaxRateRow("GST", D("5"))])
    with pytest.raises(BadInput, match=message):
        save_tax_rates(rows)
    assert tax_rates() == [TaxRateRow("GST", D("5"))]


HST = r.InvoiceLine("Design", D("1"), D("100.00"), "HST", D("13"))  # 113.00


def invoice(number: str, issued: dt.date, state=r.InvoiceState.SENT, customer="ACME") -> r.Invoice:
    return r.Invoice(number, customer, issued, issued + dt.timedelta(days=30), (HST,), state=state)


@pytest.fixture
def ledger(book) -> None:
    """ACME: one paid invoice (paid recently), one partly paid, one open, a draft, a void."""
    add_contents(
        r.BookContents(
            business=r.Business(name="Diva Design", invoice_prefix="INV-", next_invoice_number=10),
            customers=(
                r.Customer(code="ACME", name="Acme <Ltd> & Co."),
                r.Customer(code="OTHER", name="Other Inc."),
            ),
            invoices=(
                invoice("INV-1", dt.date(2026, 8, 1)),
                invoice("INV-2", dt.date(2026, 9, 1)),
                invoice("INV-3", dt.date(2026, 10, 1)),
                invoice("INV-4", dt.date(2026, 11, 1), r.InvoiceState.DRAFT),
                invoice("INV-5", dt.date(2026, 7, 1), r.InvoiceState.VOID),
                invoice("INV-6", dt.date(2026, 10, 1), customer="OTHER"),
            ),
            payments=(
                r.Payment("INV-1", dt.date(2026, 8, 20), D("13.00")),
                r.Payment("INV-1", dt.date(2026, 11, 5), D("100.00"), r.PaymentMethod.CARD),
                r.Payment("INV-2", dt.date(2026, 9, 20), D("50.00")),
            ),
        )
    )


def test_the_invoice_document_holds_the_invoice_and_its_payments(ledger) -> None:
    doc = invoice_document("INV-1", TODAY)
    assert doc.invoice.number == "INV-1"
    assert doc.invoice.lines == (HST,)
    assert doc.customer.name == "Acme <Ltd> & Co."
    assert doc.business.name == "Diva Design"
    assert [p.amount for p in doc.payments] == [D("13.00"), D("100.00")]
    assert doc.today == TODAY
    row_id = m.Invoice.get(m.Invoice.number == "INV-1").id
    assert invoice_document_by_id(row_id, TODAY) == doc


def test_an_unknown_invoice_or_customer_is_named(ledger) -> None:
    with pytest.raises(BadInput, match=r"^no invoice INV-9 in the book$"):
        invoice_document("INV-9", TODAY)
    with pytest.raises(BadInput, match=r"^no customer NOPE in the book$"):
        statement_document("NOPE", TODAY)


def test_the_statement_holds_open_invoices_and_recent_payments(ledger) -> None:
    doc = statement_document("ACME", TODAY, payments_since=dt.date(2026, 11, 1))
    # INV-1 is paid, but was paid in the period, so its payments are listed.
    assert [inv.number for inv in doc.invoices] == ["INV-1", "INV-2", "INV-3"]
    assert {(p.invoice, p.amount) for p in doc.payments} == {
        ("INV-1", D("13.00")),
        ("INV-1", D("100.00")),
        ("INV-2", D("50.00")),
    }
    without_period = statement_document("ACME", TODAY)
    assert [inv.number for inv in without_period.invoices] == ["INV-2", "INV-3"]
    assert [p.invoice for p in without_period.payments] == ["INV-2"]


def test_the_reminder_lists_only_what_is_owed(ledger) -> None:
    doc = reminder_document("ACME", TODAY, pay_by=dt.date(2026, 11, 30))
    assert [inv.number for inv in doc.invoices] == ["INV-2", "INV-3"]
    assert doc.pay_by == dt.date(2026, 11, 30)


def test_documents_need_a_business_profile(book) -> None:
    add_contents(
        r.BookContents(customers=(r.Customer("ACME", "Acme"),), invoices=(invoice("X-1", TODAY),))
    )
    with pytest.raises(BadInput, match="business profile"):
        invoice_document("X-1", TODAY)
