"""A few formatted texts written out in full, on purpose.

Every other test compares what the app prints with what Babel produces, so new CLDR
data in a Babel release cannot break them. These few pin the exact text a customer
reads with the locked Babel (constraints.txt): they change only when the lock is
refreshed, and then the diff shows what customers will see differently.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import babel
import pytest

from diva_desk.i18n import format as fmt

NBSP = "\N{NO-BREAK SPACE}"


def test_the_locked_babel_is_the_one_these_texts_come_from() -> None:
    assert babel.__version__ == "2.19.0", "refresh the golden texts with the lock"


@pytest.mark.parametrize(
    ("amount", "currency", "locale", "text"),
    [
        ("1234.50", "CAD", "en_CA", "$1,234.50"),
        ("1234.50", "CAD", "fr_CA", f"1{NBSP}234,50{NBSP}$"),
        ("1560.00", "USD", "en_CA", "US$1,560.00"),
        ("-800.00", "CAD", "en_CA", "-$800.00"),
        ("1000", "JPY", "en_CA", "JP¥1,000"),
    ],
)
def test_money(amount: str, currency: str, locale: str, text: str) -> None:
    assert fmt.money(Decimal(amount), currency, locale) == text


def test_axis_ticks() -> None:
    assert fmt.compact_money(Decimal(2500), "CAD", "en_CA") == "$2.5K"
    assert fmt.compact_money(Decimal(12500), "CAD", "fr_CA") == f"12,5{NBSP}k{NBSP}$"


def test_dates_and_numbers() -> None:
    day = dt.date(2026, 11, 23)
    assert fmt.date(day, "medium", "en_CA") == "Nov 23, 2026"
    assert fmt.date(day, "medium", "fr_CA") == "23 nov. 2026"
    assert fmt.number(1234, "fr_CA") == f"1{NBSP}234"
    assert fmt.percent(Decimal(13), "fr_CA") == f"13{NBSP}%"
