"""A small shop with a customer who pays a 40 % deposit, and a quote helper."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.quotes.quote_edits import QuoteDraft, save_quote, send_quote

#: A Thursday.
TODAY = dt.date(2026, 12, 3)
D = Decimal
#: 4,424.78 + 13 % HST (575.22) = 5,000.00: a 40 % deposit is 2,000.00.
FORTY = D(40)
SHOOT = r.InvoiceLine("Wedding shoot", D(1), D("4424.78"), "HST", D(13))


@pytest.fixture
def shop(book) -> dict[str, int]:
    add_contents(
        r.BookContents(
            business=r.Business(name="Maple & Co.", owner_name="Dana Diva", invoice_prefix="INV-"),
            customers=(
                r.Customer(
                    code="ACME",
                    name="Acme Ltd.",
                    contact_name="Pat Jones",
                    phone="+1 416 555 0100",
                    terms_days=15,
                    deposit_percent=D(40),
                ),
                r.Customer(code="CAFE", name="Café Crème", language="fr_CA"),
            ),
        )
    )
    return {c.code: c.id for c in m.Customer.select()}


def quote(
    customer_id: int,
    *,
    sent: bool = True,
    issued: dt.date = TODAY,
    valid_until: dt.date | None = dt.date(2026, 12, 31),
    percent: Decimal = FORTY,
) -> int:
    draft = QuoteDraft(
        customer_id=customer_id,
        issue_date=issued,
        valid_until=valid_until,
        currency="CAD",
        deposit_percent=percent,
        notes="Two photographers, eight hours.",
        lines=(SHOOT,),
    )
    quote_id = save_quote(draft, today=issued)
    if sent:
        send_quote(quote_id, issued)
    return quote_id
