"""The one place amounts, dates and numbers become text a person reads (Babel/CLDR)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.dates import format_skeleton as _babel_skeleton
from babel.lists import format_list as _babel_list
from babel.numbers import (
    NumberFormatError,
    NumberPattern,
    format_compact_currency,
    format_decimal,
    format_percent,
    get_currency_name,
    get_currency_precision,
    get_currency_symbol,
    parse_decimal,
)

from diva_desk.i18n import _, current_locale


@lru_cache(maxsize=16)
def _parsed(name: str) -> Locale:
    return Locale.parse(name)


def _loc(locale: str | None) -> Locale:
    """The Babel locale for ``locale`` (the app's by default), parsed once per name.

    Babel parses a locale given by name on every call; a call list of a thousand
    talking points formats tens of thousands of amounts and dates.
    """
    return _parsed(locale or current_locale())


@lru_cache(maxsize=16)
def _currency_pattern(name: str) -> NumberPattern:
    """The locale's standard currency pattern, looked up once.

    Babel's ``format_currency`` looks it up in the locale's data at every call (about
    two thirds of its time); applied here as ``format_currency`` applies it.
    """
    return _parsed(name).currency_formats["standard"]


def _currency(amount: Decimal, currency: str, locale: str | None, quantize: bool) -> str:
    loc = _loc(locale)
    return _currency_pattern(str(loc)).apply(
        amount,
        loc,
        currency=currency,
        currency_digits=True,
        decimal_quantization=quantize,
        group_separator=True,
        numbering_system="latn",
    )


def money(amount: Decimal, currency: str, locale: str | None = None) -> str:
    """``$1,234.50`` in en_CA, ``1 234,50 $`` in fr_CA."""
    return _currency(amount, currency, locale, True)


def price(amount: Decimal, currency: str, locale: str | None = None) -> str:
    """A unit price, which keeps up to four decimals in any currency: ``JP¥333.33``."""
    return _currency(amount, currency, locale, False)


class BadTypedAmount(ValueError):
    """Typed text that is not an amount; its message is a sentence naming the field."""


def parse_amount(
    text: str,
    field: str,
    *,
    currency: str | None = None,
    places: int | None = None,
    locale: str | None = None,
) -> Decimal:
    """The one reading of an amount, price or quantity a person typed, in ``locale``.

    It takes back whatever :func:`money` and :func:`number` print (``$1,234.50`` in
    en_CA, ``1 234,50 $`` in fr_CA, with or without the currency's symbol or code)
    and plain ``1234.50``. ``places`` defaults to the currency's minor units (0 for
    JPY); more decimals than that, or anything that is not a number, raises
    :class:`BadTypedAmount` with a sentence that starts with ``field``.
    """
    loc = locale or current_locale()
    if places is None:
        places = get_currency_precision(currency) if currency else 0
    squeezed = "".join(text.split())
    if currency:
        for mark in (get_currency_symbol(currency, locale=loc), currency, currency.lower()):
            squeezed = squeezed.replace("".join(mark.split()), "")
    try:
        if not squeezed or any(ch.isalpha() for ch in squeezed):
            raise NumberFormatError(text)
        value = parse_decimal(squeezed, locale=loc, strict=True)
    except (NumberFormatError, ValueError, ArithmeticError):
        raise BadTypedAmount(_amount_example(text, field, currency, places, loc)) from None
    if not value.is_finite():
        raise BadTypedAmount(_amount_example(text, field, currency, places, loc))
    if -value.as_tuple().exponent > places and value != round(value, places):
        if currency and places == get_currency_precision(currency):
            raise BadTypedAmount(
                _("{field}: {rule}.").format(field=field, rule=places_rule(currency))
            )
        raise BadTypedAmount(
            _("{field}: use at most {places} decimals.").format(field=field, places=places)
        )
    return value


def _amount_example(text: str, field: str, currency: str | None, places: int, locale: str) -> str:
    """``Amount: "ten" is not an amount; type it like $1,234.50.``"""
    if currency:
        sample = Decimal("1234.5").quantize(Decimal(1).scaleb(-min(places, 2)))
        message = _('{field}: "{text}" is not an amount; type it like {example}.')
        example = money(sample, currency, locale)
    else:
        message = _('{field}: "{text}" is not a number; type it like {example}.')
        example = format_decimal(Decimal("7.5"), locale=locale)
    return message.format(field=field, text=text.strip(), example=example)


def money_in_currencies(
    amounts: Mapping[str, Decimal], first: str, locale: str | None = None
) -> str:
    """``$2,250.00 + US$75.00``: what is owed in each currency, side by side, never added.

    ``first`` (the customer's own currency) leads, the others follow by code; with
    nothing owed it is zero in ``first``.
    """
    shown = [(code, amount) for code, amount in amounts.items() if amount]
    shown.sort(key=lambda pair: (pair[0] != first, pair[0]))
    if not shown:
        return money(Decimal("0.00"), first, locale)
    return " + ".join(money(amount, code, locale) for code, amount in shown)


@lru_cache(maxsize=16)
def _decimal_pattern(name: str) -> NumberPattern:
    """The locale's decimal pattern, looked up once (as :func:`_currency_pattern`)."""
    return _parsed(name).decimal_formats[None]


def number(value: Decimal | int, locale: str | None = None) -> str:
    loc = _loc(locale)
    # What Babel's format_decimal does, without looking the pattern up at every number.
    return _decimal_pattern(str(loc)).apply(
        value, loc, decimal_quantization=True, group_separator=True, numbering_system="latn"
    )


def percent(value: Decimal, locale: str | None = None) -> str:
    """A percentage given as ``13`` for 13 %."""
    return format_percent(value / 100, locale=_loc(locale), decimal_quantization=False)


def date(day: dt.date | None, style: str = "medium", locale: str | None = None) -> str:
    """``Nov 23, 2026`` in en_CA, ``23 nov. 2026`` in fr_CA; empty for no date."""
    if day is None:
        return ""
    return _babel_date(day, format=style, locale=_loc(locale))


def datetime(moment: dt.datetime, style: str = "short", locale: str | None = None) -> str:
    return _babel_datetime(moment, format=style, locale=_loc(locale))


def currency_name(code: str, locale: str | None = None) -> str:
    return get_currency_name(code, locale=_loc(locale))


def is_known_locale(name: str) -> bool:
    try:
        Locale.parse(name)
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def month_day(day: dt.date, locale: str | None = None) -> str:
    """``Nov 23`` in en_CA, ``23 nov.`` in fr_CA: a date as said aloud, without the year."""
    return _babel_skeleton("MMMd", day, locale=_loc(locale))


def compact_money(amount: Decimal, currency: str, locale: str | None = None) -> str:
    """``$12.5K`` in en_CA, ``12,5 k$`` in fr_CA: an axis tick, never an exact figure."""
    return format_compact_currency(amount, currency, locale=_loc(locale), fraction_digits=1)


def month(day: dt.date, skeleton: str = "MMM", locale: str | None = None) -> str:
    """``Nov`` in en_CA, ``nov.`` in fr_CA; ``skeleton="yMMMM"`` for ``November 2026``."""
    return _babel_skeleton(skeleton, day, locale=_loc(locale))


def listing(items: list[str], locale: str | None = None) -> str:
    """``a, b and c`` in en_CA, ``a, b et c`` in fr_CA: a list as a sentence says it."""
    return _babel_list(items, locale=_loc(locale)) if items else ""


def places_rule(code: str) -> str:
    """How many decimals ``code``'s amounts have, in words: the one wording every refusal uses.

    ``"JPY amounts have no decimals"``, ``"CAD amounts have at most 2 decimals"``
    (the currency's minor units from Babel's CLDR data).
    """
    places = get_currency_precision(code)
    if places == 0:
        return _("{currency} amounts have no decimals").format(currency=code)
    return _("{currency} amounts have at most {places} decimals").format(
        currency=code, places=places
    )
