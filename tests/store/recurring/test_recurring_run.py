"""The run makes each period's invoice once: a closed laptop, a second run, an end date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core import records as r
from diva_desk.core.invoices.recurrence import Every
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.calls.call_list import calls_today
from diva_desk.store.recurring.run import due_count, run_recurring
from diva_desk.store.recurring.schedules import (
    delete_schedule,
    end_schedule,
    load_schedule,
    save_schedule,
    schedule_from_invoice,
    schedule_rows,
)
from tests.store.recurring.conftest import RETAINER, schedule_for

D = dt.date


def _invoices() -> list[tuple[str, dt.date, dt.date, str]]:
    query = m.Invoice.select().order_by(m.Invoice.id)
    return [(i.number, i.issue_date, i.due_date, i.state) for i in query]


def test_a_laptop_closed_for_three_months_makes_the_three_missed_months_in_order(shop):
    schedule_for(shop["ACME"], D(2027, 1, 31), send=True)

    made = run_recurring(D(2027, 4, 30))

    assert [(i.number, i.issue_date, i.sent) for i in made] == [
        ("INV-100", D(2027, 1, 31), True),
        ("INV-101", D(2027, 2, 28), True),
        ("INV-102", D(2027, 3, 31), True),
        ("INV-103", D(2027, 4, 30), True),
    ]
    # Due per the customer's 15 days, each from its own period.
    assert _invoices()[1] == ("INV-101", D(2027, 2, 28), D(2027, 3, 15), "sent")
    assert made[0].total == Decimal("1695.00") and made[0].customer_code == "ACME"
    assert m.RecurringInvoice.get().next_date == D(2027, 5, 31)


def test_a_second_run_on_the_same_day_makes_nothing(shop):
    schedule_for(shop["ACME"], D(2027, 1, 15))
    assert len(run_recurring(D(2027, 2, 20))) == 2
    assert due_count(D(2027, 2, 20)) == 0

    assert run_recurring(D(2027, 2, 20)) == []
    assert len(_invoices()) == 2


def test_periods_of_several_schedules_are_numbered_in_date_order(shop):
    schedule_for(shop["ACME"], D(2027, 1, 20), send=True)
    schedule_for(shop["CAFE"], D(2027, 1, 10), send=True, currency="USD")

    made = run_recurring(D(2027, 2, 15))

    assert [(i.number, i.customer_code, i.issue_date) for i in made] == [
        ("INV-100", "CAFE", D(2027, 1, 10)),
        ("INV-101", "ACME", D(2027, 1, 20)),
        ("INV-102", "CAFE", D(2027, 2, 10)),
    ]
    assert made[0].currency == "USD"


def test_the_end_date_is_honoured(shop):
    schedule_for(shop["ACME"], D(2027, 1, 1), end_date=D(2027, 3, 1))
    assert [i.issue_date for i in run_recurring(D(2027, 12, 31))] == [
        D(2027, 1, 1), D(2027, 2, 1), D(2027, 3, 1),
    ]  # fmt: skip
    assert run_recurring(D(2028, 12, 31)) == []
    assert schedule_rows()[0].ended


def test_drafts_wait_for_a_look_and_sent_ones_take_numbers(shop):
    schedule_for(shop["ACME"], D(2027, 1, 5))
    schedule_for(shop["CAFE"], D(2027, 1, 6), send=True, currency="USD", terms_days=7)

    made = run_recurring(D(2027, 1, 6))

    draft, sent = made
    assert not draft.sent and draft.number.startswith("DRAFT-")
    assert sent.sent and sent.number == "INV-100"
    assert _invoices()[0][3] == "draft"
    assert _invoices()[1] == ("INV-100", D(2027, 1, 6), D(2027, 1, 13), "sent")
    invoice = m.Invoice.get(m.Invoice.number == "INV-100")
    assert invoice.sent_date == D(2027, 1, 6)
    assert [line.description for line in invoice.lines] == ["Monthly retainer"]
    assert [t.name for t in invoice.lines[0].taxes] == ["HST"]


def test_made_invoices_are_called_about_like_any_other(shop):
    schedule_for(shop["ACME"], D(2027, 1, 10), send=True)
    run_recurring(D(2027, 1, 10))

    calls = calls_today(D(2027, 2, 5))  # due Jan 25, eleven days late

    assert [c.customer for c in calls] == ["ACME"]
    assert "INV-100" in {reason.invoice for reason in calls[0].reasons}


def test_a_failed_period_makes_nothing_and_keeps_its_date(shop):
    """No business profile to number a sent invoice: the period is not half made."""
    schedule_for(shop["ACME"], D(2027, 1, 10), send=True)
    m.Business.delete().execute()

    with pytest.raises(BadInput):
        run_recurring(D(2027, 3, 1))

    assert _invoices() == []
    assert m.RecurringInvoice.get().next_date == D(2027, 1, 10)


def test_the_next_date_moves_in_the_invoices_transaction(shop):
    """Each period is one transaction: the statements it takes are all inside one."""
    schedule_for(shop["ACME"], D(2027, 1, 10), send=True)
    begun: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(
        lambda sql: begun.append(sql) if sql.startswith(("BEGIN", "COMMIT")) else None
    )
    try:
        run_recurring(D(2027, 2, 10))
    finally:
        connection.set_trace_callback(None)
    assert begun == ["BEGIN IMMEDIATE", "COMMIT", "BEGIN IMMEDIATE", "COMMIT"]
    begun.clear()
    connection.set_trace_callback(lambda sql: begun.append(sql))
    try:
        assert run_recurring(D(2027, 2, 10)) == []
    finally:
        connection.set_trace_callback(None)
    assert not any(sql.startswith(("BEGIN", "INSERT", "UPDATE")) for sql in begun)


def test_schedules_are_edited_ended_and_deleted(shop):
    schedule_id = schedule_for(shop["ACME"], D(2027, 1, 30), interval=2, notes=" Retainer ")
    loaded = load_schedule(schedule_id)
    assert (loaded.interval, loaded.notes, loaded.lines) == (2, "Retainer", (RETAINER,))
    assert m.RecurringInvoice.get().anchor_day == 30

    save_schedule(
        loaded.__class__(**{**loaded.__dict__, "every": Every.QUARTER, "next_date": D(2027, 2, 28)})
    )
    assert m.RecurringInvoice.get().anchor_day == 31  # a new date, a month-end anchor

    assert end_schedule(schedule_id) == D(2027, 2, 27)
    assert run_recurring(D(2027, 12, 31)) == []
    delete_schedule(schedule_id)
    assert schedule_rows() == [] and m.RecurringLine.select().count() == 0
    with pytest.raises(BadInput, match="no longer in the book"):
        load_schedule(schedule_id)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"interval": 0}, "Repeat every: give a whole number from 1 to 120."),
        ({"terms_days": -1}, "Terms: give a number of days from 0 to 36500."),
        ({"end_date": D(2026, 12, 31)}, "The end date is before the next invoice's date."),
        ({"lines": ()}, "Add at least one line: the invoices are made from them."),
        ({"lines": (r.InvoiceLine(" "),)}, "Line 1: describe the work or goods."),
        ({"currency": "XYZ"}, "Currency: "),
    ],
)
def test_bad_schedules_are_refused_naming_the_field(shop, changes, message):
    with pytest.raises(BadInput) as caught:
        schedule_for(shop["ACME"], D(2027, 1, 1), **changes)
    assert str(caught.value).startswith(message)
    assert m.RecurringInvoice.select().count() == 0


def test_a_schedule_made_from_an_invoice_starts_a_month_later_with_its_lines(shop):
    schedule_for(shop["ACME"], D(2027, 1, 31), send=True)
    made = run_recurring(D(2027, 1, 31))
    m.RecurringInvoice.delete().execute()

    schedule = schedule_from_invoice(made[0].invoice_id)

    assert schedule.next_date == D(2027, 2, 28)
    assert schedule.every is Every.MONTH and not schedule.send
    assert schedule.lines == (RETAINER,) and schedule.customer_id == shop["ACME"]


def test_deleting_a_customer_without_invoices_deletes_their_schedules(shop):
    from diva_desk.store.customers.listing import delete_customer

    schedule_for(shop["CAFE"], D(2027, 6, 1), currency="USD")

    delete_customer(shop["CAFE"])

    assert m.RecurringInvoice.select().count() == 0 and m.RecurringLine.select().count() == 0
