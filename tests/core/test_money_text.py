"""The book's integers written as text directly give what the Decimal path gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from diva_desk.core.money import (
    decimal_text,
    from_minor,
    from_units,
    minor_text,
    money_text,
    price_text,
    price_units_text,
    units_text,
)

currencies = st.sampled_from(["CAD", "USD", "EUR", "JPY", "KRW", "GBP"])
integers = st.integers(min_value=-(10**15), max_value=10**15) | st.integers(-20_000, 20_000)


@given(integers, currencies)
def test_minor_text_is_money_text(units: int, currency: str) -> None:
    assert minor_text(units, currency) == money_text(from_minor(units, currency), currency)


@given(integers)
def test_units_text_is_decimal_text(units: int) -> None:
    assert units_text(units) == decimal_text(from_units(units))


@given(integers, currencies)
def test_price_units_text_is_price_text(units: int, currency: str) -> None:
    assert price_units_text(units, currency) == price_text(from_units(units), currency)


def test_edges() -> None:
    assert minor_text(0, "CAD") == "0.00"
    assert minor_text(-5, "CAD") == "-0.05"
    assert minor_text(1000, "JPY") == "1000"
    assert units_text(0) == "0" and units_text(5000) == "0.5" and units_text(99750) == "9.975"
    assert price_units_text(1_200_000, "CAD") == "120.00"
    assert price_units_text(123_456, "CAD") == "12.3456"
    assert price_units_text(3_333_300, "JPY") == "333.33"
