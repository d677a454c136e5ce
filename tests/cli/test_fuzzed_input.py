"""What fuzzing the command line found, through its real entry point.

Half a character in a JSON file, bytes that are not UTF-8 in an argument, and an
invoice counter at 2^63 - 1 are bad input: exit 2, one line naming the record and
key (or the argument), and the book untouched.
"""

from __future__ import annotations

import copy
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from diva_desk.i18n import _, speaking

SCRIPT = Path(sys.executable).with_name("diva-desk")
SAMPLE = Path(__file__).parents[1] / "interchange" / "data" / "sample-book.json"


def run(*args: str | bytes | Path, data_dir: Path | bytes) -> subprocess.CompletedProcess:
    """Run with raw bytes out, so what reaches the terminal is seen as it is."""
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    command: list[str | bytes | Path] = [SCRIPT, "--data-dir", data_dir, *args]
    return subprocess.run(command, capture_output=True, env=environ, timeout=120)


def error_line(result: subprocess.CompletedProcess) -> str:
    """The one line on stderr, decoded strictly (an undecodable byte fails the test)."""
    text = result.stderr.decode("utf-8")
    assert text.endswith("\n") and text.count("\n") == 1, text
    assert "Traceback" not in text
    return text.rstrip("\n")


def with_surrogate(document: dict[str, Any], place: list[str | int]) -> str:
    """The document as JSON text with ``\\ud800`` appended where ``place`` points."""
    changed = copy.deepcopy(document)
    target: Any = changed
    for step in place[:-1]:
        target = target[step]
    last = place[-1]
    if last == "KEY":
        target["n@me"] = "x"
    else:
        target[last] = f"{target[last]}@SURROGATE@"
    return json.dumps(changed).replace("@SURROGATE@", "\\ud800").replace("n@me", "n\\ud800me")


def customer_count(folder: Path) -> int:
    if not (folder / "book.sqlite3").exists():
        return 0
    connection = sqlite3.connect(folder / "book.sqlite3")
    try:
        return connection.execute("SELECT COUNT(*) FROM customer").fetchone()[0]
    finally:
        connection.close()


SAMPLE_BOOK = json.loads(SAMPLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("place", "where"),
    [
        # These two reached the book before any check: "something went wrong", exit 1.
        (["customers", 0, "code"], "customers[0].code: the text holds an invalid character"),
        (["invoices", 0, "customer"], "invoices[0] (DD-1040).customer: the text holds"),
        (["customers", 1, "name"], "customers[1] (NOUR).name: the text holds"),
        (["invoices", 0, "lines", 1, "description"], "invoices[0] (DD-1040).lines[1].description"),
        (["customers", 0, "KEY"], "customers[0] (ACME).n\\ud800me: this key holds an invalid"),
    ],
)
def test_a_lone_surrogate_in_an_import_is_bad_input(
    tmp_path: Path, place: list[str | int], where: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(with_surrogate(SAMPLE_BOOK, place), encoding="utf-8")
    result = run("import", path, data_dir=tmp_path / "book")
    assert result.returncode == 2
    assert error_line(result).startswith(f"diva-desk: {where}")
    assert customer_count(tmp_path / "book") == 0


@pytest.mark.parametrize("number", [2**63 - 1, 1_000_000_000])
def test_a_counter_past_the_highest_invoice_number_is_refused_on_import(
    tmp_path: Path, number: int
) -> None:
    document = copy.deepcopy(SAMPLE_BOOK)
    document["business"]["next_invoice_number"] = number
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = run("import", path, data_dir=tmp_path / "book")
    assert result.returncode == 2
    assert error_line(result) == (
        f"diva-desk: business.next_invoice_number: must be between 1 and 999999999, got {number}"
    )
    assert customer_count(tmp_path / "book") == 0


@pytest.fixture(scope="module")
def sample_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sample") / "book"
    assert run("import", SAMPLE, data_dir=folder).returncode == 0
    return folder


HOLDS = "{argument}: {value} holds bytes that are not UTF-8 text"
NO_FILE = "{file}: no such file"


@pytest.mark.parametrize(
    ("args", "message", "values"),
    [
        ([b"statement-pdf", b"AC\xffME"], HOLDS, {"argument": "CODE", "value": "AC\\xffME"}),
        ([b"invoice-pdf", b"DD-10\xff"], HOLDS, {"argument": "NUMBER", "value": "DD-10\\xff"}),
        (
            [b"today", b"--date", b"2026-12-0\xff"],
            HOLDS,
            {"argument": "--date", "value": "2026-12-0\\xff"},
        ),
        ([b"today", b"--limit", b"\xff"], HOLDS, {"argument": "--limit", "value": "\\xff"}),
        ([b"import", b"nothing-\xff.json"], NO_FILE, {"file": "nothing-\\xff.json"}),
        ([b"import-contacts", b"nobody-\xff.csv"], NO_FILE, {"file": "nobody-\\xff.csv"}),
    ],
)
def test_arguments_that_are_not_utf8_are_bad_input(
    sample_book: Path, args: list[bytes], message: str, values: dict[str, str]
) -> None:
    result = run(*args, data_dir=sample_book)
    assert result.returncode == 2
    # The sample book speaks fr_CA, and so does the command line on it.
    with speaking("fr_CA"):
        said = _(message).format(**values)
    assert said != message.format(**values)
    assert error_line(result) == f"diva-desk: {said}"


def test_a_data_folder_whose_name_is_not_utf8_is_named(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/book-\xff"
    result = run("customers", data_dir=folder)
    assert result.returncode == 2
    assert error_line(result) == (
        f"diva-desk: the data folder {tmp_path}/book-\\xff has a name that is not UTF-8 "
        "text; choose another with --data-dir"
    )
    assert not os.path.exists(folder)


def test_a_contacts_file_named_in_bytes_that_are_not_utf8_still_imports(tmp_path: Path) -> None:
    """A file may have such a name; it is read and shown with the byte escaped."""
    folder = os.fsencode(tmp_path)
    (Path(os.fsdecode(folder + b"/caf\xe9.csv"))).write_text("Name\nCafé Olé\n", encoding="utf-8")
    result = run("import-contacts", folder + b"/caf\xe9.csv", data_dir=tmp_path / "book")
    assert result.returncode == 0, result.stderr
    first = result.stdout.decode("utf-8").splitlines()[0]
    assert first == f"Created 1 customer from {tmp_path}/caf\\xe9.csv:"
    assert customer_count(tmp_path / "book") == 1


def test_a_contacts_file_with_half_a_character_is_bad_input(tmp_path: Path) -> None:
    """UTF-16 can spell a lone surrogate too; the file is refused, nothing is created."""
    path = tmp_path / "contacts.csv"
    text = "\ufeffName\nAcme\n".encode("utf-16-le")
    path.write_bytes(text + b"\x00\xd8" + "\n".encode("utf-16-le"))
    result = run("import-contacts", path, data_dir=tmp_path / "book")
    assert result.returncode == 2
    assert error_line(result) == (
        f"diva-desk: {path}: the file is not readable text (it looks like UTF-16 but is damaged)"
    )
    assert customer_count(tmp_path / "book") == 0
