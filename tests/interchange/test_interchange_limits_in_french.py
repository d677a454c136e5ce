"""A refusal's figures follow the language of its words: the limit is grouped by Babel."""

from __future__ import annotations

import json
from collections.abc import Iterator

import peewee
import pytest

from diva_desk.errors import BadInput
from diva_desk.i18n import _, set_language
from diva_desk.interchange import import_text


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr_CA")
    yield
    set_language("en_CA")


@pytest.mark.usefixtures("french")
def test_the_limit_of_a_too_large_amount_is_grouped_the_french_way(
    book: peewee.SqliteDatabase, sample_text: str
) -> None:
    import_text(sample_text)
    payment = {"invoice": "DD-1040", "date": "2026-11-05", "amount": "1000000000000.00"}
    document = {"format": "diva-desk", "version": 1, "payments": [payment]}
    with pytest.raises(BadInput) as refused:
        import_text(json.dumps(document))
    # The words come from the French catalog; the limit is grouped with no-break spaces.
    message = "{value} is too large (the limit is {limit})"
    figures = {"value": '"1000000000000.00"', "limit": "1\u00a0000\u00a0000\u00a0000\u00a0000"}
    assert _(message) != message  # the refusal speaks French, not English
    assert str(refused.value) == "payments[0].amount: " + _(message).format(**figures)
