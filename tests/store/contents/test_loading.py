"""Whole contents into a real book in one transaction: all of it, or the book as it was."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.store.contents.loading import add_checked_contents, replace_contents
from diva_desk.store.contents.reading import StoredBook, read_contents
from diva_desk.store.contents.writing import add_contents

DAY = dt.date(2026, 11, 23)


def invoice(number: str, customer: str) -> r.Invoice:
    return r.Invoice(
        number=number,
        customer=customer,
        issue_date=DAY,
        due_date=DAY + dt.timedelta(days=30),
        lines=(r.InvoiceLine("Work", Decimal("1"), Decimal("100.00")),),
    )


@pytest.fixture
def acme(book: peewee.Database) -> None:
    add_contents(
        r.BookContents(
            business=r.Business(name="Diva", currency="CAD"),
            customers=(r.Customer("ACME", "Acme Ltd."),),
            invoices=(invoice("I-1", "ACME"),),
        )
    )


def codes() -> list[str]:
    return sorted(c.code for c in read_contents().customers)


def test_the_check_sees_the_book_and_its_records_are_added(acme: None) -> None:
    seen: list[str] = []

    def check(book: StoredBook) -> r.BookContents:
        seen.extend(book.customers(["ACME", "ZED"]))
        return r.BookContents(customers=(r.Customer("ZED", "Zed & Co"),))

    added = add_checked_contents(check)
    assert seen == ["ACME"]
    assert [c.code for c in added.customers] == ["ZED"]
    assert codes() == ["ACME", "ZED"]


def test_a_check_that_refuses_adds_nothing(acme: None) -> None:
    def check(book: StoredBook) -> r.BookContents:
        raise BadInput("customers[0].code: ACME is already in the book")

    with pytest.raises(BadInput, match="ACME"):
        add_checked_contents(check)
    assert codes() == ["ACME"]


def test_a_write_that_fails_half_way_adds_nothing(acme: None) -> None:
    # The customer would be written first; the invoice then points at no one.
    contents = r.BookContents(
        customers=(r.Customer("NEW", "New Ltd."),), invoices=(invoice("I-2", "NOBODY"),)
    )
    with pytest.raises(LookupError):
        add_checked_contents(lambda book: contents)
    assert codes() == ["ACME"]


def test_replacing_empties_the_book_first(acme: None) -> None:
    replace_contents(
        r.BookContents(
            customers=(r.Customer("ZED", "Zed & Co"),), invoices=(invoice("Z-1", "ZED"),)
        )
    )
    after = read_contents()
    assert [c.code for c in after.customers] == ["ZED"]
    assert [i.number for i in after.invoices] == ["Z-1"]
    assert after.business is None  # the business profile went with the rest


def test_a_replacement_that_fails_leaves_the_old_book(acme: None) -> None:
    broken = r.BookContents(
        customers=(r.Customer("ZED", "Zed & Co"),), invoices=(invoice("Z-1", "NOBODY"),)
    )
    with pytest.raises(LookupError):
        replace_contents(broken)
    after = read_contents()
    assert [c.code for c in after.customers] == ["ACME"]
    assert [i.number for i in after.invoices] == ["I-1"]
