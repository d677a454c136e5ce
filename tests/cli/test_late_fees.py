"""``diva-desk late-fees`` through the real entry point: the spec's JSON, text, --apply twice."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D
from pathlib import Path

from diva_desk import paths
from diva_desk.core import records as r
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import add_contents


def _book(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    open_book(paths.book_path(folder))
    try:
        add_contents(
            r.BookContents(
                business=r.Business(name="Maple & Co.", late_fee_percent_per_month=D(2)),
                customers=(r.Customer(code="ACME", name="Acme Ltd."),),
                invoices=(
                    r.Invoice(
                        number="INV-1001",
                        customer="ACME",
                        issue_date=dt.date(2026, 9, 16),
                        due_date=dt.date(2026, 10, 16),
                        lines=(r.InvoiceLine("Design", D(1), D("4520.00")),),
                    ),
                ),
            )
        )
    finally:
        close_book()
    return folder


SPEC = {
    "date": "2026-12-03",
    "charges": [
        {
            "customer": "ACME",
            "currency": "CAD",
            "amount": "142.66",
            "invoices": [{"invoice": "INV-1001", "days": 48, "balance": "4520.00"}],
        }
    ],
}


def test_json_is_the_spec_example(tmp_path: Path, cli):
    folder = _book(tmp_path)
    code, out, err = cli("--data-dir", folder, "late-fees", "--date", "2026-12-03", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == SPEC


def test_apply_twice_on_one_day_charges_once(tmp_path: Path, cli):
    folder = _book(tmp_path)
    code, out, _err = cli("--data-dir", folder, "late-fees", "--date", "2026-12-03", "--apply")
    assert code == 0
    assert "Interest on INV-1001, 48 days at 2% a month, on a balance of $4,520.00" in out
    assert "Wrote INV-1 to ACME: $142.66." in out
    code, out, _err = cli(
        "--data-dir", folder, "late-fees", "--date", "2026-12-03", "--apply", "--json"
    )
    assert (code, json.loads(out)) == (0, {"date": "2026-12-03", "charges": []})
    code, out, _err = cli("--data-dir", folder, "late-fees", "--date", "2026-12-03")
    assert out.strip() == "No late interest is due on Dec 3, 2026."
    # The charge is an invoice like any other: aging counts it.
    code, out, _err = cli("--data-dir", folder, "aging", "--date", "2026-12-03", "--json")
    assert json.loads(out)["totals"][0]["total"] == "4662.66"


def test_a_bad_date_is_a_usage_error(tmp_path: Path, cli):
    folder = _book(tmp_path)
    code, out, err = cli("--data-dir", folder, "late-fees", "--date", "2026-02-30")
    assert code == 2 and out == ""
    assert "2026-02-30" in err and "Traceback" not in err
