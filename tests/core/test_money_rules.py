"""Money: half-up rounding, exact cents, and the decimal strings people and files use."""

from __future__ import annotations

from decimal import Decimal

import pytest

from diva_desk.core.money import (
    BadAmount,
    decimal_text,
    from_minor,
    from_units,
    money_text,
    parse_decimal,
    round_money,
    to_minor,
    to_units,
)


@pytest.mark.parametrize(
    ("raw", "rounded"),
    [
        ("0.005", "0.01"),
        ("0.015", "0.02"),  # half-even would give 0.02 too; 0.025 tells them apart
        ("0.025", "0.03"),
        ("2.675", "2.68"),  # the classic float trap: 2.675 as a float is 2.67499...
        ("1.004", "1.00"),
        ("1.0049999", "1.00"),
        ("-0.005", "-0.01"),  # half-up means away from zero: a refund rounds like a charge
        ("-2.675", "-2.68"),
        ("-1.004", "-1.00"),
        ("1234.5", "1234.50"),
        ("7", "7.00"),
    ],
)
def test_round_money_is_half_up_to_the_cent(raw: str, rounded: str) -> None:
    result = round_money(Decimal(raw), "CAD")
    assert str(result) == rounded


def test_round_money_never_shows_minus_zero() -> None:
    # A tiny negative difference must read "0.00" on screen, not "-0.00".
    assert money_text(Decimal("-0.004"), "CAD") == "0.00"
    assert str(round_money(Decimal("-0.001"), "CAD")) == "0.00"


@pytest.mark.parametrize("value", [0.1, 1, "1.00", None])
def test_round_money_refuses_anything_but_decimal(value: object) -> None:
    with pytest.raises(TypeError):
        round_money(value, "CAD")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_round_money_refuses_values_that_are_no_amount(value: str) -> None:
    with pytest.raises(BadAmount):
        round_money(Decimal(value), "CAD")
    with pytest.raises(BadAmount):
        money_text(Decimal(value), "CAD")


@pytest.mark.parametrize(
    ("amount", "cents"),
    [("0.00", 0), ("0.01", 1), ("1234.50", 123450), ("-19.99", -1999), ("5", 500), ("0.1", 10)],
)
def test_cents_round_trip(amount: str, cents: int) -> None:
    assert to_minor(Decimal(amount), "CAD") == cents
    assert from_minor(cents, "CAD") == Decimal(amount)
    assert str(from_minor(cents, "CAD")) == money_text(Decimal(amount), "CAD")


def test_to_cents_refuses_a_third_decimal_place() -> None:
    # Silently dropping 0.005 would make the book disagree with the invoice.
    with pytest.raises(BadAmount):
        to_minor(Decimal("1.005"), "CAD")
    assert to_minor(Decimal("1.050"), "CAD") == 105  # a trailing zero is not a third place


@pytest.mark.parametrize("value", [1.5, 150, "1.50"])
def test_to_cents_refuses_non_decimal(value: object) -> None:
    with pytest.raises(TypeError):
        to_minor(value, "CAD")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [1.7, Decimal("1.7"), "170", True])
def test_from_cents_refuses_anything_but_whole_cents(value: object) -> None:
    with pytest.raises(TypeError):
        from_minor(value, "CAD")  # type: ignore[arg-type]


def test_units_keep_four_places() -> None:
    assert to_units(Decimal("9.975")) == 99750
    assert from_units(99750) == Decimal("9.975")
    assert decimal_text(from_units(20000)) == "2"
    with pytest.raises(BadAmount):
        to_units(Decimal("0.00001"))
    with pytest.raises(TypeError):
        to_units(0.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234.50", Decimal("1234.50")),
        ("0.5", Decimal("0.5")),
        ("2", Decimal("2")),
        ("+1", Decimal("1")),
        ("-1.00", Decimal("-1.00")),
        ("  12.30 ", Decimal("12.30")),  # a form field with stray spaces
        ("0", Decimal("0")),
    ],
)
def test_parse_decimal_reads_plain_decimals(text: str, value: Decimal) -> None:
    result = parse_decimal(text, places=2)
    assert result == value
    assert isinstance(result, Decimal)


@pytest.mark.parametrize(
    "text",
    [
        "two",
        "1e3",
        "1E3",
        "1,000.00",
        "1 000.00",
        "1_000",
        "NaN",
        "nan",
        "Infinity",
        "-Infinity",
        "inf",
        "",
        " ",
        ".",
        "1.",
        "-",
        "+",
        "+-1",
        "--1",
        "1.2.3",
        "١٢",  # Arabic-Indic digits: isdigit() says yes, the book says no
        "１２",  # full-width digits
        "²",
        "$12.00",
        "12.00 CAD",
    ],
)
def test_parse_decimal_refuses_anything_looser(text: str) -> None:
    with pytest.raises(BadAmount):
        parse_decimal(text, places=2)


def test_parse_decimal_error_quotes_what_was_typed() -> None:
    # The importer builds "...quantity: expected a decimal string, got "two"" from this.
    with pytest.raises(BadAmount, match='expected a decimal string, got "two"'):
        parse_decimal("two", places=4)


def test_parse_decimal_refuses_too_many_places() -> None:
    with pytest.raises(BadAmount, match="more than 2 decimal places"):
        parse_decimal("1.005", places=2)
    assert parse_decimal("9.975", places=4) == Decimal("9.975")
    assert parse_decimal("1.2345", places=4) == Decimal("1.2345")
    with pytest.raises(BadAmount):
        parse_decimal("1.23456", places=4)


def test_parse_decimal_refuses_non_strings() -> None:
    with pytest.raises(BadAmount):
        parse_decimal(12.5, places=2)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("1234.5", "1234.50"),
        ("1234.50", "1234.50"),
        ("2", "2.00"),
        ("0", "0.00"),
        ("1E+1", "10.00"),
        ("1E+3", "1000.00"),
        ("-5.5", "-5.50"),
        ("0.125", "0.13"),
    ],
)
def test_money_text_always_two_plain_decimals(value: str, text: str) -> None:
    assert money_text(Decimal(value), "CAD") == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("2", "2"),
        ("2.0000", "2"),
        ("0.5", "0.5"),
        ("0.50", "0.5"),
        ("9.975", "9.975"),
        ("9.9750", "9.975"),
        ("1E+1", "10"),
        ("100", "100"),
        ("1.0E+2", "100"),
        ("0.0001", "0.0001"),
        ("13", "13"),
        ("-0", "0"),
        ("0E-4", "0"),
    ],
)
def test_decimal_text_is_shortest_plain_form(value: str, text: str) -> None:
    assert decimal_text(Decimal(value)) == text


def test_decimal_text_refuses_floats() -> None:
    with pytest.raises(TypeError):
        decimal_text(0.5)  # type: ignore[arg-type]
