"""The courtesy call before a quote lapses, by the rules alone (no book, no Qt)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core.calls import CustomerFacts, OpenInvoice, QuoteFacts, ReasonKind, calls_for
from diva_desk.core.calls.model import Situation
from diva_desk.core.records import Outcome

MONDAY = dt.date(2026, 11, 23)


def _situation(**changes: object) -> Situation:
    facts = {
        "customers": (
            CustomerFacts(1, "BIG", "Big Quote Inc."),
            CustomerFacts(2, "LATE", "Late Payer Ltd."),
        ),
        "quotes": (QuoteFacts(7, "Q-7", 1, "CAD", Decimal("25000.00"), MONDAY),),
        "invoices": (
            OpenInvoice(
                9, "INV-9", 2, "CAD", dt.date(2026, 9, 1), dt.date(2026, 10, 1),
                Decimal("40.00"), Decimal(0),
            ),
        ),
    }  # fmt: skip
    return Situation(**{**facts, **changes})  # type: ignore[arg-type]


def test_a_big_quote_still_ranks_after_a_small_overdue_invoice() -> None:
    calls = calls_for(MONDAY, _situation())
    assert [c.customer for c in calls] == ["LATE", "BIG"]
    (reason,) = calls[1].reasons
    assert (reason.kind, reason.invoice, reason.invoice_id, reason.days) == (
        ReasonKind.QUOTE_EXPIRING, "Q-7", None, 0,
    )  # fmt: skip


def test_the_call_is_done_once_the_owner_has_spoken_with_them() -> None:
    reached = CustomerFacts(
        1, "BIG", "Big Quote Inc.", last_contact=MONDAY - dt.timedelta(days=1),
        last_outcome=Outcome.REACHED,
    )  # fmt: skip
    calls = calls_for(MONDAY, _situation(customers=(reached,), invoices=()))
    assert calls == []
    long_ago = CustomerFacts(
        1, "BIG", "Big Quote Inc.", last_contact=MONDAY - dt.timedelta(days=10),
        last_outcome=Outcome.REACHED,
    )  # fmt: skip
    assert [c.customer for c in calls_for(MONDAY, _situation(customers=(long_ago,)))] == ["BIG"]


def test_the_friday_list_takes_in_a_quote_lapsing_on_wednesday() -> None:
    friday, wednesday = dt.date(2026, 11, 20), dt.date(2026, 11, 25)
    lapsing = (QuoteFacts(7, "Q-7", 1, "CAD", Decimal("100.00"), wednesday),)
    calls = calls_for(friday, _situation(quotes=lapsing, invoices=()))
    assert [r.days for c in calls for r in c.reasons] == [5]
    thursday = dt.date(2026, 11, 19)
    assert calls_for(thursday, _situation(quotes=lapsing, invoices=())) == []
