"""The business profile in the book: the invoice counter's floor and the logo."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.store.book.business import (
    MAX_LOGO_BYTES,
    get_business,
    get_logo,
    highest_invoice_number,
    save_business,
    save_logo,
)
from diva_desk.store.contents.writing import add_contents

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
DAY = dt.date(2026, 11, 2)


def invoice(number: str, state: r.InvoiceState = r.InvoiceState.SENT) -> r.Invoice:
    line = r.InvoiceLine(description="Work", quantity=Decimal(1), unit_price=Decimal("10.00"))
    return r.Invoice(number, "ACME", DAY, DAY, (line,), state=state)


@pytest.fixture
def numbered(book: peewee.SqliteDatabase) -> None:
    add_contents(
        r.BookContents(
            business=r.Business(name="Bright Spark", next_invoice_number=1013),
            customers=(r.Customer(code="ACME", name="Acme Ltd."),),
            invoices=(
                invoice("INV-9"),
                invoice("INV-1012", r.InvoiceState.VOID),
                invoice("INV-1010"),
                invoice("INV-12b"),
                invoice("2026-0004"),
                invoice("DRAFT-77", r.InvoiceState.DRAFT),
            ),
        )
    )


def test_highest_number_counts_only_the_counters_numbers(numbered: None) -> None:
    assert highest_invoice_number("INV-") == 1012  # the void one was sent: its number is used
    assert highest_invoice_number("2026-") == 4
    assert highest_invoice_number("DRAFT-") is None  # a draft's stand-in is no number
    assert highest_invoice_number("QUOTE-") is None


def test_the_counter_cannot_be_set_back_to_a_used_number(numbered: None) -> None:
    business = get_business()
    assert business is not None
    with pytest.raises(BadInput, match="INV-1012 is already on an invoice"):
        save_business(dataclasses.replace(business, next_invoice_number=1012))
    assert get_business() == business
    save_business(dataclasses.replace(business, invoice_prefix="2027-", next_invoice_number=1))
    assert get_business().next_invoice_number == 1  # type: ignore[union-attr]


def test_the_logo_is_kept_when_the_profile_is_saved(numbered: None) -> None:
    assert get_logo() is None
    save_logo(PNG)
    business = get_business()
    assert business is not None
    save_business(dataclasses.replace(business, name="Bright Spark Electrical"))
    assert get_logo() == PNG
    save_logo(None)
    assert get_logo() is None


def test_a_logo_that_is_too_big_or_not_an_image_is_refused(numbered: None) -> None:
    with pytest.raises(BadInput, match="at most 2 MB"):
        save_logo(PNG + b"\0" * MAX_LOGO_BYTES)
    with pytest.raises(BadInput, match="not a PNG or JPEG"):
        save_logo(b"%PDF-1.7 not an image")
    assert get_logo() is None


def test_a_logo_needs_a_profile_first(book: peewee.SqliteDatabase) -> None:
    with pytest.raises(BadInput, match="business profile"):
        save_logo(PNG)


def test_business_settings_are_saved_all_together_or_not_at_all(
    book: peewee.SqliteDatabase,
) -> None:
    from diva_desk.store.book.business import save_business_settings
    from diva_desk.store.book.settings import payment_instructions_by_currency
    from diva_desk.store.book.tax_rates import TaxRateRow, tax_rates

    save_business(r.Business(name="Bright Spark"))
    before = tax_rates()
    with pytest.raises(BadInput):
        save_business_settings(
            r.Business(name="Renamed"),
            logo=PNG,
            tax_rates=[TaxRateRow("GST", Decimal(-5))],
            instructions_by_currency={"USD": "Wire to account 1"},
        )
    business = get_business()
    assert business is not None and business.name == "Bright Spark"
    assert get_logo() is None
    assert tax_rates() == before
    assert payment_instructions_by_currency() == {}

    save_business_settings(
        r.Business(name="Renamed"),
        logo=PNG,
        tax_rates=[TaxRateRow("GST", Decimal(5))],
        instructions_by_currency={"USD": "Wire to account 1"},
    )
    business = get_business()
    assert business is not None and business.name == "Renamed"
    assert get_logo() == PNG
    assert [(t.name, t.rate) for t in tax_rates()] == [("GST", Decimal(5))]
    assert payment_instructions_by_currency() == {"USD": "Wire to account 1"}

    save_business_settings(r.Business(name="Renamed again"))  # the rest stays as it is
    assert get_logo() == PNG
    assert payment_instructions_by_currency() == {"USD": "Wire to account 1"}
