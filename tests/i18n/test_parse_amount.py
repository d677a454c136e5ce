"""The one reading of a typed amount: it takes back what i18n.format prints, in each locale."""

from __future__ import annotations

from decimal import Decimal

import pytest

from diva_desk.i18n import format as fmt

AMOUNTS = [Decimal(a) for a in ("0.00", "0.05", "12.50", "1234.50", "98765.43", "1234567.89")]
LOCALES = ["en_CA", "fr_CA"]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("amount", AMOUNTS)
def test_it_reads_back_the_apps_own_money_text(locale: str, amount: Decimal) -> None:
    for currency in ("CAD", "USD", "EUR"):
        shown = fmt.money(amount, currency, locale)
        assert fmt.parse_amount(shown, "Amount", currency=currency, locale=locale) == amount


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("amount", AMOUNTS)
def test_it_reads_numbers_without_the_currency_and_with_plain_spaces(
    locale: str, amount: Decimal
) -> None:
    number = fmt.number(amount, locale)
    typed = number.replace("\u00a0", " ").replace("\u202f", " ")  # as a keyboard types it
    for text in (number, typed, f"{amount}"):
        assert fmt.parse_amount(text, "Amount", currency="CAD", locale=locale) == amount


@pytest.mark.parametrize("locale", LOCALES)
def test_yen_are_read_whole_and_decimals_are_refused_naming_the_field(locale: str) -> None:
    shown = fmt.money(Decimal(1000), "JPY", locale)
    assert fmt.parse_amount(shown, "Amount", currency="JPY", locale=locale) == Decimal(1000)
    half = fmt.number(Decimal("100.50"), locale)
    with pytest.raises(fmt.BadTypedAmount) as caught:
        fmt.parse_amount(half, "Payment amount", currency="JPY", locale=locale)
    assert str(caught.value).startswith("Payment amount:")
    assert "JPY" in str(caught.value)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("text", ["ten", "", "1e3", "12..5", "--5", "1,23,4", "$", "12 abc"])
def test_garbage_is_refused_with_a_sentence_naming_the_field(locale: str, text: str) -> None:
    with pytest.raises(fmt.BadTypedAmount) as caught:
        fmt.parse_amount(text, "Deposit", currency="CAD", locale=locale)
    message = str(caught.value)
    assert message.startswith("Deposit:") and message.endswith(".")
    assert fmt.money(Decimal("1234.50"), "CAD", locale) in message  # an example to copy


def test_more_cents_than_the_currency_has_are_refused() -> None:
    with pytest.raises(fmt.BadTypedAmount, match=r"^Amount: CAD"):
        fmt.parse_amount("1.005", "Amount", currency="CAD", locale="en_CA")


def test_prices_and_quantities_keep_four_decimals_in_any_currency() -> None:
    assert fmt.parse_amount("333,3333", "Unit price", places=4, locale="fr_CA") == Decimal(
        "333.3333"
    )
    with pytest.raises(fmt.BadTypedAmount, match=r"^Quantity: use at most 4 decimals"):
        fmt.parse_amount("1.23456", "Quantity", places=4, locale="en_CA")


def test_the_fr_ca_form_from_the_issue() -> None:
    """The payment-plan dialog used to refuse the app's own fr_CA text."""
    assert fmt.parse_amount("1 234,50 $", "Amount", currency="CAD", locale="fr_CA") == Decimal(
        "1234.50"
    )
    assert fmt.parse_amount("$1,234.50", "Amount", currency="CAD", locale="en_CA") == Decimal(
        "1234.50"
    )
