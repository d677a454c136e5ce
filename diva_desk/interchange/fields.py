"""Reading one JSON object of an interchange file, key by key, strictly.

Every complaint names where it is (``invoices[3] (INV-1004).lines[0].quantity``) and
what was found, so a person can open the file and fix that one spot. Nothing here
knows about the book; reader.py checks references and duplicates.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from diva_desk.core.currencies import currency_problem
from diva_desk.core.money import BadAmount, fits_currency, minor_unit, parse_decimal
from diva_desk.core.plain_text import clean_lines
from diva_desk.core.text_limits import LIMITS, limit_problem
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.i18n.format import places_rule
from diva_desk.interchange.values import (
    DATE_TEXT,
    MAX_AMOUNT,
    MAX_INTEGER,
    MAX_QUANTITY,
    MONEY_PLACES,
    RATE_PLACES,
    TIMESTAMP_TEXT,
    currency_code,
    encodable,
    fail,
    locale_name,
    present,
    shown,
)

_E = TypeVar("_E", bound=StrEnum)
#: Digits with an optional fraction, nothing else (group 1: the fraction).
_PLAIN_DECIMAL = re.compile(r"[0-9]+(?:\.([0-9]+))?", re.ASCII)
_T = TypeVar("_T")
#: ``check_keys``'s known keys as sets, by the tuple it is given.
_ALLOWED: dict[tuple[str, ...], frozenset[str]] = {}


class Fields:
    """One JSON object at ``where``; each method reads and checks one key.

    A key that is absent or ``null`` gives the default; a required one is an error.
    """

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise fail(where, _("expected an object, got {value}").format(value=shown(value)))
        self.raw: dict[str, Any] = value
        self.where = where

    def named_by(self, key: str) -> Fields:
        """Name the record by its code or number in errors: ``invoices[3] (INV-1004)``.

        Done before anything else is checked, when that key holds usable text, so even
        an unknown-key error says which customer or invoice it is about.
        """
        label = self.raw.get(key)
        if isinstance(label, str) and label.strip() and encodable(label):
            self.where = f"{self.where} ({label})"
        return self

    def at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def error(self, key: str, message: str) -> BadInput:
        return fail(self.at(key), message)

    def check_keys(self, known: tuple[str, ...]) -> None:
        """Refuse unknown and repeated keys: they are almost always typos."""
        allowed = _ALLOWED.get(known)
        if allowed is None:
            allowed = _ALLOWED[known] = frozenset(known)
        if self.raw.keys() <= allowed and not getattr(self.raw, "duplicates", ()):
            return  # the usual case: every key known, none repeated
        for key in self.raw:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                message = (
                    _('unknown key; did you mean "{key}"?').format(key=close[0])
                    if close
                    else _("unknown key; known keys are {keys}").format(keys=", ".join(known))
                )
                raise self.error(key, message)
        for key in getattr(self.raw, "duplicates", ()):
            raise self.error(key, _("this key appears more than once in the same object"))

    def _get(self, key: str, required: bool) -> Any:
        value = self.raw.get(key)
        if value is None and required:
            raise self.error(key, _("missing; this key is required"))
        return value

    # --- text ----------------------------------------------------------------------

    def text(self, key: str, *, required: bool = False) -> str:
        """A string; absent or ``null`` is ``""``."""
        value = self.raw.get(key)
        if value is None:
            if required:
                raise self.error(key, _("missing; this key is required"))
            return ""
        if type(value) is str and value.isprintable():
            # The usual case, checked at once: printable text holds no control character,
            # line break or lone surrogate, so only its length is left to check.
            limit = LIMITS.get(key)
            if limit is None or len(value) <= limit.chars:
                return value
        if not isinstance(value, str):
            raise self.error(key, _("expected text, got {value}").format(value=shown(value)))
        if not (value.isascii() or encodable(value)):
            raise self.error(
                key, _("the text holds an invalid character (a lone surrogate escape)")
            ) from None
        # Control characters never reach the book; lines stay as the file has them.
        value = clean_lines(value)
        if problem := limit_problem(key, value):
            raise self.error(key, problem)
        return value

    def identifier(self, key: str) -> str:
        """A required code or number that other records refer to; blank is refused."""
        value = self.text(key, required=True)
        if not value.strip():
            raise self.error(key, _("must not be empty"))
        return value

    def optional_identifier(self, key: str) -> str | None:
        """A reference that may be ``null`` (an invoice number on a promise, say)."""
        return None if self.raw.get(key) is None else self.identifier(key)

    def currency(self, key: str) -> str | None:
        """A currency code; ``None`` when absent, ``null`` or empty (the default applies)."""
        raw = self.raw.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        value = self.text(key)
        code = currency_code(value)
        if code is None:
            raise self.error(key, _("unknown currency code {value}").format(value=shown(value)))
        if problem := currency_problem(code):
            raise self.error(key, problem)
        return code

    def locale(self, key: str) -> str | None:
        if self.raw.get(key) is None:
            return None
        value = self.text(key)
        name = locale_name(value)
        if name is None:
            raise self.error(
                key,
                _("unknown locale {value}; use a name such as en_CA or fr_CA").format(
                    value=shown(value)
                ),
            )
        return name

    def choice(self, key: str, kind: type[_E]) -> _E | None:
        if self.raw.get(key) is None:
            return None
        value = self.text(key)
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(member.value for member in kind)
            raise self.error(
                key,
                _("unknown value {value}; expected one of {choices}").format(
                    value=shown(value), choices=choices
                ),
            ) from None

    # --- numbers -------------------------------------------------------------------

    def integer(
        self,
        key: str,
        *,
        default: int | None = None,
        minimum: int = 0,
        maximum: int = MAX_INTEGER,
        required: bool = False,
    ) -> int | None:
        value = self._get(key, required)
        if value is None:
            return default
        return self._integer_value(self.at(key), value, minimum, maximum)

    @staticmethod
    def _integer_value(where: str, value: Any, minimum: int, maximum: int) -> int:
        # bool is an int subclass in Python; in the file true is not 1.
        if not isinstance(value, int) or isinstance(value, bool):
            raise fail(where, _("expected a whole number, got {value}").format(value=shown(value)))
        if maximum < MAX_INTEGER and not minimum <= value <= maximum:
            message = _("must be between {low} and {high}, got {value}")
        elif value < minimum:
            message = _("must be {low} or more, got {value}")
        elif value > maximum:
            message = _("{value} is too large")
        else:
            return value
        raise fail(where, message.format(low=minimum, high=maximum, value=shown(value)))

    def days_of_month(self, key: str) -> tuple[int, ...]:
        """Payment-run days, kept sorted and without repeats (the order carries nothing)."""
        value = self._get(key, False)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.error(
                key, _("expected a list of days 1-31, got {value}").format(value=shown(value))
            )
        days = {
            self._integer_value(f"{self.at(key)}[{index}]", day, 1, 31)
            for index, day in enumerate(value)
        }
        return tuple(sorted(days))

    def decimal(
        self,
        key: str,
        *,
        places: int,
        default: Decimal | None = None,
        required: bool = False,
        positive: bool = False,
        maximum: Decimal | None = None,
        limit: Decimal | None = None,
    ) -> Decimal | None:
        """A decimal string, never a JSON number (a number has passed through a float).

        Zero or more unless ``positive``; below ``maximum`` (or at most it, when given).
        """
        value = self._get(key, required)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self.error(
                key, _("expected a decimal string, got {value}").format(value=shown(value))
            )
        plain = _PLAIN_DECIMAL.fullmatch(value)
        if plain is not None and len(plain.group(1) or "") <= places:
            # "1234.50": what every exported file holds, read without the general parser.
            number = Decimal(value)
        else:
            number = self._parsed_decimal(key, value, places)
        number = abs(number) if number == 0 else number  # "-0" is plain 0
        if positive and number <= 0:
            raise self.error(key, _("must be more than 0, got {value}").format(value=shown(value)))
        if number < 0:
            raise self.error(key, _("must be 0 or more, got {value}").format(value=shown(value)))
        if maximum is not None and number > maximum:
            raise self.error(
                key,
                _("must be at most {maximum}, got {value}").format(
                    maximum=maximum, value=shown(value)
                ),
            )
        if limit is None:
            limit = MAX_AMOUNT if places <= MONEY_PLACES else MAX_QUANTITY
        if number >= limit:
            raise self.error(
                key,
                _("{value} is too large (the limit is {limit})").format(
                    value=shown(value), limit=fmt.number(int(limit))
                ),
            )
        return number

    def _parsed_decimal(self, key: str, value: str, places: int) -> Decimal:
        try:
            return parse_decimal(value, places=places)
        except BadAmount:
            try:
                parse_decimal(value, places=len(value))
            except BadAmount:
                message = _("expected a decimal string, got {value}")
            else:
                message = _("{value} has more than {places} decimal places")
            raise self.error(key, message.format(value=shown(value), places=places)) from None

    def amount(
        self, key: str, *, currency: str, required: bool = False, positive: bool = False
    ) -> Decimal | None:
        """Money with at most as many decimals as ``currency`` has minor units (none for JPY)."""
        number = self.decimal(key, places=MONEY_PLACES, required=required, positive=positive)
        if number is None:
            return None
        if not fits_currency(number, currency):
            raise self.error(
                key,
                _("{value} has too many decimals: {rule}").format(
                    value=shown(self.raw[key]), rule=places_rule(currency)
                ),
            )
        return number.quantize(minor_unit(currency))

    def price(self, key: str) -> Decimal:
        """A unit price: up to four decimals in any currency, zero when absent."""
        number = self.decimal(key, places=RATE_PLACES, default=Decimal(0), limit=MAX_AMOUNT)
        return present(number)

    def boolean(self, key: str, *, default: bool = False) -> bool:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(
                key, _("expected true or false, got {value}").format(value=shown(value))
            )
        return value

    # --- dates ---------------------------------------------------------------------

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, str) and DATE_TEXT.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise self.error(
            key, _("expected a date YYYY-MM-DD, got {value}").format(value=shown(value))
        )

    def timestamp(self, key: str, *, required: bool = False) -> dt.datetime | None:
        value = self._get(key, required)
        if value is None:
            return None
        if isinstance(value, str) and TIMESTAMP_TEXT.fullmatch(value):
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                pass
        raise self.error(
            key,
            _("expected a local date and time YYYY-MM-DDTHH:MM:SS, got {value}").format(
                value=shown(value)
            ),
        )

    # --- nested lists --------------------------------------------------------------

    def objects(self, key: str, *, required: bool = False) -> Iterator[tuple[str, Any]]:
        """The items of a list of objects with the place each one is named by."""
        value = self._get(key, required)
        if value is None:
            return iter(())
        if not isinstance(value, list):
            raise self.error(key, _("expected a list, got {value}").format(value=shown(value)))
        if required and not value:
            raise self.error(key, _("needs at least one entry"))
        return ((f"{self.at(key)}[{index}]", item) for index, item in enumerate(value))
