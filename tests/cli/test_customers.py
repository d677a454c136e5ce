"""`customers` and `import-contacts` through the real entry point, as a script runs them."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from diva_desk.i18n import _, speaking
from diva_desk.i18n import format as fmt

SCRIPT = Path(sys.executable).with_name("diva-desk")
SAMPLE = Path(__file__).parents[1] / "interchange" / "data" / "sample-book.json"
CONTACTS = Path(__file__).parents[1] / "contacts" / "data"
KEYS = [
    "code",
    "name",
    "currency",
    "balance",
    "overdue",
    "oldest_open_date",
    "rating",
    "rating_reason",
    "suggested_terms",
]


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
    )


def customer_names(data_dir: Path) -> list[str]:
    conn = sqlite3.connect(data_dir / "book.sqlite3")
    try:
        return [r[0] for r in conn.execute("SELECT name FROM customer ORDER BY name")]
    finally:
        conn.close()


@pytest.fixture
def sample_book(tmp_path: Path) -> Path:
    result = run("import", str(SAMPLE), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_customers_json_follows_the_spec(sample_book: Path) -> None:
    result = run("customers", "--json", data_dir=sample_book)
    assert result.returncode == 0, result.stderr
    customers = json.loads(result.stdout)["customers"]
    assert all(list(c) == KEYS for c in customers)
    by_code = {c["code"]: c for c in customers}
    # OR-IL is archived and owes nothing: not on the list.
    assert sorted(by_code) == ["ACME", "CAFE", "NOUR"]

    acme = by_code["ACME"]
    assert acme["name"] == "Acme Ltd. <Head Office> & Co."
    assert (acme["currency"], acme["balance"], acme["overdue"]) == ("CAD", "141.28", "141.28")
    assert acme["oldest_open_date"] == "2026-10-01"
    # A broken promise, then an invoice long overdue: risky either way, cash or card first.
    assert acme["rating"] == "risky"
    # Said in the book's language (fr_CA in the sample).
    with speaking("fr_CA"):
        assert acme["suggested_terms"] == _("Ask for cash or card payment up front")

    nour = by_code["NOUR"]
    assert nour["name"] == "شركة النور للتجارة"
    assert (nour["currency"], nour["balance"]) == ("USD", "1250.50")
    assert re.fullmatch(r"\d+\.\d\d", nour["overdue"])

    cafe = by_code["CAFE"]
    assert (cafe["balance"], cafe["overdue"], cafe["oldest_open_date"]) == ("0.00", "0.00", None)
    with speaking("fr_CA"):
        assert (cafe["rating"], cafe["rating_reason"]) == ("new", _("no invoice paid yet"))
    # Its own deposit percent (33.3333) is offered, not the business default, written
    # the way the book's locale (fr_CA in the sample) writes numbers.
    assert "33,3333\N{NO-BREAK SPACE}%" in cafe["suggested_terms"]


def test_customers_plain_table(sample_book: Path) -> None:
    result = run("customers", data_dir=sample_book)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = lines[0]
    # Words, money and dates in the book's language (fr_CA in the sample).
    with speaking("fr_CA"):
        heads = [_(h) for h in ("Code", "Name", "Balance", "Overdue", "Oldest open", "Rating")]
        balance, risky = _("Balance"), _("Risky")
        up_front = _("Ask for cash or card payment up front")
    assert header.split() == " ".join(heads).split()
    acme = next(line for line in lines if line.startswith("ACME"))
    amount = fmt.money(Decimal("141.28"), "CAD", "fr_CA")
    oldest = fmt.date(dt.date(2026, 10, 1), "medium", "fr_CA")
    assert amount in acme and oldest in acme and acme.endswith(risky)
    # Amounts are right-aligned under their heading.
    assert acme.index(amount) + len(amount) == header.index(balance) + len(balance)
    reason = lines[lines.index(acme) + 1]
    assert reason.startswith(" " * 6) and up_front in reason


def test_a_customer_owing_in_two_currencies_shows_both_never_a_sum(tmp_path: Path) -> None:
    book = json.loads(SAMPLE.read_text(encoding="utf-8"))
    usd = dict(book["invoices"][0], number="DD-1043", currency="USD", po_number="")
    usd["issue_date"] = usd["sent_date"] = "2026-10-05"
    usd["due_date"], usd["received_confirmed_date"] = "2026-10-20", None
    usd["lines"] = [
        {"description": "Web fonts", "quantity": "1", "unit_price": "75.00",
         "tax_name": "", "tax_rate": "0"}
    ]  # fmt: skip
    book["invoices"].append(usd)
    path = tmp_path / "two-currencies.json"
    path.write_text(json.dumps(book), encoding="utf-8")
    assert run("import", str(path), data_dir=tmp_path).returncode == 0

    plain = run("customers", data_dir=tmp_path).stdout.splitlines()
    acme = next(line for line in plain if line.startswith("ACME"))
    both = (
        f"{fmt.money(Decimal('141.28'), 'CAD', 'fr_CA')} + {fmt.money(Decimal(75), 'USD', 'fr_CA')}"
    )
    assert acme.count(both) == 2  # balance and overdue: both overdue
    # The JSON keeps the spec's one figure each: the customer's own currency.
    listed = json.loads(run("customers", "--json", data_dir=tmp_path).stdout)["customers"]
    acme_json = next(c for c in listed if c["code"] == "ACME")
    assert (acme_json["balance"], acme_json["overdue"]) == ("141.28", "141.28")


def test_empty_book(tmp_path: Path) -> None:
    assert run("customers", data_dir=tmp_path).stdout.strip() == "No customers yet."
    assert json.loads(run("customers", "--json", data_dir=tmp_path).stdout) == {"customers": []}


@pytest.fixture
def english_sample_book(tmp_path: Path) -> Path:
    """The sample book with its business in English: the command's words are the book's."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["business"]["locale"] = "en_CA"
    source = tmp_path / "english.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    data = tmp_path / "english"
    assert run("import", str(source), data_dir=data).returncode == 0
    return data


