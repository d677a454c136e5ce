"""A writable book opened for reading only (a second window): reads go on, writes say why."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from diva_desk.store.book import health, models
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.invoices.unpaid import unpaid_invoices


def test_reads_go_on_and_a_write_is_refused_with_the_reason(tmp_path: Path) -> None:
    book = tmp_path / "book.sqlite3"
    writer = open_book(book)
    models.Customer.create(code="ACME", name="Acme Ltd.", currency="CAD")
    close_book()
    before = hashlib.sha256(book.read_bytes()).hexdigest()

    reason = "Another Diva Desk window has this book open; this one only reads it."
    open_book(book, read_only=reason)
    try:
        assert [c.code for c in models.Customer.select()] == ["ACME"]
        assert unpaid_invoices(dt.date(2026, 12, 3)).paid == {}  # its TEMP tables still work
        with pytest.raises(health.BookReadOnly) as refused:
            models.Customer.create(code="BETA", name="Beta Bakery", currency="CAD")
        assert str(refused.value) == reason
        assert [c.code for c in models.Customer.select()] == ["ACME"]
    finally:
        close_book()
    assert hashlib.sha256(book.read_bytes()).hexdigest() == before
    assert writer.is_closed()
