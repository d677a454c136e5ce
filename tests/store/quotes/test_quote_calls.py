"""The courtesy call before a sent quote lapses: when it comes up and where it ranks."""

from __future__ import annotations

import datetime as dt

from diva_desk.core import records as r
from diva_desk.core.calls import ReasonKind, calls_for
from diva_desk.core.calls.model import CallSettings
from diva_desk.store.calls.call_list import calls_json, situation_on
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.quotes.quote_edits import decline_quote
from tests.store.quotes.conftest import TODAY, D, quote

THURSDAY = TODAY


def _quote_reasons(day: dt.date) -> list[tuple[str, str | None, int]]:
    calls = calls_for(day, situation_on(day, CallSettings()))
    return [
        (call.customer, reason.invoice, reason.days)
        for call in calls
        for reason in call.reasons
        if reason.kind is ReasonKind.QUOTE_EXPIRING
    ]


def test_a_sent_quote_calls_three_working_days_before_it_lapses_and_on_the_day(shop) -> None:
    quote(shop["ACME"], valid_until=dt.date(2026, 12, 9))  # the next Wednesday
    assert _quote_reasons(THURSDAY) == []  # four working days ahead: not yet
    assert _quote_reasons(dt.date(2026, 12, 4)) == [("ACME", "Q-1", 5)]  # Friday
    assert _quote_reasons(dt.date(2026, 12, 9)) == [("ACME", "Q-1", 0)]  # on the day
    assert _quote_reasons(dt.date(2026, 12, 10)) == []  # expired: no call


def test_only_sent_unanswered_quotes_make_the_call(shop) -> None:
    soon = dt.date(2026, 12, 7)
    quote(shop["ACME"], sent=False, valid_until=soon)
    declined = quote(shop["ACME"], valid_until=soon)
    decline_quote(declined, THURSDAY)
    assert _quote_reasons(THURSDAY) == []
    quote(shop["ACME"], valid_until=soon)
    assert _quote_reasons(THURSDAY) == [("ACME", "Q-3", 4)]


def test_the_quote_call_comes_after_money_owed_and_speaks_of_the_quote(shop) -> None:
    quote(shop["ACME"], valid_until=dt.date(2026, 12, 7))  # 5,000.00
    add_contents(
        r.BookContents(
            invoices=(
                r.Invoice(
                    "INV-9", "CAFE", dt.date(2026, 10, 1), dt.date(2026, 10, 31),
                    (r.InvoiceLine("Menu", D(1), D("50.00")),),
                ),
            )
        )
    )  # fmt: skip
    calls = calls_for(THURSDAY, situation_on(THURSDAY, CallSettings()))
    assert [c.customer for c in calls] == ["CAFE", "ACME"]
    assert calls[1].amount_at_stake == D("5000.00")
    document = calls_json(THURSDAY, calls)
    reason = document["calls"][1]["reasons"][0]
    assert reason["kind"] == "quote_expiring"
    assert reason["text"] == "Quote Q-1 ($5,000.00) is valid until Dec 7, 2026: any questions?"
    points = " ".join(document["calls"][1]["talking_points"])
    assert "Quote Q-1 for $5,000.00 is valid until Dec 7." in points
