"""Interchange v2's pay links and instructions per currency: read, kept, written back."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import peewee
import pytest

from diva_desk.errors import BadInput
from diva_desk.interchange import export_text, import_text
from diva_desk.store.book.settings import payment_instructions_by_currency
from diva_desk.store.contents.writing import read_contents

BOOK: dict[str, Any] = {
    "format": "diva-desk",
    "version": 2,
    "business": {
        "name": "Studio",
        "payment_link": "https://pay.example/{number}?amount={amount}&c={currency}",
        "payment_instructions_by_currency": {"USD": "Wire to account 44", "EUR": "SEPA: FR76 1"},
    },
    "customers": [{"code": "Q", "name": "Québec Inc."}],
    "invoices": [
        {"number": "1", "customer": "Q", "issue_date": "2026-11-02",
         "payment_link": "https://paypal.me/studio/{amount}",
         "lines": [{"description": "Design", "unit_price": "100.00"}]},
        {"number": "2", "customer": "Q", "issue_date": "2026-11-02",
         "lines": [{"description": "Prints", "unit_price": "10.00"}]},
    ],
}  # fmt: skip


def test_the_links_and_instructions_are_kept_and_written_back(book: peewee.SqliteDatabase):
    import_text(json.dumps(BOOK))
    contents = read_contents()
    assert contents.business is not None
    assert contents.business.payment_link == BOOK["business"]["payment_link"]
    assert [i.payment_link for i in contents.invoices] == ["https://paypal.me/studio/{amount}", ""]
    by_currency = payment_instructions_by_currency()
    assert by_currency == {"EUR": "SEPA: FR76 1", "USD": "Wire to account 44"}

    first = export_text()
    written = json.loads(first)
    assert written["business"]["payment_instructions_by_currency"] == {
        "EUR": "SEPA: FR76 1",
        "USD": "Wire to account 44",
    }
    assert written["invoices"][1]["payment_link"] == ""
    assert list(written["invoices"][0])[-3:] == ["payment_link", "lines", "late_fee_through"]


def test_an_export_imported_into_a_new_book_exports_the_same_bytes(
    book: peewee.SqliteDatabase, tmp_path: Any
):
    from diva_desk.store.book.db import close_book, open_book

    moment = dt.datetime(2026, 12, 1, 9, 0, 0)
    import_text(json.dumps(BOOK))
    first = export_text(moment)
    close_book()
    open_book(tmp_path / "again.sqlite3")
    import_text(first)
    assert export_text(moment) == first


def _with(path: str, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(BOOK)
    *parents, last = path.split(".")
    target: Any = document
    for step in parents:
        target = target[int(step)] if isinstance(target, list) else target[step]
    target[last] = value
    return document


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("business.payment_link", "pay.example/{number}",
         "business.payment_link: start the address with https:// (for example "
         "https://paypal.me/you/{amount})"),
        ("invoices.0.payment_link", "https://pay.example/{invoice}",
         "invoices[0] (1).payment_link: {invoice} is not a placeholder; use {number}, {amount} "
         "or {currency}"),
        ("invoices.1.payment_link", "javascript://x",
         "invoices[1] (2).payment_link: javascript: addresses cannot be opened from an invoice; "
         "give a web address starting with https://"),
        ("business.payment_instructions_by_currency", {"usd": "x"},
         "business.payment_instructions_by_currency.usd: \"usd\" is not a currency code such as "
         "CAD or USD"),
        ("business.payment_instructions_by_currency", ["USD"],
         'business.payment_instructions_by_currency: expected an object, got ["USD"]'),
        ("business.payment_instructions_by_currency", {"USD": 5},
         "business.payment_instructions_by_currency.USD: expected text, got 5"),
        ("version", 1,
         'business.payment_link: unknown key; did you mean "payment_instructions"?'),
    ],
)  # fmt: skip
def test_a_wrong_link_or_instruction_names_record_and_key_and_changes_nothing(
    book: peewee.SqliteDatabase, path: str, value: Any, message: str
):
    moment = dt.datetime(2026, 12, 1, 9, 0, 0)  # the same second before and after
    before = export_text(moment)
    with pytest.raises(BadInput) as caught:
        import_text(json.dumps(_with(path, value), ensure_ascii=False))
    assert str(caught.value) == message
    assert export_text(moment) == before


def test_a_version_1_invoice_may_not_carry_a_pay_link(book: peewee.SqliteDatabase):
    document = _with("version", 1)
    del document["business"]["payment_link"]
    del document["business"]["payment_instructions_by_currency"]
    with pytest.raises(BadInput, match=r"invoices\[0\] \(1\)\.payment_link: unknown key"):
        import_text(json.dumps(document))
