"""Demo data: a believable year and a half of a one-person design studio's book.

``diva-desk demo`` writes it into an empty book so a person can try every part
of the app (the call list, overdue invoices, a payment plan, a broken promise)
before entering their own customers. Everything is dated from ``today`` and drawn
from a seeded generator, so the same day and seed always give the same book.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from diva_desk.core.records import BookContents, InvoiceLine, LineTax, Quote, QuoteState
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
    _quotes(builder, today)
    return builder.contents(BUSINESS, tuple(role.customer for role in roles))


def _quotes(builder: DemoBuilder, today: dt.date) -> None:
    """A sent quote about to lapse (the Today list's courtesy call) and a draft."""
    hst = (LineTax("HST", Decimal(13)),)
    builder.quote(
        Quote(
            number="Q-1",
            customer="TAVOLA",
            issue_date=today - dt.timedelta(days=26),
            valid_until=today + dt.timedelta(days=2),
            state=QuoteState.SENT,
            currency="CAD",
            deposit_percent=Decimal(40),
            lines=(
                InvoiceLine(
                    "Spring menu photography, half day", Decimal(1), Decimal(1200), taxes=hst
                ),
                InvoiceLine("Menu layout, 4 pages", Decimal(4), Decimal(175), taxes=hst),
            ),
            notes="Shoot on a Monday, when the restaurant is closed.",
        )
    )
    builder.quote(
        Quote(
            number="Q-2",
            customer="HARBOUR",
            issue_date=today,
            valid_until=today + dt.timedelta(days=30),
            currency="CAD",
            deposit_percent=Decimal(25),
            lines=(
                InvoiceLine("Waiting-room signage, 3 panels", Decimal(3), Decimal(240), taxes=hst),
            ),
        )
    )
