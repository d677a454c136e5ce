"""Amounts and dates as banks write them, read exactly.

Amounts become ``Decimal`` (never a float): ``1,234.56``, ``$1,234.56``, ``-12.00``,
``(12.00)`` (accountants' negative), ``12.00-``, ``1 234,56`` (French), ``1.234,56``.
Dates come in the bank's own order; where the order of a ``03/04/2026`` is not fixed by
the file's layout, ``date_order`` decides it from every row of the file at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from diva_desk.bank.statement import BadStatement
from diva_desk.i18n import _

#: Orders of a numeric day-month-year date.
YMD, MDY, DMY = "ymd", "mdy", "dmy"

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']+")
_CURRENCY = re.compile(r"^(?:CA\$|US\$|C\$|CAD|USD|EUR|\$|€|£)|(?:CAD|USD|EUR|\$|€|£)$", re.I)
_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")


class Unreadable(ValueError):
    """A value that is no amount or no date; the caller names where it was."""


def amount(text: str) -> Decimal:
    """The amount a bank wrote, as an exact ``Decimal``; raises ``Unreadable``."""
    value = text.strip().replace("\u2212", "-")
    negative = False
    if value.startswith("(") and value.endswith(")"):
        negative, value = True, value[1:-1].strip()
    for _round in range(2):  # a sign and a symbol, either way round: -$12, $-12
        if value[:1] in "+-" and value:
            negative ^= value[0] == "-"
            value = value[1:].strip()
        elif value[-1:] in "+-" and value:
            negative ^= value[-1] == "-"
            value = value[:-1].strip()
        value = _CURRENCY.sub("", value).strip()
    value = _SPACES.sub("", value)
    value = _decimal_point(value)
    if not _DIGITS.match(value):
        raise Unreadable(text)
    try:
        number = Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise Unreadable(text) from None
    return -number if negative else number


def _decimal_point(value: str) -> str:
    """``value`` with thousands separators gone and a ``.`` as its decimal point.

    Returns something that is no number where the separators are not where thousands
    separators go (``12..0``, ``1,23,4``), so the caller refuses it.
    """
    commas, dots = value.count(","), value.count(".")
    if commas and dots:
        # The last of the two marks the decimals: 1,234.56 and 1.234,56.
        mark = "," if value.rfind(",") > value.rfind(".") else "."
        grouping: str | None = "." if mark == "," else ","
    elif commas == 1 and re.search(r",\d{1,2}$", value):
        mark, grouping = ",", None  # 12,50: a French decimal comma
    elif commas:
        mark, grouping = "", ","  # 1,234 and 1,234,567: thousands
    elif dots > 1:
        mark, grouping = "", "."  # 1.234.567: thousands
    else:
        mark, grouping = ".", None
    whole, point, decimals = value.rpartition(mark) if mark and mark in value else ("", "", value)
    if not point:
        whole, decimals = decimals, ""
    if grouping and grouping in whole:
        if not re.fullmatch(r"\d{1,3}(?:" + re.escape(grouping) + r"\d{3})+", whole):
            return "x"
        whole = whole.replace(grouping, "")
    return f"{whole or 0}.{decimals}" if point else whole


def is_amount(text: str) -> bool:
    try:
        amount(text)
    except Unreadable:
        return False
    return True


# --- dates ----------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "janv", "janvier", "january"),
            ("feb", "fev", "fév", "févr", "fevr", "février", "fevrier", "february"),
            ("mar", "mars", "march"),
            ("apr", "avr", "avril", "april"),
            ("may", "mai"),
            ("jun", "juin", "june"),
            ("jul", "juil", "juillet", "july"),
            ("aug", "aou", "aoû", "août", "aout", "august"),
            ("sep", "sept", "september", "septembre"),
            ("oct", "october", "octobre"),
            ("nov", "november", "novembre"),
            ("dec", "déc", "december", "décembre", "decembre"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\d{0,6}(?:\.\d+)?)?(?:\[.*\])?$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[T ].*)?$")
_MONTH_FIRST = re.compile(r"^([^\W\d_]+)\.?[ -](\d{1,2}),?[ -](\d{4})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[ -]([^\W\d_]+)\.?,?[ -](\d{2}|\d{4})$")


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise Unreadable(text) from None


def numeric_parts(text: str) -> tuple[int, int] | None:
    """The first two numbers of a ``dd/dd/yyyy`` date, or None for any other form."""
    match = _NUMERIC.match(text.strip())
    return (int(match[1]), int(match[2])) if match else None


def parse_date(text: str, order: str = MDY) -> date:
    """The date a bank wrote; ``order`` settles ``03/04/2026`` (MDY or DMY)."""
    value = text.strip()
    if match := _ISO.match(value):
        return _make(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _COMPACT.match(value):
        return _make(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _NUMERIC.match(value):
        first, second, year = int(match[1]), int(match[2]), _year(match[3])
        if order == DMY:
            return _make(year, second, first, text)
        return _make(year, first, second, text)
    if match := _MONTH_FIRST.match(value):
        month = _MONTHS.get(match[1].lower())
        if month:
            return _make(int(match[3]), month, int(match[2]), text)
    if match := _DAY_FIRST.match(value):
        month = _MONTHS.get(match[2].lower())
        if month:
            return _make(_year(match[3]), month, int(match[1]), text)
    raise Unreadable(text)


def date_order(texts: Iterable[str], default: str | None = None) -> str:
    """MDY or DMY for a file's ``dd/dd/yyyy`` dates, settled by a day above 12.

    Where no date settles it, ``default`` (the order the bank is known to write), if
    given, is the answer. Raises ``BadStatement`` when nothing settles it (every day is
    12 or less and no default) or when the dates contradict each other (13/01 and 01/13
    in one file).
    """
    month_day = day_month = False
    ambiguous = None
    for text in texts:
        parts = numeric_parts(text)
        if parts is None:
            continue
        first, second = parts
        if first > 12:
            day_month = True
        elif second > 12:
            month_day = True
        elif first != second and ambiguous is None:
            ambiguous = text.strip()
    if month_day and day_month:
        raise BadStatement(
            _(
                "The dates mix two orders (some are month/day, some day/month), "
                "so none of them can be trusted."
            )
        )
    if day_month:
        return DMY
    if month_day or ambiguous is None:
        return MDY
    if default is not None:
        return default
    raise BadStatement(
        _(
            "The dates cannot be read with certainty: {example} could be month/day or "
            "day/month and no date in the file has a day above 12; download the "
            "statement with ISO dates (YYYY-MM-DD) or as OFX."
        ).format(example=ambiguous)
    )
