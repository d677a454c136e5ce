"""Test configuration: no screen needed, a fresh book per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
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
