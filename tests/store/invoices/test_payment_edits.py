"""Correcting a payment: edit, delete, move, each logged in the customer's history and undoable."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.i18n import format as fmt
from diva_desk.store.book import models as m
from diva_desk.store.calls.call_list import calls_today
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.customers.timeline import EntryKind, customer_history
from diva_desk.store.invoices.editing import (
    draft_for_customer,
    invoice_detail,
    record_payment,
    save_draft,
    send_invoice,
    void_invoice,
)
from diva_desk.store.invoices.payment_edits import (
    ChangeKind,
    delete_payment,
    edit_payment,
    move_payment,
    move_targets,
    payment_fields,
    undo_payment_change,
)

TODAY = dt.date(2026, 11, 10)
NOW = dt.datetime(2026, 11, 10, 9, 30)
D = Decimal
DESIGN = r.InvoiceLine("Logo design", D("1"), D("1000.00"), "HST", D("13"))  # 1,130.00


@pytest.fixture
def shop(book):
    add_contents(
        r.BookContents(
            business=r.Business(name="Diva Design", invoice_prefix="INV-", next_invoice_number=1),
            customers=(
                r.Customer(code="ACME", name="Acme Ltd."),
                r.Customer(code="OTHER", name="Other Inc."),
                r.Customer(code="YANK", name="Yankee Co.", currency="USD"),
            ),
        )
    )
    return {c.code: c.id for c in m.Customer.select()}


def sent(customer_id: int, issued: dt.date = TODAY, currency: str | None = None) -> int:
    draft = draft_for_customer(customer_id, issued, (DESIGN,))
    if currency is not None:
        draft = draft.__class__(**{**draft.__dict__, "currency": currency})
    invoice_id = save_draft(draft)
    send_invoice(invoice_id, TODAY)
    return invoice_id


def pay(invoice_id: int, amount: str, day: dt.date = TODAY) -> int:
    return record_payment(invoice_id, day, D(amount), r.PaymentMethod.CHEQUE, "1234", today=TODAY)


def paid(invoice_id: int) -> Decimal:
    return invoice_detail(invoice_id, TODAY).paid


def notes_of(customer_id: int) -> list[str]:
    history = customer_history(customer_id, TODAY)
    return [e.notes for e in history.entries if e.kind is EntryKind.INTERACTION]


def test_an_edit_corrects_the_payment_logs_it_and_undo_puts_it_back(shop) -> None:
    invoice_id = sent(shop["ACME"])
    payment_id = pay(invoice_id, "500.00")
    change = edit_payment(
        payment_id,
        TODAY - dt.timedelta(days=0),
        D("50.00"),
        r.PaymentMethod.E_TRANSFER,
        " XK-9 ",
        today=TODAY,
        at=NOW,
    )
    assert change is not None and change.kind is ChangeKind.EDITED
    assert paid(invoice_id) == D("50.00")
    assert invoice_detail(invoice_id, TODAY).balance == D("1080.00")
    fields = payment_fields(payment_id)
    assert (fields.method, fields.reference) == (r.PaymentMethod.E_TRANSFER, "XK-9")
    expected = (
        f"Corrected the payment on INV-1: amount {fmt.money(D('500.00'), 'CAD')} → "
        f"{fmt.money(D('50.00'), 'CAD')}; method cheque → e-transfer; reference 1234 → XK-9."
    )
    assert change.summary == expected
    assert notes_of(shop["ACME"]) == [expected]
    entry = m.Interaction.get_by_id(change.interaction_id)
    assert (entry.invoice_id, entry.channel, entry.at) == (invoice_id, "note", NOW)

    undo_payment_change(change)
    assert paid(invoice_id) == D("500.00")
    assert payment_fields(payment_id) == change.before
    assert notes_of(shop["ACME"]) == []


def test_an_edit_that_changes_nothing_logs_nothing(shop) -> None:
    invoice_id = sent(shop["ACME"])
    payment_id = pay(invoice_id, "500.00")
    assert edit_payment(payment_id, TODAY, D("500"), r.PaymentMethod.CHEQUE, "1234") is None
    assert not m.Interaction.select().exists()


@pytest.mark.parametrize(
    ("amount", "day", "message"),
    [
        ("1130.01", TODAY, "more than the balance of {total} on INV-1"),
        ("0", TODAY, "must be more than zero"),
        ("10.001", TODAY, "CAD amounts have at most 2 decimals"),
        ("10.00", TODAY + dt.timedelta(days=1), "can't be after today ({today})"),
        ("10.00", TODAY - dt.timedelta(days=1), "is before INV-1 was issued"),
    ],
)
def test_an_edit_follows_the_rules_of_recording_and_changes_nothing_when_refused(
    shop, amount: str, day: dt.date, message: str
) -> None:
    invoice_id = sent(shop["ACME"])
    payment_id = pay(invoice_id, "500.00")
    before = payment_fields(payment_id)
    message = message.format(total=fmt.money(D("1130.00"), "CAD"), today=fmt.date(TODAY))
    with pytest.raises(BadInput, match=re.escape(message)):
        edit_payment(payment_id, day, D(amount), None, "", today=TODAY)
    assert payment_fields(payment_id) == before
    assert not m.Interaction.select().exists()


def test_an_edit_may_raise_a_payment_up_to_what_is_owed_with_it_left_out(shop) -> None:
    invoice_id = sent(shop["ACME"])
    first = pay(invoice_id, "500.00")
    pay(invoice_id, "600.00")
    # 1,130.00 owed, 600.00 by the other payment: this one may be 530.00 at most.
    assert edit_payment(first, TODAY, D("530.00"), None, "", today=TODAY) is not None
    with pytest.raises(BadInput, match=re.escape(f"balance of {fmt.money(D('530'), 'CAD')}")):
        edit_payment(first, TODAY, D("530.01"), None, "", today=TODAY)
    assert invoice_detail(invoice_id, TODAY).balance == D("0.00")


def test_a_delete_is_logged_and_undo_brings_back_the_same_payment(shop) -> None:
    invoice_id = sent(shop["ACME"])
    payment_id = pay(invoice_id, "500.00")
    change = delete_payment(payment_id, at=NOW)
    assert paid(invoice_id) == D("0.00")
    assert change.after is None
    assert change.summary == (
        f"Deleted the payment of {fmt.money(D('500.00'), 'CAD')} received "
        f"{fmt.date(TODAY)} (cheque, ref. 1234) on INV-1."
    )
    assert notes_of(shop["ACME"]) == [change.summary]
    undo_payment_change(change)
    assert payment_fields(payment_id) == change.before
    assert paid(invoice_id) == D("500.00")
    assert notes_of(shop["ACME"]) == []
    with pytest.raises(BadInput, match="undone already"):
        undo_payment_change(change)


def test_undo_is_refused_when_the_invoice_took_other_money_since(shop) -> None:
    invoice_id = sent(shop["ACME"])
    payment_id = pay(invoice_id, "1000.00")
    change = delete_payment(payment_id)
    pay(invoice_id, "1130.00")
    with pytest.raises(BadInput, match="more than its total"):
        undo_payment_change(change)
    assert paid(invoice_id) == D("1130.00")
    assert m.Interaction.get_or_none(m.Interaction.id == change.interaction_id) is not None


def test_a_payment_on_the_wrong_invoice_moves_to_the_right_one(shop) -> None:
    wrong, right = sent(shop["ACME"]), sent(shop["ACME"])
    payment_id = pay(wrong, "300.00")
    sent(shop["OTHER"])  # another customer's invoice is never offered
    assert [t.number for t in move_targets(payment_id)] == ["INV-2"]
    change = move_payment(payment_id, right, at=NOW)
    assert (paid(wrong), paid(right)) == (D("0.00"), D("300.00"))
    assert change.summary.startswith(f"Moved the payment of {fmt.money(D('300.00'), 'CAD')}")
    assert change.summary.endswith("from INV-1 to INV-2.")
    assert m.Interaction.get_by_id(change.interaction_id).invoice_id == right
    undo_payment_change(change)
    assert (paid(wrong), paid(right)) == (D("300.00"), D("0.00"))


def test_a_payment_moves_off_a_void_invoice_keeping_its_date(shop) -> None:
    wrong = sent(shop["ACME"])
    payment_id = pay(wrong, "300.00")
    void_invoice(wrong, "wrong rate", TODAY)
    later = TODAY + dt.timedelta(days=3)
    copy = sent(shop["ACME"], issued=later)
    move_payment(payment_id, copy)
    assert payment_fields(payment_id).date == TODAY
    assert invoice_detail(copy, later).paid == D("300.00")


@pytest.mark.parametrize("problem", ["same", "other customer", "other currency", "too much"])
def test_moves_that_make_no_sense_are_refused_and_nothing_changes(shop, problem: str) -> None:
    source = sent(shop["ACME"])
    payment_id = pay(source, "1000.00")
    target = {
        "same": source,
        "other customer": sent(shop["OTHER"]),
        "other currency": sent(shop["ACME"], currency="USD"),
        "too much": sent(shop["ACME"]),
    }[problem]
    if problem == "too much":
        pay(target, "500.00")
    before = payment_fields(payment_id)
    with pytest.raises(BadInput):
        move_payment(payment_id, target)
    assert payment_fields(payment_id) == before
    assert not m.Interaction.select().exists()


def test_a_payment_on_a_void_invoice_is_not_edited_but_may_be_deleted(shop) -> None:
    invoice_id = sent(shop["ACME"])
    payment_id = pay(invoice_id, "100.00")
    void_invoice(invoice_id, "duplicate", TODAY)
    with pytest.raises(BadInput, match="INV-1 is void"):
        edit_payment(payment_id, TODAY, D("90.00"), None, "", today=TODAY)
    delete_payment(payment_id)
    assert not m.Payment.select().exists()


def test_a_stale_payment_id_is_a_sentence(shop) -> None:
    with pytest.raises(BadInput, match="no longer in the book"):
        delete_payment(9999)


def test_a_payment_does_not_move_to_an_invoice_issued_after_it_came(shop) -> None:
    wrong = sent(shop["ACME"])
    payment_id = pay(wrong, "300.00")
    later = sent(shop["ACME"], issued=TODAY + dt.timedelta(days=1))
    with pytest.raises(BadInput, match="is before INV-2 was issued"):
        move_payment(payment_id, later)
    assert payment_fields(payment_id).invoice_id == wrong


def test_a_correction_is_not_a_call_the_customer_stays_on_todays_list(shop) -> None:
    overdue = sent(shop["ACME"], issued=TODAY - dt.timedelta(days=60))
    payment_id = pay(overdue, "100.00")
    assert [c.customer for c in calls_today(TODAY)] == ["ACME"]
    edit_payment(payment_id, TODAY, D("90.00"), None, "", today=TODAY, at=NOW)
    calls = calls_today(TODAY)
    assert [c.customer for c in calls] == ["ACME"]
    assert calls[0].last_contact is None  # a note the book wrote is no contact
    assert customer_history(shop["ACME"], TODAY).last_contact is None
