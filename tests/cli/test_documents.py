"""invoice-pdf and statement-pdf through the real entry point, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from diva_desk.i18n import _, speaking
from diva_desk.i18n.format import money

SCRIPT = Path(sys.executable).with_name("diva-desk")
SAMPLE = Path(__file__).parents[1] / "interchange" / "data" / "sample-book.json"


def run(*args: str, data_dir: Path, cwd: Path) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    command = [str(SCRIPT), "--data-dir", str(data_dir), *args]
    return subprocess.run(
        command, capture_output=True, text=True, env=environ, cwd=cwd, timeout=120
    )


def french(message: str, **values: str) -> str:
    """``message`` as the French catalog says it (the sample book speaks fr_CA)."""
    with speaking("fr_CA"):
        return plain(_(message).format(**values) if values else _(message))


def french_part(message: str, **values: str) -> str:
    """The part of ``message`` after its first placeholder, in French (a name before it)."""
    said = french(message, **{key: "\0" for key in values})
    return said.split("\0", 1)[-1].strip().rstrip(".")


def pdf_text(path: Path) -> str:
    """The document's words separated by single spaces (line breaks and no-break spaces too)."""
    return plain("\n".join(page.extract_text() for page in PdfReader(path).pages))


def plain(text: str) -> str:
    """Words separated by single spaces, without invisible direction marks."""
    return " ".join(text.replace("\u200e", "").replace("\u200f", "").split())


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A data folder holding the sample book (business locale fr_CA, prefix DD-)."""
    data = tmp_path / "data"
    result = run("import", str(SAMPLE), data_dir=data, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return data


def one_line_error(result: subprocess.CompletedProcess, code: int, message: str) -> None:
    assert result.returncode == code
    assert message in plain(result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr + result.stdout


def test_invoice_pdf_writes_number_pdf_in_the_current_folder(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run("invoice-pdf", "DD-1040", data_dir=sample, cwd=out)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["DD-1040.pdf"]
    text = pdf_text(out / "DD-1040.pdf")
    assert "DD-1040" in text
    assert "Acme Ltd. <Head Office> & Co." in text
    # 241.28 total, 100.00 paid, in the business's fr_CA format.
    # The book and its customers speak French: French words around French figures.
    assert french("Balance due") + " " + plain(money(Decimal("141.28"), "CAD", "fr_CA")) in text
    assert french("Page {page} of {pages}").format(page=1, pages=1) in text


def test_invoice_pdf_to_a_named_file(sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "for Nour.pdf"
    result = run("invoice-pdf", "DD-1041", "-o", str(target), data_dir=sample, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = pdf_text(target)
    assert "DD-1041" in text
    # The customer reads Arabic, but the app has no Arabic catalog, so the whole
    # invoice is in the business's language: 2501.00, half paid, in fr_CA.
    assert french("Balance due") + " " + plain(money(Decimal("1250.50"), "USD", "fr_CA")) in text
    assert not list(tmp_path.glob(".*partial"))


def test_unknown_invoice_exits_2_with_one_line(sample: Path, tmp_path: Path) -> None:
    result = run("invoice-pdf", "INV-9", data_dir=sample, cwd=tmp_path)
    one_line_error(result, 2, french("no invoice {number} in the book", number="INV-9"))
    assert not (tmp_path / "INV-9.pdf").exists()


def test_output_into_a_missing_folder_is_a_clear_error(sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "x.pdf"
    result = run("invoice-pdf", "DD-1040", "-o", str(target), data_dir=sample, cwd=tmp_path)
    one_line_error(
        result,
        2,
        french(
            "cannot write {file}: the folder {folder} does not exist",
            file=str(target),
            folder=str(target.parent),
        ),
    )
    assert str(target.parent) in result.stderr
    assert not target.parent.exists()


def test_a_number_with_slashes_stays_in_the_current_folder(tmp_path: Path) -> None:
    book = json.loads(SAMPLE.read_text(encoding="utf-8"))
    book["invoices"] = [dict(book["invoices"][0], number="../2026/041")]
    book["payments"] = []
    for kind in ("promises", "payment_plans", "followups", "interactions"):
        book[kind] = []
    (tmp_path / "slash.json").write_text(json.dumps(book), encoding="utf-8")
    data, out = tmp_path / "data", tmp_path / "out"
    out.mkdir()
    assert run("import", str(tmp_path / "slash.json"), data_dir=data, cwd=tmp_path).returncode == 0
    result = run("invoice-pdf", "../2026/041", data_dir=data, cwd=out)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["-2026-041.pdf"]
    assert "../2026/041" in pdf_text(out / "-2026-041.pdf")


def test_statement_pdf_lists_what_the_customer_owes(sample: Path, tmp_path: Path) -> None:
    result = run("statement-pdf", "ACME", data_dir=sample, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    target = tmp_path / f"ACME-statement-{dt.date.today().isoformat()}.pdf"
    text = pdf_text(target)
    assert "Acme Ltd. <Head Office> & Co." in text
    assert "DD-1040" in text
    assert french("Total due") + " " + plain(money(Decimal("141.28"), "CAD", "fr_CA")) in text


def test_statement_since_lists_older_payments(sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "acme.pdf"
    args = ("statement-pdf", "ACME", "--since", "2026-01-01", "-o", str(target))
    result = run(*args, data_dir=sample, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = pdf_text(target)
    assert "Interac ref CA1234" in text  # the 100.00 paid on DD-1040


def test_unknown_customer_and_bad_date_exit_2(sample: Path, tmp_path: Path) -> None:
    one_line_error(
        run("statement-pdf", "NOBODY", data_dir=sample, cwd=tmp_path),
        2,
        french("no customer {code} in the book", code="NOBODY"),
    )
    one_line_error(
        run("statement-pdf", "ACME", "--since", "yesterday", data_dir=sample, cwd=tmp_path),
        2,
        french('"{text}" is not a date in the form YYYY-MM-DD', text="yesterday"),
    )


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """ACME owes on one invoice 20 days overdue (DD-2001) and one due in 10 days (DD-2002)."""
    book = json.loads(SAMPLE.read_text(encoding="utf-8"))
    today = dt.date.today()
    first = book["invoices"][0]

    def invoice(number: str, due_in: int) -> dict:
        due = today + dt.timedelta(days=due_in)
        issued = (due - dt.timedelta(days=30)).isoformat()
        return dict(
            first, number=number, issue_date=issued, sent_date=issued, due_date=due.isoformat()
        )

    book["invoices"] = [invoice("DD-2001", -20), invoice("DD-2002", 10)]
    for kind in ("payments", "promises", "payment_plans", "followups", "interactions"):
        book[kind] = []
    (tmp_path / "mixed.json").write_text(json.dumps(book), encoding="utf-8")
    data = tmp_path / "mixed-data"
    assert run("import", str(tmp_path / "mixed.json"), data_dir=data, cwd=tmp_path).returncode == 0
    return data


@pytest.mark.parametrize("level", ["friendly", "firm", "final"])
def test_reminder_pdf_asks_only_for_what_is_overdue(mixed: Path, tmp_path: Path, level) -> None:
    result = run("reminder-pdf", "ACME", "--level", level, data_dir=mixed, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    target = tmp_path / f"ACME-reminder-{level}-{dt.date.today().isoformat()}.pdf"
    assert str(target.name) in result.stdout
    text = pdf_text(target)
    assert "Acme Ltd. <Head Office> & Co." in text
    assert "DD-2001" in text and "DD-2002" not in text
    # 241.28 on each invoice: the letter's total is the overdue one's alone.
    assert "Total " + plain(money(Decimal("241.28"), "CAD", "fr_CA")) in text
    assert plain(money(Decimal("482.56"), "CAD", "fr_CA")) not in text


def test_reminder_pdf_defaults_to_friendly_and_takes_a_file(mixed: Path, tmp_path: Path) -> None:
    target = tmp_path / "letter.pdf"
    result = run("reminder-pdf", "acme", "-o", str(target), data_dir=mixed, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert french("Friendly reminder: account {account}").format(account="ACME") in pdf_text(target)


def test_reminder_pdf_refuses_when_nothing_is_overdue(sample: Path, tmp_path: Path) -> None:
    # On Nov 25, NOUR owes on DD-1041, due 2026-11-29; CAFE has only a draft.
    day = ("--date", "2026-11-25")
    one_line_error(
        run("reminder-pdf", "NOUR", *day, data_dir=sample, cwd=tmp_path),
        2,
        french_part("{customer} has nothing overdue: no reminder is needed.", customer="x"),
    )
    one_line_error(
        run("reminder-pdf", "CAFE", "--level", "final", *day, data_dir=sample, cwd=tmp_path),
        2,
        french_part(
            "{customer} owes nothing at the moment; there is nothing to remind them of.",
            customer="x",
        ),
    )
    assert not list(tmp_path.glob("*.pdf"))
    one_line_error(
        run("reminder-pdf", "ACME", "--level", "angry", data_dir=sample, cwd=tmp_path),
        2,
        french("invalid choice: %(value)r (choose from %(choices)s)").split("%(value)r")[0]
        + "'angry'",
    )


def test_codes_and_numbers_are_found_whatever_their_case(sample: Path, tmp_path: Path) -> None:
    result = run("statement-pdf", "acme", "-o", "s.pdf", data_dir=sample, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    wrote = french("Wrote the statement for {code} to {file}", code="ACME", file="\0")
    assert wrote.split("\0")[0] in plain(result.stdout)
    assert "DD-1040" in pdf_text(tmp_path / "s.pdf")
    result = run("invoice-pdf", "dd-1040", data_dir=sample, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "DD-1040.pdf").exists()
    wrote = french("Wrote invoice {number} to {file}", number="DD-1040", file="\0")
    assert wrote.split("\0")[0] in plain(result.stdout)


def test_a_case_that_matches_two_codes_is_refused(tmp_path: Path) -> None:
    book = json.loads(SAMPLE.read_text(encoding="utf-8"))
    twin = dict(book["customers"][0], code="Acme", name="Another Acme")
    book["customers"].append(twin)
    (tmp_path / "twins.json").write_text(json.dumps(book), encoding="utf-8")
    data = tmp_path / "data"
    assert run("import", str(tmp_path / "twins.json"), data_dir=data, cwd=tmp_path).returncode == 0
    one_line_error(
        run("statement-pdf", "acme", data_dir=data, cwd=tmp_path),
        2,
        french(
            "{typed} matches several customer codes ({found}): type the code exactly",
            typed="acme",
            found="ACME, Acme",
        ),
    )
    # Typed exactly, each is its own.
    assert run("statement-pdf", "Acme", data_dir=data, cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("command", ["invoice-pdf", "statement-pdf", "reminder-pdf"])
def test_help_says_where_the_file_goes(command: str, tmp_path: Path) -> None:
    result = run(command, "--help", data_dir=tmp_path, cwd=tmp_path)
    assert result.returncode == 0
    assert "default:" in result.stdout


def test_the_levels_offered_are_the_letters_levels() -> None:
    from diva_desk.commands.documents import REMINDER_LEVELS
    from diva_desk.documents.letters.reminder import ReminderLevel

    assert tuple(ReminderLevel) == REMINDER_LEVELS
