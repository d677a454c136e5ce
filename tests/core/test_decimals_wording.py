"""Too many decimals: every place that refuses an amount says it in the same words."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.calls.plans import check_custom_installments
from diva_desk.core.records import Installment
from diva_desk.i18n.format import BadTypedAmount, parse_amount, places_rule


def test_the_rule_for_a_currency_without_minor_units_says_no_decimals() -> None:
    assert places_rule("JPY") == "JPY amounts have no decimals"
    assert places_rule("CAD") == "CAD amounts have at most 2 decimals"


@pytest.mark.parametrize(("currency", "typed"), [("JPY", "100.5"), ("CAD", "10.001")])
def test_the_typed_amount_parser_and_the_plan_check_use_the_same_words(
    currency: str, typed: str
) -> None:
    with pytest.raises(BadTypedAmount) as typed_error:
        parse_amount(typed, "Amount", currency=currency, locale="en_CA")
    plan_error = check_custom_installments(
        Decimal(typed), [Installment(dt.date(2026, 12, 1), Decimal(typed))], currency
    )
    assert str(typed_error.value) == f"Amount: {places_rule(currency)}."
    assert plan_error == f"Installment 1: {places_rule(currency)}."
