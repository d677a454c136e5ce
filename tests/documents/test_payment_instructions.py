"""How to pay, per currency: a Seattle client is told how to pay in US dollars."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.invoices.instructions import instructions_for, instructions_for_all
from diva_desk.core.papers import InvoiceDocument, ReminderDocument, StatementDocument
from diva_desk.core.records import Customer, InvoiceLine
from diva_desk.documents.invoice import invoice_pdf
from diva_desk.documents.letters.reminder import ReminderLevel, reminder_pdf
from diva_desk.documents.letters.statement import statement_pdf

TODAY = dt.date(2026, 11, 23)
GENERAL = "Interac e-Transfer to pay@studiolumiere.ca"
USD = "ACH to account 1234, routing 021000021 (USD)"
BY_CURRENCY = {"USD": USD}
SEATTLE = Customer(code="SEA", name="Rainier Coffee Co.", currency="USD")


def _work() -> tuple[InvoiceLine, ...]:
    return (InvoiceLine("Work", Decimal("1"), Decimal("500.00")),)


def test_a_currency_with_its_own_text_gets_it_and_the_others_the_general_one():
    assert instructions_for(GENERAL, BY_CURRENCY, "USD") == USD
    assert instructions_for(GENERAL, BY_CURRENCY, "CAD") == GENERAL
    assert instructions_for(GENERAL, {"USD": "  "}, "USD") == GENERAL
    assert instructions_for("", {}, "CAD") == ""
    assert instructions_for_all(GENERAL, {}, ["CAD", "USD"]) == [("", GENERAL)]
    assert instructions_for_all(GENERAL, BY_CURRENCY, ["CAD", "USD", "EUR"]) == [
        ("CAD, EUR", GENERAL),
        ("USD", USD),
    ]


@pytest.mark.parametrize("currency, shown, hidden", [("USD", USD, GENERAL), ("CAD", GENERAL, USD)])
def test_the_invoice_prints_the_text_for_its_currency(
    business, customer, make_invoice, pdf_pages, flat, currency, shown, hidden
):
    who = SEATTLE if currency == "USD" else customer
    invoice = make_invoice(currency=currency, lines=_work())
    doc = InvoiceDocument(business, who, invoice, today=TODAY, instructions_by_currency=BY_CURRENCY)
    text = flat(" ".join(pdf_pages(invoice_pdf(doc))))
    assert shown in text
    assert hidden not in text


def test_the_statement_and_the_reminder_print_the_usd_text_for_a_usd_account(
    business, make_invoice, pdf_pages, flat
):
    invoices = [make_invoice(currency="USD", due=dt.date(2026, 11, 1), lines=_work())]
    statement = StatementDocument(
        business, SEATTLE, invoices, today=TODAY, instructions_by_currency=BY_CURRENCY
    )
    reminder = ReminderDocument(
        business, SEATTLE, invoices, today=TODAY, instructions_by_currency=BY_CURRENCY
    )
    for data in (statement_pdf(statement), reminder_pdf(reminder, ReminderLevel.FRIENDLY)):
        text = flat(" ".join(pdf_pages(data)))
        assert USD in text
        assert GENERAL not in text


def test_a_statement_owed_in_two_currencies_gives_each_its_text(
    business, make_invoice, pdf_pages, flat
):
    invoices = [
        make_invoice("INV-1", currency="CAD", lines=_work()),
        make_invoice("INV-2", currency="USD", lines=_work()),
    ]
    doc = StatementDocument(
        business, SEATTLE, invoices, today=TODAY, instructions_by_currency=BY_CURRENCY
    )
    text = flat(" ".join(pdf_pages(statement_pdf(doc))))
    assert f"CAD {GENERAL}" in text
    assert f"USD {USD}" in text
