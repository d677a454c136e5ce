"""A quote's life: draft, sent, then accepted or declined; expired the day after its date.

The book stores draft, sent, accepted and declined; expired is derived from the
valid-until date, never stored, so a quote lapses by itself however long the app
was closed. Accepted, declined and expired are final: each refusal says why in one
sentence (BadInput), which the window shows and the command line exits 2 with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from enum import StrEnum

from diva_desk.core.invoices.totals import deposit_for, invoice_totals
from diva_desk.core.records import InvoiceLine, QuoteState
from diva_desk.errors import BadInput
from diva_desk.i18n import _

#: Days a new quote stays valid unless the owner says otherwise.
DEFAULT_VALID_DAYS = 30


class QuoteStatus(StrEnum):
    """What a person sees: the stored state, or expired once its date has passed."""

    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"


def is_expired(valid_until: dt.date | None, day: dt.date) -> bool:
    """Expired from the day after ``valid_until``; a quote without a date never expires."""
    return valid_until is not None and day > valid_until


def quote_status(state: QuoteState, valid_until: dt.date | None, day: dt.date) -> QuoteStatus:
    """The status on ``day``: an answered quote keeps its answer; an open one may expire."""
    if state is QuoteState.ACCEPTED:
        return QuoteStatus.ACCEPTED
    if state is QuoteState.DECLINED:
        return QuoteStatus.DECLINED
    if is_expired(valid_until, day):
        return QuoteStatus.EXPIRED
    return QuoteStatus(state.value)


def _final(number: str, status: QuoteStatus) -> BadInput | None:
    if status is QuoteStatus.ACCEPTED:
        return BadInput(_("{number} was already accepted.").format(number=number))
    if status is QuoteStatus.DECLINED:
        return BadInput(_("{number} was declined.").format(number=number))
    if status is QuoteStatus.EXPIRED:
        return BadInput(
            _("{number} has expired; write a new quote with a new date.").format(number=number)
        )
    return None


def check_can_edit(number: str, status: QuoteStatus) -> None:
    """A draft may be edited, and a sent quote too until it is answered or expires."""
    if problem := _final(number, status):
        raise problem


def check_can_send(number: str, status: QuoteStatus) -> None:
    if status is QuoteStatus.SENT:
        raise BadInput(_("{number} was already sent.").format(number=number))
    if problem := _final(number, status):
        raise problem


def check_can_answer(number: str, status: QuoteStatus) -> None:
    """Accepting or declining: only a sent quote that has not expired."""
    if problem := _final(number, status):
        raise problem
    if status is QuoteStatus.DRAFT:
        raise BadInput(
            _("{number} is a draft: send it to the customer first.").format(number=number)
        )


def check_can_delete(number: str, status: QuoteStatus) -> None:
    """Only a draft is thrown away; a quote the customer has seen stays in the book."""
    if status is not QuoteStatus.DRAFT:
        raise BadInput(
            _("{number} is not a draft; only a draft can be deleted.").format(number=number)
        )


def quote_total(lines: Iterable[InvoiceLine], currency: str) -> Decimal:
    """The quote's total, by the invoices' rule (core.invoices.totals)."""
    return invoice_totals(lines, currency).total


def quote_deposit(lines: Iterable[InvoiceLine], percent: Decimal, currency: str) -> Decimal:
    """The deposit accepting asks for: ``percent`` of the total, rounded by core.money."""
    return deposit_for(quote_total(lines, currency), percent, currency)
