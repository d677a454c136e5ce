"""Exact money. Every amount is a ``Decimal``; the book keeps integer minor units.

Each currency has its own minor unit (cents for CAD, whole yen for JPY; see
``core.currencies``). Rounding happens here and nowhere else: half-up to the
currency's minor unit.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from diva_desk.core.currencies import minor_places

ZERO = Decimal("0.00")
#: Quantities and percentage rates are kept to four decimal places.
RATE_PLACES = 4
_RATE_SCALE = 10**RATE_PLACES
_RATE_UNIT = Decimal(1).scaleb(-RATE_PLACES)


class BadAmount(ValueError):
    """A value that is not an exact decimal amount, quantity or rate."""


def _require_decimal(value: object) -> Decimal:
    """A finite ``Decimal``, or an error now rather than a wrong figure later.

    A float would carry binary noise into the book; NaN and infinity are no amount
    and would otherwise come out as ``"NaN"`` on an invoice or crash deep in quantize.
    """
    if not isinstance(value, Decimal):
        raise TypeError(f"money must be a Decimal, not {type(value).__name__}")
    if not value.is_finite():
        raise BadAmount(f"{value} is not an amount")
    return value


def _require_int(value: object) -> int:
    """Whole minor units; ``int(1.7)`` would silently drop a fraction of a cent."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected whole units as an int, not {type(value).__name__}")
    return value


def _positive_zero(value: Decimal) -> Decimal:
    """``-0.00`` equals zero but prints with a minus sign; nobody owes minus nothing."""
    return value.copy_abs() if value.is_zero() else value


@cache  # a Decimal is immutable; an import asks this for every amount
def minor_unit(currency: str) -> Decimal:
    """The smallest amount of ``currency``: ``0.01`` for CAD, ``1`` for JPY."""
    return Decimal(1).scaleb(-minor_places(currency))


def round_money(value: Decimal, currency: str) -> Decimal:
    """Round half-up to the currency's minor unit (0.005 -> 0.01 CAD, 0.5 -> 1 JPY).

    The one rounding rule of the book.
    """
    unit = minor_unit(currency)
    return _positive_zero(_require_decimal(value).quantize(unit, rounding=ROUND_HALF_UP))


def fits_currency(amount: Decimal, currency: str) -> bool:
    """Whether ``amount`` has no more decimals than ``currency`` has minor units."""
    _require_decimal(amount)
    return amount == amount.quantize(minor_unit(currency), rounding=ROUND_HALF_UP)


def to_minor(amount: Decimal, currency: str) -> int:
    """Whole minor units of ``currency`` (cents, yen) for an amount that already fits it."""
    if not fits_currency(amount, currency):
        raise BadAmount(
            f"{amount} has more than {minor_places(currency)} decimal places for {currency}"
        )
    return int(amount.scaleb(minor_places(currency)))


def from_minor(units: int, currency: str) -> Decimal:
    """The amount of ``units`` minor units of ``currency``, with its decimals (``12.50``)."""
    places = minor_places(currency)
    return Decimal(_require_int(units)).scaleb(-places).quantize(minor_unit(currency))


def to_units(value: Decimal) -> int:
    """A quantity or rate as integer ten-thousandths."""
    _require_decimal(value)
    if value != value.quantize(_RATE_UNIT):
        raise BadAmount(f"{value} has more than {RATE_PLACES} decimal places")
    return int(value.scaleb(RATE_PLACES))


def from_units(units: int) -> Decimal:
    return normalized(Decimal(_require_int(units)) / _RATE_SCALE)


def normalized(value: Decimal) -> Decimal:
    """Drop trailing zeros without ever switching to exponent notation (``2``, ``0.5``)."""
    _require_decimal(value)
    if value == value.to_integral_value():
        return _positive_zero(value.quantize(Decimal(1)))
    return value.normalize()


def parse_decimal(text: str, *, places: int) -> Decimal:
    """Read a plain decimal string such as ``"1234.50"`` with at most ``places`` decimals.

    Refuses exponents, thousands separators, NaN and infinities: what a person or
    another program writes in an interchange file or a form, nothing looser.
    """
    if not isinstance(text, str):
        raise BadAmount(f"expected a decimal string, got {text!r}")
    stripped = text.strip()
    body = stripped[1:] if stripped[:1] in "+-" else stripped
    whole, dot, frac = body.partition(".")
    if (
        not body
        or not (whole or frac)
        or not (whole + frac).isdigit()
        or not (whole.isascii() and frac.isascii())
    ):
        raise BadAmount(f'expected a decimal string, got "{text}"')
    if dot and not frac:
        raise BadAmount(f'expected a decimal string, got "{text}"')
    if len(frac) > places:
        raise BadAmount(f'"{text}" has more than {places} decimal places')
    try:
        return Decimal(stripped)
    except InvalidOperation as exc:  # pragma: no cover - guarded above
        raise BadAmount(f'expected a decimal string, got "{text}"') from exc


def money_text(amount: Decimal, currency: str) -> str:
    """The interchange form of an amount: the currency's decimals, ``"1234.50"``, ``"1000"``."""
    return f"{round_money(amount, currency):f}"


def price_text(price: Decimal, currency: str) -> str:
    """A unit price (up to four decimals in any currency), at least to the currency's
    minor unit: ``"120.00"`` and ``"12.3456"`` in CAD, ``"120"`` and ``"333.33"`` in JPY."""
    _require_decimal(price)
    if fits_currency(price, currency):
        return f"{_positive_zero(price.quantize(minor_unit(currency))):f}"
    return decimal_text(price)


def decimal_text(value: Decimal) -> str:
    """The interchange form of a quantity or rate: ``"2"``, ``"0.5"``, ``"9.975"``."""
    return f"{normalized(value):f}"


# --- the same texts straight from the book's integers ----------------------------------
# An export writes hundreds of thousands of amounts; going through Decimal for each was
# a large share of it. These give exactly what the functions above give for
# ``from_minor``/``from_units`` of the same integers (tests/core/test_money_text.py).


def minor_text(units: int, currency: str) -> str:
    """``money_text(from_minor(units, currency), currency)`` without a Decimal."""
    return _fixed(_require_int(units), minor_places(currency))


def units_text(units: int) -> str:
    """``decimal_text(from_units(units))``: a quantity or rate from ten-thousandths."""
    whole, rest = divmod(abs(_require_int(units)), _RATE_SCALE)
    sign = "-" if units < 0 else ""
    if not rest:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{rest:0{RATE_PLACES}d}".rstrip("0")


def price_units_text(units: int, currency: str) -> str:
    """``price_text(from_units(units), currency)``: the currency's decimals when they suffice."""
    places = minor_places(currency)
    spare = 10 ** (RATE_PLACES - places)
    if _require_int(units) % spare:
        return units_text(units)
    return _fixed(units // spare, places)


def _fixed(units: int, places: int) -> str:
    """Whole minor units as a plain decimal with exactly ``places`` decimals; no ``-0``."""
    if places == 0:
        return str(units)
    whole, rest = divmod(abs(units), 10**places)
    sign = "-" if units < 0 else ""
    return f"{sign}{whole}.{rest:0{places}d}"
