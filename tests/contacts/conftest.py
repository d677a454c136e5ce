"""Fixtures for contacts tests: the real-shaped files and a book with two customers."""

from __future__ import annotations

from pathlib import Path

import peewee
import pytest

from diva_desk.core.records import BookContents, Business, Customer
from diva_desk.store.contents.writing import add_contents

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data() -> Path:
    return DATA


@pytest.fixture
def prepared_book(book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    """A Toronto business (CAD) that already has Acme and Café Crème as customers."""
    add_contents(
        BookContents(
            business=Business(name="Diva Design", currency="CAD"),
            customers=(
                Customer(
                    code="ACME",
                    name="Acme Ltd.",
                    contact_name="Pat O'Brien",
                    email="pat@acme.example",
                    phone="+1 416 555 0100",
                ),
                Customer(
                    code="CAFE",
                    name="Café Crème Inc.",
                    contact_name="Zoë",
                    email="zoe@cafecreme.example",
                ),
            ),
        )
    )
    return book
