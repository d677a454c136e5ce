"""A French-speaking customer of an English book, through the command line: their invoice
and reminder letter in French words and figures, their call in one language."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from diva_desk.i18n import _, speaking
from diva_desk.i18n.format import money
from diva_desk.store.calls.talking_points import has_templates
from tests.cli.test_cli import SAMPLE, assert_no_traceback, run

ENGLISH_AMOUNT = re.compile(r"\$\d")
FRENCH_AMOUNT = re.compile(r"\d,\d\d \$")


def _read(path: Path) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture
def book(tmp_path: Path) -> Path:
    """The sample book made English, its customer ACME (owing on DD-1040) French."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["business"]["locale"] = "en_CA"
    for customer in document["customers"]:
        if customer["code"] == "ACME":
            customer["language"] = "fr_CA"
    source = tmp_path / "book.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    data = tmp_path / "data"
    assert run("import", str(source), data_dir=data).returncode == 0
    return data


def test_their_invoice_and_reminder_are_in_french(book: Path, tmp_path: Path) -> None:
    invoice, letter = tmp_path / "invoice.pdf", tmp_path / "letter.pdf"
    made = run("invoice-pdf", "DD-1040", "-o", str(invoice), data_dir=book)
    assert made.returncode == 0, made.stderr
    sent = run("reminder-pdf", "ACME", "--date", "2026-11-23", "-o", str(letter), data_dir=book)
    assert sent.returncode == 0, sent.stderr
    with speaking("fr_CA"):
        balance_due, reminder = _("Balance due"), _("Friendly reminder: account {account}")
    owed = _flat(money(Decimal("141.28"), "CAD", "fr_CA"))
    assert f"{_flat(balance_due)} {owed}" in _read(invoice)
    assert "Balance due" not in _read(invoice) and "$141.28" not in _read(invoice)
    assert _flat(reminder.format(account="ACME")) in _read(letter)
    assert "$141.28" not in _read(letter)
    # The book's English: the command's own words are the owner's.
    assert "Friendly reminder" not in _read(letter)


def test_their_call_is_in_one_language(book: Path) -> None:
    """The talking points in French once they ship in French, else in the book's English:
    the amount always in the same language as the sentence around it."""
    result = run("today", "--date", "2026-11-23", "--json", data_dir=book)
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    [acme] = [c for c in json.loads(result.stdout)["calls"] if c["customer"] == "ACME"]
    spoken = _flat(" ".join(acme["talking_points"]))
    if has_templates("fr_CA"):
        assert FRENCH_AMOUNT.search(spoken) and not ENGLISH_AMOUNT.search(spoken)
    else:
        assert ENGLISH_AMOUNT.search(spoken) and not FRENCH_AMOUNT.search(spoken)
    # The reasons are the owner's, in the book's English.
    assert ENGLISH_AMOUNT.search(acme["reasons"][0]["text"])
