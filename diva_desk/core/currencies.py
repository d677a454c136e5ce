"""The currencies a book can hold, and how many minor units each has (CLDR, through Babel).

A book keeps every amount as a whole number of its currency's minor units: cents for
CAD, USD and EUR, whole yen for JPY. A currency with three decimals (KWD, BHD) would
need a column of its own scale, so it is refused with a sentence wherever one enters.
"""

from __future__ import annotations

from functools import cache

from babel.numbers import get_currency_precision, list_currencies

from diva_desk.i18n import _

#: The pick lists' currencies, most common first for the people this app is made for.
BOOK_CURRENCIES = (
    "CAD",
    "USD",
    "EUR",
    "GBP",
    "AUD",
    "NZD",
    "CHF",
    "MXN",
    "JPY",
    "SEK",
    "NOK",
    "DKK",
)
#: The most minor-unit places any amount in a book has.
MAX_PLACES = 2


@cache
def is_known(code: str) -> bool:
    return code in list_currencies()


@cache
def minor_places(code: str) -> int:
    """Decimals of the currency's minor unit: 2 for CAD, 0 for JPY (CLDR)."""
    return get_currency_precision(code)


def can_hold(code: str) -> bool:
    """A currency Babel knows whose amounts the book keeps exactly."""
    return is_known(code) and minor_places(code) <= MAX_PLACES


def currency_problem(code: str) -> str | None:
    """Why ``code`` cannot be a book's currency, in a sentence; ``None`` when it can."""
    if not is_known(code):
        return _('"{code}" is not a currency code such as CAD or USD.').format(code=code)
    if minor_places(code) > MAX_PLACES:
        return _(
            "{code} has {places} decimals; Diva Desk keeps amounts to at most {most}, "
            "so it cannot hold {code} exactly."
        ).format(code=code, places=minor_places(code), most=MAX_PLACES)
    return None
