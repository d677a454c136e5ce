"""Demo data: a believable year and a half of a one-person design studio's book.

``diva-desk demo`` writes it into an empty book so a person can try every part
of the app (the call list, overdue invoices, a payment plan, a broken promise)
before entering their own customers. Everything is dated from ``today`` and drawn
from a seeded generator, so the same day and seed always give the same book.
"""

from __future__ import annotations

import datetime as dt
import random

from diva_desk.core.records import BookContents
from diva_desk.demo.builder import DemoBuilder
from diva_desk.demo.cast import BUSINESS, cast
from diva_desk.demo.history import write_history
from diva_desk.demo.stories import STORIES

__all__ = ["demo_contents"]


def demo_contents(today: dt.date, seed: int = 7) -> BookContents:
    """The whole demo book as of ``today``; touches neither the store nor Qt."""
    builder = DemoBuilder(today, random.Random(seed))
    roles = cast(today)
    for role in roles:
        write_history(builder, role)
        if role.story:
            STORIES[role.story](builder, role)
    return builder.contents(BUSINESS, tuple(role.customer for role in roles))
