"""The customers the contacts import checks against and the export adds, from a real book."""

from __future__ import annotations

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.store.contents.reading import read_contents
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.customers.directory import (
    CustomerCodeTaken,
    CustomerDetail,
    add_customers,
    customer_details,
    customer_identities,
)


@pytest.fixture
def two(book: peewee.Database) -> None:
    add_contents(
        r.BookContents(
            customers=(
                r.Customer("ACME", "Acme Ltd.", email="ap@acme.example", address="1 Main St"),
                r.Customer("OLD", "Old Co", terms_days=45, archived=True),
            )
        )
    )


def test_identities_and_details_cover_archived_customers_too(two: None) -> None:
    assert sorted(customer_identities()) == [
        ("ACME", "Acme Ltd.", "ap@acme.example"),
        ("OLD", "Old Co", ""),
    ]
    details = sorted(customer_details().values(), key=lambda d: d.address)
    assert details == [CustomerDetail("", 45), CustomerDetail("1 Main St", None)]


def test_customers_are_added_all_or_none(two: None) -> None:
    add_customers([r.Customer("NEW", "New Ltd.")])
    with pytest.raises(CustomerCodeTaken):
        add_customers([r.Customer("FRESH", "Fresh Ltd."), r.Customer("ACME", "Another Acme")])
    assert sorted(c.code for c in read_contents().customers) == ["ACME", "NEW", "OLD"]
