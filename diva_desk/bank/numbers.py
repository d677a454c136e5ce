"""Invoice numbers written inside a bank line's description.

A number is found in any case and with any punctuation or spaces between its parts and
around it: ``INV-1001`` is found in "inv1001", "INV 1001.", "#INV-1001" and "Inv_1001".
Its last digits must not run on into more digits, nor its first letters follow other
letters: ``INV-10`` is not found in "INV-1001", nor ``INV-1`` in "PINV-1". The digits
alone ("1001") are not enough: a bare number on a bank line is as often an amount, a
cheque number or an account.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

_PARTS = re.compile(r"[0-9]+|[^\W\d_]+")
_DIGITS = re.compile(r"[0-9]+")
#: What may stand between two parts of a number: spaces and punctuation, never a letter
#: or a digit.
_BETWEEN = r"[\s\-_#./:]*"


def _pattern(number: str) -> re.Pattern[str] | None:
    parts = _PARTS.findall(number)
    if not parts or not parts[-1].isdigit():
        return None
    head = r"(?<![0-9])" if parts[0].isdigit() else r"(?<![^\W\d_])"
    body = _BETWEEN.join(re.escape(part) for part in parts)
    return re.compile(head + body + r"(?![0-9])", re.IGNORECASE)


class NumberFinder:
    """Finds the book's invoice numbers on a line; built once per import.

    Numbers are filed by their last run of digits, so a line is only tried against
    the invoices whose number ends in one of the digit runs it holds.
    """

    def __init__(self, numbers: Iterable[str]) -> None:
        self._by_digits: dict[str, list[tuple[str, re.Pattern[str]]]] = defaultdict(list)
        for number in numbers:
            pattern = _pattern(number)
            if pattern is not None:
                last = _PARTS.findall(number)[-1]
                self._by_digits[last].append((number, pattern))

    def numbers_in(self, description: str) -> list[str]:
        """The invoice numbers the description names, in the order it names them.

        Where two numbers are found at one place ("2026-1001" and "1001"), the longer wins.
        """
        found: list[tuple[int, int, str]] = []
        for digits in dict.fromkeys(_DIGITS.findall(description)):
            for number, pattern in self._by_digits.get(digits, ()):
                hit = pattern.search(description)
                if hit:
                    found.append((hit.start(), -hit.end(), number))
        kept: list[str] = []
        taken_to = -1
        for start, minus_end, number in sorted(found):
            if start < taken_to or number in kept:
                continue
            taken_to = -minus_end
            kept.append(number)
        return kept
