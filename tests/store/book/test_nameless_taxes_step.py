"""Schema step 6: a tax rate without a name (charged nothing) leaves the line, so the
book exports a file that imports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diva_desk.core.records import LineTax
from diva_desk.interchange import export_text, import_text
from diva_desk.store.book import schema
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.invoices.editing import invoice_detail

STEP = schema.STEPS.index(schema.STEP_NAMELESS_TAXES)

_VERSION_5_ROWS = """
INSERT INTO business (id, name) VALUES (1, 'Maple & Co.');
INSERT INTO customer (id, code, name, currency) VALUES (1, 'ON', 'Ontario Ltd.', 'CAD');
INSERT INTO invoice (id, number, customer_id, issue_date, due_date, state, currency, total_cents)
VALUES (1, 'INV-1', 1, '2026-11-02', '2026-12-02', 'sent', 'CAD', 20000);
INSERT INTO invoice_line (id, invoice_id, position, description, quantity_units, unit_price_units)
VALUES (1, 1, 0, 'Design', 10000, 1000000), (2, 1, 1, 'Prints', 10000, 1000000);
INSERT INTO invoice_line_tax (line_id, position, name, rate)
VALUES (1, 0, '', '13'), (2, 0, 'HST', '0')
"""


def test_a_rate_without_a_name_goes_and_the_book_exports_a_file_that_imports(
    book_path: Path, tmp_path: Path
) -> None:
    database = open_book(book_path, steps=schema.STEPS[:STEP])
    for statement in _VERSION_5_ROWS.split(";"):
        database.execute_sql(statement)
    close_book()
    open_book(book_path)
    try:
        detail = invoice_detail(1, dt.date(2026, 11, 20))
        assert [line.taxes for line in detail.invoice.lines] == [(), (LineTax("HST", 0),)]
        assert str(detail.totals.total) == "200.00"  # as stored: the nameless rate charged nothing
        text = export_text()
    finally:
        close_book()
    assert '"name": ""' not in text
    open_book(tmp_path / "other" / "book.sqlite3")
    try:
        import_text(text)
        assert str(invoice_detail(1, dt.date(2026, 11, 20)).totals.total) == "200.00"
    finally:
        close_book()
