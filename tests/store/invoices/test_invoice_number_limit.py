"""The invoice counter has a highest number; reaching it is a sentence, never an overflow.

A next invoice number of 2^63 - 1 was once accepted, and then every send failed with
OverflowError (the counter could not move on). Now the counter holds 1 to
MAX_INVOICE_NUMBER wherever it is set, and sending past the last number asks for a
new prefix.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.core.business_rules import MAX_INVOICE_NUMBER
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.book.business import get_business, save_business
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.editing import draft_for_customer, save_draft, send_invoice

TODAY = dt.date(2026, 11, 10)
WORK = r.InvoiceLine("Logo design", Decimal(1), Decimal("1000.00"))


@pytest.fixture
def near_the_end(book: peewee.SqliteDatabase) -> int:
    """A book whose counter stands at the highest number, and its one customer's id."""
    add_contents(
        r.BookContents(
            business=r.Business(
                name="Diva Design", invoice_prefix="INV-", next_invoice_number=MAX_INVOICE_NUMBER
            ),
            customers=(r.Customer(code="ACME", name="Acme Ltd."),),
        )
    )
    return m.Customer.get(m.Customer.code == "ACME").id


def draft(customer_id: int) -> int:
    return save_draft(draft_for_customer(customer_id, TODAY, (WORK,)))


def counter() -> int:
    return m.Business.get_by_id(1).next_invoice_number


def test_the_highest_number_is_given_then_sending_asks_for_a_new_prefix(near_the_end: int) -> None:
    assert send_invoice(draft(near_the_end), TODAY) == f"INV-{MAX_INVOICE_NUMBER}"
    assert counter() == MAX_INVOICE_NUMBER  # still within what the settings and imports take
    last = draft(near_the_end)
    used_up = "^Next invoice number: no number is left after INV-999999999; choose another"
    with pytest.raises(BadInput, match=used_up):
        send_invoice(last, TODAY)
    assert m.Invoice.get_by_id(last).state == r.InvoiceState.DRAFT
    assert counter() == MAX_INVOICE_NUMBER

    # A new prefix starts again, as the sentence says.
    business = get_business()
    assert business is not None
    save_business(dataclasses.replace(business, invoice_prefix="B-", next_invoice_number=1))
    assert send_invoice(last, TODAY) == "B-1"


def test_the_settings_say_the_numbers_are_used_up_under_that_prefix(near_the_end: int) -> None:
    send_invoice(draft(near_the_end), TODAY)
    business = get_business()
    assert business is not None
    with pytest.raises(BadInput, match="no number is left after INV-999999999"):
        save_business(business)


@pytest.mark.parametrize("number", [MAX_INVOICE_NUMBER + 1, 2**63 - 1])
def test_save_business_refuses_a_counter_above_the_highest(near_the_end: int, number: int) -> None:
    business = get_business()
    assert business is not None
    with pytest.raises(BadInput, match=r"^Next invoice number: enter a whole number from 1 to"):
        save_business(dataclasses.replace(business, next_invoice_number=number))
    assert counter() == MAX_INVOICE_NUMBER


def test_a_book_that_already_holds_a_huge_counter_refuses_to_send_in_a_sentence(
    near_the_end: int,
) -> None:
    """Books written before the limit may hold 2^63 - 1: a sentence, not OverflowError."""
    m.Business.update(next_invoice_number=2**63 - 1).execute()
    invoice = draft(near_the_end)
    with pytest.raises(BadInput, match="choose another invoice prefix"):
        send_invoice(invoice, TODAY)
    assert m.Invoice.get_by_id(invoice).state == r.InvoiceState.DRAFT
