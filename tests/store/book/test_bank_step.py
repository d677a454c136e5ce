"""Schema step bank: an older book gains the bank tables; its payments stay, typed by hand."""

from __future__ import annotations

from pathlib import Path

import peewee
import pytest

from diva_desk.store.book import schema
from diva_desk.store.book.db import close_book, open_book, schema_version

STEP = schema.STEPS.index(schema.STEP_BANK)

_ROWS = """
INSERT INTO customer (id, code, name, currency) VALUES (1, 'A', 'Acme', 'CAD');
INSERT INTO invoice (id, number, customer_id, issue_date, due_date, state, currency, total_cents)
VALUES (1, 'INV-1', 1, '2026-11-02', '2026-12-02', 'sent', 'CAD', 10000);
INSERT INTO payment (invoice_id, date, amount_cents, method, reference)
VALUES (1, '2026-11-10', 4000, 'cheque', '042')
"""


def test_an_older_book_gains_the_bank_tables(book_path: Path) -> None:
    database = open_book(book_path, steps=schema.STEPS[:STEP])
    for statement in _ROWS.split(";"):
        database.execute_sql(statement)
    close_book()
    database = open_book(book_path)
    try:
        assert schema_version(database) == len(schema.STEPS)
        assert database.execute_sql(
            "SELECT amount_cents, reference, bank_transaction_id FROM payment"
        ).fetchall() == [(4000, "042", None)]
        assert {"bank_transaction", "bank_sender"} <= set(database.get_tables())
        insert = (
            "INSERT INTO bank_transaction (account, transaction_id, date, amount_cents, "
            "currency, status, imported_at) VALUES ('1', 'T', '2026-11-10', 4000, 'CAD', "
            "'recorded', '2026-11-11T09:00:00')"
        )
        database.execute_sql(insert)
        with pytest.raises(peewee.IntegrityError, match="UNIQUE"):  # same account and id
            database.execute_sql(insert)
    finally:
        close_book()
