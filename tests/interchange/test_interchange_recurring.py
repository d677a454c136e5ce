"""``recurring_invoices[]`` in interchange v2: read, written, round trip, clear refusals."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.interchange import export_text, import_text
from diva_desk.interchange.writer import book_text
from diva_desk.store.book import models as m
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import read_contents
from diva_desk.store.recurring.run import run_recurring

LATER = dt.datetime(2027, 1, 2, 3, 4, 5)
RETAINER = {"description": "Retainer", "quantity": "1", "unit_price": "1500.00",
            "taxes": [{"name": "GST", "rate": "5"}, {"name": "QST", "rate": "9.975"}]}  # fmt: skip
BOOK: dict[str, Any] = {
    "format": "diva-desk",
    "version": 2,
    "business": {"name": "Studio", "invoice_prefix": "S-"},
    "customers": [{"code": "Q", "name": "Québec Inc."}, {"code": "U", "name": "US Co"}],
    "recurring_invoices": [
        {"customer": "Q", "every": "month", "next_date": "2027-01-31", "send": True,
         "lines": [RETAINER]},
        {"customer": "U", "every": "quarter", "interval": 2, "next_date": "2027-02-15",
         "end_date": "2027-12-31", "terms_days": 10, "notes": "Hosting «annual»",
         "currency": "USD", "lines": [{"description": "Hosting", "unit_price": "99.5"}]},
        {"customer": "Q", "every": "week", "next_date": "2027-03-01", "end_date": "2027-02-01",
         "lines": [{"description": "Ended"}]},
    ],
}  # fmt: skip


def _changed(path: str, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(BOOK)
    *parents, last = path.split(".")
    target: Any = document
    for step in parents:
        target = target[int(step)] if isinstance(target, list) else target[step]
    target[last] = value
    return document


def test_schedules_import_with_their_defaults(book: peewee.SqliteDatabase):
    summary = import_text(json.dumps(BOOK, ensure_ascii=False))

    assert "3 recurring invoices" in str(summary)
    first, second, ended = read_contents().recurring_invoices
    assert (first.every, first.interval, first.send, first.terms_days) == (
        r.Every.MONTH, 1, True, None,
    )  # fmt: skip
    assert first.currency == "CAD" and first.anchor_day == 31
    assert [t.name for t in first.lines[0].taxes] == ["GST", "QST"]
    assert (second.currency, second.interval, second.terms_days) == ("USD", 2, 10)
    assert ended.end_date == dt.date(2027, 2, 1)
    # A month-end start stays on month ends after the import.
    made = run_recurring(dt.date(2027, 3, 31))
    assert [i.issue_date for i in made if i.customer_code == "Q"] == [
        dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 3, 31),
    ]  # fmt: skip


def test_export_import_export_is_byte_for_byte(book: peewee.SqliteDatabase, tmp_path: Path):
    import_text(json.dumps(BOOK, ensure_ascii=False))
    first = export_text(LATER)
    document = json.loads(first)
    assert list(document)[-1] == "recurring_invoices"
    written = document["recurring_invoices"]
    assert list(written[0]) == [
        "customer", "every", "interval", "next_date", "end_date", "send", "terms_days",
        "notes", "lines",
    ]  # fmt: skip
    assert written[1]["currency"] == "USD" and "currency" not in written[0]
    assert written[1]["lines"][0]["unit_price"] == "99.50"
    # The streamed export and the records' writer give the same bytes.
    assert book_text(read_contents(), LATER) == first
    close_book()
    open_book(tmp_path / "second.sqlite3")

    import_text(first)

    assert export_text(LATER) == first


def test_a_book_without_schedules_exports_what_it_always_did(book: peewee.SqliteDatabase):
    document = _changed("recurring_invoices", [])
    import_text(json.dumps(document))
    assert '"recurring_invoices"' not in export_text(LATER)
    assert m.RecurringInvoice.select().count() == 0


CASES = [
    ("recurring_invoices.0.every", "monthly",
     "recurring_invoices[0].every: unknown value \"monthly\"; expected one of week, month, "
     "quarter, year"),
    ("recurring_invoices.0.every", None, "recurring_invoices[0].every: missing; this key is "
     "required"),
    ("recurring_invoices.0.interval", 0,
     "recurring_invoices[0].interval: must be between 1 and 120, got 0"),
    ("recurring_invoices.0.customer", "NOBODY",
     "recurring_invoices[0].customer: no customer with the code \"NOBODY\" in the file or the "
     "book"),
    ("recurring_invoices.1.next_date", None,
     "recurring_invoices[1].next_date: missing; this key is required"),
    ("recurring_invoices.1.lines", [],
     "recurring_invoices[1].lines: needs at least one entry"),
    ("recurring_invoices.0.every_month", True,
     'recurring_invoices[0].every_month: unknown key; did you mean "every"?'),
    ("version", 1, 'recurring_invoices: unknown key; did you mean "invoices"?'),
]  # fmt: skip


@pytest.mark.parametrize(("path", "value", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_schedules_are_refused_naming_the_record_and_key(
    book: peewee.SqliteDatabase, path: str, value: Any, message: str
):
    with pytest.raises(BadInput) as caught:
        import_text(json.dumps(_changed(path, value)))
    assert str(caught.value) == message
    assert m.Customer.select().count() == 0
    assert m.RecurringInvoice.select().count() == 0


def test_a_schedule_may_name_a_customer_already_in_the_book(book: peewee.SqliteDatabase):
    import_text(json.dumps({**BOOK, "recurring_invoices": []}))
    later = {
        "format": "diva-desk",
        "version": 2,
        "recurring_invoices": BOOK["recurring_invoices"][:1],
    }

    assert str(import_text(json.dumps(later))) == "1 recurring invoice"
    assert read_contents().recurring_invoices[0].customer == "Q"
