"""A page of call cards reads its talking points and rating reasons in a fixed number
of statements, whatever the page's size (not one customer reading per card)."""

from __future__ import annotations

import peewee

from diva_desk.demo import demo_contents
from diva_desk.store.book.db import db
from diva_desk.store.calls.call_list import calls_today
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.customers.history import customer_standing
from diva_desk.ui.today.today_reading import card_extras

from ..conftest import TODAY


def _statements(calls: list) -> tuple[int, object]:
    statements: list[str] = []
    db.connection().set_trace_callback(statements.append)
    try:
        extras = card_extras(calls, TODAY)
    finally:
        db.connection().set_trace_callback(None)
    return len(statements), extras


def test_a_page_of_cards_reads_its_extras_in_the_same_statements_as_one_card(
    book: peewee.SqliteDatabase,
) -> None:
    add_contents(demo_contents(TODAY))
    calls = calls_today(TODAY)
    assert len(calls) >= 4
    one, _ = _statements(calls[:1])
    many, extras = _statements(calls)
    assert many == one
    for call in calls:  # the same reasons as each customer's own standing gives
        standing = customer_standing(call.customer_id, TODAY)
        assert extras.rating_reasons[call.customer_id] == (
            standing.rating.reason if standing else ""
        )
        assert call.customer in extras.scripts
