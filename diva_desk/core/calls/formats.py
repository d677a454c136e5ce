"""Amounts, dates and numbers for the call list, each formatted once per locale.

A call list of 1,300 calls says the same few dates, day counts and amounts many
times over in its reasons and talking points; Babel takes a tenth of a millisecond
or more for each. These wrappers remember what they printed, by value and locale
(the locale is always given, never the app's current one, so a remembered text
cannot belong to another language). The caches are bounded; a new value is only
formatted once more after it falls out.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from diva_desk.i18n import format as fmt

_SIZE = 8192


@lru_cache(maxsize=_SIZE)
def _money(amount: Decimal, exponent: int, currency: str, locale: str) -> str:
    return fmt.money(amount, currency, locale)


def money(amount: Decimal, currency: str, locale: str) -> str:
    """:func:`diva_desk.i18n.format.money`, remembered.

    ``1.5`` and ``1.50`` are equal Decimals; the exponent keeps them apart, so the
    text is always the one Babel prints for the very value given.
    """
    return _money(amount, amount.as_tuple().exponent, currency, locale)


@lru_cache(maxsize=_SIZE)
def number(value: int, locale: str) -> str:
    """:func:`diva_desk.i18n.format.number` of a whole number (days, counts), remembered."""
    return fmt.number(value, locale)


@lru_cache(maxsize=_SIZE)
def date(day: dt.date | None, locale: str) -> str:
    """:func:`diva_desk.i18n.format.date` in the medium style, remembered (empty for None)."""
    return fmt.date(day, locale=locale)


@lru_cache(maxsize=_SIZE)
def month_day(day: dt.date, locale: str) -> str:
    """:func:`diva_desk.i18n.format.month_day`, remembered."""
    return fmt.month_day(day, locale)


@lru_cache(maxsize=_SIZE)
def month(day: dt.date, skeleton: str, locale: str) -> str:
    """:func:`diva_desk.i18n.format.month`, remembered."""
    return fmt.month(day, skeleton, locale)
