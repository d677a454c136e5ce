"""Recording a bank plan: payments dated the bank date, kept transactions, all or nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
import pytest

from diva_desk.bank.matching import BY_SENDER, Allocation, MatchedLine, plan_bank_import
from diva_desk.bank.recording import payment_method_of, record_bank_import
from diva_desk.core.records import PaymentMethod
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.calls.call_list import calls_today
from diva_desk.store.customers.history import customer_standing
from diva_desk.store.invoices.payment_edits import (
    delete_payment,
    edit_payment,
    payment_fields,
    undo_payment_change,
)
from diva_desk.store.invoices.payments import record_payment
from tests.bank.bank_books import DAY, line, statement, trap_book

TODAY = dt.date(2026, 11, 18)


def _rows(book: peewee.Database, sql: str) -> list[tuple]:
    return list(book.execute_sql(sql))


def _counts(book: peewee.Database) -> tuple[int, int, int]:
    return tuple(
        book.execute_sql(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("payment", "bank_transaction", "bank_sender")
    )


STATEMENT = statement(
    line("20261117000", "4520.00", "INTERAC E-TRF FROM ACME SONS INV-1001"),
    line("20261117001", "300.00", "CHQ 512 ACME SONS"),
    line("20261117002", "250.00", "TWIN PEAKS STUDIO"),
    line("20261117003", "-42.10", "BANK FEES"),
    line("20261117004", "250.00", "DEPOSIT"),
)


def test_payments_are_recorded_as_the_bank_says(book: peewee.Database) -> None:
    trap_book()
    plan = plan_bank_import(STATEMENT, "chequing.ofx")
    assert len(plan.matched) == 2 and len(plan.review) == 2 and plan.ignored == 1
    done = record_bank_import(plan, today=TODAY)
    assert (done.payments, done.customers) == (2, frozenset({"ACME"}))
    assert (done.recorded, done.review, done.ignored) == (2, 2, 1)
    payments = _rows(
        book,
        "SELECT i.number, p.date, p.amount_cents, p.method, p.reference, t.transaction_id "
        "FROM payment p JOIN invoice i ON i.id = p.invoice_id "
        "JOIN bank_transaction t ON t.id = p.bank_transaction_id ORDER BY p.id",
    )
    assert payments == [
        ("INV-1001", "2026-11-17", 452000, "e-transfer", "20261117000", "20261117000"),
        ("INV-1010", "2026-11-17", 30000, "cheque", "20261117001", "20261117001"),
    ]
    kept = _rows(
        book,
        "SELECT transaction_id, status, amount_cents, currency FROM bank_transaction "
        "WHERE account = '1234567' ORDER BY transaction_id",
    )
    assert [(t, s) for t, s, _a, _c in kept] == [
        ("20261117000", "recorded"),
        ("20261117001", "recorded"),
        ("20261117002", "review"),
        ("20261117003", "ignored"),
        ("20261117004", "review"),
    ]
    assert kept[3][2:] == (-4210, "CAD")


def test_importing_twice_records_nothing_new(book: peewee.Database) -> None:
    trap_book()
    record_bank_import(plan_bank_import(STATEMENT, "chequing.ofx"), today=TODAY)
    before = _counts(book)
    again = plan_bank_import(STATEMENT, "chequing.ofx")
    # Recorded and ignored lines are known; the review lines come back for review.
    assert (len(again.matched), again.ignored, again.already_imported) == (0, 0, 3)
    assert [r.line.transaction for r in again.review] == ["20261117002", "20261117004"]
    record_bank_import(again, today=TODAY)
    assert _counts(book) == before


def test_the_same_id_in_another_account_is_another_transaction(book: peewee.Database) -> None:
    trap_book()
    record_bank_import(plan_bank_import(STATEMENT, "a.ofx"), today=TODAY)
    other = statement(line("20261117000", "1500.00", "INV-6001"), account="999")
    assert len(plan_bank_import(other, "b.ofx").matched) == 1


def test_all_or_nothing_when_the_book_changed(book: peewee.Database) -> None:
    trap_book()
    plan = plan_bank_import(STATEMENT, "chequing.ofx")
    # Meanwhile the owner types in ACME's cheque by hand: the 300.00 no longer fits.
    invoice_id = m.Invoice.get(m.Invoice.number == "INV-1010").id
    record_payment(invoice_id, DAY, Decimal("300.00"), PaymentMethod.CHEQUE, today=TODAY)
    before = _counts(book)
    with pytest.raises(BadInput, match="more than the balance"):
        record_bank_import(plan, today=TODAY)
    assert _counts(book) == before


def test_unticked_lines_wait_and_come_back(book: peewee.Database) -> None:
    trap_book()
    plan = plan_bank_import(STATEMENT, "chequing.ofx")
    done = record_bank_import(plan, skip=frozenset({"20261117001"}), today=TODAY)
    assert done.payments == 1
    again = plan_bank_import(STATEMENT, "chequing.ofx")
    assert [m.line.transaction for m in again.matched] == ["20261117001"]


def test_one_cheque_assigned_to_several_invoices(book: peewee.Database) -> None:
    trap_book()
    cheque = statement(line("c1", "1750.00", "CHEQUE DEPOSIT 88213"))
    plan = plan_bank_import(cheque, "chequing.ofx")
    assert len(plan.review) == 1
    paying = (
        Allocation("INV-3001", "TWIN", Decimal("250.00")),
        Allocation("INV-6001", "SMITH", Decimal("1500.00")),
    )
    done = record_bank_import(plan, assign={"c1": paying}, today=TODAY)
    assert (done.payments, done.customers) == (2, frozenset({"TWIN", "SMITH"}))
    assert _rows(book, "SELECT status FROM bank_transaction") == [("recorded",)]
    assert _rows(
        book, "SELECT COUNT(DISTINCT bank_transaction_id) FROM payment WHERE method = 'cheque'"
    ) == [(1,)]


@pytest.mark.parametrize(
    ("allocations", "complaint"),
    [
        ((Allocation("INV-3001", "TWIN", Decimal("260.00")),), "more than the balance"),
        (
            (
                Allocation("INV-1001", "ACME", Decimal("4520.00")),
                Allocation("INV-3001", "TWIN", Decimal("250.00")),
            ),
            "more than the",
        ),
        ((Allocation("INV-5001", "YANK", Decimal("100.00")),), "in USD"),
        ((Allocation("INV-2002", "PAID", Decimal("10.00")),), "void"),
        ((Allocation("INV-3001", "ACME", Decimal("10.00")),), "not an invoice of ACME"),
        ((Allocation("INV-3001", "TWIN", Decimal("10.001")),), "INV-3001"),
    ],
)
def test_a_wrong_assignment_writes_nothing(
    book: peewee.Database, allocations: tuple[Allocation, ...], complaint: str
) -> None:
    trap_book()
    plan = plan_bank_import(
        statement(line("c1", "1750.00", "DEPOSIT"), line("c2", "300.00", "INV-1010")), "f"
    )
    before = _counts(book)
    with pytest.raises(BadInput, match=complaint):
        record_bank_import(plan, assign={"c1": allocations}, today=TODAY)
    assert _counts(book) == before


def test_a_sender_is_learned_from_a_match_by_number(book: peewee.Database) -> None:
    trap_book()
    first = statement(line("e1", "1500.00", "INTERAC E-TRF FROM J SMITH INV-6001"))
    later = statement(line("e2", "700.00", "INTERAC E-TRANSFER J SMITH"))
    # Before: "J SMITH" is not Smith Renovations' name, and nothing is guessed.
    assert plan_bank_import(later, "b.ofx").matched == ()
    record_bank_import(plan_bank_import(first, "a.ofx"), today=TODAY)
    assert _rows(book, "SELECT name FROM bank_sender") == [("j smith",)]
    found = plan_bank_import(later, "b.ofx").matched
    assert found == (
        MatchedLine(
            later.lines[0], (Allocation("INV-6002", "SMITH", Decimal("700.00")),), BY_SENDER
        ),
    )


def test_the_payment_method_from_the_bank_words() -> None:
    assert payment_method_of("INTERAC E-TRF 1234") is PaymentMethod.E_TRANSFER
    assert payment_method_of("Virement Interac de Marie") is PaymentMethod.E_TRANSFER
    assert payment_method_of("EMAIL MONEY TRF") is PaymentMethod.E_TRANSFER
    assert payment_method_of("CHQ DEP 0042") is PaymentMethod.CHEQUE
    assert payment_method_of("Dépôt de chèque") is PaymentMethod.CHEQUE
    assert payment_method_of("WIRE IN ACME") is PaymentMethod.BANK_TRANSFER


def test_the_bank_date_feeds_the_rating_and_the_call_list(book: peewee.Database) -> None:
    trap_book()
    acme = m.Customer.get(m.Customer.code == "ACME").id
    assert "ACME" in {c.customer for c in calls_today(TODAY)}
    both = statement(
        line("p1", "4520.00", "INV-1001", day=dt.date(2026, 11, 10)),
        line("p2", "300.00", "INV-1010", day=dt.date(2026, 11, 10)),
    )
    record_bank_import(plan_bank_import(both, "a.ofx"), today=TODAY)
    # Due Oct 31, paid Nov 10 by the bank: ten days late, as if typed in by hand.
    standing = customer_standing(acme, TODAY)
    assert standing is not None
    assert (standing.stats.paid_invoices, standing.stats.average_days_late) == (2, 10)
    assert "ACME" not in {c.customer for c in calls_today(TODAY)}


def test_a_deleted_bank_payment_waits_for_review_again(book: peewee.Database) -> None:
    """Deleting the payment a bank line became puts the line back in review (the next
    import offers it again, not "already imported"); an edit keeps the link; undoing the
    delete brings the payment back with its link and the line recorded."""
    trap_book()
    record_bank_import(plan_bank_import(STATEMENT, "chequing.ofx"), today=TODAY)
    status = "SELECT status FROM bank_transaction WHERE transaction_id = '20261117001'"
    payment = m.Payment.get(m.Payment.reference == "20261117001")
    fields = payment_fields(payment.id)
    edited = edit_payment(payment.id, fields.date, fields.amount, fields.method, "cheque 512")
    assert payment_fields(payment.id).bank_transaction_id == payment.bank_transaction_id
    deleted = delete_payment(payment.id)
    assert _rows(book, status) == [("review",)]
    again = plan_bank_import(STATEMENT, "chequing.ofx")
    assert again.already_imported == 2
    assert [m.line.transaction for m in again.matched] == ["20261117001"]
    undo_payment_change(deleted)
    assert _rows(book, status) == [("recorded",)]
    back = m.Payment.get(m.Payment.bank_transaction_id == payment.bank_transaction_id)
    assert back.reference == "cheque 512" and edited.after is not None
    assert plan_bank_import(STATEMENT, "chequing.ofx").already_imported == 3
