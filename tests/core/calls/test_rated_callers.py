"""calls_for asks for the ratings of the customers with a call only, once."""

from __future__ import annotations

from collections.abc import Mapping

from diva_desk.core.calls import Situation, calls_for
from diva_desk.core.customers.history import RatingKind

from .calls_helpers import NEXT_MON, customer, invoice


def _book(customers: int) -> Situation:
    """Customer 1 is overdue; the others owe nothing (one of them paid up in full)."""
    return Situation(
        tuple(customer(cid, f"C{cid}") for cid in range(1, customers + 1)),
        (invoice(1, customer_id=1), invoice(2, paid="1000.00", customer_id=2)),
    )


def test_only_the_callers_are_rated_and_their_rating_ranks_them() -> None:
    asked: list[frozenset[int]] = []

    def rate(ids: frozenset[int]) -> Mapping[int, RatingKind]:
        asked.append(ids)
        return {1: RatingKind.RISKY}

    situation = _book(300)
    [call] = calls_for(NEXT_MON, situation, rate=rate)
    assert asked == [frozenset({1})]
    assert call.rating is RatingKind.RISKY
    unrated = calls_for(NEXT_MON, situation)  # without rate: each customer's own rating
    assert unrated[0].rating is RatingKind.NEW
    assert call.score > unrated[0].score


def test_a_caller_the_ratings_leave_out_is_new() -> None:
    [call] = calls_for(NEXT_MON, _book(3), rate=lambda ids: {})
    assert call.rating is RatingKind.NEW
