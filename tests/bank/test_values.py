"""Amounts and dates as banks write them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from diva_desk.bank.statement import BadStatement
from diva_desk.bank.values import DMY, MDY, YMD, Unreadable, amount, date_order, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.56", "1234.56"),
        ("$1,234.56", "1234.56"),
        ("-12.00", "-12.00"),
        ("(12.00)", "-12.00"),
        ("-$12.00", "-12.00"),
        ("$-12.00", "-12.00"),
        ("12.00-", "-12.00"),
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56 $", "1234.56"),
        ("1.234,56", "1234.56"),
        ("12,5", "12.5"),
        ("1,234", "1234"),
        ("+25", "25"),
        ("CAD 10.10", "10.10"),
        ("−3.50", "-3.50"),
    ],
)
def test_amounts_are_exact_decimals(text: str, expected: str) -> None:
    value = amount(text)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "12.3.4,5,6", "1e5", "NaN", "12..0", "$", "1-2"])
def test_what_is_no_amount_is_refused(text: str) -> None:
    with pytest.raises(Unreadable):
        amount(text)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2026-11-17", MDY, date(2026, 11, 17)),
        ("20261117", MDY, date(2026, 11, 17)),
        ("20261117120000.000[-5:EST]", MDY, date(2026, 11, 17)),
        ("11/17/2026", MDY, date(2026, 11, 17)),
        ("17/11/2026", DMY, date(2026, 11, 17)),
        ("3/4/26", DMY, date(2026, 4, 3)),
        ("2026/11/17", YMD, date(2026, 11, 17)),
        ("Nov 17, 2026", MDY, date(2026, 11, 17)),
        ("17 nov. 2026", MDY, date(2026, 11, 17)),
        ("17-Dec-2026", MDY, date(2026, 12, 17)),
        ("1 févr. 2026", MDY, date(2026, 2, 1)),
    ],
)
def test_dates_in_the_banks_formats(text: str, order: str, expected: date) -> None:
    assert parse_date(text, order) == expected


@pytest.mark.parametrize("text", ["2026-02-30", "13/13/2026", "Foo 3, 2026", "yesterday"])
def test_what_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(Unreadable):
        parse_date(text)


def test_the_date_order_is_settled_by_a_day_above_12_anywhere_in_the_file() -> None:
    assert date_order(["03/04/2026", "05/06/2026", "17/06/2026"]) == DMY
    assert date_order(["03/04/2026", "06/17/2026"]) == MDY
    assert date_order(["03/03/2026", "2026-01-05"]) == MDY  # nothing ambiguous
    assert date_order(["03/04/2026"], default=DMY) == DMY


def test_an_order_nothing_settles_or_two_orders_are_refused() -> None:
    with pytest.raises(BadStatement, match="03/04/2026 could be month/day or day/month"):
        date_order(["03/04/2026", "05/06/2026"])
    with pytest.raises(BadStatement, match="mix two orders"):
        date_order(["13/01/2026", "01/13/2026"])
