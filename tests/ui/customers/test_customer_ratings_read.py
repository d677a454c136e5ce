"""The customer list rates the customers it shows, not every customer at each reading.

A rating weighs every invoice a customer was sent; reading them all for five thousand
customers was most of the list's load. These tests count the customers rated and hold
the list to the answers of the fully rated list (store.customers.listing.customer_list).
The shown pages are rated on the list's worker: ``data()`` itself runs no SQL, the cell
is empty until the answer comes back, and an answer for rows read since is dropped.
"""

from __future__ import annotations

import peewee
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diva_desk.core.customers.history import RatingKind
from diva_desk.demo import demo_contents
from diva_desk.store.book.db import db
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


def settle(qtbot: QtBot, model: CustomerTableModel) -> None:
    """Wait for the pages asked of the worker to be answered (and shown)."""
    model.tasks.wait()
    qtbot.waitUntil(lambda: not model.tasks.is_busy(), timeout=5000)


def painted_after_answers(qtbot: QtBot, model: CustomerTableModel, rows: range) -> dict[str, str]:
    """The ratings shown once the worker answered the pages these rows are on."""
    ratings_shown(model, rows)
    settle(qtbot, model)
    return ratings_shown(model, rows)


def test_painting_the_first_rows_rates_one_page_of_customers(
    qtbot: QtBot, model: CustomerTableModel
) -> None:
    assert model.rowCount() > 2 * PAGE
    assert model.ratings_read == 0  # the reading itself rates nobody
    shown = painted_after_answers(qtbot, model, range(3))
    assert model.ratings_read == PAGE  # the page the first rows are on
    painted_after_answers(qtbot, model, range(PAGE))
    assert model.ratings_read == PAGE
    expected = rated_words()
    assert shown == {code: expected[code] for code in shown}
    everyone = painted_after_answers(qtbot, model, range(model.rowCount()))
    assert everyone == {code: expected[code] for code in everyone}


def test_painting_runs_no_sql_and_the_ratings_come_back_by_data_changed(
    qtbot: QtBot, model: CustomerTableModel
) -> None:
    statements: list[str] = []
    db.connection().set_trace_callback(statements.append)
    try:
        first = ratings_shown(model, range(PAGE))
        tip = Qt.ItemDataRole.ToolTipRole
        tips = [model.index(row, RATING_COLUMN).data(tip) for row in range(PAGE)]
    finally:
        db.connection().set_trace_callback(None)
    assert statements == []  # the GUI thread's connection was not used
    assert set(first.values()) == {""} and tips == [None] * PAGE  # quiet until known
    with qtbot.waitSignal(model.dataChanged, timeout=5000) as changed:
        settle(qtbot, model)
    top, bottom = changed.args[0], changed.args[1]
    assert top.column() == bottom.column() == RATING_COLUMN
    assert (top.row(), bottom.row()) == (0, PAGE - 1)
    expected = rated_words()
    assert ratings_shown(model, range(PAGE)) == {code: expected[code] for code in first}


def test_an_answer_for_rows_read_since_is_dropped(qtbot: QtBot, model: CustomerTableModel) -> None:
    ratings_shown(model, range(PAGE))  # a page asked of the worker
    model.reload(TODAY)  # the rows read again before the answer is shown
    settle(qtbot, model)
    assert model.ratings_read == 0
    assert set(ratings_shown(model, range(PAGE)).values()) == {""}  # asked again, not stale
    settle(qtbot, model)
    assert model.ratings_read == PAGE
    expected = rated_words()
    shown = ratings_shown(model, range(PAGE))
    assert shown == {code: expected[code] for code in shown}


def test_sorting_or_filtering_by_rating_rates_everyone_with_the_same_answers(
    qtbot: QtBot, model: CustomerTableModel
) -> None:
    before = [model.index(row, 0).data() for row in range(model.rowCount())]
    statements: list[str] = []
    db.connection().set_trace_callback(statements.append)
    try:
        model.sort(RATING_COLUMN, Qt.SortOrder.AscendingOrder)
    finally:
        db.connection().set_trace_callback(None)
    # Rated on the worker: the GUI thread ran no SQL, and the order waits for the answer.
    assert statements == [] and model.rating_pending
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == before
    with qtbot.waitSignal(model.rating_everyone, timeout=5000) as done:
        settle(qtbot, model)
    assert done.args == [False] and not model.rating_pending
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
    # Read again (a refresh): the rows come at once, the ratings from the worker.
    model.reload(TODAY)
    assert model.rating_pending and model.ratings_read == model.total_count()
    settle(qtbot, model)
    assert model.ratings_read == 2 * model.total_count()
    again = ratings_shown(model, range(model.rowCount()))
    assert again == found


def test_filtering_by_rating_while_the_rows_are_read_again_keeps_the_newer_answer(
    qtbot: QtBot, model: CustomerTableModel
) -> None:
    model.set_filters(rating=RatingKind.RELIABLE)
    model.reload(TODAY)  # before the first answer came: that one is dropped
    settle(qtbot, model)
    assert model.ratings_read == model.total_count() and not model.rating_pending
    found = ratings_shown(model, range(model.rowCount()))
    assert found and set(found.values()) == {rating_text(RatingKind.RELIABLE)}


def test_a_search_for_a_rating_word_finds_by_rating(
    qtbot: QtBot, model: CustomerTableModel
) -> None:
    word = rating_text(RatingKind.RELIABLE)
    before = model.ratings_read
    model.set_search("zzzz")  # no rating's word holds it: nobody more is rated
    assert model.ratings_read == before and model.rowCount() == 0
    model.set_search(word.lower()[:4])
    settle(qtbot, model)
    found = ratings_shown(model, range(model.rowCount()))
    listed = [row for row in customer_list(TODAY) if not row.archived]
    reliable = {row.code for row in listed if row.rating is RatingKind.RELIABLE}
    assert reliable and reliable <= set(found)
    assert model.ratings_read == before + model.total_count()
