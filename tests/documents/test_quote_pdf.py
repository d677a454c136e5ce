"""The quote's PDF read back: plainly a quote, with its deposit sentence, in the customer's
language (a French customer's quote from the French part of the catalog)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import BytesIO

from pypdf import PdfReader

from diva_desk.core.papers import QuoteDocument
from diva_desk.core.records import (
    Business,
    Customer,
    InvoiceLine,
    LineTax,
    Quote,
    QuoteState,
)
from diva_desk.documents.quotes.quote_pdf import quote_pdf

D = Decimal
QUOTE = Quote(
    number="Q-7",
    customer="CAFE",
    issue_date=dt.date(2026, 12, 1),
    valid_until=dt.date(2026, 12, 31),
    state=QuoteState.SENT,
    deposit_percent=D(40),
    lines=(InvoiceLine("Séance photo", D(1), D("4424.78"), taxes=(LineTax("HST", D(13)),)),),
)


def _text(data: bytes) -> str:
    return " ".join(PdfReader(BytesIO(data)).pages[0].extract_text().split())


def test_a_declined_quote_is_stamped_and_never_asks_to_pay() -> None:
    doc = QuoteDocument(
        Business(name="Maple & Co."),
        Customer("ACME", "Acme Ltd."),
        Quote(**{**QUOTE.__dict__, "state": QuoteState.DECLINED, "customer": "ACME"}),
        today=dt.date(2026, 12, 3),
    )
    text = _text(quote_pdf(doc))
    assert "DECLINED" in text
    assert "A 40% deposit of $2,000.00 confirms the booking." in text
    assert "PREPARED FOR" in text
    for bill in ("BILL TO", "Balance due", "Due by", "Deposit still due"):
        assert bill not in text


def test_a_french_customers_quote_speaks_french(catalog) -> None:
    catalog(
        "fr_CA",
        {
            "Quote": "Soumission",
            "Valid until": "Valide jusqu'au",
            "Quote total": "Total de la soumission",
            "A {percent} deposit of {amount} confirms the booking.": (
                "Un dépôt de {percent}, soit {amount}, confirme la réservation."
            ),
        },
    )
    doc = QuoteDocument(
        Business(name="Maple & Co."),
        Customer("CAFE", "Café Crème", language="fr_CA"),
        QUOTE,
        today=dt.date(2026, 12, 3),
    )
    text = _text(quote_pdf(doc))
    assert "SOUMISSION" in text
    assert "Valide jusqu'au 31 déc. 2026" in text
    assert "Un dépôt de 40 %, soit 2 000,00 $, confirme la réservation." in text