def test_dry_run_writes_nothing_and_a_real_run_creates(english_sample_book: Path) -> None:
    sample_book = english_sample_book
    before = customer_names(sample_book)
    path = CONTACTS / "google-contacts.csv"
    dry = run("import-contacts", str(path), "--dry-run", data_dir=sample_book)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.startswith(f"Would create 3 customers from {path}:")
    assert "line 3: GROSSSOH  Groß & Söhne GmbH  (Jürgen Groß, " in dry.stdout
    assert "Skipped 2 rows:" in dry.stdout
    assert "line 2 (Café Crème « Chez Zoë » Inc.): duplicate: same email as CAFE" in dry.stdout
    assert "line 7 (Acme Ltd.): duplicate: same email as ACME" in dry.stdout
    assert "Nothing was written (dry run)." in dry.stdout
    assert customer_names(sample_book) == before

    real = run("import-contacts", str(path), data_dir=sample_book)
    assert real.returncode == 0, real.stderr
    assert real.stdout.startswith(f"Created 3 customers from {path}:")
    assert "dry run" not in real.stdout
    assert customer_names(sample_book) == sorted(
        [*before, "Atelier Émilie", "Groß & Söhne GmbH", "Marc Tremblay"]
    )
    # The new customers are on the list, rated new with the default 50 % deposit.
    listed = json.loads(run("customers", "--json", data_dir=sample_book).stdout)["customers"]
    gross = next(c for c in listed if c["code"] == "GROSSSOH")
    assert (gross["rating"], gross["balance"], gross["oldest_open_date"]) == ("new", "0.00", None)
    assert "50%" in gross["suggested_terms"]  # the English book writes 50%


def test_the_books_deposit_setting_is_suggested(tmp_path: Path) -> None:
    assert (
        run("import-contacts", str(CONTACTS / "contacts-v4.vcf"), data_dir=tmp_path).returncode == 0
    )
    conn = sqlite3.connect(tmp_path / "book.sqlite3")
    with conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('suggested_deposit_percent', '25')")
    conn.close()
    (ana,) = json.loads(run("customers", "--json", data_dir=tmp_path).stdout)["customers"]
    assert ana["name"] == "Núñez & Hijos S.L."
    assert "25%" in ana["suggested_terms"]


def test_skipped_rows_are_printed_with_line_and_reason(tmp_path: Path) -> None:
    result = run("import-contacts", str(CONTACTS / "broken-rows.csv"), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Created 2 customers" in result.stdout
    assert "line 3 (Bad Co): the email address “not-an-email” is not valid" in result.stdout
    assert "line 4: no name: the row names neither a company nor a person" in result.stdout
    assert customer_names(tmp_path) == ["Chez Lou", "Moreau Design"]


def test_a_spreadsheet_name_alone_is_the_customer_and_ignored_columns_are_named(
    tmp_path: Path,
) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(
        "Name,Secteur,Phone,Code,Empty\n"
        "Garçon Café,Restauration,'+1 647 555 0101,GARCON,\n"
        "Bad Code Inc,Services,,BAD CODE,\n",
        encoding="utf-8",
    )
    result = run("import-contacts", str(path), data_dir=tmp_path / "book")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Created 1 customer from {path}:"
    # Only the column that holds something is worth naming.
    assert lines[1] == "Ignored columns: Secteur"
    # No contact to ask for (the name column names the café, not a person), and the
    # phone without the apostrophe a spreadsheet export put before its "+".
    assert lines[2] == "  line 2: GARCON  Garçon Café  (+1 647 555 0101)"
    assert "line 3 (Bad Code Inc): the code “BAD CODE” is not usable" in result.stdout

    again = run("import-contacts", str(path), data_dir=tmp_path / "book")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"Nothing to create from {path}: every row is skipped.")
    assert "Created 0" not in again.stdout
    assert "line 2 (Garçon Café): duplicate: same name as GARCON" in again.stdout


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"Name,Email\n", "no contacts"),
        (b"Colour,Size\nred,10\n", "no column holds a name"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    ],
)
def test_bad_files_exit_2_with_one_line(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "contacts.csv"
    if content is not None:
        path.write_bytes(content)
    result = run("import-contacts", str(path), data_dir=tmp_path / "book")
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert customer_names(tmp_path / "book") == []


def test_help(tmp_path: Path) -> None:
    for command in ("customers", "import-contacts"):
        result = run(command, "--help", data_dir=tmp_path)
        assert result.returncode == 0
        assert f"diva-desk {command}" in result.stdout


@pytest.mark.parametrize("command", [["customers", "--json"], ["today", "--json"]])
def test_the_lists_load_only_what_they_print_with(sample_book: Path, command: list[str]) -> None:
    """No Qt, no ReportLab, and not the contacts importers (with email_validator): a
    command's process start is part of what its user waits for."""
    probe = (
        "import sys\n"
        "from diva_desk.cli import main\n"
        f"status = main(['--data-dir', {str(sample_book)!r}, *{command!r}])\n"
        "heavy = ('PySide6', 'reportlab', 'diva_desk.contacts', 'email_validator')\n"
        "print('LOADED', sorted(m for m in sys.modules if m.startswith(heavy)), status)\n"
    )
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environ, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "LOADED [] 0"
