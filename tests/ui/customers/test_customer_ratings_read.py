"""The customer list rates the customers it shows, not every customer at each reading.

A rating weighs every invoice a customer was sent; reading them all for five thousand
customers was most of the list's load. These tests count the customers rated and hold
the list to the answers of the fully rated list (store.customers.listing.customer_list).
"""

from __future__ import annotations

import peewee
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diva_desk.core.customers.history import RatingKind
from diva_desk.demo import demo_contents
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.customers.listing import customer_list
from diva_desk.ui.common.labels import rating_text
from diva_desk.ui.customers import customer_models
from diva_desk.ui.customers.customer_models import RATING_COLUMN, CustomerTableModel

from ..conftest import TODAY

PAGE = 5


@pytest.fixture
def model(
    qtbot: QtBot, book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> CustomerTableModel:
    add_contents(demo_contents(TODAY))
    monkeypatch.setattr(customer_models, "RATED_PAGE", PAGE)
    made = CustomerTableModel()
    made.sort(3, Qt.SortOrder.DescendingOrder)  # by balance, as the tab opens
    made.reload(TODAY)
    return made


def ratings_shown(model: CustomerTableModel, rows: range) -> dict[str, str]:
    return {model.index(row, 0).data(): model.index(row, RATING_COLUMN).data() for row in rows}


def rated_words() -> dict[str, str]:
    return {row.code: rating_text(row.rating) for row in customer_list(TODAY)}


def test_painting_the_first_rows_rates_one_page_of_customers(model: CustomerTableModel) -> None:
    assert model.rowCount() > 2 * PAGE
    assert model.ratings_read == 0  # the reading itself rates nobody
    shown = ratings_shown(model, range(3))
    assert model.ratings_read == PAGE  # the page the first rows are on
    ratings_shown(model, range(PAGE))
    assert model.ratings_read == PAGE
    expected = rated_words()
    assert shown == {code: expected[code] for code in shown}
    everyone = ratings_shown(model, range(model.rowCount()))
    assert everyone == {code: expected[code] for code in everyone}


def test_sorting_or_filtering_by_rating_rates_everyone_with_the_same_answers(
    model: CustomerTableModel,
) -> None:
    model.sort(RATING_COLUMN, Qt.SortOrder.AscendingOrder)
    codes = [model.index(row, 0).data() for row in range(model.rowCount())]
    # Reliable first, risky last; within a rating, the store's order (by name).
    order = [RatingKind.RELIABLE, RatingKind.NEW, RatingKind.SLOW, RatingKind.RISKY]
    rows = [row for row in customer_list(TODAY) if not row.archived]
    assert codes == [row.code for row in sorted(rows, key=lambda r: order.index(r.rating))]
    assert model.ratings_read == model.total_count()
    assert len(set(rated_words().values())) > 1  # the demo has more than one rating
    model.set_filters(rating=RatingKind.RELIABLE)
    found = ratings_shown(model, range(model.rowCount()))
    assert found and set(found.values()) == {rating_text(RatingKind.RELIABLE)}


def test_a_search_for_a_rating_word_finds_by_rating(model: CustomerTableModel) -> None:
    word = rating_text(RatingKind.RELIABLE)
    before = model.ratings_read
    model.set_search("zzzz")  # no rating's word holds it: nobody more is rated
    assert model.ratings_read == before and model.rowCount() == 0
    model.set_search(word.lower()[:4])
    found = ratings_shown(model, range(model.rowCount()))
    listed = [row for row in customer_list(TODAY) if not row.archived]
    reliable = {row.code for row in listed if row.rating is RatingKind.RELIABLE}
    assert reliable and reliable <= set(found)
    assert model.ratings_read == before + model.total_count()
