"""A line's taxes (schema step 5): read in batches, written with the lines.

Every reader of lines goes through :func:`taxes_of_lines`, so no total, list or
document can see one tax of several.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db

#: Line ids per ``IN (...)`` query: well under SQLite's variable limit.
_BATCH = 500
#: The tables that hold lines' taxes, each as invoice_line_tax: an invoice's lines, a
#: recurring invoice's (store.recurring) and a quote's (store.quotes), read and written by
#: the same code.
INVOICE_LINES = "invoice_line_tax"
RECURRING_LINES = "recurring_line_tax"
QUOTE_LINES = "quote_line_tax"
_TABLES = (INVOICE_LINES, RECURRING_LINES, QUOTE_LINES)


def taxes_of_lines(
    line_ids: Collection[int], *, table: str = INVOICE_LINES
) -> dict[int, tuple[r.LineTax, ...]]:
    """Each line's taxes in their order; a line without taxes is left out."""
    assert table in _TABLES, table
    found: dict[int, list[r.LineTax]] = defaultdict(list)
    ids = sorted(set(line_ids))
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        marks = ", ".join("?" for _ in batch)
        cursor = db.execute_sql(
            f"SELECT line_id, name, rate FROM {table}"
            f" WHERE line_id IN ({marks}) ORDER BY line_id, position",
            batch,
        )
        for line_id, name, rate in cursor:
            found[line_id].append(r.LineTax(name, Decimal(rate)))
    return {line_id: tuple(taxes) for line_id, taxes in found.items()}


def all_line_taxes(table: str = "invoice_line_tax") -> dict[int, tuple[r.LineTax, ...]]:
    """Every line's taxes, for reading the whole book (one statement)."""
    found: dict[int, list[r.LineTax]] = defaultdict(list)
    cursor = db.execute_sql(f"SELECT line_id, name, rate FROM {table} ORDER BY id")
    for line_id, name, rate in cursor:
        found[line_id].append(r.LineTax(name, Decimal(rate)))
    return {line_id: tuple(taxes) for line_id, taxes in found.items()}


def tax_rows(line_id: int, taxes: Sequence[r.LineTax]) -> Iterable[tuple[int, int, str, str]]:
    """``(line id, position, name, rate text)`` for the INSERT of one line's taxes."""
    for position, tax in enumerate(taxes):
        yield line_id, position, tax.name, m.InvoiceLineTax.rate.db_value(tax.rate)


def insert_line_taxes(
    rows: Iterable[tuple[int, int, str, str]], *, table: str = INVOICE_LINES
) -> None:
    """Write taxes given as :func:`tax_rows` gives them, in one ``executemany``."""
    assert table in _TABLES, table
    db.connection().executemany(
        f"INSERT INTO {table} (line_id, position, name, rate) VALUES (?, ?, ?, ?)", rows
    )
