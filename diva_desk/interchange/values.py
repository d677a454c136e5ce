"""What a value in an interchange file may be, and how a bad one is named in a complaint.

The limits every number and date must keep, JSON's duplicate keys and non-numbers
caught as the file is parsed, and the short form a wrong value is quoted in.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from babel import Locale, UnknownLocaleError
from babel.numbers import list_currencies

from diva_desk.errors import BadInput

#: Amounts are kept in their currency's minor units: never more than two decimals.
MONEY_PLACES = 2
#: Quantities and percentage rates are kept to four decimal places.
RATE_PLACES = 4
#: Beyond these the book's integer columns (and exact arithmetic) would overflow;
#: no invoice of a solo business comes near them.
MAX_AMOUNT = Decimal(10) ** 12
MAX_QUANTITY = Decimal(10) ** 9
#: Terms longer than this are a typo (and would run past the calendar's end).
MAX_DAYS = 36_500
MAX_INTEGER = 2**63 - 1

DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
TIMESTAMP_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", re.ASCII)
_SHOWN_LENGTH = 60
_E = TypeVar("_E", bound=StrEnum)
_T = TypeVar("_T")


class Duplicates(dict[str, Any]):
    """A JSON object that remembers keys written twice (``json`` keeps the last silently)."""

    duplicates: tuple[str, ...] = ()


def object_pairs(pairs: list[tuple[str, Any]]) -> Duplicates:
    """``json.loads`` hook: build the object, noting repeated keys for a precise error."""
    result = Duplicates(pairs)
    if len(result) == len(pairs):  # the usual case, built in one call
        return result
    seen: list[str] = []
    known: set[str] = set()
    for key, _value in pairs:
        if key in known:
            seen.append(key)
        known.add(key)
    result.duplicates = tuple(seen)
    return result


class NotANumber:
    """``NaN``/``Infinity`` in a file: kept as itself so the error can show it."""

    def __init__(self, name: str) -> None:
        self.name = name


def shown(value: Any) -> str:
    """A value as it appears in the file, shortened, for an error message."""
    if isinstance(value, NotANumber):
        text = value.name
    elif isinstance(value, Decimal):
        text = str(value)
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):  # pragma: no cover - only JSON values arrive here
            text = repr(value)
    if len(text) > _SHOWN_LENGTH:
        text = text[: _SHOWN_LENGTH - 1] + "…"
    return text


def fail(where: str, message: str) -> BadInput:
    """The error for one spot in the file; ``where`` empty means the file as a whole."""
    return BadInput(f"{where}: {message}" if where else message)


@cache
def known_currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def currency_code(value: str) -> str | None:
    """The ISO 4217 code for ``value`` (any letter case), or ``None`` if there is none."""
    code = value.strip().upper()
    return code if code in known_currencies() else None


def locale_name(value: str) -> str | None:
    """The canonical CLDR name for ``value`` (``fr_ca`` -> ``fr_CA``), or ``None``."""
    try:
        return str(Locale.parse(value.strip()))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def encodable(text: str) -> bool:
    """False for text with lone surrogates (``"\\ud800"`` in JSON), which UTF-8 cannot hold."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def present(value: _T | None) -> _T:
    """A required value, once its ``Fields`` call returned (narrows the type)."""
    assert value is not None
    return value


def objects_key(raw: Any) -> tuple[Any, ...] | None:
    """A list of objects' keys and values, to find it read before; ``None`` when it cannot be.

    Only lists of objects without repeated keys and with plain values have one. Two equal
    keys hold the same text (equal JSON values that read differently, ``5`` and ``5.0``,
    are both refused, and a refusal is never kept), so they read to the same
    records (a line's taxes: reader.py).
    """
    if not isinstance(raw, list):
        return None
    items: list[tuple[tuple[str, Any], ...]] = []
    for item in raw:
        if not isinstance(item, dict) or getattr(item, "duplicates", ()):
            return None
        items.append(tuple(item.items()))
    key = tuple(items)
    try:
        hash(key)
    except TypeError:  # a list or object where a value belongs: read it, to refuse it
        return None
    return key
