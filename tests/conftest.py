"""Test configuration: no screen needed, a fresh book per test."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

# Set before anything imports Qt: tests run on machines without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import peewee
import pytest

from diva_desk.store.book.db import close_book, open_book


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "book.sqlite3"


@pytest.fixture
def book(book_path: Path) -> Iterator[peewee.SqliteDatabase]:
    """A new, empty book in a temporary folder, bound to the store's ``db``."""
    database = open_book(book_path)
    yield database
    close_book()


#: A message and its translation: ``"msgid": "msgstr"``, or for a plural message
#: ``("singular", "plural"): ("form 0", "form 1", ...)`` in the language's plural forms.
Messages = dict[str | tuple[str, str], str | tuple[str, ...]]


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """``catalog("fr_CA", {...})``: the app speaks ``fr_CA`` from these messages alone.

    The messages are compiled with Babel into a catalog in a temporary folder, which
    stands in for the installed translations; English again afterwards.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    import diva_desk.i18n as i18n

    folder = tmp_path / "translations"

    def forget() -> None:  # a catalog read once and kept, if the mechanism keeps them
        cached = getattr(i18n, "_catalog", None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()

    def install(locale: str, messages: Messages) -> None:
        built = Catalog(locale=locale, domain=i18n.DOMAIN)
        for msgid, msgstr in messages.items():
            built.add(msgid, msgstr)
        target = folder / locale / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        with (target / f"{i18n.DOMAIN}.mo").open("wb") as out:
            write_mo(out, built)
        forget()
        i18n.set_language(locale)

    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    yield install
    monkeypatch.undo()
    forget()
    i18n.set_language("en_CA")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., tuple[int, str, str]]]:
    """``cli("--data-dir", d, "outbox")``: the command line in this process (so that a
    ``catalog`` installed here speaks), as (exit status, stdout, stderr)."""
    import logging

    from diva_desk.cli import main

    def run(*args: str | Path) -> tuple[int, str, str]:
        capsys.readouterr()
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as stopped:  # argparse: --help, usage errors
            code = stopped.code if isinstance(stopped.code, int) else 1
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    root = logging.getLogger()
    for handler in list(root.handlers):  # the log main() opened in the data folder
        if getattr(handler, "_diva_desk", False):
            root.removeHandler(handler)
            handler.close()
