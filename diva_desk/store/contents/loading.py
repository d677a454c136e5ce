"""Whole contents into the open book, each in one transaction: an import checked against
the book it is written to, and a demo book replacing what was there.

The transaction belongs to the store: the features above it (interchange, the
command line) hand over records and a check, never open one themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from diva_desk.core import records as r
from diva_desk.store.book.db import db
from diva_desk.store.book.maintenance import clear_book
from diva_desk.store.contents.reading import StoredBook
from diva_desk.store.contents.writing import add_contents


def add_checked_contents(check: Callable[[StoredBook], r.BookContents]) -> r.BookContents:
    """Add what ``check`` makes of the open book, and return it; all or nothing.

    ``check`` reads the book through the ``StoredBook`` it is given (codes and
    numbers taken, say) and returns the records to add, or raises to add nothing.
    The transaction is IMMEDIATE: the checks and the writes see the same book, even
    if the window and a command-line import run at once.
    """
    with db.atomic("IMMEDIATE"):
        contents = check(StoredBook())
        add_contents(contents)
    return contents


def replace_contents(contents: r.BookContents) -> None:
    """Empty the book and add ``contents``, in one transaction: the new book or the old.

    Everything goes, the business profile too (maintenance.clear_book); only the
    settings table is kept.
    """
    with db.atomic():
        clear_book()
        add_contents(contents)
