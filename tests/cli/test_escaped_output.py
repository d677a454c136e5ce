"""Names, codes and numbers from the input never reach the terminal as orders.

A customer named with a line break, an escape sequence (ESC[31m), a C1 control or a
right-to-left override is printed with those escaped, by every command, on one line
each; JSON output keeps the exact value and stays valid JSON. Through the real entry
point, reading the raw bytes the terminal would get.
"""

from __future__ import annotations

import ast
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from diva_desk.commands.output import escaped

SCRIPT = Path(sys.executable).with_name("diva-desk")
COMMANDS = Path(__file__).parents[2] / "diva_desk" / "commands"

CODE = "EV\x1b[2JIL"
NAME = "Evil\n\x1b[31mRed\u202eCorp\x85\x7f"
NUMBER = "INV-\x1b]0;owned\x07"
CONTACT = "Pat\x1b[1mJones"
#: What must never reach a terminal raw: C0 (but the line ends), DEL, C1, bidi controls.
UNSAFE = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} - {"\n"} | set(
    "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

HOSTILE_BOOK = {
    "format": "diva-desk",
    "version": 1,
    "business": {"name": "Studio\x1b[5m", "currency": "CAD", "locale": "en_CA"},
    "customers": [
        {"code": CODE, "name": NAME, "contact_name": CONTACT, "phone": "+1 416 555 0100"}
    ],
    "invoices": [
        {
            "number": NUMBER,
            "customer": CODE,
            "issue_date": "2026-01-05",
            "due_date": "2026-02-04",
            "status": "sent",
            "sent_date": "2026-01-05",
            "lines": [{"description": "Work\x1b[8m", "unit_price": "100.00"}],
        }
    ],
}


def run(*args: str | Path, data_dir: Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    return subprocess.run(
        [SCRIPT, "--data-dir", data_dir, *args],
        capture_output=True,
        env=environ,
        timeout=120,
        cwd=cwd,
    )


def terminal_text(data: bytes) -> str:
    """The output as text, after checking nothing in it would act on a terminal."""
    text = data.decode("utf-8")
    assert not UNSAFE & set(text), sorted(UNSAFE & set(text))
    return text


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    path = folder / "hostile.json"
    path.write_text(json.dumps(HOSTILE_BOOK), encoding="utf-8")
    result = run("import", path, data_dir=folder / "book")
    assert result.returncode == 0, result.stderr
    # An import drops control characters (core.plain_text), but a book written by an
    # older version may hold them: put them back, as such a book would have them.
    with sqlite3.connect(folder / "book" / "book.sqlite3") as book:
        book.execute("UPDATE business SET name = ?", ("Studio\x1b[5m",))
        book.execute(
            "UPDATE customer SET code = ?, name = ?, contact_name = ?", (CODE, NAME, CONTACT)
        )
        book.execute("UPDATE invoice SET number = ?", (NUMBER,))
        book.execute("UPDATE invoice_line SET description = ?", ("Work\x1b[8m",))
    return folder / "book"


def test_escaping_is_one_line_idempotent_and_leaves_backslashes() -> None:
    assert escaped(NAME) == "Evil\\n\\x1b[31mRed\\u202eCorp\\x85\\x7f"
    assert escaped(escaped(NAME)) == escaped(NAME)
    assert escaped("C:\\Users\\Zoë\t«ok»") == "C:\\Users\\Zoë\\t«ok»"
    assert escaped("a\udcffb\ud800") == "a\\xffb\\ud800"  # a byte from argv; half a character


def test_customers_list_shows_names_and_codes_escaped_on_one_line(hostile: Path) -> None:
    result = run("customers", data_dir=hostile)
    assert result.returncode == 0, result.stderr
    lines = terminal_text(result.stdout).splitlines()
    assert len(lines) == 3  # the header, the customer, its rating line
    assert lines[1].startswith("EV\\x1b[2JIL  Evil\\n\\x1b[31mRed\\u202eCorp")


def test_json_keeps_the_exact_values_and_stays_json(hostile: Path) -> None:
    customers = run("customers", "--json", data_dir=hostile)
    [row] = json.loads(terminal_text(customers.stdout))["customers"]
    assert (row["code"], row["name"]) == (CODE, NAME)

    aging = run("aging", "--date", "2026-03-01", "--json", data_dir=hostile)
    [row] = json.loads(terminal_text(aging.stdout))["customers"]
    assert row["code"] == CODE

    today = run("today", "--date", "2026-03-01", "--json", data_dir=hostile)
    [call] = json.loads(terminal_text(today.stdout))["calls"]
    assert (call["customer"], call["customer_name"], call["contact_name"]) == (CODE, NAME, CONTACT)

    export = run("export", data_dir=hostile)
    document = json.loads(terminal_text(export.stdout))
    assert document["customers"][0]["name"] == NAME
    assert document["invoices"][0]["number"] == NUMBER


def test_aging_table_stays_aligned_with_escaped_cells(hostile: Path) -> None:
    result = run("aging", "--date", "2026-03-01", data_dir=hostile)
    assert result.returncode == 0, result.stderr
    lines = terminal_text(result.stdout).splitlines()
    row = next(line for line in lines if line.startswith("EV\\x1b[2JIL"))
    assert "Evil\\n\\x1b[31mRed" in row
    rule = next(line for line in lines if line.startswith("---"))
    assert len(row) == len(rule)  # the total column ends where its rule does


def test_todays_calls_escape_names_contacts_and_numbers(hostile: Path) -> None:
    result = run("today", "--date", "2026-03-01", data_dir=hostile)
    assert result.returncode == 0, result.stderr
    text = terminal_text(result.stdout)
    assert "1. Evil\\n\\x1b[31mRed\\u202eCorp\\x85\\x7f, ask for Pat\\x1b[1mJones" in text
    assert "INV-\\x1b]0;owned\\x07" in text


def test_errors_and_messages_name_the_input_escaped(hostile: Path, tmp_path: Path) -> None:
    missing = run("statement-pdf", "NO\nSUCH\x1b[0m", data_dir=hostile)
    assert missing.returncode == 2
    stderr = terminal_text(missing.stderr)
    assert stderr.count("\n") == 1 and "NO\\nSUCH\\x1b[0m" in stderr

    wrote = run("invoice-pdf", NUMBER, data_dir=hostile, cwd=tmp_path)
    assert wrote.returncode == 0, wrote.stderr
    assert terminal_text(wrote.stdout).startswith("Wrote invoice INV-\\x1b]0;owned\\x07 to ")
    assert terminal_text(wrote.stdout).count("\n") == 1

    usage = run("aging", "--date", "2026\x1b[1m", data_dir=hostile)
    assert usage.returncode == 2
    assert terminal_text(usage.stderr).count("\n") == 1


def test_import_contacts_lists_each_row_on_one_line(tmp_path: Path) -> None:
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        'Name,Email\n"Two\nLines \x1b[31mInc",two@example.com\n"Bad\x1b[0m",not-an-email\n',
        encoding="utf-8",
    )
    result = run("import-contacts", "--dry-run", contacts, data_dir=tmp_path / "book")
    assert result.returncode == 0, result.stderr
    lines = terminal_text(result.stdout).splitlines()
    # The customer to create has the name as it will be stored: on one line, without
    # the escape character (core.text_limits); a refused row shows the file's text.
    assert "  line 2: TWOLINES  Two Lines [31mInc  (two@example.com)" in lines
    assert any(line.startswith("  line 4 (Bad\\x1b[0m): the email address") for line in lines)


def _writes_to_terminal(node: ast.AST) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id == "print"
    text = ast.unparse(func)
    return text in {"json.dump", "sys.stdout.write", "sys.stderr.write"} or text.startswith(
        "sys.stdout.buffer"
    )


def _printing_calls(source: str) -> list[str]:
    return [ast.unparse(n) for n in ast.walk(ast.parse(source)) if _writes_to_terminal(n)]


def test_no_command_prints_but_through_the_output_layer() -> None:
    """So no command can forget to escape: print() lives in commands/output.py alone."""
    assert _printing_calls("print(name)\nsys.stdout.buffer.write(b'')\nsay(x)") == [
        "print(name)",
        "sys.stdout.buffer.write(b'')",
    ]  # the probe finds what it looks for
    modules = [*COMMANDS.rglob("*.py"), COMMANDS.parent / "cli.py"]
    found = {
        path.name: calls
        for path in modules
        if path.name != "output.py" and (calls := _printing_calls(path.read_text(encoding="utf-8")))
    }
    assert found == {}
