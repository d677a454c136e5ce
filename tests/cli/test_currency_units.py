"""A yen customer through the command line: whole yen in every JSON figure and in text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from diva_desk.i18n import format as fmt

SCRIPT = Path(sys.executable).with_name("diva-desk")

BOOK = {
    "format": "diva-desk",
    "version": 1,
    "business": {"name": "Studio", "currency": "CAD"},
    "customers": [
        {"code": "TOKYO", "name": "Tokyo KK", "currency": "JPY"},
        {"code": "ACME", "name": "Acme", "currency": "CAD"},
    ],
    "invoices": [
        {"number": "T-1", "customer": "TOKYO", "issue_date": "2026-10-01", "due_date": "2026-10-31",
         "lines": [{"description": "Work", "quantity": "3", "unit_price": "333.33"}]},
        {"number": "A-1", "customer": "ACME", "issue_date": "2026-10-01", "due_date": "2026-10-31",
         "lines": [{"description": "Work", "quantity": "3", "unit_price": "333.33"}]},
    ],
    "payments": [{"invoice": "T-1", "date": "2026-10-15", "amount": "250"}],
}  # fmt: skip


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
    )


def test_json_money_has_exactly_the_currencys_decimals(tmp_path: Path) -> None:
    source = tmp_path / "book.json"
    source.write_text(json.dumps(BOOK), encoding="utf-8")
    assert run("import", str(source), data_dir=tmp_path).returncode == 0

    result = run("customers", "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {c["code"]: c for c in json.loads(result.stdout)["customers"]}
    # 3 x 333.33 is 1,000 yen (rounded half-up to whole yen), 999.99 dollars.
    assert (rows["TOKYO"]["balance"], rows["TOKYO"]["overdue"]) == ("750", "750")
    assert rows["ACME"]["balance"] == "999.99"

    aging = run("aging", "--json", "--date", "2026-11-20", data_dir=tmp_path)
    assert aging.returncode == 0, aging.stderr
    assert '"750"' in aging.stdout and '"999.99"' in aging.stdout

    text = run("customers", data_dir=tmp_path)
    assert fmt.money(Decimal(750), "JPY", "en_CA") in text.stdout


def test_a_yen_payment_with_cents_is_refused_naming_amount(tmp_path: Path) -> None:
    book = json.loads(json.dumps(BOOK))
    book["payments"][0]["amount"] = "100.50"
    source = tmp_path / "book.json"
    source.write_text(json.dumps(book), encoding="utf-8")
    result = run("import", str(source), data_dir=tmp_path)
    assert result.returncode == 2
    assert "payments[0].amount" in result.stderr and "JPY" in result.stderr
