"""The store keeps each amount in its currency's minor units and refuses finer ones."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.calls import outcomes as o
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.customers.timeline import EntryKind, customer_history
from diva_desk.store.invoices.editing import (
    InvoiceDraft,
    invoice_detail,
    record_payment,
    save_draft,
    send_invoice,
)
from diva_desk.store.invoices.lists import customer_rows, invoice_rows

TODAY = dt.date(2026, 11, 10)
D = Decimal


@pytest.fixture
def tokyo(book) -> int:
    add_contents(
        r.BookContents(
            business=r.Business(name="Studio", currency="CAD"),
            customers=(r.Customer(code="TOKYO", name="Tokyo KK", currency="JPY"),),
        )
    )
    return m.Customer.get(m.Customer.code == "TOKYO").id


def yen_invoice(customer_id: int, deposit: str = "0") -> int:
    invoice_id = save_draft(
        InvoiceDraft(
            customer_id=customer_id,
            issue_date=TODAY - dt.timedelta(days=5),
            due_date=TODAY + dt.timedelta(days=25),
            currency="JPY",
            deposit_amount=D(deposit),
            deposit_due_date=TODAY if D(deposit) else None,
            lines=(r.InvoiceLine("Consulting", D(3), D("333.33")),),
        )
    )
    send_invoice(invoice_id, TODAY - dt.timedelta(days=5))
    return invoice_id


def test_a_yen_invoice_is_kept_in_whole_yen(tokyo: int) -> None:
    invoice_id = yen_invoice(tokyo, deposit="300")
    record_payment(invoice_id, TODAY, D(250), None, today=TODAY)
    row = m.Invoice.get_by_id(invoice_id)
    assert (row.total_minor, row.deposit_minor) == (1000, 300)
    assert m.Payment.get().amount_minor == 250
    detail = invoice_detail(invoice_id, TODAY)
    assert (detail.totals.total, detail.paid, detail.balance) == (D(1000), D(250), D(750))
    # Every list agrees, in whole yen.
    listed = {i.number: i for i in invoice_rows(TODAY)}[detail.invoice.number]
    assert (listed.total, listed.balance) == (D(1000), D(750))
    assert {c.code: c.balance for c in customer_rows(TODAY)}["TOKYO"] == D(750)
    amounts = {e.kind: e.amount for e in customer_history(tokyo, TODAY).entries}
    assert (amounts[EntryKind.INVOICE], amounts[EntryKind.PAYMENT]) == (D(1000), D(250))


def test_a_yen_payment_with_decimals_is_refused_naming_the_amount(tokyo: int) -> None:
    invoice_id = yen_invoice(tokyo)
    with pytest.raises(BadInput, match=r"^The payment amount: JPY amounts have no decimals\.$"):
        record_payment(invoice_id, TODAY, D("100.50"), None, today=TODAY)
    assert m.Payment.select().count() == 0


def test_a_yen_promise_or_installment_with_decimals_is_refused(tokyo: int) -> None:
    invoice_id = yen_invoice(tokyo)
    on = dt.datetime.combine(TODAY, dt.time(10))
    with pytest.raises(BadInput, match=r"promised amount.*JPY"):
        o.promised_to_pay(tokyo, invoice_id, D("500.50"), TODAY, "", on)
    plan = [r.Installment(TODAY + dt.timedelta(days=7), D("999.50")),
            r.Installment(TODAY + dt.timedelta(days=14), D("0.50"))]  # fmt: skip
    with pytest.raises(BadInput, match=r"Installment 1.*JPY"):
        o.agreed_payment_plan(tokyo, invoice_id, plan, "", on)
    assert m.Promise.select().count() == m.PaymentPlan.select().count() == 0
    o.promised_to_pay(tokyo, invoice_id, D(500), TODAY, "", on)
    assert m.Promise.get().amount_minor == 500


def test_a_deposit_with_decimals_or_a_three_decimal_currency_is_refused(tokyo: int) -> None:
    with pytest.raises(BadInput, match=r"deposit.*0 decimals"):
        yen_invoice(tokyo, deposit="300.50")
    draft = InvoiceDraft(
        customer_id=tokyo,
        issue_date=TODAY,
        due_date=TODAY,
        currency="KWD",
        lines=(r.InvoiceLine("Work", D(1), D("10.000")),),
    )
    with pytest.raises(BadInput, match="KWD has 3 decimals"):
        save_draft(draft)
    assert m.Invoice.select().count() == 0


def test_a_yen_payment_is_corrected_in_whole_yen(tokyo: int) -> None:
    from diva_desk.store.invoices.payment_edits import (
        edit_payment,
        payment_fields,
        undo_payment_change,
    )

    invoice_id = yen_invoice(tokyo)
    payment_id = record_payment(invoice_id, TODAY, D(250), None, today=TODAY)
    with pytest.raises(BadInput, match=r"^The payment amount: JPY amounts have no decimals\.$"):
        edit_payment(payment_id, TODAY, D("300.50"), None, today=TODAY)
    change = edit_payment(payment_id, TODAY, D(300), None, today=TODAY)
    assert change is not None
    assert (m.Payment.get_by_id(payment_id).amount_minor, payment_fields(payment_id).amount) == (
        300,
        D(300),
    )
    undo_payment_change(change)
    assert m.Payment.get_by_id(payment_id).amount_minor == 250
