"""Late interest on paper, read back with pypdf: the terms with their yearly rate on invoices
and statements, and the interest charged apart from the original invoices."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal as D

import peewee
import pypdf
import pytest

from diva_desk.core import records as r
from diva_desk.documents.invoice import invoice_pdf
from diva_desk.documents.letters.reminder import reminder_pdf
from diva_desk.documents.letters.statement import statement_pdf
from diva_desk.store.book import models as m
from diva_desk.store.calls.letters import reminder_document, statement_document
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.documents import invoice_document
from diva_desk.store.late_fees.applying import apply_charges

DAY = dt.date(2026, 12, 3)
TERMS = "Interest on overdue balances: 2% a month (24% a year)."


def _text(data: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


@pytest.fixture
def charged(book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    add_contents(
        r.BookContents(
            business=r.Business(
                name="Maple & Co.", next_invoice_number=2000, late_fee_percent_per_month=D(2)
            ),
            customers=(
                r.Customer(code="ACME", name="Acme Ltd."),
                r.Customer(code="NONE", name="Agreed none", late_fee_percent_per_month=D(0)),
            ),
            invoices=(
                r.Invoice(
                    number="INV-1001",
                    customer="ACME",
                    issue_date=dt.date(2026, 9, 16),
                    due_date=dt.date(2026, 10, 16),
                    lines=(r.InvoiceLine("Design", D(1), D("4520.00")),),
                ),
                r.Invoice(
                    number="INV-1002",
                    customer="NONE",
                    issue_date=dt.date(2026, 9, 16),
                    due_date=dt.date(2026, 10, 16),
                    lines=(r.InvoiceLine("Design", D(1), D("100.00")),),
                ),
            ),
        )
    )
    apply_charges(DAY)
    return book


def test_an_invoice_states_the_terms_with_the_yearly_rate(charged: peewee.SqliteDatabase):
    assert TERMS in _text(invoice_pdf(invoice_document("INV-1001", DAY)))
    # Agreed none: nothing said; the charge itself bears no interest, so says none.
    assert "Interest on overdue" not in _text(invoice_pdf(invoice_document("INV-1002", DAY)))
    charge = _text(invoice_pdf(invoice_document("INV-2000", DAY)))
    assert "Interest on INV-1001, 48 days at 2% a month" in charge
    assert "$142.66" in charge and "Interest on overdue" not in charge


def test_a_statement_lists_the_interest_apart_and_states_the_terms(
    charged: peewee.SqliteDatabase,
):
    text = _text(statement_pdf(statement_document("ACME", DAY)))
    assert TERMS in text
    opened, interest = text.index("Open invoices"), text.index("Interest charged")
    assert opened < text.index("INV-1001") < interest < text.index("INV-2000")
    assert "Total interest $142.66" in text
    assert "$4,662.66" in text  # the total due counts both


def test_a_reminder_shows_the_interest_apart(charged: peewee.SqliteDatabase):
    m.Invoice.update(due_date=DAY).where(m.Invoice.number == "INV-2000").execute()
    text = _text(reminder_pdf(reminder_document("ACME", DAY + dt.timedelta(days=5)), "friendly"))
    assert "Interest charged" in text
    assert text.index("INV-1001") < text.index("Interest charged") < text.index("INV-2000")
    assert "Total interest $142.66" in text


def test_a_rate_of_zero_changes_nothing_on_paper(charged: peewee.SqliteDatabase):
    m.Business.update(late_fee_percent_per_month=D(0)).execute()
    assert "Interest on overdue" not in _text(invoice_pdf(invoice_document("INV-1001", DAY)))
