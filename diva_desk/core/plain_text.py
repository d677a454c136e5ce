"""Control characters out of user text: one rule for every edge and every page.

A pasted BEL, an ESC from a terminal, a NUL from a broken export: none of them is
something the owner meant to type, none prints, and some stop a PDF or a CSV reader.
They are dropped (not refused) wherever text enters the book, and again where a page
draws it, since a book may already hold them. Tab and line breaks stay only where a
field may hold lines (an address, a line description, notes); elsewhere a line break
or a tab becomes a space, as a one-line entry field would make it.

The characters dropped are Unicode's ``Cc`` category (U+0000-U+001F, U+007F-U+009F)
and the lone halves of a surrogate pair (which no UTF-8 file can hold).
"""

from __future__ import annotations

import re

#: Cc except tab, line feed and carriage return; and lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
#: Cc, line breaks and tab included, for one-line fields.
_CONTROL_OR_BREAK = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_BREAKS = re.compile("\r\n|[\r\n\t\u2028\u2029]")


def clean_lines(value: str) -> str:
    """``value`` without control characters; tab, line feed and carriage return kept."""
    if _CONTROL.search(value) is None:
        return value
    return _CONTROL.sub("", value)


def clean_line(value: str) -> str:
    """``value`` on one line: tabs and line breaks become spaces, other controls go."""
    if _CONTROL_OR_BREAK.search(value) is None:
        return value
    return _CONTROL.sub("", _BREAKS.sub(" ", value))


def has_controls(value: str) -> bool:
    """Whether ``clean_lines`` would change anything but line-break spelling."""
    return _CONTROL.search(value) is not None
