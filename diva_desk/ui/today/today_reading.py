"""What the Today panel reads from the book, as plain data a worker thread can fetch.

Reading the day's calls grows with the book (every open invoice, every promise),
so the window reads it off the GUI thread (ui.shell.refresher) and hands the
result to :meth:`TodayPanel.show_reading`. Nothing here touches a widget.

Only the calls shown get their talking points and rating reason read: the panel
shows the best :data:`PAGE` calls first and more on request, so a book with 1,300
calls to make costs the same here as one with twenty.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from diva_desk.core.calls import Call
from diva_desk.core.calls.talking_points import Script
from diva_desk.store.calls.call_list import call_settings, calls_today, scripts_for
from diva_desk.store.customers.history import ratings_of
from diva_desk.store.invoices.lists import OverdueSummary, overdue_summary, total_owed

#: How many call cards the panel shows at first, and how many more each "Show more" adds:
#: two or three screens of cards at 1366x768. A card is some ninety widgets and takes
#: 15-25 ms to build here, so a page is built in a few hundred milliseconds, in batches.
PAGE = 10


@dataclass(frozen=True)
class CardExtras:
    """What a card needs beyond its call: the talking points and the rating's reason."""

    scripts: dict[str, Script] = field(default_factory=dict)
    #: Why the customer is rated as they are, by customer id ("" when nothing to say).
    rating_reasons: dict[int, str] = field(default_factory=dict)

    def merged(self, other: CardExtras) -> CardExtras:
        return CardExtras(
            {**self.scripts, **other.scripts}, {**self.rating_reasons, **other.rating_reasons}
        )


@dataclass(frozen=True)
class TodayReading:
    """The day's figures and calls, read in one go."""

    today: dt.date
    owed: dict[str, Decimal]
    overdue: OverdueSummary
    #: Every call of the day, best first.
    calls: list[Call]
    retry_days: int
    #: For the first calls only (as many as the panel shows).
    extras: CardExtras


def card_extras(calls: list[Call], today: dt.date) -> CardExtras:
    """The talking points and rating reasons of these calls (a page of them, not the day's)."""
    if not calls:
        return CardExtras()
    # One reading for the page's customers, not one per card.
    standings = ratings_of([call.customer_id for call in calls], today)
    reasons = {
        call.customer_id: standings[call.customer_id].rating.reason
        if call.customer_id in standings
        else ""
        for call in calls
    }
    return CardExtras(scripts_for(calls, today), reasons)


def read_today(today: dt.date, shown: int = PAGE) -> TodayReading:
    """Everything the Today panel shows on ``today``, with extras for the first ``shown`` calls."""
    settings = call_settings()
    calls = calls_today(today, settings=settings)
    return TodayReading(
        today=today,
        owed=total_owed(today),
        overdue=overdue_summary(today),
        calls=calls,
        retry_days=settings.retry_after_working_days,
        extras=card_extras(calls[:shown], today),
    )
