"""Files the owner saves (exports, reports, PDFs): written beside the target and renamed
once complete, so a full disk or a kill never leaves half a file where the owner looks.

The OSError of a failed write goes to the caller, which says it in its own words.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path


def write_whole(path: Path, write: Callable[[Path], None]) -> None:
    """``write`` fills a partial file beside ``path``, which then replaces ``path``."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        write(partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes) -> None:
    write_whole(path, lambda partial: partial.write_bytes(data))


def write_text(path: Path, text: str) -> None:
    write_whole(path, lambda partial: partial.write_text(text, encoding="utf-8"))


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A spreadsheet file: UTF-8 with the mark Excel needs to read accents, CRLF lines."""

    def write(partial: Path) -> None:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(headers)
            writer.writerows(rows)

    write_whole(path, write)
