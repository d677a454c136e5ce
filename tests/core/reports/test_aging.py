"""Aging buckets: the boundaries a collector reads every morning."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.reports.aging import AgingBucket, aging_totals, bucket_for, days_past_due


@pytest.mark.parametrize(
    ("days", "bucket"),
    [
        (-10, AgingBucket.CURRENT),
        (0, AgingBucket.CURRENT),
        (1, AgingBucket.DAYS_1_30),
        (30, AgingBucket.DAYS_1_30),
        (31, AgingBucket.DAYS_31_60),
        (60, AgingBucket.DAYS_31_60),
        (61, AgingBucket.DAYS_61_90),
        (90, AgingBucket.DAYS_61_90),
        (91, AgingBucket.OVER_90),
        (400, AgingBucket.OVER_90),
    ],
)
def test_bucket_boundaries(days: int, bucket: AgingBucket) -> None:
    assert bucket_for(days) is bucket


def test_due_today_is_not_yet_late() -> None:
    due = dt.date(2026, 11, 23)
    assert days_past_due(due, due) == 0
    assert days_past_due(due, dt.date(2026, 11, 24)) == 1
    assert days_past_due(due, dt.date(2026, 11, 1)) == -22


def test_bucket_names_match_the_aging_command() -> None:
    assert [b.value for b in AgingBucket] == ["current", "1-30", "31-60", "61-90", "90+"]


def test_totals_per_bucket_and_overall() -> None:
    totals = aging_totals(
        [
            (-5, Decimal("100.00")),
            (0, Decimal("0.50")),
            (12, Decimal("200.00")),
            (30, Decimal("25.25")),
            (45, Decimal("300.00")),
            (91, Decimal("1000.00")),
        ]
    )
    assert totals.buckets == {
        AgingBucket.CURRENT: Decimal("100.50"),
        AgingBucket.DAYS_1_30: Decimal("225.25"),
        AgingBucket.DAYS_31_60: Decimal("300.00"),
        AgingBucket.DAYS_61_90: Decimal("0.00"),
        AgingBucket.OVER_90: Decimal("1000.00"),
    }
    assert totals.total == Decimal("1625.75")


def test_no_balances_gives_zero_everywhere() -> None:
    totals = aging_totals([])
    assert set(totals.buckets) == set(AgingBucket)
    assert totals.total == Decimal("0.00")
