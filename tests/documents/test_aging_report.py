"""The aging report exported: a PDF with a table and totals per currency, and a safe CSV."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

from diva_desk.core.papers import AgingDocument
from diva_desk.core.records import BookContents, Customer, Invoice, InvoiceLine, Payment
from diva_desk.core.reports.aging import AgingBucket, AgingTotals
from diva_desk.core.reports.receivables import AgingReport, AgingRow
from diva_desk.documents.aging_report import aging_report_pdf
from diva_desk.errors import BadInput
from diva_desk.exports.aging import aging_csv, aging_pdf
from diva_desk.i18n import format as fmt
from diva_desk.store.contents.writing import add_contents

AS_OF = dt.date(2026, 11, 23)
D = Decimal


def en(amount: str, currency: str) -> str:
    """An amount as an en_CA document prints it, from Babel rather than one CLDR release."""
    return fmt.money(Decimal(amount), currency, "en_CA")


def day(year: int, month: int, date: int) -> str:
    """A date as an en_CA document prints it (medium)."""
    return fmt.date(dt.date(year, month, date), "medium", "en_CA")


def row(currency: str, amounts: list[str], code: str = "", name: str = "", cid: int | None = None):
    buckets = {b: D(a) for b, a in zip(AgingBucket, amounts, strict=True)}
    return AgingRow(
        currency=currency,
        aging=AgingTotals(buckets),
        oldest_due_date=dt.date(2026, 8, 1),
        customer_id=cid,
        code=code,
        name=name,
    )


@pytest.fixture
def report() -> AgingReport:
    return AgingReport(
        as_of=AS_OF,
        totals=(
            row("CAD", ["1200.00", "800.00", "0.00", "450.00", "0.00"]),
            row("USD", ["0.00", "0.00", "0.00", "0.00", "45.50"]),
        ),
        customers=(
            row("CAD", ["0.00", "800.00", "0.00", "450.00", "0.00"], "ACME", "Acme Bakery Ltd.", 1),
            row(
                "CAD",
                ["1200.00", "0.00", "0.00", "0.00", "0.00"],
                "ŁODZ",
                "Łódź Café & Co <Ltd>",
                2,
            ),
            row(
                "USD", ["0.00", "0.00", "0.00", "0.00", "45.50"], "ŁODZ", "Łódź Café & Co <Ltd>", 2
            ),
        ),
    )


def test_pdf_shows_each_customer_and_a_total_per_currency(business, report, pdf_pages, flat):
    text = flat(" ".join(pdf_pages(aging_report_pdf(AgingDocument(business, report)))))
    assert "AGING REPORT" in text
    assert day(2026, 11, 23) in text
    assert "Acme Bakery Ltd." in text and "Łódź Café & Co <Ltd>" in text
    cad_row = " ".join(en(a, "CAD") for a in ["1200.00", "800.00", "0.00", "450.00", "0.00"])
    assert "Total CAD" in text and f"{cad_row} {en('2450.00', 'CAD')}" in text
    assert "Total USD" in text and en("45.50", "USD") in text
    # Acme's row: dashes where nothing is owed, its total in full.
    acme = f"— {en('800.00', 'CAD')} — {en('450.00', 'CAD')} — {en('1250.00', 'CAD')}"
    assert f"Acme Bakery Ltd. ACME {acme}" in text
    # Two customers owe (one of them in two currencies).
    assert "Customers owing 2" in text
    # Each currency under its own heading; the amounts never added across them.
    assert "Canadian Dollar (CAD)" in text and "US Dollar (USD)" in text
    assert en("2495.50", "CAD") not in text


def test_pdf_in_the_business_locale(business, report, pdf_pages, flat):
    french = dataclasses.replace(business, locale="fr_CA")
    text = flat(" ".join(pdf_pages(aging_report_pdf(AgingDocument(french, report)))))
    assert flat(fmt.money(Decimal("2450.00"), "CAD", "fr_CA")) in text
    assert flat(fmt.date(AS_OF, "medium", "fr_CA")) in text


def test_pdf_when_nothing_is_owed(business, pdf_pages, flat):
    empty = AgingReport(as_of=AS_OF, totals=(), customers=())
    text = flat(" ".join(pdf_pages(aging_report_pdf(AgingDocument(business, empty)))))
    assert f"Nothing is owed on {day(2026, 11, 23)}." in text


def test_a_long_report_runs_over_pages_with_the_header_repeated(business, pdf_pages):
    many = tuple(
        row("CAD", ["10.00", "0.00", "0.00", "0.00", "0.00"], f"C{n:03d}", f"Customer {n}", n)
        for n in range(120)
    )
    report = AgingReport(
        as_of=AS_OF,
        totals=(row("CAD", ["1200.00", "0.00", "0.00", "0.00", "0.00"]),),
        customers=many,
    )
    pages = pdf_pages(aging_report_pdf(AgingDocument(business, report)))
    assert len(pages) > 2
    assert all("Current" in page and "Total" in page for page in pages)
    assert "Customer 119" in pages[-1] and en("1200.00", "CAD") in pages[-1]


@pytest.fixture
def stored(book, business) -> None:
    add_contents(
        BookContents(
            business=business,
            customers=(
                Customer("ACME", "Acme Bakery Ltd."),
                Customer("EVIL", '=HYPERLINK("http://x")'),
                Customer("DASH", "-minus Design"),
            ),
            invoices=tuple(
                Invoice(
                    number=number,
                    customer=code,
                    issue_date=due - dt.timedelta(days=30),
                    due_date=due,
                    lines=(InvoiceLine("Work", D("1"), D(amount)),),
                    currency=currency,
                )
                for number, code, amount, due, currency in [
                    ("I-1", "ACME", "1000.00", AS_OF - dt.timedelta(days=12), "CAD"),
                    ("I-2", "EVIL", "99.99", AS_OF - dt.timedelta(days=100), "CAD"),
                    ("I-3", "DASH", "10.00", AS_OF + dt.timedelta(days=3), "USD"),
                ]
            ),
            payments=(Payment("I-1", AS_OF - dt.timedelta(days=1), D("200.00")),),
        )
    )


def test_csv_opens_in_a_spreadsheet_as_it_is(stored, tmp_path: Path):
    path = tmp_path / "aging.csv"
    assert aging_csv(path, AS_OF) == 3
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark, so Excel reads UTF-8"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == [
        "Code", "Customer", "Currency", "Current", "1–30 days", "31–60 days", "61–90 days",
        "Over 90 days", "Total", "Oldest due date",
    ]  # fmt: skip
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["ACME"][3:9] == ["0.00", "800.00", "0.00", "0.00", "0.00", "800.00"]
    # Names a spreadsheet would run as a formula are text.
    assert by_code["EVIL"][1] == '\'=HYPERLINK("http://x")'
    assert by_code["DASH"][1] == "'-minus Design"
    assert by_code["EVIL"][7] == "99.99"
    totals = [r for r in rows if r[0] == ""]
    assert [(t[1], t[2], t[8]) for t in totals] == [
        ("Total CAD", "CAD", "899.99"),
        ("Total USD", "USD", "10.00"),
    ]


def test_csv_for_a_past_day(stored, tmp_path: Path):
    path = tmp_path / "aging.csv"
    aging_csv(path, AS_OF - dt.timedelta(days=2))
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    acme = next(r for r in rows if r[0] == "ACME")
    assert acme[8] == "1000.00", "the 200 paid yesterday had not come two days ago"


def test_pdf_from_the_book(stored, pdf_pages, flat):
    text = flat(" ".join(pdf_pages(aging_pdf(AS_OF))))
    assert "Studio Lumière Design" in text
    assert "Acme Bakery Ltd." in text and "Total CAD" in text and en("899.99", "CAD") in text


def test_pdf_needs_a_business_profile(book):
    with pytest.raises(BadInput, match="business profile"):
        aging_pdf(AS_OF)
