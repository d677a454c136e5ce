"""Amounts and numbers are written as Babel's format_currency and format_decimal write
them, to the character, though the locale's patterns are looked up once, not at every
amount."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal

from diva_desk.i18n import format as fmt

LOCALES = ["en_CA", "fr_CA", "en_US", "de_DE", "ja_JP"]
CURRENCIES = ["CAD", "USD", "EUR", "JPY", "KWD"]


def _amounts() -> list[Decimal]:
    rng = random.Random(11)
    odd = ["0", "-0", "0.005", "-0.004", "1E+3", "123456789012.345", "-1234.5"]
    drawn = [Decimal(rng.randint(-(10**9), 10**9)).scaleb(-rng.randint(0, 5)) for _ in range(40)]
    return [Decimal(text) for text in odd] + drawn


@pytest.mark.parametrize("locale", LOCALES)
def test_money_and_price_read_as_babels_format_currency(locale: str) -> None:
    for currency in CURRENCIES:
        for amount in _amounts():
            assert fmt.money(amount, currency, locale) == format_currency(
                amount, currency, locale=locale
            ), (amount, currency)
            assert fmt.price(amount, currency, locale) == format_currency(
                amount, currency, locale=locale, decimal_quantization=False
            ), (amount, currency)


@pytest.mark.parametrize("locale", LOCALES)
def test_numbers_read_as_babels_format_decimal(locale: str) -> None:
    for value in [*_amounts(), 0, 7, -12, 1234567]:
        assert fmt.number(value, locale) == format_decimal(value, locale=locale), value
