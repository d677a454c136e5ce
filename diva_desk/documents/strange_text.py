"""User text made printable: no control characters, right-to-left text in reading order.

ReportLab sets characters left to right in the order they are stored. Hebrew and
Arabic are stored in logical order (the first letter read first, at the right), so
they printed backwards, and Arabic letters printed in their isolated forms. Each line
holding right-to-left letters is turned into the order it is seen in (python-bidi,
the Unicode bidirectional algorithm) after Arabic letters are given their joined
forms (arabic-reshaper). Lines without such letters are left alone, so Latin text
costs one pattern search.

A paragraph of right-to-left text that wraps is set line by line as ReportLab breaks
it, left to right: a short name or address line reads correctly; a long Hebrew
paragraph that wraps reads its lines top to bottom but each from the right.
"""

from __future__ import annotations

import re
import unicodedata

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase.pdfmetrics import stringWidth

from diva_desk.core.plain_text import clean_line, clean_lines

#: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, the presentation forms,
#: and the historic right-to-left scripts of the supplementary planes.
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
#: Below this no character is right to left: the common case skips the search.
_FIRST_RTL = "\u0590"


def printable(value: str, *, one_line: bool = False) -> str:
    """``value`` without control characters, each right-to-left line in visual order."""
    value = clean_line(value) if one_line else clean_lines(value)
    if not value or max(value) < _FIRST_RTL or _RTL.search(value) is None:
        return value
    return "\n".join(_visual(line) for line in value.split("\n"))


def _visual(line: str) -> str:
    if _RTL.search(line) is None:
        return line
    if _ARABIC.search(line) is not None:
        line = arabic_reshaper.reshape(line)
    return get_display(line)


def droppable(char: str) -> bool:
    """An invisible formatting character (joiner, variation selector, direction mark).

    Once text is in visual order these only print as boxes where a font lacks them.
    """
    return unicodedata.category(char) == "Cf"


def fit(value: str, font: str, size: float, width: float) -> str:
    """``value`` cut short with an ellipsis so it is at most ``width`` points wide."""
    if stringWidth(value, font, size) <= width:
        return value
    low, high = 0, len(value)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(value[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return value[:low].rstrip() + "…"
