"""The invoices a tax return counts: read in a fixed number of statements per period."""

from __future__ import annotations

import datetime as dt

import peewee

from diva_desk.demo import demo_contents
from diva_desk.store.book.db import db
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.taxes.collected import tax_summary_for

TODAY = dt.date(2026, 11, 23)


def _statements(start: dt.date, end: dt.date) -> tuple[int, int]:
    seen: list[str] = []
    db.connection().set_trace_callback(seen.append)
    try:
        summary = tax_summary_for(start, end)
    finally:
        db.connection().set_trace_callback(None)
    invoices = sum(c.invoices for c in summary.currencies)
    return len([s for s in seen if s.lstrip().upper().startswith("SELECT")]), invoices


def test_a_year_is_read_in_as_many_statements_as_a_month(book: peewee.SqliteDatabase) -> None:
    add_contents(demo_contents(TODAY))
    month, in_month = _statements(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    year, in_year = _statements(dt.date(2025, 11, 1), dt.date(2026, 10, 31))
    assert 0 < in_month < in_year
    assert month == year == 3  # the invoices, their lines, the lines' taxes
