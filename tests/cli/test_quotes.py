"""``quote-pdf`` and ``accept-quote`` through the command line: the PDF read back with
pypdf, and the exit statuses of accepting (2 for twice, expired, declined, unknown)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from diva_desk import paths
from diva_desk.core.records import (
    BookContents,
    Business,
    Customer,
    InvoiceLine,
    LineTax,
    Quote,
    QuoteState,
)
from diva_desk.store.book import models as m
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import add_contents

D = Decimal
TODAY = dt.date.today()
#: 4,424.78 + 13 % HST = 5,000.00.
SHOOT = (InvoiceLine("Wedding shoot", D(1), D("4424.78"), taxes=(LineTax("HST", D(13)),)),)


def _quote(number: str, state: QuoteState, valid_days: int, **kw: object) -> Quote:
    return Quote(
        number=number,
        customer="ACME",
        issue_date=TODAY - dt.timedelta(days=20),
        valid_until=TODAY + dt.timedelta(days=valid_days),
        state=state,
        deposit_percent=D(40),
        lines=SHOOT,
        **kw,  # type: ignore[arg-type]
    )


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    open_book(paths.book_path(folder))
    try:
        add_contents(
            BookContents(
                business=Business(name="Maple & Co.", invoice_prefix="INV-"),
                customers=(Customer("ACME", "Acme Ltd.", terms_days=15, deposit_percent=D(40)),),
                quotes=(
                    _quote("Q-1", QuoteState.SENT, 10, notes="Two photographers."),
                    _quote("Q-2", QuoteState.SENT, -1),
                    _quote("Q-3", QuoteState.DECLINED, 10),
                    _quote("Q-4", QuoteState.DRAFT, 10),
                ),
            )
        )
    finally:
        close_book()
    return folder


def test_quote_pdf_says_plainly_it_is_a_quote(cli, data: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("--data-dir", data, "quote-pdf", "q-1")
    assert (code, err) == (0, "")
    assert "Q-1.pdf" in out
    text = " ".join(PdfReader(tmp_path / "Q-1.pdf").pages[0].extract_text().split())
    assert "QUOTE" in text
    assert "Quote number Q-1" in text
    until = f"{TODAY + dt.timedelta(days=10):%b} {(TODAY + dt.timedelta(days=10)).day},"
    assert f"Valid until {until}" in text
    assert "A 40% deposit of $2,000.00 confirms the booking." in text
    assert "Quote total $5,000.00" in text
    assert "Two photographers." in text
    for bill in ("Balance due", "Due by", "INVOICE", "Amount due"):
        assert bill not in text


def test_an_expired_quote_is_stamped_so(cli, data: Path, tmp_path: Path) -> None:
    target = tmp_path / "old.pdf"
    assert cli("--data-dir", data, "quote-pdf", "Q-2", "-o", target)[0] == 0
    assert "EXPIRED" in PdfReader(target).pages[0].extract_text()


def test_accepting_prints_the_invoice_and_twice_exits_2(cli, data: Path) -> None:
    code, out, err = cli("--data-dir", data, "accept-quote", "Q-1")
    assert (code, err) == (0, "")
    assert out.strip() == "Accepted quote Q-1: invoice INV-1 asks for the deposit."
    code, out, err = cli("--data-dir", data, "accept-quote", "Q-1")
    assert (code, out) == (2, "")
    assert "Q-1 was already accepted." in err
    assert len(err.strip().splitlines()) == 1
    open_book(paths.book_path(data))
    try:
        invoice = m.Invoice.get(m.Invoice.number == "INV-1")
        assert (invoice.state, invoice.deposit_minor, invoice.deposit_due_date) == (
            "sent",
            200000,
            TODAY,
        )
        assert m.Invoice.select().count() == 1
    finally:
        close_book()


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("Q-2", "Q-2 has expired"),
        ("Q-3", "Q-3 was declined."),
        ("Q-4", "Q-4 is a draft"),
        ("Q-99", "no quote Q-99 in the book"),
    ],
)
def test_a_quote_that_cannot_be_accepted_exits_2(cli, data: Path, number: str, words: str) -> None:
    code, out, err = cli("--data-dir", data, "accept-quote", number)
    assert (code, out) == (2, "")
    assert words in err
    assert "Traceback" not in err
