"""The life of an invoice in the book: drafts, numbers, sending, voiding, payments, deposits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diva_desk.core import records as r
from diva_desk.core.invoices.totals import InvoiceStatus
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.editing import (
    InvoiceDraft,
    confirm_receipt,
    delete_draft,
    draft_for_customer,
    duplicate_invoice,
    invoice_detail,
    record_payment,
    save_draft,
    send_invoice,
    void_invoice,
)

TODAY = dt.date(2026, 11, 10)
D = Decimal


def line(description: str, quantity: str, price: str, tax: str = "", rate: str = "0"):
    return r.InvoiceLine(description, D(quantity), D(price), tax, D(rate))


DESIGN = line("Logo design", "1", "1000.00", "HST", "13")
PRINT = line("Business cards", "2.5", "39.99", "HST", "13")


@pytest.fixture
def shop(book):
    """A business numbering INV-1042 onwards and three customers with different habits."""
    add_contents(
        r.BookContents(
            business=r.Business(
                name="Diva Design", invoice_prefix="INV-", next_invoice_number=1042
            ),
            customers=(
                r.Customer(code="ACME", name="Acme Ltd.", terms_days=15),
                r.Customer(
                    code="CAFE",
                    name="Café Olé",
                    currency="USD",
                    deposit_percent=D("50"),
                    invoice_cutoff_day=25,
                    payment_run_days=(15, 31),
                ),
                r.Customer(code="PLAIN", name="Plain Co."),
            ),
        )
    )
    return {c.code: c.id for c in m.Customer.select()}


def new_draft(customer_id: int, *lines: r.InvoiceLine) -> int:
    return save_draft(draft_for_customer(customer_id, TODAY, lines))


def sent(customer_id: int, *lines: r.InvoiceLine) -> int:
    invoice_id = new_draft(customer_id, *(lines or (DESIGN,)))
    send_invoice(invoice_id, TODAY)
    return invoice_id


def number_of(invoice_id: int) -> str:
    return m.Invoice.get_by_id(invoice_id).number


def counter() -> int:
    return m.Business.get_by_id(1).next_invoice_number


# --- drafts ------------------------------------------------------------------------------


def test_a_new_draft_takes_terms_and_currency_from_the_customer(shop) -> None:
    acme = draft_for_customer(shop["ACME"], TODAY)
    assert acme.due_date == dt.date(2026, 11, 25)  # the customer's 15 days
    assert acme.currency == "CAD"
    plain = draft_for_customer(shop["PLAIN"], TODAY)
    assert plain.due_date == dt.date(2026, 12, 10)  # the business default, 30 days
    cafe = draft_for_customer(shop["CAFE"], TODAY)
    assert cafe.currency == "USD"


def test_the_customers_deposit_is_asked_only_once_there_are_lines(shop) -> None:
    assert draft_for_customer(shop["CAFE"], TODAY).deposit_amount == D("0.00")
    with_lines = draft_for_customer(shop["CAFE"], TODAY, [DESIGN, PRINT])
    # (1000.00 + 99.98) * 1.13 = 1242.98 ; half of it, rounded half-up
    assert with_lines.deposit_amount == D("621.49")
    assert with_lines.deposit_due_date == TODAY


def test_drafts_get_provisional_numbers_and_never_touch_the_counter(shop) -> None:
    first = new_draft(shop["ACME"], DESIGN)
    second = new_draft(shop["ACME"])
    assert number_of(first) == f"DRAFT-{first}"
    assert number_of(second) == f"DRAFT-{second}"
    assert counter() == 1042


def test_saving_a_draft_replaces_its_lines_and_total(shop) -> None:
    invoice_id = new_draft(shop["ACME"], DESIGN, PRINT)
    draft = draft_for_customer(shop["ACME"], TODAY, [PRINT])
    assert save_draft(draft, invoice_id) == invoice_id
    assert m.InvoiceLine.select().where(m.InvoiceLine.invoice == invoice_id).count() == 1
    # 2.5 x 39.99 = 99.975 -> 99.98 ; HST 13 % = 13.0 -> 13.00
    assert m.Invoice.get_by_id(invoice_id).total_minor == 11298  # cents of CAD


def test_a_draft_with_a_bad_line_is_refused_naming_the_line(shop) -> None:
    bad = draft_for_customer(shop["ACME"], TODAY, [DESIGN, line("", "1", "5.00")])
    with pytest.raises(BadInput, match="Line 2"):
        save_draft(bad)
    assert not m.Invoice.select().exists()


def test_a_due_date_before_the_issue_date_is_refused(shop) -> None:
    draft = draft_for_customer(shop["ACME"], TODAY)
    bad = InvoiceDraft(**{**draft.__dict__, "due_date": TODAY - dt.timedelta(days=1)})
    with pytest.raises(BadInput, match="due date"):
        save_draft(bad)


# --- numbers -----------------------------------------------------------------------------


def test_sent_numbers_are_gap_free_whatever_happens_to_drafts(shop) -> None:
    abandoned = new_draft(shop["ACME"], DESIGN)
    a = new_draft(shop["ACME"], DESIGN)
    b = new_draft(shop["PLAIN"], PRINT)
    void_invoice(abandoned, "started by mistake", TODAY)
    assert send_invoice(b, TODAY) == "INV-1042"
    assert send_invoice(a, TODAY) == "INV-1043"
    c = sent(shop["ACME"])
    void_invoice(c, "wrong price", TODAY)
    d = sent(shop["ACME"])
    assert [number_of(i) for i in (b, a, c, d)] == ["INV-1042", "INV-1043", "INV-1044", "INV-1045"]
    # The void invoice keeps its number; it is never handed out again.
    assert number_of(c) == "INV-1044"
    assert counter() == 1046


def test_sending_skips_a_number_an_import_already_took(shop) -> None:
    add_contents(
        r.BookContents(
            invoices=(
                r.Invoice("INV-1042", "ACME", TODAY, TODAY, (DESIGN,), state=r.InvoiceState.SENT),
            )
        )
    )
    assert send_invoice(new_draft(shop["ACME"], DESIGN), TODAY) == "INV-1043"
    assert counter() == 1044


def test_an_imported_draft_keeps_its_number_when_sent(shop) -> None:
    add_contents(
        r.BookContents(
            invoices=(
                r.Invoice("INV-1041", "ACME", TODAY, TODAY, (DESIGN,), state=r.InvoiceState.DRAFT),
            )
        )
    )
    row = m.Invoice.get(m.Invoice.number == "INV-1041")
    assert send_invoice(row.id, TODAY) == "INV-1041"
    assert counter() == 1042


def test_sending_records_the_date_and_locks_the_lines(shop) -> None:
    invoice_id = new_draft(shop["ACME"], DESIGN)
    send_invoice(invoice_id, dt.date(2026, 11, 12))
    row = m.Invoice.get_by_id(invoice_id)
    assert (row.state, row.sent_date) == ("sent", dt.date(2026, 11, 12))
    with pytest.raises(BadInput, match="void it and issue a new one"):
        save_draft(draft_for_customer(shop["ACME"], TODAY, [PRINT]), invoice_id)
    assert m.InvoiceLine.get(m.InvoiceLine.invoice == invoice_id).description == "Logo design"
    with pytest.raises(BadInput, match="already sent"):
        send_invoice(invoice_id, TODAY)
    assert counter() == 1043


def test_an_invoice_without_lines_is_not_sent_and_uses_no_number(shop) -> None:
    empty = new_draft(shop["ACME"])
    with pytest.raises(BadInput, match="nothing to send"):
        send_invoice(empty, TODAY)
    assert number_of(empty) == f"DRAFT-{empty}"
    assert counter() == 1042


# --- void, duplicate, receipt ------------------------------------------------------------


def test_voiding_keeps_the_reason_in_the_log_and_the_payments(shop) -> None:
    invoice_id = sent(shop["ACME"])
    record_payment(invoice_id, TODAY, D("100.00"), r.PaymentMethod.CHEQUE, "Cheque #12")
    void_invoice(invoice_id, "  wrong rate  ", TODAY)
    detail = invoice_detail(invoice_id, TODAY)
    assert detail.status is InvoiceStatus.VOID
    assert detail.balance == D("0.00")
    assert [p.amount for p in detail.payments] == [D("100.00")]
    note = m.Interaction.get(m.Interaction.invoice == invoice_id)
    assert (note.channel, note.notes, note.at.date()) == ("note", "Voided: wrong rate", TODAY)
    with pytest.raises(BadInput, match="reason"):
        void_invoice(sent(shop["ACME"]), "   ", TODAY)
    with pytest.raises(BadInput, match="already void"):
        void_invoice(invoice_id, "again", TODAY)


def test_duplicating_makes_a_new_draft_dated_today(shop) -> None:
    original = sent(shop["CAFE"], DESIGN, PRINT)
    m.Invoice.update(po_number="PO-7", notes="Thanks!").where(m.Invoice.id == original).execute()
    later = dt.date(2026, 12, 1)
    copy = duplicate_invoice(original, later)
    detail = invoice_detail(copy, later)
    assert detail.invoice.lines == (DESIGN, PRINT)
    assert detail.invoice.state is r.InvoiceState.DRAFT
    assert detail.invoice.issue_date == later
    assert detail.invoice.due_date == dt.date(2026, 12, 31)
    assert (detail.invoice.currency, detail.invoice.notes, detail.invoice.po_number) == (
        "USD",
        "Thanks!",
        "",
    )
    assert detail.deposit_asked == D("621.49")
    assert detail.customer.code == "CAFE"


def test_a_deleted_draft_is_gone_and_used_no_number(shop) -> None:
    draft = new_draft(shop["ACME"], DESIGN)
    delete_draft(draft)
    assert not m.Invoice.select().exists()
    assert not m.InvoiceLine.select().exists()
    assert send_invoice(new_draft(shop["ACME"], DESIGN), TODAY) == "INV-1042"
    with pytest.raises(BadInput, match="void it and issue a new one"):
        delete_draft(m.Invoice.get(m.Invoice.number == "INV-1042").id)


def test_confirming_receipt_records_the_date_and_the_call(shop) -> None:
    invoice_id = sent(shop["ACME"])
    confirm_receipt(invoice_id, dt.date(2026, 11, 13))
    assert m.Invoice.get_by_id(invoice_id).received_confirmed_date == dt.date(2026, 11, 13)
    call = m.Interaction.get(m.Interaction.invoice == invoice_id)
    assert (call.outcome, call.at.date()) == ("received_ok", dt.date(2026, 11, 13))
    with pytest.raises(BadInput, match="not been sent"):
        confirm_receipt(new_draft(shop["ACME"], DESIGN), TODAY)


# --- payments ----------------------------------------------------------------------------


def test_partial_payments_then_paid(shop) -> None:
    invoice_id = sent(shop["ACME"])  # 1130.00
    record_payment(invoice_id, TODAY, D("130.00"), r.PaymentMethod.CARD)
    detail = invoice_detail(invoice_id, TODAY)
    assert (detail.paid, detail.balance, detail.status) == (
        D("130.00"),
        D("1000.00"),
        InvoiceStatus.PARTLY_PAID,
    )
    record_payment(invoice_id, TODAY, D("1000.00"), r.PaymentMethod.E_TRANSFER, "ref 9")
    detail = invoice_detail(invoice_id, TODAY)
    assert (detail.balance, detail.status) == (D("0.00"), InvoiceStatus.PAID)


def test_a_payment_larger_than_the_balance_is_refused_and_nothing_written(shop) -> None:
    invoice_id = sent(shop["ACME"])  # 1130.00
    record_payment(invoice_id, TODAY, D("1000.00"), None)
    with pytest.raises(BadInput) as refused:
        record_payment(invoice_id, TODAY, D("130.01"), None)
    assert str(refused.value) == (
        "The payment of $130.01 is more than the balance of $130.00 on INV-1042."
    )
    assert m.Payment.select().count() == 1


@pytest.mark.parametrize("amount", ["0", "-5.00", "1.005"])
def test_a_payment_that_is_no_amount_is_refused(shop, amount: str) -> None:
    invoice_id = sent(shop["ACME"])
    with pytest.raises(BadInput, match="payment amount"):
        record_payment(invoice_id, TODAY, D(amount), None)
    assert not m.Payment.select().exists()


def test_a_payment_dated_after_today_is_refused(shop) -> None:
    invoice_id = sent(shop["ACME"])
    with pytest.raises(BadInput) as refused:
        record_payment(invoice_id, TODAY + dt.timedelta(days=1), D("1.00"), None, today=TODAY)
    assert str(refused.value) == (
        "A payment is recorded when it arrives: the date can't be after today (Nov 10, 2026)."
    )
    assert not m.Payment.select().exists()
    record_payment(invoice_id, TODAY, D("1.00"), None, today=TODAY)
    assert m.Payment.select().count() == 1


def test_payments_on_drafts_and_void_invoices_are_refused(shop) -> None:
    draft = new_draft(shop["ACME"], DESIGN)
    with pytest.raises(BadInput, match="draft"):
        record_payment(draft, TODAY, D("1.00"), None)
    void = sent(shop["ACME"])
    void_invoice(void, "duplicate", TODAY)
    with pytest.raises(BadInput, match="void"):
        record_payment(void, TODAY, D("1.00"), None)
    assert not m.Payment.select().exists()


def test_deposit_asked_received_and_still_due(shop) -> None:
    invoice_id = sent(shop["CAFE"], DESIGN, PRINT)  # total 1242.98, deposit 621.49
    record_payment(invoice_id, TODAY, D("300.00"), r.PaymentMethod.CARD, is_deposit=True)
    detail = invoice_detail(invoice_id, TODAY)
    assert (detail.deposit_asked, detail.deposit_received, detail.deposit_outstanding) == (
        D("621.49"),
        D("300.00"),
        D("321.49"),
    )
    # Paying the rest in one go settles the deposit too.
    record_payment(invoice_id, TODAY, D("942.98"), r.PaymentMethod.CARD)
    assert invoice_detail(invoice_id, TODAY).deposit_outstanding == D("0.00")


def test_a_deposit_larger_than_the_total_is_refused(shop) -> None:
    draft = draft_for_customer(shop["ACME"], TODAY, [DESIGN])
    too_much = InvoiceDraft(**{**draft.__dict__, "deposit_amount": D("2000.00")})
    with pytest.raises(BadInput, match="deposit"):
        save_draft(too_much)


# --- detail ------------------------------------------------------------------------------


def test_detail_figures_by_hand(shop) -> None:
    lines = (
        line("Design", "3", "85.00", "GST", "5"),  # 255.00, GST 12.75
        line("Printing", "0.335", "3.00", "QST", "9.975"),  # 1.005 -> 1.01, QST 0.1007..
        line("Travel", "1", "40.00"),  # no tax
    )
    invoice_id = sent(shop["ACME"], *lines)
    record_payment(invoice_id, TODAY, D("100.00"), r.PaymentMethod.CASH)
    detail = invoice_detail(invoice_id, dt.date(2026, 11, 26))
    assert detail.totals.net == D("296.01")
    assert [(t.name, t.amount) for t in detail.taxes] == [("GST", D("12.75")), ("QST", D("0.10"))]
    assert detail.totals.total == D("308.86")
    assert (detail.paid, detail.balance) == (D("100.00"), D("208.86"))
    assert detail.status is InvoiceStatus.OVERDUE  # due on the 25th
    assert detail.invoice.number == "INV-1042"


def test_expected_payment_date_follows_the_billing_cycle(shop) -> None:
    # CAFE: cut-off the 25th, pays on the 15th and the last day; 30 days' terms.
    on_time = sent(shop["CAFE"])
    detail = invoice_detail(on_time, TODAY)
    assert detail.invoice.due_date == dt.date(2026, 12, 10)
    assert detail.expected_payment_date == dt.date(2026, 12, 15)
    assert not detail.misses_cutoff
    late_id = save_draft(draft_for_customer(shop["CAFE"], dt.date(2026, 11, 27), [DESIGN]))
    send_invoice(late_id, dt.date(2026, 11, 27))
    late = invoice_detail(late_id, dt.date(2026, 11, 27))
    assert late.misses_cutoff
    # Waits for the 25 December cut-off, then the last-day run.
    assert late.expected_payment_date == dt.date(2026, 12, 31)


# --- numbering, whatever the order of events --------------------------------------------

OPERATIONS = st.lists(
    st.tuples(st.sampled_from(["new", "empty", "send", "void", "duplicate"]), st.integers(0, 20)),
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations=OPERATIONS)
def test_numbers_stay_gap_free_and_unique_in_any_order_of_events(
    tmp_path_factory: pytest.TempPathFactory, operations: list[tuple[str, int]]
) -> None:
    open_book(tmp_path_factory.mktemp("book") / "book.sqlite3")
    try:
        add_contents(
            r.BookContents(
                business=r.Business(name="Diva", invoice_prefix="N", next_invoice_number=7),
                customers=(r.Customer(code="ACME", name="Acme"),),
            )
        )
        customer = m.Customer.get().id
        ids: list[int] = []
        for kind, pick in operations:
            target = ids[pick % len(ids)] if ids else None
            try:
                if kind == "new":
                    ids.append(new_draft(customer, DESIGN))
                elif kind == "empty":
                    ids.append(new_draft(customer))
                elif kind == "send" and target:
                    send_invoice(target, TODAY)
                elif kind == "void" and target:
                    void_invoice(target, "mistake", TODAY)
                elif kind == "duplicate" and target:
                    ids.append(duplicate_invoice(target, TODAY))
            except BadInput:
                pass  # refused: sending twice, voiding twice, sending nothing
        numbered = [
            int(row.number[1:])
            for row in m.Invoice.select().where(m.Invoice.number.startswith("N"))
        ]
        # Every number handed out belongs to a sent (or since voided) invoice, from 7 up,
        # with no gap and no repeat; the counter is the next one.
        assert sorted(numbered) == list(range(7, 7 + len(numbered)))
        assert counter() == 7 + len(numbered)
        drafts = m.Invoice.select().where(m.Invoice.state == "draft")
        assert all(row.number.startswith("DRAFT-") for row in drafts)
    finally:
        close_book()
