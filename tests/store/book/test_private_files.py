"""Privacy on disk: data folder and backups 0700, every file in them 0600, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from diva_desk.store.book import maintenance, models
from diva_desk.store.book.db import close_book, open_book


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_book_its_log_files_and_copies_are_private(umask_022: None, tmp_path: Path) -> None:
    folder = tmp_path / "diva-desk"
    book = folder / "book.sqlite3"
    open_book(book)
    try:
        models.Customer.create(code="A", name="A", currency="CAD")
        written = [
            book,
            folder / "book.sqlite3-wal",
            folder / "book.sqlite3-shm",
            maintenance.keep_aside(book, "before-demo"),
            maintenance.back_up_now(folder),
            *(folder / "backups").glob("daily-*.sqlite3"),
        ]
        modes = {path.name: mode(path) for path in written}  # -wal and -shm while open
    finally:
        close_book()
    assert mode(folder) == 0o700 and mode(folder / "backups") == 0o700
    assert len(modes) == 6 and modes == dict.fromkeys(modes, 0o600)
    everything = [p for p in folder.rglob("*") if p.is_file()]
    assert {p.name: mode(p) for p in everything} == {p.name: 0o600 for p in everything}


def test_a_book_an_older_version_left_readable_to_all_is_tightened(
    umask_022: None, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    open_book(folder / "book.sqlite3")
    close_book()
    folder.chmod(0o755)
    (folder / "book.sqlite3").chmod(0o644)
    open_book(folder / "book.sqlite3")
    close_book()
    assert mode(folder) == 0o700 and mode(folder / "book.sqlite3") == 0o600


def test_a_shared_folder_named_as_the_data_folder_is_left_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp
    open_book(shared / "book.sqlite3")
    close_book()
    assert mode(shared) == 0o1777
    assert mode(shared / "book.sqlite3") == 0o600
