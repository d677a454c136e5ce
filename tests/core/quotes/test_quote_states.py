"""A quote's states and moves: expiry on the boundary day, and final answers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.quotes.states import (
    QuoteStatus,
    check_can_answer,
    check_can_delete,
    check_can_edit,
    check_can_send,
    quote_deposit,
    quote_status,
)
from diva_desk.core.records import InvoiceLine, QuoteState
from diva_desk.errors import BadInput

VALID_UNTIL = dt.date(2026, 12, 15)


def test_a_sent_quote_is_valid_on_its_last_day_and_expired_the_day_after() -> None:
    assert quote_status(QuoteState.SENT, VALID_UNTIL, VALID_UNTIL) is QuoteStatus.SENT
    after = VALID_UNTIL + dt.timedelta(days=1)
    assert quote_status(QuoteState.SENT, VALID_UNTIL, after) is QuoteStatus.EXPIRED
    assert quote_status(QuoteState.DRAFT, VALID_UNTIL, after) is QuoteStatus.EXPIRED


def test_an_answer_outlives_the_date_and_no_date_never_expires() -> None:
    late = dt.date(2030, 1, 1)
    assert quote_status(QuoteState.ACCEPTED, VALID_UNTIL, late) is QuoteStatus.ACCEPTED
    assert quote_status(QuoteState.DECLINED, VALID_UNTIL, late) is QuoteStatus.DECLINED
    assert quote_status(QuoteState.SENT, None, late) is QuoteStatus.SENT


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (QuoteStatus.ACCEPTED, "Q-1 was already accepted."),
        (QuoteStatus.DECLINED, "Q-1 was declined."),
        (QuoteStatus.EXPIRED, "Q-1 has expired; write a new quote with a new date."),
        (QuoteStatus.DRAFT, "Q-1 is a draft: send it to the customer first."),
    ],
)
def test_only_a_sent_unexpired_quote_can_be_answered(status: QuoteStatus, words: str) -> None:
    with pytest.raises(BadInput) as refused:
        check_can_answer("Q-1", status)
    assert str(refused.value) == words
    check_can_answer("Q-1", QuoteStatus.SENT)


def test_drafts_and_sent_quotes_may_be_edited_the_final_ones_not() -> None:
    check_can_edit("Q-1", QuoteStatus.DRAFT)
    check_can_edit("Q-1", QuoteStatus.SENT)
    for final in (QuoteStatus.ACCEPTED, QuoteStatus.DECLINED, QuoteStatus.EXPIRED):
        with pytest.raises(BadInput):
            check_can_edit("Q-1", final)
    check_can_send("Q-1", QuoteStatus.DRAFT)
    with pytest.raises(BadInput, match="already sent"):
        check_can_send("Q-1", QuoteStatus.SENT)
    check_can_delete("Q-1", QuoteStatus.DRAFT)
    with pytest.raises(BadInput, match="only a draft"):
        check_can_delete("Q-1", QuoteStatus.SENT)


def test_the_deposit_is_the_percent_of_the_total_with_tax_rounded_half_up() -> None:
    lines = (InvoiceLine("Shoot", Decimal(1), Decimal("4424.78"), "HST", Decimal(13)),)
    # 4,424.78 + 575.22 HST = 5,000.00; 40 % of it.
    assert quote_deposit(lines, Decimal(40), "CAD") == Decimal("2000.00")
    assert quote_deposit(lines, Decimal("33.3333"), "CAD") == Decimal("1666.67")
    assert quote_deposit(lines, Decimal(0), "CAD") == Decimal("0.00")
