"""Interchange v2's late-interest keys: read, written, and round-tripped byte for byte."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D
from pathlib import Path

import peewee
import pytest

from diva_desk.errors import BadInput
from diva_desk.interchange import export_text, import_text
from diva_desk.interchange.writer import book_text
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.reading import read_contents

MOMENT = dt.datetime(2026, 12, 3, 9, 0, 0)


def _document() -> dict:
    line = {"description": "Work", "quantity": "1", "unit_price": "100.00"}
    return {
        "format": "diva-desk",
        "version": 2,
        "business": {
            "name": "Maple & Co.",
            "late_fee_percent_per_month": "1.25",
            "late_fee_grace_days": 10,
        },
        "customers": [
            {"code": "ACME", "name": "Acme"},
            {"code": "NONE", "name": "None agreed", "late_fee_percent_per_month": "0"},
            {"code": "OWN", "name": "Own", "late_fee_percent_per_month": "2.5"},
        ],
        "invoices": [
            {"number": "INV-1", "customer": "ACME", "issue_date": "2026-10-01", "lines": [line]},
            {
                "number": "INV-2",
                "customer": "ACME",
                "issue_date": "2026-11-30",
                "status": "void",
                "late_fee_through": "2026-11-30",
                "lines": [line],
            },
        ],
    }


def test_the_keys_are_held_and_come_back_byte_for_byte(book: peewee.SqliteDatabase, tmp_path: Path):
    import_text(json.dumps(_document()))
    contents = read_contents()
    assert contents.business is not None
    assert contents.business.late_fee_percent_per_month == D("1.25")
    assert contents.business.late_fee_grace_days == 10
    assert [c.late_fee_percent_per_month for c in contents.customers] == [None, D(0), D("2.5")]
    assert [i.late_fee_through for i in contents.invoices] == [None, dt.date(2026, 11, 30)]

    first = export_text(MOMENT)
    assert first == book_text(contents, MOMENT)  # the streamed export and the writer agree
    written = json.loads(first)
    assert written["business"]["late_fee_percent_per_month"] == "1.25"
    assert [c["late_fee_percent_per_month"] for c in written["customers"]] == [None, "0", "2.5"]
    assert written["invoices"][1]["late_fee_through"] == "2026-11-30"

    close_book()
    open_book(tmp_path / "again.sqlite3")
    import_text(first)
    assert export_text(MOMENT) == first


def test_a_version_1_file_may_not_carry_them(book: peewee.SqliteDatabase):
    document = _document()
    document["version"] = 1
    del document["business"]["late_fee_percent_per_month"]
    del document["business"]["late_fee_grace_days"]
    with pytest.raises(BadInput, match=r"customers\[1\] \(NONE\).late_fee_percent_per_month"):
        import_text(json.dumps(document))
