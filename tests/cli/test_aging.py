"""``diva-desk aging`` through the real entry point: the spec's JSON and a readable table."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from diva_desk import paths
from diva_desk.core.records import (
    BookContents,
    Business,
    Customer,
    Invoice,
    InvoiceLine,
    InvoiceState,
    Payment,
)
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import add_contents

SCRIPT = Path(sys.executable).with_name("diva-desk")
AS_OF = dt.date(2026, 11, 23)
BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"]


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
    )


def ago(days: int) -> dt.date:
    return AS_OF - dt.timedelta(days=days)


def _invoice(number: str, customer: str, amount: str, due: dt.date, **kw: object) -> Invoice:
    return Invoice(
        number=number,
        customer=customer,
        issue_date=due - dt.timedelta(days=30),
        due_date=due,
        lines=(InvoiceLine("Work", Decimal("1"), Decimal(amount)),),
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """ACME: 800 in 1-30 and 450 in 61-90; BETA: 1200 current and 45.50 USD 90+ days;
    CALM paid up; a void and a draft that owe nothing. Dates count back from AS_OF.
    BETA's name starts with "=", so it sorts first (and tests nothing breaks on it).
    """
    folder = tmp_path / "data"
    folder.mkdir()
    open_book(paths.book_path(folder))
    try:
        add_contents(
            BookContents(
                business=Business(name="Studio"),
                customers=(
                    Customer("ACME", "Acme Ltd."),
                    Customer("BETA", "=Beta Corp"),
                    Customer("CALM", "Calm Co."),
                ),
                invoices=(
                    _invoice("I-1", "ACME", "1000.00", ago(12)),
                    _invoice("I-2", "ACME", "450.00", ago(75)),
                    _invoice("I-3", "BETA", "1200.00", ago(-5)),
                    _invoice("I-4", "BETA", "45.50", ago(120), currency="USD"),
                    _invoice("I-5", "CALM", "300.00", ago(40)),
                    _invoice("I-6", "ACME", "999.00", ago(200), state=InvoiceState.VOID),
                    _invoice("I-7", "ACME", "777.00", ago(10), state=InvoiceState.DRAFT),
                ),
                payments=(
                    Payment("I-1", ago(3), Decimal("200.00")),
                    Payment("I-5", ago(30), Decimal("300.00")),
                ),
            )
        )
    finally:
        close_book()
    return folder


def test_json_is_the_spec_shape_with_hand_computed_figures(data: Path) -> None:
    result = run("aging", "--json", "--date", AS_OF.isoformat(), data_dir=data)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload == {
        "date": "2026-11-23",
        "totals": [
            {"currency": "CAD", "current": "1200.00", "1-30": "800.00", "31-60": "0.00",
             "61-90": "450.00", "90+": "0.00", "total": "2450.00"},
            {"currency": "USD", "current": "0.00", "1-30": "0.00", "31-60": "0.00",
             "61-90": "0.00", "90+": "45.50", "total": "45.50"},
        ],
        "customers": [
            {"code": "BETA", "currency": "CAD", "current": "1200.00", "1-30": "0.00",
             "31-60": "0.00", "61-90": "0.00", "90+": "0.00", "total": "1200.00"},
            {"code": "BETA", "currency": "USD", "current": "0.00", "1-30": "0.00",
             "31-60": "0.00", "61-90": "0.00", "90+": "45.50", "total": "45.50"},
            {"code": "ACME", "currency": "CAD", "current": "0.00", "1-30": "800.00",
             "31-60": "0.00", "61-90": "450.00", "90+": "0.00", "total": "1250.00"},
        ],
    }  # fmt: skip


def test_a_past_date_shows_the_book_as_it_was(data: Path) -> None:
    # Four days ago the 200 paid on I-1 had not come yet.
    result = run("aging", "--json", "--date", ago(4).isoformat(), data_dir=data)
    payload = json.loads(result.stdout)
    acme = next(row for row in payload["customers"] if row["code"] == "ACME")
    assert (acme["1-30"], acme["total"]) == ("1000.00", "1450.00")
    assert payload["date"] == ago(4).isoformat()
    # Long ago nothing was owed at all: empty lists, not an error.
    empty = json.loads(run("aging", "--json", "--date", "2020-01-01", data_dir=data).stdout)
    assert empty == {"date": "2020-01-01", "totals": [], "customers": []}


def test_default_date_is_today(data: Path) -> None:
    payload = json.loads(run("aging", "--json", data_dir=data).stdout)
    assert payload["date"] == dt.date.today().isoformat()
    for row in payload["totals"] + payload["customers"]:
        assert all(re.fullmatch(r"\d+\.\d\d", row[key]) for key in [*BUCKETS, "total"])
        assert sum(Decimal(row[b]) for b in BUCKETS) == Decimal(row["total"])


def test_plain_text_is_an_aligned_table_with_totals(data: Path) -> None:
    result = run("aging", "--date", AS_OF.isoformat(), data_dir=data)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Nov 23, 2026" in lines[0]
    body = [line for line in lines if line.startswith(("ACME", "BETA", "CALM"))]
    assert [line.split()[0] for line in body] == ["BETA", "BETA", "ACME"]
    acme = body[2]
    assert "$800.00" in acme and "$450.00" in acme and acme.endswith("$1,250.00")
    total_cad = next(line for line in lines if "Total CAD" in line)
    assert total_cad.endswith("$2,450.00")
    assert next(line for line in lines if "Total USD" in line).endswith("US$45.50")
    # Every amount column ends at the same place on every row.
    table = [line for line in lines[2:] if line and not set(line) <= {"-", " "}]
    assert len({len(line) for line in table}) == 1


def test_nothing_owed_says_so(data: Path) -> None:
    result = run("aging", "--date", "2020-01-01", data_dir=data)
    assert result.returncode == 0
    assert result.stdout.strip() == "Nothing is owed on Jan 1, 2020."


def test_bad_date_is_one_line_and_exit_2(data: Path) -> None:
    result = run("aging", "--date", "2026-02-30", data_dir=data)
    assert result.returncode == 2
    assert '"2026-02-30" is not a date in the form YYYY-MM-DD' in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_help_says_who_is_left_out(tmp_path: Path) -> None:
    result = run("aging", "--help", data_dir=tmp_path)
    assert result.returncode == 0
    assert "owing nothing are left out" in " ".join(result.stdout.split())
