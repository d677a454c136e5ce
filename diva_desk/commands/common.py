"""What every command shares: exit codes, opening the book, reading and writing files."""

from __future__ import annotations

import argparse
import datetime as dt
import unicodedata
from pathlib import Path

from diva_desk import paths
from diva_desk.commands.output import escaped
from diva_desk.errors import BadInput
from diva_desk.i18n import _

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def argument_date(text: str) -> dt.date:
    """A YYYY-MM-DD option's value; argparse turns the refusal into its usage error."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            _('"{text}" is not a date in the form YYYY-MM-DD').format(text=text)
        ) from exc


def open_book_in(folder: Path) -> None:
    """Open the book and speak its language: money and dates in the book's locale.

    A book that is damaged, cut short, empty, from a newer version or missing a table
    is refused with its BookProblem sentence (exit 1); the quick check runs here only
    when the book changed since it last passed, and before the first write of a day.
    """
    from diva_desk.i18n import set_language
    from diva_desk.store.book.business import get_business
    from diva_desk.store.book.db import open_book
    from diva_desk.store.book.maintenance import check_book

    open_book(paths.book_path(folder))
    check_book()
    business = get_business()
    if business is not None:
        set_language(business.locale)


def read_input(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise BadInput(_("{file}: no such file").format(file=path)) from exc
    except IsADirectoryError as exc:
        raise BadInput(_("{file} is a folder, not a file").format(file=path)) from exc
    except UnicodeDecodeError as exc:
        raise BadInput(
            _("{file} is not UTF-8 text (byte {pos})").format(file=path, pos=exc.start)
        ) from exc


# Plain-text tables for the terminal. Cells are measured as they will be shown, with
# their control characters escaped (output.escaped), so the columns stay aligned.


def text_width(text: str) -> int:
    """Columns a terminal gives the text: wide (CJK) characters take two, accents none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in escaped(text)
    )


def cut_to_width(text: str, width: int) -> str:
    text = escaped(text)
    if text_width(text) <= width:
        return text
    while text_width(text) > width - 1:
        text = text[:-1]
    return text + "…"


def table_row(cells: list[str], widths: list[int], right: set[int]) -> str:
    padded = []
    for column, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        cell = escaped(cell)
        gap = " " * (width - text_width(cell))
        padded.append(gap + cell if column in right else cell + gap)
    return "  ".join(padded).rstrip()
