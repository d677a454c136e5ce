"""The command line speaks its book's language, argparse's own words and help included.

In this process (the ``cli`` fixture), so that a small French catalog compiled for the
test (the ``catalog`` fixture) is the one the command line reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from diva_desk.i18n import set_language

SAMPLE = Path(__file__).parents[1] / "interchange" / "data" / "sample-book.json"
CONTACTS = Path(__file__).parents[1] / "contacts" / "data"
NBSP = "\u00a0"
#: The few messages these tests need, as the translators would write them.
FRENCH = {
    "usage: ": f"utilisation{NBSP}: ",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        f"choix invalide{NBSP}: %(value)r (choisissez parmi %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": f"argument %(argument_name)s{NBSP}: %(message)s",
    "the following arguments are required: %s": f"arguments obligatoires manquants{NBSP}: %s",
    "{prog}: {message} (see {prog} --help)": f"{{prog}}{NBSP}: {{message}} (voir {{prog}} --help)",
    "folder of the book (default: $DIVA_DESK_DATA_DIR or the user data folder)": (
        "dossier du registre (par défaut : $DIVA_DESK_DATA_DIR ou le dossier de l'utilisateur)"
    ),
    "Wrote the {reminder} for {code} to {file}": (
        f"Lettre écrite dans {{file}}{NBSP}: {{reminder}} pour {{code}}"
    ),
    "firm reminder": "rappel ferme",
    "line {line}: {message}": f"ligne {{line}}{NBSP}: {{message}}",
    "line {line} ({name}): {message}": f"ligne {{line}} ({{name}}){NBSP}: {{message}}",
    "{size} KB": f"{{size}}{NBSP}ko",
    "Demo book ready: {customers}, {invoices}.": (
        f"Registre de démonstration prêt{NBSP}: {{customers}}, {{invoices}}."
    ),
    ("{count} customer", "{count} customers"): (
        "{count} client",
        "{count} clients",
        "{count} clients",
    ),
    ("{count} invoice", "{count} invoices"): (
        "{count} facture",
        "{count} factures",
        "{count} factures",
    ),
}

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def french_book(tmp_path: Path, cli: Cli, catalog: Callable[..., None]) -> Path:
    """A data folder holding the sample book, whose business speaks fr_CA."""
    data = tmp_path / "data"
    code, _out, err = cli("--data-dir", data, "import", SAMPLE)
    assert code == 0, err
    catalog("fr_CA", FRENCH)
    set_language("en_CA")  # as a new process starts: the book alone makes it French
    return data


def test_a_usage_error_is_in_the_books_language(french_book: Path, cli: Cli) -> None:
    code, _out, err = cli("--data-dir", french_book, "frobnicate")
    assert code == 2
    said = f"diva-desk{NBSP}: argument COMMAND{NBSP}: choix invalide{NBSP}: 'frobnicate' "
    assert err.startswith(said + "(choisissez parmi 'demo', ")
    assert err.endswith(" (voir diva-desk --help)\n")
    code, _out, err = cli("--data-dir", french_book, "import")
    assert code == 2
    assert f"arguments obligatoires manquants{NBSP}: FILE" in err


def test_the_help_is_in_the_books_language(french_book: Path, cli: Cli) -> None:
    code, out, _err = cli("--data-dir", french_book, "--help")
    assert code == 0
    assert out.startswith(f"utilisation{NBSP}: diva-desk ")
    assert "dossier du registre" in out


def test_without_a_book_the_command_line_speaks_english(tmp_path: Path, cli: Cli) -> None:
    code, _out, err = cli("--data-dir", tmp_path / "nothing-here", "frobnicate")
    assert code == 2
    said = "diva-desk: argument COMMAND: invalid choice: 'frobnicate' (choose from 'demo', "
    assert err.startswith(said)
    assert err.endswith(" (see diva-desk --help)\n")


def test_a_reminder_written_names_the_letter_in_french(
    french_book: Path, cli: Cli, tmp_path: Path
) -> None:
    target = tmp_path / "rappel.pdf"
    args = ("reminder-pdf", "ACME", "--level", "firm", "--date", "2027-01-15", "-o", target)
    code, out, err = cli("--data-dir", french_book, *args)
    assert code == 0, err
    assert out == f"Lettre écrite dans {target}{NBSP}: rappel ferme pour ACME\n"


def test_the_list_of_backups_gives_sizes_and_times_the_french_way(
    french_book: Path, cli: Cli
) -> None:
    assert cli("--data-dir", french_book, "backup")[0] == 0
    code, out, err = cli("--data-dir", french_book, "backup", "--list")
    assert code == 0, err
    row = out.splitlines()[1]
    # "2026-12-03 16 h 05" (Babel's fr_CA), and "96,0 ko" with a decimal comma.
    assert re.search(r"\d{4}-\d\d-\d\d \d\d h \d\d", row), row
    assert re.search(rf"\d+(,\d)?{NBSP}ko", row), row


def test_an_imported_contacts_line_is_one_french_sentence(french_book: Path, cli: Cli) -> None:
    args = ("import-contacts", CONTACTS / "broken-rows.csv", "--dry-run")
    code, out, err = cli("--data-dir", french_book, *args)
    assert code == 0, err
    assert f"  ligne 4{NBSP}: " in out
    assert f"  ligne 3 (Bad Co){NBSP}: " in out


def test_the_demo_counts_in_french(french_book: Path, cli: Cli) -> None:
    code, out, err = cli("--data-dir", french_book, "demo", "--force")
    assert code == 0, err
    assert re.search(rf"Registre de démonstration prêt{NBSP}: \d+ clients, \d+ factures\.", out), (
        out
    )


def test_argparse_still_asks_for_each_of_its_words_we_translate() -> None:
    # A newer Python that rewords one would leave it English: this says which.
    import argparse
    import inspect

    from diva_desk.cli import argparse_messages

    source = inspect.getsource(argparse)
    assert [m for m in argparse_messages() if f"_({m!r})" not in source] == []
