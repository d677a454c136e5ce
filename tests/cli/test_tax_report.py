"""``diva-desk tax-report`` through the real entry point: the period's tax per name."""

from __future__ import annotations

import datetime as dt
import json
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
    LineTax,
)
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import add_contents

from .test_aging import run

D = Decimal
GST_QST = (LineTax("GST", D(5)), LineTax("QST", D("9.975")))


def _invoice(number: str, day: dt.date, price: str, *, currency: str = "CAD", **kw) -> Invoice:
    taxes = GST_QST if currency == "CAD" else ()
    return Invoice(
        number=number,
        customer="Q",
        issue_date=day,
        due_date=day + dt.timedelta(days=30),
        lines=(InvoiceLine("Design", D(3), D(price), taxes=taxes),),
        currency=currency,
        **kw,
    )


def _book(tmp_path: Path, locale: str = "en_CA") -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    open_book(paths.book_path(folder))
    try:
        add_contents(
            BookContents(
                business=Business(name="Studio", locale=locale),
                customers=(Customer("Q", "Québec Inc."),),
                invoices=(
                    _invoice("I-1", dt.date(2026, 7, 1), "33.33"),  # first day: in
                    _invoice("I-2", dt.date(2026, 9, 30), "100.00"),  # last day: in
                    _invoice("I-3", dt.date(2026, 6, 30), "500.00"),  # before: out
                    _invoice("I-4", dt.date(2026, 8, 1), "900.00", state=InvoiceState.VOID),
                    _invoice("I-5", dt.date(2026, 8, 1), "700.00", state=InvoiceState.DRAFT),
                    _invoice("I-6", dt.date(2026, 8, 2), "1000", currency="JPY"),
                ),
            )
        )
    finally:
        close_book()
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return _book(tmp_path)


def test_json_gives_each_tax_with_its_taxable_sales_per_currency(data: Path) -> None:
    done = run("tax-report", "--from", "2026-07-01", "--to", "2026-09-30", "--json", data_dir=data)
    assert done.returncode == 0, done.stderr
    # I-1: 99.99 net, GST 5.00 (4.9995), QST 9.97 (9.974...); I-2: 300.00, 15.00, 29.93
    assert json.loads(done.stdout) == {
        "from": "2026-07-01",
        "to": "2026-09-30",
        "currencies": [
            {
                "currency": "CAD",
                "invoices": 2,
                "sales": "399.99",
                "tax_collected": "59.90",
                "taxes": [
                    {"name": "GST", "rates": ["5"], "taxable_sales": "399.99",
                     "tax_collected": "20.00"},
                    {"name": "QST", "rates": ["9.975"], "taxable_sales": "399.99",
                     "tax_collected": "39.90"},
                ],
            },
            {"currency": "JPY", "invoices": 1, "sales": "3000", "tax_collected": "0",
             "taxes": []},
        ],
    }  # fmt: skip


def test_the_table_reads_in_a_terminal(data: Path) -> None:
    done = run("tax-report", "--from", "2026-07-01", "--to", "2026-09-30", data_dir=data)
    assert done.returncode == 0, done.stderr
    assert "CAD: sales $399.99 on 2 invoices" in done.stdout
    assert any(row.split()[:2] == ["QST", "9.975%"] for row in done.stdout.splitlines())
    assert "No sales tax was charged." in done.stdout  # the yen invoice


def test_a_french_book_names_the_taxes_tps_and_tvq_and_its_json_keeps_the_names(
    tmp_path: Path,
) -> None:
    data = _book(tmp_path, "fr_CA")
    done = run("tax-report", "--from", "2026-07-01", "--to", "2026-09-30", data_dir=data)
    assert done.returncode == 0, done.stderr
    rows = [row.split()[:1] for row in done.stdout.splitlines()]
    assert ["TPS"] in rows and ["TVQ"] in rows and ["GST"] not in rows
    done = run("tax-report", "--from", "2026-07-01", "--to", "2026-09-30", "--json", data_dir=data)
    names = [t["name"] for c in json.loads(done.stdout)["currencies"] for t in c["taxes"]]
    assert names == ["GST", "QST"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-10-01", "--to", "2026-09-30"),
         "diva-desk: --from 2026-10-01 is after --to 2026-09-30; give the first day of the "
         "period first.\n"),
        (("--from", "2026-02-30", "--to", "2026-09-30"),
         'diva-desk tax-report: argument --from: "2026-02-30" is not a date in the form '
         "YYYY-MM-DD (see diva-desk tax-report --help)\n"),
        (("--to", "2026-09-30"),
         "diva-desk tax-report: the following arguments are required: --from (see diva-desk "
         "tax-report --help)\n"),
    ],
)  # fmt: skip
def test_bad_dates_exit_2_with_one_sentence(data: Path, args: tuple[str, ...], message: str):
    done = run("tax-report", *args, data_dir=data)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", message)
