"""Text cells a spreadsheet shows but never runs: the CSV exports' guard and its inverse.

A text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with an apostrophe. A spreadsheet runs such a cell as a formula, and a
customer name is text anyone who sends the owner a contact card can choose (CSV
injection). The apostrophe is what spreadsheets themselves use to mean "text"; a
spreadsheet hides it, and the contacts import takes it off again before ``=``,
``+``, ``-`` or ``@``, so "+1 647 555 0101" comes back whole.
"""

from __future__ import annotations

import re

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# One apostrophe or more, then what a spreadsheet would run as a formula. Text that
# already looks neutralised ("'+1 416") gets an apostrophe of its own too, so the
# import, which takes one off, gives back exactly what was exported.
_NEUTRALISED = re.compile(r"'+[=+\-@]")


def neutralised(text: str) -> str:
    """The cell as text a spreadsheet shows but never evaluates."""
    if text.startswith(_FORMULA_STARTS) or _NEUTRALISED.match(text):
        return "'" + text
    return text


def unneutralised(cell: str) -> str:
    """The cell without the one apostrophe an export put before a formula-like start.

    Apostrophes before apostrophes count too: the export writes "'+1 416" as
    "''+1 416", and this gives "'+1 416" back.
    """
    return cell[1:] if _NEUTRALISED.match(cell) else cell
