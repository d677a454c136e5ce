"""Plain records for the document tests: a Toronto studio and a customer with a tricky name."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal

import pypdf
import pytest

from diva_desk.core.records import (
    Business,
    Customer,
    Invoice,
    InvoiceLine,
    InvoiceState,
    Payment,
    PaymentMethod,
)

TODAY = dt.date(2026, 11, 23)


def _pdf_pages(data: bytes) -> list[str]:
    """The text of each page, as a reader's copy-and-paste would give it."""
    assert data.startswith(b"%PDF-")
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def _flat(text: str) -> str:
    """Whitespace collapsed, so a figure is found however the table broke the line."""
    return " ".join(text.split())


@pytest.fixture
def business() -> Business:
    return Business(
        name="Studio Lumière Design",
        owner_name="Diva Martin",
        address="214 Queen Street West, Suite 3\nToronto, ON  M5V 1Z2",
        email="hello@studiolumiere.ca",
        phone="+1 416 555 0142",
        tax_numbers="GST/HST 812345678 RT0001",
        payment_instructions="Interac e-Transfer to pay@studiolumiere.ca",
    )


@pytest.fixture
def customer() -> Customer:
    return Customer(
        code="ACME",
        name="Acme Bakery Ltd.",
        contact_name="Pat Jones",
        address="1200 Bay Street\nToronto, ON  M5R 2A5",
        ap_contact_name="Lee Chan",
        ap_email="ap@acmebakery.ca",
    )


def _make_invoice(
    number: str = "INV-1042",
    *,
    issue: dt.date = dt.date(2026, 11, 2),
    due: dt.date = dt.date(2026, 12, 2),
    lines: tuple[InvoiceLine, ...] | None = None,
    state: InvoiceState = InvoiceState.SENT,
    **kwargs: object,
) -> Invoice:
    if lines is None:
        lines = (
            InvoiceLine("Logo package", Decimal("1"), Decimal("1450.00"), "HST", Decimal("13")),
            InvoiceLine("Design hours", Decimal("12.5"), Decimal("95.00"), "HST", Decimal("13")),
            InvoiceLine("Stock photo licence", Decimal("3"), Decimal("29.00")),
        )
    return Invoice(
        number=number,
        customer="ACME",
        issue_date=issue,
        due_date=due,
        lines=lines,
        state=state,
        **kwargs,  # type: ignore[arg-type]
    )


def _payment(number: str, day: dt.date, amount: str, **kwargs: object) -> Payment:
    return Payment(
        invoice=number,
        date=day,
        amount=Decimal(amount),
        method=kwargs.pop("method", PaymentMethod.E_TRANSFER),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )


# Test modules are not a package (importlib import mode), so helpers come as fixtures.
@pytest.fixture
def pdf_pages() -> Callable[[bytes], list[str]]:
    return _pdf_pages


@pytest.fixture
def flat() -> Callable[[str], str]:
    return _flat


@pytest.fixture
def make_invoice() -> Callable[..., Invoice]:
    return _make_invoice


@pytest.fixture
def payment() -> Callable[..., Payment]:
    return _payment
