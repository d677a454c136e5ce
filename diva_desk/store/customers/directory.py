"""Customers as the contacts import and export see them: who is in the book, the details
the customer list's rows do not carry, and new customers added all at once.

The contacts package plans and writes files; the queries it needs are here, so no
feature above the store touches a model or a transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import peewee

from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents


class CustomerIdentity(NamedTuple):
    """What a new customer is checked against for duplicates: one already in the book."""

    code: str
    name: str
    email: str


@dataclass(frozen=True)
class CustomerDetail:
    """What the customer export adds to a row of the customer list."""

    address: str
    #: The customer's own terms; ``None`` when the business default applies.
    terms_days: int | None


class CustomerCodeTaken(Exception):
    """A customer being added has a code the book already holds."""


def customer_identities() -> list[CustomerIdentity]:
    """Every customer's code, name and email (archived ones too), in one query."""
    query = m.Customer.select(m.Customer.code, m.Customer.name, m.Customer.email).tuples()
    return [CustomerIdentity(*row) for row in query]


def customer_details() -> dict[int, CustomerDetail]:
    """Every customer's address and own terms by customer id, in one query."""
    query = m.Customer.select(m.Customer.id, m.Customer.address, m.Customer.terms_days).tuples()
    return {customer_id: CustomerDetail(address, terms) for customer_id, address, terms in query}


def add_customers(customers: Sequence[r.Customer]) -> None:
    """Add ``customers`` in one transaction: all of them or, on failure, none.

    Raises ``CustomerCodeTaken`` when a code is already in the book (another window
    or the command line added it since the caller checked).
    """
    try:
        add_contents(r.BookContents(customers=tuple(customers)))
    except peewee.IntegrityError as exc:
        raise CustomerCodeTaken(str(exc)) from exc
