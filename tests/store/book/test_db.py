"""Opening, upgrading, backing up and restoring a real book file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from diva_desk.core.records import Business
from diva_desk.errors import BadInput, BookProblem
from diva_desk.store.book import maintenance, models, schema
from diva_desk.store.book.business import get_business, save_business
from diva_desk.store.book.db import BookTooNew, close_book, db, open_book, schema_version


def _add_customer(code: str = "ACME") -> models.Customer:
    return models.Customer.create(code=code, name="Acme Ltd.", currency="CAD")


def test_new_book_has_latest_schema_and_safe_pragmas(book, book_path: Path) -> None:
    assert book_path.is_file()
    assert schema_version(book) == len(schema.STEPS)
    assert book.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert book.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert book.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_money_is_stored_as_integer_minor_units_of_its_currency(book) -> None:
    """Cents for CAD, whole yen for JPY; unit prices as ten-thousandths in any currency."""
    from diva_desk.core.records import InvoiceLine
    from diva_desk.store.invoices.editing import InvoiceDraft, save_draft

    for code, currency in (("ACME", "CAD"), ("TOKYO", "JPY")):
        customer = models.Customer.create(code=code, name=code, currency=currency)
        save_draft(
            InvoiceDraft(
                customer_id=customer.id,
                issue_date=dt.date(2026, 11, 1),
                due_date=dt.date(2026, 12, 1),
                currency=currency,
                lines=(InvoiceLine("Work", Decimal(3), Decimal("333.33")),),
            )
        )
    raw = book.execute_sql(
        "SELECT i.currency, i.total_cents, typeof(i.total_cents), l.unit_price_units"
        " FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id ORDER BY i.id"
    ).fetchall()
    # 3 x 333.33 = 999.99: $999.99 is 99999 cents; in yen it rounds half-up to 1000.
    assert raw == [("CAD", 99999, "integer", 3333300), ("JPY", 1000, "integer", 3333300)]


def test_foreign_keys_are_enforced(book) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"):
        book.execute_sql(
            "INSERT INTO invoice (number, customer_id, issue_date, due_date, state, currency,"
            " total_cents) VALUES ('X', 999, '2026-01-01', '2026-01-31', 'sent', 'CAD', 0)"
        )


def test_book_from_a_newer_version_is_refused_and_left_alone(book_path: Path) -> None:
    open_book(book_path)
    db.execute_sql(f"PRAGMA user_version = {len(schema.STEPS) + 1}")
    close_book()
    before = book_path.read_bytes()
    with pytest.raises(BookTooNew, match="newer version of Diva Desk"):
        open_book(book_path)
    assert book_path.read_bytes() == before


def test_upgrade_runs_numbered_steps_after_keeping_a_copy(book_path: Path) -> None:
    """A book written at version 1 opens in a version with a step 2, data intact."""
    open_book(book_path, steps=schema.STEPS[:1])
    _add_customer()
    close_book()
    step_2 = "ALTER TABLE customer ADD COLUMN website TEXT NOT NULL DEFAULT '';"
    database = open_book(book_path, steps=[*schema.STEPS[:1], step_2])
    try:
        assert schema_version(database) == 2
        row = database.execute_sql("SELECT code, website FROM customer").fetchone()
        assert row == ("ACME", "")
    finally:
        close_book()
    copies = list(book_path.parent.glob("book.v1-*.sqlite3"))
    assert len(copies) == 1
    kept = sqlite3.connect(copies[0])
    assert kept.execute("PRAGMA user_version").fetchone()[0] == 1
    assert kept.execute("SELECT code FROM customer").fetchall() == [("ACME",)]
    kept.close()


def test_a_failing_step_leaves_the_book_at_the_previous_version(book_path: Path) -> None:
    open_book(book_path, steps=schema.STEPS[:1])
    _add_customer()
    close_book()
    broken = "ALTER TABLE customer ADD COLUMN website TEXT;\nALTER TABLE nowhere ADD COLUMN x;"
    with pytest.raises(BookProblem, match="left at schema 1"):
        open_book(book_path, steps=[*schema.STEPS[:1], broken])
    close_book()
    conn = sqlite3.connect(book_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [r[1] for r in conn.execute("PRAGMA table_info(customer)")]
    assert "website" not in columns  # the half-done step was rolled back
    conn.close()


def test_unreadable_file_is_a_clear_book_problem(tmp_path: Path) -> None:
    path = tmp_path / "book.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(BookProblem, match="not a Diva Desk book or is damaged beyond opening"):
        open_book(path)


def test_business_profile_round_trips(book) -> None:
    assert get_business() is None
    profile = Business(name="Studio Nord", owner_name="Dana", locale="fr_CA", currency="CAD")
    save_business(profile)
    assert get_business() == profile
    save_business(Business(name="Studio Nord inc."))
    assert get_business().name == "Studio Nord inc."
    assert models.Business.select().count() == 1


def test_backup_is_consistent_while_another_connection_writes(book, tmp_path: Path) -> None:
    _add_customer("A")
    other = sqlite3.connect(tmp_path / "book.sqlite3")
    other.execute("INSERT INTO customer (code, name, currency) VALUES ('B', 'B', 'CAD')")
    other.commit()
    target = maintenance.backup_book(tmp_path / "backups" / "copy.sqlite3")
    other.close()
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT code FROM customer ORDER BY code").fetchall() == [("A",), ("B",)]
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()


def test_restore_replaces_the_book_and_keeps_the_current_one(book, book_path: Path) -> None:
    _add_customer("OLD")
    backup = maintenance.backup_book(book_path.parent / "saved.sqlite3")
    _add_customer("NEW")
    kept = maintenance.restore_book(backup, book_path)
    assert [c.code for c in models.Customer.select()] == ["OLD"]
    conn = sqlite3.connect(kept)
    assert {r[0] for r in conn.execute("SELECT code FROM customer")} == {"OLD", "NEW"}
    conn.close()


def test_restore_refuses_a_file_that_is_not_a_backup(book, book_path: Path) -> None:
    _add_customer("KEEP")
    bogus = book_path.parent / "notes.txt"
    bogus.write_text("hello")
    with pytest.raises(BadInput, match="not a Diva Desk backup"):
        maintenance.restore_book(bogus, book_path)
    assert [c.code for c in models.Customer.select()] == ["KEEP"]


def test_clear_book_removes_every_record(book) -> None:
    save_business(Business(name="X"))
    customer = _add_customer()
    invoice = models.Invoice.create(
        number="1",
        customer=customer,
        issue_date=dt.date(2026, 1, 1),
        due_date=dt.date(2026, 1, 31),
        state="sent",
        currency="CAD",
        total_minor=1000,  # $10.00
    )
    models.Payment.create(invoice=invoice, date=dt.date(2026, 1, 5), amount_minor=500)
    maintenance.clear_book()
    assert all(
        model.select().count() == 0 for model in models.ALL_MODELS if model is not models.Setting
    )


def test_step_3_adds_the_lists_indexes_to_a_step_2_book_kept_aside(book_path: Path) -> None:
    """A version-2 book opens at version 3 with the indexes the lists sort and filter by,
    its rows untouched, after a copy of it was kept aside."""
    open_book(book_path, steps=schema.STEPS[:2])
    _add_customer()
    close_book()
    database = open_book(book_path)
    try:
        assert schema_version(database) == len(schema.STEPS) >= 3
        indexes = {row[0] for row in database.execute_sql("SELECT name FROM sqlite_master")}
        assert {
            "payment_invoice_date",
            "invoice_issued_sales",
            "invoice_currency_totals",
            "invoice_number_folded",
            "invoice_number_unusual",
        } <= indexes
        assert database.execute_sql("SELECT code FROM customer").fetchall() == [("ACME",)]
    finally:
        close_book()
    (copy,) = book_path.parent.glob("book.v2-*.sqlite3")
    kept = sqlite3.connect(copy)
    assert kept.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "invoice_issued_sales" not in {
        row[0] for row in kept.execute("SELECT name FROM sqlite_master")
    }
    kept.close()
