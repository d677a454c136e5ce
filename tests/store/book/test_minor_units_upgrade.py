"""Schema step 2: a version-1 book (every amount in cents) gets each currency's own units."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

from diva_desk.store.book import schema
from diva_desk.store.book.db import close_book, open_book, schema_version
from diva_desk.store.calls.plans import payment_plans
from diva_desk.store.contents.reading import read_contents
from diva_desk.store.invoices.detail import invoice_detail

# A version-1 book as version 1 wrote it: yen in cents, so 1,000 yen is 100000.
_VERSION_1_ROWS = """
INSERT INTO business (id, name, currency) VALUES (1, 'Studio', 'CAD');
INSERT INTO customer (id, code, name, currency) VALUES (1, 'ACME', 'Acme', 'CAD');
INSERT INTO customer (id, code, name, currency) VALUES (2, 'TOKYO', 'Tokyo KK', 'JPY');
INSERT INTO invoice (id, number, customer_id, issue_date, due_date, state, currency,
                     deposit_cents, deposit_due_date, total_cents)
VALUES (1, 'INV-1', 1, '2026-11-02', '2026-12-02', 'sent', 'CAD', 30000, '2026-11-02', 99999),
       (2, 'INV-2', 2, '2026-11-02', '2026-12-02', 'sent', 'JPY', 33350, '2026-11-02', 99999),
       (3, 'INV-3', 1, '2026-11-02', '2026-12-02', 'sent', 'JPY', 0, NULL, 1234549);
INSERT INTO invoice_line (invoice_id, position, description, quantity_units, unit_price_cents)
VALUES (1, 0, 'Work', 30000, 33333), (2, 0, 'Work', 30000, 33333),
       (3, 0, 'Rush', 10000, 1234549);
INSERT INTO payment (invoice_id, date, amount_cents, is_deposit)
VALUES (1, '2026-11-03', 30000, 1), (2, '2026-11-03', 33350, 1), (2, '2026-11-10', 20049, 0);
INSERT INTO promise (customer_id, invoice_id, made_on, promised_date, amount_cents)
VALUES (2, NULL, '2026-11-12', '2026-11-30', 10050), (1, 3, '2026-11-12', '2026-11-30', 5000);
INSERT INTO payment_plan (id, customer_id, invoice_id, agreed_on)
VALUES (1, 2, NULL, '2026-11-12'), (2, 1, 1, '2026-11-12');
INSERT INTO installment (plan_id, position, due_date, amount_cents)
VALUES (1, 0, '2026-12-01', 22250), (1, 1, '2026-12-15', 22250), (2, 0, '2026-12-01', 69999);
"""


def _version_1_book(path: Path) -> None:
    database = open_book(path, steps=schema.STEPS[:1])
    for statement in _VERSION_1_ROWS.split(";"):
        if statement.strip():
            database.execute_sql(statement)
    close_book()


def test_step_2_puts_yen_in_whole_yen_and_leaves_cents_alone(book_path: Path) -> None:
    _version_1_book(book_path)
    database = open_book(book_path, steps=schema.STEPS[:2])
    try:
        assert schema_version(database) == 2

        def rows(sql: str) -> list[tuple]:
            return database.execute_sql(sql).fetchall()

        # Half-up: 333.50 yen -> 334, 999.99 -> 1000, 12,345.49 -> 12,345.
        assert rows("SELECT number, deposit_cents, total_cents FROM invoice ORDER BY id") == [
            ("INV-1", 30000, 99999),
            ("INV-2", 334, 1000),
            ("INV-3", 0, 12345),
        ]
        # Unit prices keep four decimals in any currency: 333.33 is 3333300 ten-thousandths.
        assert rows("SELECT unit_price_units FROM invoice_line ORDER BY id") == [
            (3333300,),
            (3333300,),
            (123454900,),
        ]
        assert rows("SELECT amount_cents FROM payment ORDER BY id") == [(30000,), (334,), (200,)]
        # A promise without an invoice is in its customer's currency (yen); one about a
        # JPY invoice of a CAD customer is in the invoice's.
        assert rows("SELECT amount_cents FROM promise ORDER BY id") == [(101,), (50,)]
        assert rows("SELECT amount_cents FROM installment ORDER BY id") == [
            (223,),
            (223,),
            (69999,),
        ]

        # Read back through today's store (the later steps run first), every amount has
        # its currency's decimals.
        close_book()
        database = open_book(book_path)
        today = dt.date(2026, 11, 20)
        yen = invoice_detail(2, today)
        assert (yen.totals.total, yen.paid, yen.balance) == (
            Decimal("1000"),
            Decimal("534"),
            Decimal("466"),
        )
        assert yen.invoice.deposit_amount == Decimal("334")
        assert yen.invoice.lines[0].unit_price == Decimal("333.33")
        dollars = invoice_detail(1, today)
        assert (dollars.totals.total, dollars.paid) == (Decimal("999.99"), Decimal("300.00"))
        plans = {p.id: [i.amount for i in p.installments] for p in payment_plans(today)}
        assert plans == {1: [Decimal("223")] * 2, 2: [Decimal("699.99")]}
        contents = read_contents()
        assert [p.amount for p in contents.promises] == [Decimal("101"), Decimal("50")]
    finally:
        close_book()
    copies = list(book_path.parent.glob("book.v1-*.sqlite3"))
    assert len(copies) == 1
    kept = sqlite3.connect(copies[0])
    assert kept.execute("SELECT total_cents FROM invoice WHERE number = 'INV-2'").fetchone() == (
        99999,
    )
    kept.close()
