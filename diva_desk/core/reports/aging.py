"""Receivables aging: which bucket an open balance falls in, and the bucket totals.

A balance is *current* until the day after its due date; after that it ages by days
past due. The bucket names and limits are the ones the ``aging`` command prints
(spec/cli.md), and a later SQL aggregation must use the same named limits, so they
live here once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from diva_desk.core.money import ZERO
from diva_desk.i18n import _


class AgingBucket(StrEnum):
    CURRENT = "current"
    DAYS_1_30 = "1-30"
    DAYS_31_60 = "31-60"
    DAYS_61_90 = "61-90"
    OVER_90 = "90+"


#: The last day past due that still counts in each bucket; beyond the last, ``90+``.
CURRENT_UNTIL_DAYS = 0
FIRST_BUCKET_UNTIL_DAYS = 30
SECOND_BUCKET_UNTIL_DAYS = 60
THIRD_BUCKET_UNTIL_DAYS = 90

_UPPER_LIMITS: tuple[tuple[int, AgingBucket], ...] = (
    (CURRENT_UNTIL_DAYS, AgingBucket.CURRENT),
    (FIRST_BUCKET_UNTIL_DAYS, AgingBucket.DAYS_1_30),
    (SECOND_BUCKET_UNTIL_DAYS, AgingBucket.DAYS_31_60),
    (THIRD_BUCKET_UNTIL_DAYS, AgingBucket.DAYS_61_90),
)


def days_past_due(due_date: dt.date, today: dt.date) -> int:
    """Whole days since the due date; zero or negative while not yet late."""
    return (today - due_date).days


def bucket_for(days: int) -> AgingBucket:
    """The bucket of a balance ``days`` past its due date (``<= 0`` is current)."""
    for limit, bucket in _UPPER_LIMITS:
        if days <= limit:
            return bucket
    return AgingBucket.OVER_90


@dataclass(frozen=True)
class AgingTotals:
    """Open balances summed per bucket; every bucket is present, zero if empty."""

    buckets: Mapping[AgingBucket, Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.buckets.values(), ZERO)


def aging_totals(balances: Iterable[tuple[int, Decimal]]) -> AgingTotals:
    """Sum ``(days past due, open balance)`` pairs into the aging buckets."""
    sums = dict.fromkeys(AgingBucket, ZERO)
    for days, balance in balances:
        bucket = bucket_for(days)
        sums[bucket] += balance
    return AgingTotals(buckets=sums)


def bucket_label(bucket: AgingBucket) -> str:
    """The words for an aging column, the same on screen and on paper."""
    labels = {
        AgingBucket.CURRENT: _("Current"),
        AgingBucket.DAYS_1_30: _("1–30 days"),
        AgingBucket.DAYS_31_60: _("31–60 days"),
        AgingBucket.DAYS_61_90: _("61–90 days"),
        AgingBucket.OVER_90: _("Over 90 days"),
    }
    return labels[bucket]
