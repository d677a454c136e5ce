"""Per-currency payment instructions are book settings and reach the documents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.book.settings import (
    payment_instructions_by_currency,
    save_payment_instructions_by_currency,
)
from diva_desk.store.calls.letters import reminder_document, statement_document
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.documents import (
    invoice_document,
)

TODAY = dt.date(2026, 11, 23)


def test_they_are_kept_as_settings_and_an_empty_text_removes_one(book) -> None:
    assert payment_instructions_by_currency() == {}
    save_payment_instructions_by_currency({"USD": " ACH to 1234 ", "EUR": "SEPA"})
    assert payment_instructions_by_currency() == {"EUR": "SEPA", "USD": "ACH to 1234"}
    assert m.Setting.get(m.Setting.key == "payment_instructions.USD").value == "ACH to 1234"
    save_payment_instructions_by_currency({"USD": "Wire", "EUR": "  "})
    assert payment_instructions_by_currency() == {"USD": "Wire"}


def test_a_key_that_is_not_a_currency_code_is_refused_and_nothing_changes(book) -> None:
    save_payment_instructions_by_currency({"USD": "Wire"})
    with pytest.raises(BadInput, match="'usd' is not a three-letter currency code"):
        save_payment_instructions_by_currency({"EUR": "SEPA", "usd": "x"})
    assert payment_instructions_by_currency() == {"USD": "Wire"}


def test_the_document_loaders_hand_them_to_the_builders(book) -> None:
    line = r.InvoiceLine("Work", Decimal("1"), Decimal("100.00"))
    add_contents(
        r.BookContents(
            business=r.Business(name="Diva Design", payment_instructions="e-Transfer"),
            customers=(r.Customer(code="SEA", name="Rainier", currency="USD"),),
            invoices=(
                r.Invoice("INV-1", "SEA", dt.date(2026, 10, 1), dt.date(2026, 10, 31), (line,),
                          currency="USD"),
            ),
        )
    )  # fmt: skip
    save_payment_instructions_by_currency({"USD": "ACH to 1234"})
    for doc in (
        invoice_document("INV-1", TODAY),
        statement_document("SEA", TODAY),
        reminder_document("SEA", TODAY),
    ):
        assert doc.instructions_by_currency == {"USD": "ACH to 1234"}
