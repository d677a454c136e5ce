"""Interchange v2 ``bank_transactions[]`` and ``payments[].bank_transaction``: read, written,
checked, and round-tripped byte for byte."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import peewee
import pytest

from diva_desk.bank.matching import plan_bank_import
from diva_desk.bank.recording import record_bank_import
from diva_desk.errors import BadInput
from diva_desk.interchange import export_text, import_text
from diva_desk.interchange.writer import book_text
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.reading import read_contents
from tests.bank.bank_books import line, statement, trap_book, trap_document
from tests.bank.test_recording import STATEMENT, TODAY

MOMENT = dt.datetime(2026, 11, 18, 9, 0, 0)


def _imported_statements() -> None:
    trap_book()
    record_bank_import(plan_bank_import(STATEMENT, "chequing.ofx"), today=TODAY)
    usd = statement(
        line("U-1", "1200.00", "WIRE YANKEE INV-5001"),
        line("U-2", "-15.00", "WIRE FEE"),
        currency="USD",
        account="USD-77",
    )
    record_bank_import(plan_bank_import(usd, "usd.ofx"), today=TODAY)


def test_export_writes_them_and_they_round_trip(book: peewee.Database, tmp_path: Path) -> None:
    _imported_statements()
    exported = export_text(MOMENT)
    assert exported == book_text(read_contents(), MOMENT)  # streamed = the definition
    document = json.loads(exported)
    banked = document["bank_transactions"]
    assert list(document)[7] == "bank_transactions"
    assert banked[0] == {
        "account": "1234567", "transaction": "20261117000", "date": "2026-11-17",
        "amount": "4520.00", "description": "INTERAC E-TRF FROM ACME SONS INV-1001",
        "status": "recorded",
    }  # fmt: skip
    fees = next(t for t in banked if t["transaction"] == "20261117003")
    assert (fees["amount"], fees["status"]) == ("-42.10", "ignored")
    assert banked[-1] == {
        "account": "USD-77", "transaction": "U-2", "date": "2026-11-17", "amount": "-15.00",
        "currency": "USD", "description": "WIRE FEE", "status": "ignored",
    }  # fmt: skip
    from_bank = [p for p in document["payments"] if "bank_transaction" in p]
    assert [(p["invoice"], p["bank_transaction"]) for p in from_bank] == [
        ("INV-1001", "20261117000"),
        ("INV-1010", "20261117001"),
        ("INV-5001", "U-1"),
    ]
    assert "bank_transaction" not in document["payments"][0]  # typed in by hand

    close_book()
    open_book(tmp_path / "again.sqlite3")
    import_text(exported)
    assert export_text(MOMENT) == exported
    # The book knows them again: the same statement records nothing new.
    again = plan_bank_import(STATEMENT, "chequing.ofx")
    assert (again.matched, again.already_imported) == ((), 3)
    close_book()


def _v2(**changes: object) -> str:
    document = {**trap_document(), "version": 2, **changes}
    return json.dumps(document)


BANKED = {
    "account": "1234567", "transaction": "T-9", "date": "2026-11-17", "amount": "300.00",
    "description": "INV-1010", "status": "recorded",
}  # fmt: skip
PAID = {"invoice": "INV-1010", "date": "2026-11-17", "amount": "300.00", "bank_transaction": "T-9"}


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        (
            {"bank_transactions": [], "payments": [PAID]},
            'payments[0].bank_transaction: "T-9" is not among the file\'s bank_transactions',
        ),
        (
            {"bank_transactions": [{**BANKED, "status": "review"}], "payments": [PAID]},
            "has the status",
        ),
        (
            {"bank_transactions": [BANKED, BANKED]},
            'bank_transactions[1].transaction: "T-9" of account "1234567" is already',
        ),
        (
            {"bank_transactions": [{**BANKED, "amount": "-3.001"}]},
            "bank_transactions[0] (T-9).amount",
        ),
        (
            {"bank_transactions": [{**BANKED, "status": "maybe"}]},
            "bank_transactions[0] (T-9).status",
        ),
        (
            {"bank_transactions": [{**BANKED, "currency": "USD"}], "payments": [PAID]},
            "is in USD, the invoice in CAD",
        ),
    ],
)
def test_a_wrong_file_is_refused_naming_the_key(
    book: peewee.Database, changes: dict, said: str
) -> None:
    with pytest.raises(BadInput) as refused:
        import_text(_v2(**changes))
    assert said in str(refused.value)
    assert book.execute_sql("SELECT COUNT(*) FROM customer").fetchone()[0] == 0


def test_a_file_whose_transactions_the_book_has_is_refused(book: peewee.Database) -> None:
    import_text(_v2(bank_transactions=[BANKED], payments=[PAID]))
    with pytest.raises(BadInput, match="T-9 of account 1234567 is already in the book"):
        import_text(
            json.dumps({"format": "diva-desk", "version": 2, "bank_transactions": [BANKED]})
        )


def test_version_1_has_no_bank_transactions(book: peewee.Database) -> None:
    document = {**trap_document(), "bank_transactions": [BANKED]}
    with pytest.raises(BadInput, match="bank_transactions: unknown key"):
        import_text(json.dumps(document))
