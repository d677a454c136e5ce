"""``diva-desk import-bank`` from outside: an OFX download into a book with traps."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.bank.bank_books import trap_document
from tests.bank.test_ofx import sgml, trn
from tests.cli.test_cli import assert_no_traceback, run

OFX = sgml(
    trn("20261117000", "20261117", "4520.00", "E-TRANSFER ACME SONS", "INV-1001")
    + trn("20261117001", "20261117", "300.00", "MOBILE DEPOSIT", "ACME SONS")
    + trn("20261117002", "20261117", "-4.75", "TIM HORTONS #123", kind="POS")
    + trn("20261117006", "20261117", "250.00", "TWIN PEAKS STUDIO")
    + trn("20261117007", "20261117", "-1200.00", "RENT", kind="DEBIT"),
    account="1234567",
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    book = tmp_path / "book.json"
    book.write_text(json.dumps(trap_document()), encoding="utf-8")
    assert run("import", str(book), data_dir=data).returncode == 0
    return data


def _statement(tmp_path: Path) -> Path:
    path = tmp_path / "chequing.ofx"
    path.write_bytes(OFX.encode("cp1252"))
    return path


def _payments(folder: Path) -> list[tuple]:
    with sqlite3.connect(folder / "book.sqlite3") as book:
        return list(book.execute("SELECT invoice_id, date, amount_cents, method FROM payment"))


EXPECTED = {
    "file": "chequing.ofx",
    "account": "1234567",
    "matched": [
        {"transaction": "20261117000", "date": "2026-11-17", "amount": "4520.00",
         "invoice": "INV-1001", "customer": "ACME", "how": "invoice number"},
        {"transaction": "20261117001", "date": "2026-11-17", "amount": "300.00",
         "invoice": "INV-1010", "customer": "ACME", "how": "name and amount"},
    ],
    "review": [
        {"transaction": "20261117006", "date": "2026-11-17", "amount": "250.00",
         "description": "TWIN PEAKS STUDIO", "candidates": ["INV-3001", "INV-3002"]},
    ],
    "ignored": 2,
    "already_imported": 0,
}  # fmt: skip


def test_dry_run_then_import_then_again(tmp_path: Path, folder: Path) -> None:
    statement = _statement(tmp_path)
    before = _payments(folder)
    # The day's copy was taken by the import above; a dry run must not need one.
    for copy in (folder / "backups").glob("*"):
        copy.unlink()
    dry = run("import-bank", str(statement), "--dry-run", "--json", data_dir=folder)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) == EXPECTED
    assert _payments(folder) == before
    assert list((folder / "backups").glob("*")) == []

    done = run("import-bank", str(statement), "--json", data_dir=folder)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == EXPECTED
    assert len(_payments(folder)) == len(before) + 2

    again = run("import-bank", str(statement), "--json", data_dir=folder)
    assert again.returncode == 0, again.stderr
    result = json.loads(again.stdout)
    assert (result["matched"], result["ignored"], result["already_imported"]) == ([], 0, 4)
    assert result["review"] == EXPECTED["review"]
    assert len(_payments(folder)) == len(before) + 2


def test_the_text_form(tmp_path: Path, folder: Path) -> None:
    result = run("import-bank", str(_statement(tmp_path)), "--dry-run", data_dir=folder)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "chequing.ofx, account 1234567 (CAD):"
    assert lines[1] == "Would record 2 payments:"
    assert "INV-1001" in lines[2] and "$4,520.00" in lines[2] and "Invoice number" in lines[2]
    assert "Name and amount" in lines[3]
    assert lines[4] == "1 line waits for review in the app:"
    assert "TWIN PEAKS STUDIO" in lines[5] and "INV-3001, INV-3002" in lines[5]
    why = "Two or more of Twin Peaks Studio's open invoices owe exactly this amount."
    assert lines[6] == "      " + why
    assert lines[7] == "2 debits ignored; 0 transactions already imported."
    assert lines[8] == "Nothing was written (dry run)."


def test_a_bad_file_is_one_line_and_exit_2(tmp_path: Path, folder: Path) -> None:
    before = _payments(folder)
    path = tmp_path / "chequing.ofx"
    for content, said in [(b"", "is empty"), (b"<OFX><BANKMSGSRSV1>broken", "cut short")]:
        path.write_bytes(content)
        result = run("import-bank", str(path), data_dir=folder)
        assert result.returncode == 2
        assert_no_traceback(result)
        assert len(result.stderr.strip().splitlines()) == 1 and said in result.stderr
    missing = run("import-bank", str(tmp_path / "nope.ofx"), data_dir=folder)
    assert missing.returncode == 2 and "no such file" in missing.stderr
    assert _payments(folder) == before


def test_a_td_csv_without_header_account_or_ids(tmp_path: Path, folder: Path) -> None:
    """TD's download names no account, no currency and no transaction ids: the book's
    currency is assumed and each line's digest keeps the second import from recording."""
    csv = tmp_path / "td.csv"
    csv.write_text(
        "11/17/2026,E-TRANSFER ***Xyz INV-1001,,1000.00,3410.55\n"
        "11/17/2026,TIM HORTONS #1234,4.75,,2410.55\n"
        "11/18/2026,MOBILE DEPOSIT ACME SONS,,300.00,2710.55\n",
        encoding="utf-8",
    )
    before = len(_payments(folder))
    done = run("import-bank", str(csv), "--json", data_dir=folder)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert [(m["invoice"], m["amount"], m["how"]) for m in result["matched"]] == [
        ("INV-1001", "1000.00", "invoice number"),  # a part payment
        ("INV-1010", "300.00", "name and amount"),
    ]
    assert (result["account"], result["ignored"]) == ("", 1)
    again = json.loads(run("import-bank", str(csv), "--json", data_dir=folder).stdout)
    assert (again["matched"], again["already_imported"]) == ([], 3)
    assert len(_payments(folder)) == before + 2
