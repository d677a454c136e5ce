"""Money already received follows a correction: payments move from a void invoice to its copy;
and a payment cannot predate the invoice it pays."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.editing import (
    draft_for_customer,
    invoice_detail,
    move_payments,
    record_payment,
    save_draft,
    send_invoice,
    void_invoice,
)

TODAY = dt.date(2026, 11, 10)
D = Decimal
DESIGN = r.InvoiceLine("Logo design", D("1"), D("1000.00"), "HST", D("13"))  # 1,130.00
SMALL = r.InvoiceLine("Business cards", D("1"), D("100.00"))  # 100.00


@pytest.fixture
def shop(book):
    add_contents(
        r.BookContents(
            business=r.Business(name="Diva Design", invoice_prefix="INV-", next_invoice_number=1),
            customers=(
                r.Customer(code="ACME", name="Acme Ltd."),
                r.Customer(code="OTHER", name="Other Inc."),
            ),
        )
    )
    return {c.code: c.id for c in m.Customer.select()}


def draft(customer_id: int, *lines: r.InvoiceLine) -> int:
    return save_draft(draft_for_customer(customer_id, TODAY, lines or (DESIGN,)))


def sent(customer_id: int, *lines: r.InvoiceLine) -> int:
    invoice_id = draft(customer_id, *lines)
    send_invoice(invoice_id, TODAY)
    return invoice_id


def pay(invoice_id: int, amount: str, day: dt.date = TODAY) -> None:
    record_payment(invoice_id, day, D(amount), r.PaymentMethod.CHEQUE, "1234", today=TODAY)


def paid_on(invoice_id: int) -> Decimal:
    return invoice_detail(invoice_id, TODAY).paid


def test_the_payments_move_to_the_corrected_copy_when_it_is_sent(shop) -> None:
    wrong = sent(shop["ACME"])
    pay(wrong, "300.00")
    pay(wrong, "200.00", TODAY)
    void_invoice(wrong, "wrong rate", TODAY)
    copy = draft(shop["ACME"])
    number = send_invoice(copy, TODAY, payments_from=wrong)
    assert number == "INV-2"
    assert paid_on(wrong) == D("0.00")
    assert paid_on(copy) == D("500.00")
    assert invoice_detail(copy, TODAY).balance == D("630.00")
    moved = m.Payment.select().where(m.Payment.invoice == copy)
    assert sorted((p.amount_minor, p.reference, p.date) for p in moved) == [
        (20000, "1234", TODAY),  # $200.00 in cents
        (30000, "1234", TODAY),
    ]


def test_a_copy_smaller_than_the_payments_is_not_sent_and_nothing_moves(shop) -> None:
    wrong = sent(shop["ACME"])
    pay(wrong, "500.00")
    void_invoice(wrong, "wrong customer contact", TODAY)
    copy = draft(shop["ACME"], SMALL)
    with pytest.raises(BadInput) as refused:
        send_invoice(copy, TODAY, payments_from=wrong)
    assert str(refused.value) == (
        "The payments of $500.00 on INV-1 are more than the $100.00 owed on INV-2; "
        "they stay on INV-1."
    )
    # All or nothing: the copy is still a draft, the number not used, the money where it was.
    assert m.Invoice.get_by_id(copy).state == r.InvoiceState.DRAFT
    assert m.Business.get_by_id(1).next_invoice_number == 2
    assert paid_on(wrong) == D("500.00")
    assert paid_on(copy) == D("0.00")


def test_moving_onto_a_partly_paid_invoice_counts_what_it_already_received(shop) -> None:
    wrong = sent(shop["ACME"])
    pay(wrong, "600.00")
    void_invoice(wrong, "duplicate", TODAY)
    target = sent(shop["ACME"])
    pay(target, "600.00")
    with pytest.raises(BadInput, match=r"more than the \$530\.00 owed on INV-2"):
        move_payments(wrong, target)
    assert paid_on(wrong) == D("600.00")


@pytest.mark.parametrize("problem", ["not void", "draft target", "other customer", "nothing"])
def test_moves_that_make_no_sense_are_refused(shop, problem: str) -> None:
    source = sent(shop["ACME"])
    if problem != "nothing":
        pay(source, "100.00")
    target = sent(shop["ACME"])
    if problem != "not void":
        void_invoice(source, "x", TODAY)
    if problem == "draft target":
        target = draft(shop["ACME"])
    if problem == "other customer":
        target = sent(shop["OTHER"])
    before = [(p.invoice_id, p.amount_minor) for p in m.Payment.select()]
    with pytest.raises(BadInput):
        move_payments(source, target)
    assert [(p.invoice_id, p.amount_minor) for p in m.Payment.select()] == before


def test_a_payment_before_the_invoice_was_issued_is_refused(shop) -> None:
    invoice_id = sent(shop["ACME"])
    with pytest.raises(BadInput) as refused:
        pay(invoice_id, "10.00", dt.date(1990, 1, 1))
    assert str(refused.value) == (
        "The payment date Jan 1, 1990 is before INV-1 was issued (Nov 10, 2026): check the date."
    )
    with pytest.raises(BadInput, match="before INV-1 was issued"):
        pay(invoice_id, "10.00", TODAY - dt.timedelta(days=1))
    assert not m.Payment.select().exists()
    pay(invoice_id, "10.00", TODAY)  # the day it was issued is fine
    assert paid_on(invoice_id) == D("10.00")
