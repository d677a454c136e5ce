"""The business's registration number per tax: kept by the profile, replaced by Settings."""

from __future__ import annotations

import dataclasses

import peewee
import pytest

from diva_desk.core.records import Business, TaxRegistration
from diva_desk.errors import BadInput
from diva_desk.store.book.business import get_business, save_business, save_business_settings

GST = TaxRegistration("GST", "812345678 RT0001")
QST = TaxRegistration("QST", "1223456789 TQ0001")


def test_settings_replace_the_numbers_and_the_profile_alone_keeps_them(
    book: peewee.SqliteDatabase,
) -> None:
    save_business_settings(Business(name="Studio", tax_registrations=(GST, QST)))
    business = get_business()
    assert business is not None and business.tax_registrations == (GST, QST)
    # A profile saved without its numbers (the first run, an older caller) keeps them.
    save_business(dataclasses.replace(business, name="Studio B", tax_registrations=()))
    assert get_business().tax_registrations == (GST, QST)  # type: ignore[union-attr]
    save_business_settings(dataclasses.replace(business, tax_registrations=(QST,)))
    assert get_business().registration_for("GST") == ""  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("registrations", "message"),
    [
        ((TaxRegistration(" ", "1"),), "Tax number 1: name the tax it is for."),
        ((GST, TaxRegistration("GST", "2")), "Tax number 2: GST has a number already."),
        ((TaxRegistration("GST", " "),), "Tax number 1: give the number."),
    ],
)
def test_a_wrong_number_is_refused_and_nothing_changes(
    book: peewee.SqliteDatabase, registrations: tuple[TaxRegistration, ...], message: str
) -> None:
    save_business_settings(Business(name="Studio", tax_registrations=(GST,)))
    with pytest.raises(BadInput) as caught:
        save_business_settings(Business(name="Other", tax_registrations=registrations))
    assert str(caught.value) == message
    business = get_business()
    assert business is not None and (business.name, business.tax_registrations) == (
        "Studio",
        (GST,),
    )
