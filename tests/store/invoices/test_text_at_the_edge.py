"""The invoice editor's save path and recording a payment: control characters dropped,
over-long text refused naming the field, and a refusal leaves the book as it was."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.interchange import export_text
from diva_desk.store.book import models as m
from diva_desk.store.calls.outcomes import no_answer
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.editing import InvoiceDraft, save_draft, send_invoice, void_invoice
from diva_desk.store.invoices.payments import record_payment

TODAY = dt.date(2026, 11, 10)
AT = dt.datetime(2026, 11, 10, 12, 0, 0)


@pytest.fixture
def customer_id(book) -> int:
    add_contents(
        r.BookContents(
            business=r.Business(name="Studio"),
            customers=(r.Customer(code="ACME", name="Acme"),),
        )
    )
    return m.Customer.get(m.Customer.code == "ACME").id


def draft(customer_id: int, **changes) -> InvoiceDraft:
    values = {
        "customer_id": customer_id,
        "issue_date": TODAY,
        "due_date": TODAY + dt.timedelta(days=30),
        "lines": (r.InvoiceLine("Work", Decimal(1), Decimal(100)),),
        **changes,
    }
    return InvoiceDraft(**values)


def test_a_draft_is_saved_without_control_characters(customer_id):
    line = r.InvoiceLine("Lo\x07go\n\x1bdesign", Decimal(1), Decimal(5), "H\x00ST", Decimal(13))
    invoice_id = save_draft(draft(customer_id, po_number="PO\x07-1", notes="N\x0bB", lines=(line,)))
    row = m.Invoice.get_by_id(invoice_id)
    stored = m.InvoiceLine.get(m.InvoiceLine.invoice == invoice_id)
    assert (row.po_number, row.notes) == ("PO-1", "NB")
    taxes = m.InvoiceLineTax.select().where(m.InvoiceLineTax.line == stored.id)
    assert (stored.description, [t.name for t in taxes]) == ("Logo\ndesign", ["HST"])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"po_number": "P" * 833}, "PO number: at most 100 characters (this has 833)."),
        ({"notes": "n" * 10_001}, "Notes: at most 10,000 characters (this has 10,001)."),
        (
            {"lines": (r.InvoiceLine("x\n" * 200, Decimal(1), Decimal(1)),)},
            "Line 1: description: at most 200 lines (this has 201).",
        ),
        (
            {"lines": (r.InvoiceLine("x", Decimal(1), Decimal(1), "T" * 307, Decimal(5)),)},
            "Line 1: tax name: at most 60 characters (this has 307).",
        ),
    ],
)
def test_over_long_invoice_text_is_refused_and_nothing_is_written(customer_id, changes, message):
    before = export_text(AT)
    with pytest.raises(BadInput) as caught:
        save_draft(draft(customer_id, **changes))
    assert str(caught.value) == message
    assert export_text(AT) == before


def test_a_payment_reference_is_cleaned_and_held_to_its_limit(customer_id):
    invoice_id = save_draft(draft(customer_id))
    send_invoice(invoice_id, TODAY)
    before = export_text(AT)
    with pytest.raises(BadInput) as caught:
        record_payment(invoice_id, TODAY, Decimal(5), None, "R" * 1121, today=TODAY)
    assert str(caught.value) == "Reference: at most 200 characters (this has 1,121)."
    assert export_text(AT) == before
    payment_id = record_payment(invoice_id, TODAY, Decimal(5), None, "e\x07T-1\x1b", today=TODAY)
    assert m.Payment.get_by_id(payment_id).reference == "eT-1"


def test_call_notes_lose_control_characters_and_are_held_to_their_limit(customer_id):
    on = dt.datetime(2026, 11, 10, 9, 30)
    no_answer(customer_id, True, "left a message\x07\x1b", on)
    notes = m.Interaction.select().order_by(m.Interaction.id.desc()).get().notes
    assert "left a message" in notes and "\x07" not in notes and "\x1b" not in notes
    before = export_text(AT)
    with pytest.raises(BadInput) as caught:
        no_answer(customer_id, True, "n" * 10_001, on)
    assert str(caught.value).startswith("Notes: at most 10,000 characters")
    assert export_text(AT) == before


def test_a_void_reason_is_cleaned_and_held_to_its_limit(customer_id):
    invoice_id = save_draft(draft(customer_id))
    send_invoice(invoice_id, TODAY)
    with pytest.raises(BadInput) as caught:
        void_invoice(invoice_id, "r" * 1001, TODAY)
    assert str(caught.value) == "Reason: at most 1,000 characters (this has 1,001)."
    assert m.Invoice.get_by_id(invoice_id).state != r.InvoiceState.VOID
    void_invoice(invoice_id, "dup\x07licate", TODAY)
    notes = m.Interaction.select().order_by(m.Interaction.id.desc()).get().notes
    assert notes.endswith("duplicate")
