"""Quotes in the book: numbers, edits, answers, and accepting one into an invoice."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from diva_desk.core import records as r
from diva_desk.core.calls import ReasonKind, calls_for
from diva_desk.core.calls.model import CallSettings
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.calls.call_list import situation_on
from diva_desk.store.quotes.accepting import accept_quote, accept_quote_numbered
from diva_desk.store.quotes.quote_edits import (
    decline_quote,
    delete_quote,
    draft_quote_for,
    save_quote,
    send_quote,
)
from diva_desk.store.quotes.quote_rows import quote_by_id
from tests.store.quotes.conftest import SHOOT, TODAY, D, quote


def test_quotes_take_their_own_numbers_from_the_business(shop) -> None:
    first, second = quote(shop["ACME"]), quote(shop["CAFE"], sent=False)
    assert quote_by_id(first).number == "Q-1"
    assert quote_by_id(second).number == "Q-2"
    assert m.Business.get_by_id(1).next_quote_number == 3
    assert m.Business.get_by_id(1).next_invoice_number == 1


def test_a_new_quote_takes_the_customers_currency_and_deposit(shop) -> None:
    draft = draft_quote_for(shop["ACME"], TODAY)
    assert draft.deposit_percent == D(40)
    assert draft.valid_until == TODAY + dt.timedelta(days=30)


def test_lines_and_taxes_are_kept_as_typed(shop) -> None:
    saved = quote_by_id(quote(shop["ACME"]))
    assert saved.lines == (SHOOT,)
    assert saved.state is r.QuoteState.SENT
    assert m.Quote.get_by_id(1).total_minor == 500000


def test_a_bad_quote_is_refused_naming_what_is_wrong(shop) -> None:
    draft = draft_quote_for(shop["ACME"], TODAY)
    with pytest.raises(BadInput, match="at least one line"):
        save_quote(draft, today=TODAY)
    late = dataclasses.replace(draft, lines=(SHOOT,), valid_until=TODAY - dt.timedelta(days=1))
    with pytest.raises(BadInput, match="valid-until date is before"):
        save_quote(late, today=TODAY)
    greedy = dataclasses.replace(draft, lines=(SHOOT,), deposit_percent=D(120))
    with pytest.raises(BadInput, match="percent from 0 to 100"):
        save_quote(greedy, today=TODAY)
    assert m.Quote.select().count() == 0


def test_accepting_makes_a_sent_invoice_asking_for_the_deposit_at_once(shop) -> None:
    quote_id = quote(shop["ACME"])
    accepted_on = dt.date(2026, 12, 7)
    number = accept_quote(quote_id, accepted_on)
    invoice = m.Invoice.get(m.Invoice.number == number)
    assert number == "INV-1"
    assert invoice.state == "sent"
    assert invoice.issue_date == accepted_on
    assert invoice.due_date == accepted_on + dt.timedelta(days=15)  # the customer's terms
    assert invoice.total_minor == 500000
    assert invoice.deposit_minor == 200000
    assert invoice.deposit_due_date == accepted_on
    assert invoice.notes == "Two photographers, eight hours."
    assert [(t.name, t.rate) for line in invoice.lines for t in line.taxes] == [("HST", D(13))]
    accepted = quote_by_id(quote_id)
    assert accepted.state is r.QuoteState.ACCEPTED
    assert accepted.invoice == number


def test_accepting_twice_is_refused_and_makes_no_second_invoice(shop) -> None:
    quote_id = quote(shop["ACME"])
    accept_quote(quote_id, TODAY)
    with pytest.raises(BadInput, match="Q-1 was already accepted"):
        accept_quote_numbered("Q-1", TODAY)
    assert m.Invoice.select().count() == 1


def test_an_expired_declined_draft_or_unknown_quote_is_not_accepted(shop) -> None:
    expired = quote(shop["ACME"], valid_until=TODAY)
    with pytest.raises(BadInput, match="expired"):
        accept_quote(expired, TODAY + dt.timedelta(days=1))
    assert accept_quote(expired, TODAY)  # on the day itself it still holds
    declined = quote(shop["ACME"])
    decline_quote(declined, TODAY)
    with pytest.raises(BadInput, match="declined"):
        accept_quote(declined, TODAY)
    draft = quote(shop["ACME"], sent=False)
    with pytest.raises(BadInput, match="draft"):
        accept_quote(draft, TODAY)
    with pytest.raises(BadInput, match="no quote Q-99"):
        accept_quote_numbered("Q-99", TODAY)
    assert m.Invoice.select().count() == 1


def test_only_a_draft_is_deleted_and_a_sent_quote_is_edited_until_answered(shop) -> None:
    draft = quote(shop["ACME"], sent=False)
    delete_quote(draft, TODAY)
    assert m.QuoteLine.select().count() == 0
    sent = quote(shop["ACME"])
    with pytest.raises(BadInput, match="only a draft"):
        delete_quote(sent, TODAY)
    edited = dataclasses.replace(draft_quote_for(shop["ACME"], TODAY), lines=(SHOOT, SHOOT))
    save_quote(edited, sent, today=TODAY)
    assert len(quote_by_id(sent).lines) == 2
    with pytest.raises(BadInput, match="already sent"):
        send_quote(sent, TODAY)
    decline_quote(sent, TODAY)
    with pytest.raises(BadInput, match="declined"):
        save_quote(edited, sent, today=TODAY)


def test_the_accepted_quotes_deposit_calls_if_it_does_not_arrive(shop) -> None:
    accept_quote(quote(shop["ACME"]), TODAY)
    later = TODAY + dt.timedelta(days=1)
    calls = calls_for(later, situation_on(later, CallSettings()))
    reasons = [reason for call in calls for reason in call.reasons]
    deposit = [reason for reason in reasons if reason.kind is ReasonKind.DEPOSIT_DUE]
    assert [(d.invoice, d.amount, d.date) for d in deposit] == [("INV-1", D("2000.00"), TODAY)]


def test_a_customer_without_invoices_is_deleted_with_their_quotes(shop) -> None:
    from diva_desk.store.customers.listing import delete_customer

    quote(shop["CAFE"])
    delete_customer(shop["CAFE"])
    assert m.Quote.select().count() == 0
    assert m.QuoteLine.select().count() == 0
