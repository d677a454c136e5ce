"""Schema step 5: a version-4 line's one tax moves into the line's list of taxes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from diva_desk.core.records import LineTax
from diva_desk.store.book import schema
from diva_desk.store.book.db import close_book, open_book, schema_version
from diva_desk.store.invoices.editing import invoice_detail

STEP = schema.STEPS.index(schema.STEP_LINE_TAXES)

_VERSION_4_ROWS = """
INSERT INTO customer (id, code, name, currency) VALUES (1, 'Q', 'Québec Inc.', 'CAD');
INSERT INTO invoice (id, number, customer_id, issue_date, due_date, state, currency, total_cents)
VALUES (1, 'INV-1', 1, '2026-11-02', '2026-12-02', 'sent', 'CAD', 12547);
INSERT INTO invoice_line (invoice_id, position, description, quantity_units, unit_price_units,
                          tax_name, tax_rate_units)
VALUES (1, 0, 'Design', 10000, 1000000, 'TPS/TVQ', 149750),
       (1, 1, 'Prints', 10000, 84000, 'HST', 130000),
       (1, 2, 'Export', 10000, 10000, '', 0)
"""


def test_each_line_keeps_its_tax_and_the_invoice_its_total(book_path: Path) -> None:
    database = open_book(book_path, steps=schema.STEPS[:STEP])
    for statement in _VERSION_4_ROWS.split(";"):
        database.execute_sql(statement)
    close_book()
    database = open_book(book_path)
    try:
        assert schema_version(database) == len(schema.STEPS)
        columns = [c.name for c in database.get_columns("invoice_line")]
        assert "tax_name" not in columns and "tax_rate_units" not in columns
        detail = invoice_detail(1, dt.date(2026, 11, 20))
        assert [line.taxes for line in detail.invoice.lines] == [
            (LineTax("TPS/TVQ", Decimal("14.975")),),
            (LineTax("HST", Decimal("13")),),
            (),
        ]
        # 100.00 + 14.98 + 8.40 + 1.09 + 1.00 (each tax rounded once): as stored.
        assert detail.totals.total == Decimal("125.47")
        assert database.execute_sql("SELECT rate FROM invoice_line_tax ORDER BY id").fetchall() == [
            ("14.975",),
            ("13",),
        ]
    finally:
        close_book()
    assert len(list(book_path.parent.glob(f"book.v{STEP}-*.sqlite3"))) == 1
