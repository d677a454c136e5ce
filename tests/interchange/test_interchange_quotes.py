"""Interchange v2 ``quotes[]``: read, checked with clear errors, written, round trip."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from typing import Any

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.interchange import export_text, import_text
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import read_contents

MOMENT = dt.datetime(2026, 12, 3, 9, 0)
BOOK: dict[str, Any] = {
    "format": "diva-desk",
    "version": 2,
    "business": {"name": "Maple & Co."},
    "customers": [
        {"code": "ACME", "name": "Acme Ltd.", "deposit_percent": "40"},
        {"code": "CAFE", "name": "Café Crème", "currency": "EUR", "language": "fr_CA"},
    ],
    "invoices": [
        {"number": "INV-7", "customer": "ACME", "issue_date": "2026-11-20",
         "lines": [{"description": "Shoot", "unit_price": "4424.78",
                    "taxes": [{"name": "HST", "rate": "13"}]}]},
    ],
    "quotes": [
        {"number": "Q-1", "customer": "ACME", "issue_date": "2026-11-01",
         "valid_until": "2026-11-30", "status": "accepted", "invoice": "INV-7",
         "lines": [{"description": "Shoot", "unit_price": "4424.78",
                    "taxes": [{"name": "HST", "rate": "13"}]}]},
        {"number": "Q-2", "customer": "CAFE", "issue_date": "2026-12-01", "status": "sent",
         "valid_until": "2026-12-31", "deposit_percent": "25.5", "notes": "Deux jours",
         "lines": [{"description": "Menu", "quantity": "2.5", "unit_price": "120.1234",
                    "taxes": [{"name": "GST", "rate": "5"}, {"name": "QST", "rate": "9.975"}]},
                   {"description": "Prints", "unit_price": "10.00"}]},
        {"number": "Q-3", "customer": "CAFE", "issue_date": "2026-12-02",
         "lines": [{"description": "Logo", "unit_price": "500"}]},
    ],
}  # fmt: skip


def _with(path: str, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(BOOK)
    *parents, last = path.split(".")
    target: Any = document
    for step in parents:
        target = target[int(step)] if isinstance(target, list) else target[step]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return document


def test_quotes_are_read_with_their_defaults(book: peewee.SqliteDatabase) -> None:
    import_text(json.dumps(BOOK))
    accepted, sent, draft = read_contents().quotes
    assert accepted.invoice == "INV-7"
    assert accepted.state is r.QuoteState.ACCEPTED
    assert accepted.deposit_percent == Decimal(40)  # the customer's
    assert sent.currency == "EUR"
    assert sent.deposit_percent == Decimal("25.5")
    assert [t.name for t in sent.lines[0].taxes] == ["GST", "QST"]
    assert draft.state is r.QuoteState.DRAFT
    assert draft.valid_until is None


def test_quotes_round_trip_byte_for_byte(book: peewee.SqliteDatabase, tmp_path) -> None:
    import_text(json.dumps(BOOK))
    first = export_text(MOMENT)
    written = json.loads(first)["quotes"]
    assert [q["number"] for q in written] == ["Q-1", "Q-2", "Q-3"]
    assert written[1]["deposit_percent"] == "25.5"
    assert written[1]["lines"][0]["unit_price"] == "120.1234"
    assert written[2]["valid_until"] is None and written[2]["invoice"] is None
    close_book()
    open_book(tmp_path / "again.sqlite3")
    import_text(first)
    assert export_text(MOMENT) == first


CASES = [
    ("quotes.1.number", "Q-1",
     'quotes[1] (Q-1).number: a quote numbered "Q-1" is already in the file or the book'),
    ("quotes.1.customer", "NOBODY",
     'quotes[1] (Q-2).customer: no customer with the code "NOBODY" in the file or the book'),
    ("quotes.1.invoice", "INV-7",
     'quotes[1] (Q-2).invoice: invoice "INV-7" belongs to customer "ACME", not "CAFE"'),
    ("quotes.0.status", "sent",
     "quotes[0] (Q-1).invoice: only an accepted quote names the invoice it became"),
    ("quotes.1.valid_until", "2026-11-30",
     "quotes[1] (Q-2).valid_until: is before the quote's issue_date"),
    ("quotes.1.status", "expired", None),
    ("quotes.1.deposit_percent", "120", None),
    ("quotes.1.lines", [], None),
    ("quotes.1.valid", "2026-12-31", None),
    ("version", 1, "quotes: unknown key; known keys are format, version, exported_at, business, "
     "customers, invoices, payments, promises, payment_plans, followups, interactions"),
]  # fmt: skip


@pytest.mark.parametrize(("path", "value", "message"), CASES)
def test_a_bad_quote_is_refused_naming_record_and_key_and_nothing_changes(
    book: peewee.SqliteDatabase, path: str, value: Any, message: str | None
) -> None:
    document = _with(path, value)
    if path == "version":
        document["business"] = {"name": "Maple & Co."}
        for line in document["invoices"][0]["lines"]:
            line["tax_name"], line["tax_rate"] = "HST", "13"
            del line["taxes"]
    before = export_text(MOMENT)
    with pytest.raises(BadInput) as refused:
        import_text(json.dumps(document, ensure_ascii=False))
    text = str(refused.value)
    if message is None:
        assert text.startswith("quotes[1] (Q-2)."), text
    else:
        assert text == message
    assert export_text(MOMENT) == before


def test_a_quote_number_the_book_holds_is_refused(book: peewee.SqliteDatabase) -> None:
    import_text(json.dumps(BOOK))
    again = {"format": "diva-desk", "version": 2, "quotes": [BOOK["quotes"][2]]}
    with pytest.raises(BadInput, match=r'quotes\[0\] \(Q-3\)\.number: a quote numbered "Q-3"'):
        import_text(json.dumps(again))
