"""A French-speaking customer's invoice and reminder letter are in French, words and figures,
while the window (and the business) stays English."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest

from diva_desk.core.papers import InvoiceDocument, ReminderDocument
from diva_desk.core.records import InvoiceLine, LineTax
from diva_desk.documents.invoice import invoice_pdf
from diva_desk.documents.letters.reminder import ReminderLevel, reminder_pdf
from diva_desk.i18n import _, current_locale, set_language, speaking

TODAY = dt.date(2026, 11, 23)
FRENCH_AMOUNT = "1 234,50 $"


@pytest.fixture(autouse=True)
def english_window() -> Iterator[None]:
    set_language("en_CA")
    yield
    set_language("en_CA")


@pytest.fixture
def french_customer(customer):
    return dataclasses.replace(customer, language="fr_CA")


@pytest.fixture
def one_line(make_invoice):
    line = InvoiceLine("Conception graphique", Decimal("1"), Decimal("1234.50"))
    return make_invoice(
        "INV-0988", issue=dt.date(2026, 9, 1), due=dt.date(2026, 10, 1), lines=(line,)
    )


def _read(text: str) -> str:
    """No-break spaces (Babel's French thousands and before $) read as spaces."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def french(message: str, **values: str) -> str:
    """``message`` as the French catalog says it (checked to be French, not the English)."""
    with speaking("fr_CA"):
        said = _(message)
    assert said != message, f"no French for {message!r}"
    return _read(said.format(**values))


def test_the_invoice_of_a_french_customer_is_in_french(
    business, french_customer, one_line, pdf_pages, flat
) -> None:
    text = _read(
        flat(" ".join(pdf_pages(invoice_pdf(InvoiceDocument(business, french_customer, one_line)))))
    )
    assert french("Invoice").upper() in text and french("Bill to").upper() in text
    for words in ("Due date", "Subtotal", "Balance due"):
        assert french(words) in text
    assert FRENCH_AMOUNT in text
    assert "1 oct. 2026" in text  # the French date beside the French words
    for english in ("Balance due", "Subtotal", "$1,234.50", "Oct 1, 2026"):
        assert english not in text
    # The window never changed language.
    assert (current_locale(), _("Balance due")) == ("en_CA", "Balance due")


def test_the_same_invoice_for_an_english_customer_stays_english(
    business, customer, one_line, pdf_pages, flat
) -> None:
    text = flat(" ".join(pdf_pages(invoice_pdf(InvoiceDocument(business, customer, one_line)))))
    assert "Balance due" in text and "$1,234.50" in text
    assert french("Balance due") not in text


def test_the_reminder_letter_of_a_french_customer_is_in_french(
    business, french_customer, one_line, pdf_pages, flat
) -> None:
    doc = ReminderDocument(business, french_customer, [one_line], [], TODAY)
    text = _read(flat(" ".join(pdf_pages(reminder_pdf(doc, ReminderLevel.FRIENDLY)))))
    assert french("Friendly reminder: account {account}", account="ACME") in text
    assert french("Dear {name},", name="Lee Chan") in text
    assert french("Kind regards,") in text
    assert FRENCH_AMOUNT in text
    assert "23 novembre 2026" in text
    assert "Friendly reminder" not in text and "$1,234.50" not in text
    assert (current_locale(), _("Balance due")) == ("en_CA", "Balance due")


def test_a_quebec_invoice_in_french_names_the_taxes_tps_and_tvq(
    business, customer, french_customer, make_invoice, pdf_pages, flat
) -> None:
    taxes = (LineTax("GST", Decimal("5")), LineTax("QST", Decimal("9.975")))
    line = InvoiceLine("Logo", Decimal("1"), Decimal("100.00"), taxes=taxes)
    invoice = make_invoice("INV-0989", issue=TODAY, due=TODAY, lines=(line,))
    text = _read(
        flat(" ".join(pdf_pages(invoice_pdf(InvoiceDocument(business, french_customer, invoice)))))
    )
    assert "TPS 5 %" in text and "TVQ 9,975 %" in text
    # (The business's own tax-number text in the letterhead prints as the owner typed it.)
    assert "GST 5" not in text and "QST 9" not in text
    # In English the same invoice keeps the names as typed.
    english = flat(" ".join(pdf_pages(invoice_pdf(InvoiceDocument(business, customer, invoice)))))
    assert "GST 5%" in english and "QST 9.975%" in english and "TPS" not in english
