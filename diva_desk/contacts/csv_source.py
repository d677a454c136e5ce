"""Rows of a CSV contacts file, each with the physical line where it starts.

Quoted cells may hold line breaks (Google's formatted addresses do), so a record's
line number is counted from the lines the reader consumed, not from its position.
The separator is the one the header line uses most: a comma for Google and most
tools, a semicolon where Excel's locale uses a decimal comma, a tab for Outlook's
"Unicode text" export.

A cell that begins with an apostrophe followed by ``=``, ``+``, ``-`` or ``@`` is
read without that one apostrophe: that is how the customer export (and spreadsheets)
keep such a cell from running as a formula, and "'+1 647 555 0101" is a phone
number. Any other apostrophe is part of the text ("'Round the Clock").
"""

from __future__ import annotations

import csv
import io
import re

from diva_desk.contacts.mapping import SourceRow
from diva_desk.core.spreadsheet import unneutralised
from diva_desk.errors import BadInput
from diva_desk.i18n import _

_SEPARATORS = (",", ";", "\t")


def header_separator(text: str) -> str:
    """The separator used most on the first non-blank line (outside quotes)."""
    for line in re.split(r"\r\n|\r|\n", text):
        if line.strip():
            unquoted = re.sub(r'"[^"]*"', "", line)
            counts = [(unquoted.count(sep), -i, sep) for i, sep in enumerate(_SEPARATORS)]
            return max(counts)[2]
    return ","


def read_csv(text: str) -> tuple[tuple[str, ...], list[SourceRow]]:
    """The header row and the records after it; blank records are left out.

    Raises ``BadInput`` when the text is not CSV the reader can follow.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=header_separator(text))
    headers: tuple[str, ...] | None = None
    rows: list[SourceRow] = []
    ended = 0  # the last physical line of the previous record
    try:
        for record in reader:
            start, ended = ended + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if headers is None:
                headers = tuple(cell.strip() for cell in record)
                continue
            cells = tuple(unneutralised(cell) for cell in record[: len(headers)])
            cells += ("",) * (len(headers) - len(cells))
            rows.append(SourceRow(start, cells))
    except csv.Error as exc:
        raise BadInput(
            _("line {line} is not valid CSV: {error}").format(line=reader.line_num, error=exc)
        ) from None
    if headers is None:
        raise BadInput(_("the file holds no header row"))
    return headers, rows
