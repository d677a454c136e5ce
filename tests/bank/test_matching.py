"""Matching credits to open invoices, on a book full of traps (spec/cli.md import-bank)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee

from diva_desk.bank.matching import (
    BY_NAME,
    BY_NUMBER,
    Allocation,
    MatchedLine,
    ReviewLine,
    how_label,
    plan_bank_import,
)
from tests.bank.bank_books import line, statement, trap_book


def _one(*lines, currency="CAD") -> MatchedLine | ReviewLine:
    plan = plan_bank_import(statement(*lines, currency=currency), "chequing.ofx")
    assert len(plan.matched) + len(plan.review) == 1
    return (plan.matched or plan.review)[0]


def test_the_number_anywhere_in_any_case_and_punctuation(book: peewee.Database) -> None:
    trap_book()
    for text in ["inv1001", "PAYMENT INV-1001.", "#INV 1001 thanks", "Ref: Inv_1001/Acme"]:
        found = _one(line("t1", "4520.00", text))
        assert isinstance(found, MatchedLine), text
        assert found.allocations == (Allocation("INV-1001", "ACME", Decimal("4520.00")),)
        assert found.how == BY_NUMBER == "invoice number"
    assert how_label(BY_NUMBER) == "Invoice number"


def test_a_number_inside_a_longer_number_is_not_found(book: peewee.Database) -> None:
    trap_book()
    # INV-10 (a draft, and shorter) is inside INV-1010 and INV-1001: neither is INV-10.
    found = _one(line("t1", "300.00", "E-TRANSFER INV-1010"))
    assert isinstance(found, MatchedLine)
    assert [a.invoice for a in found.allocations] == ["INV-1010"]
    # The digits alone are not an invoice number: a bank line's numbers are as often amounts.
    found = _one(line("t2", "4520.00", "DEPOSIT 1001 REF 4520"))
    assert isinstance(found, ReviewLine)


def test_a_part_payment_is_recorded_as_such(book: peewee.Database) -> None:
    trap_book()
    found = _one(line("t1", "1000.00", "CHQ 045 INV-1001"))
    assert isinstance(found, MatchedLine)
    assert found.allocations == (Allocation("INV-1001", "ACME", Decimal("1000.00")),)


def test_more_than_the_balance_waits_and_says_why(book: peewee.Database) -> None:
    trap_book()
    found = _one(line("t1", "5000.00", "INV-1001"))
    assert isinstance(found, ReviewLine)
    assert found.candidates[0] == "INV-1001"
    assert "more than the" in found.reason


def test_two_lines_cannot_pay_one_balance_twice(book: peewee.Database) -> None:
    trap_book()
    plan = plan_bank_import(
        statement(line("t1", "4520.00", "INV-1001"), line("t2", "4520.00", "INV-1001")), "f"
    )
    assert [m.line.transaction for m in plan.matched] == ["t1"]
    assert [r.line.transaction for r in plan.review] == ["t2"]


def test_several_numbers_paid_in_order_when_the_sum_fits(book: peewee.Database) -> None:
    trap_book()
    found = _one(line("t1", "4820.00", "CHEQUE INV-1010 + INV-1001"))
    assert isinstance(found, MatchedLine)
    assert [(a.invoice, a.amount) for a in found.allocations] == [
        ("INV-1010", Decimal("300.00")),
        ("INV-1001", Decimal("4520.00")),
    ]
    assert isinstance(_one(line("t2", "4000.00", "INV-1010 INV-1001")), ReviewLine)


def test_a_paid_invoice_paid_again_waits(book: peewee.Database) -> None:
    trap_book()
    # By its number...
    found = _one(line("t1", "800.00", "E-TRANSFER PAID UP INV-2001"))
    assert isinstance(found, ReviewLine)
    assert "not open" in found.reason
    # ...and by name and its old amount: nothing owed is 800.00.
    found = _one(line("t2", "800.00", "E-TRANSFER PAID UP"))
    assert isinstance(found, ReviewLine)


def test_void_and_draft_are_not_open(book: peewee.Database) -> None:
    trap_book()
    assert isinstance(_one(line("t1", "99.00", "INV-2002")), ReviewLine)
    assert isinstance(_one(line("t2", "75.00", "INV-10")), ReviewLine)


def test_name_and_the_exact_balance_of_one_invoice(book: peewee.Database) -> None:
    trap_book()
    found = _one(line("t1", "300.00", "ACME SONS"))
    assert isinstance(found, MatchedLine)
    assert found.how == BY_NAME
    assert found.allocations == (Allocation("INV-1010", "ACME", Decimal("300.00")),)
    # Written together, as some banks do.
    found = _one(line("t2", "4520.00", "MOBILE DEPOSIT ACMESONS"))
    assert isinstance(found, MatchedLine)
    # Not an exact balance: review, with that customer's invoices.
    found = _one(line("t3", "310.00", "ACME SONS"))
    assert isinstance(found, ReviewLine)
    assert set(found.candidates) == {"INV-1001", "INV-1010"}


def test_two_invoices_with_the_same_balance_are_not_guessed(book: peewee.Database) -> None:
    trap_book()
    found = _one(line("t1", "250.00", "TWIN PEAKS STUDIO"))
    assert isinstance(found, ReviewLine)
    assert found.candidates[:2] == ("INV-3001", "INV-3002")


def test_a_name_close_to_two_customers_matches_neither(book: peewee.Database) -> None:
    trap_book()
    found = _one(line("t1", "640.00", "NORTHWIND TRADERS"))
    assert isinstance(found, ReviewLine)
    assert found.candidates[0] == "INV-4001"


def test_a_name_inside_another_word_is_not_found(book: peewee.Database) -> None:
    trap_book()
    # "SMITH" is no customer's whole name, and "SMITHERS" is not Smith Renovations.
    assert isinstance(_one(line("t1", "700.00", "SMITHERS HARDWARE")), ReviewLine)


def test_another_currency_is_never_matched(book: peewee.Database) -> None:
    trap_book()
    # A USD invoice from a CAD account.
    assert isinstance(_one(line("t1", "1200.00", "INV-5001")), ReviewLine)
    # A CAD invoice from a USD account, and the USD one from it.
    assert isinstance(_one(line("t2", "300.00", "INV-1010"), currency="USD"), ReviewLine)
    found = _one(line("t3", "1200.00", "WIRE INV-5001"), currency="USD")
    assert isinstance(found, MatchedLine)


def test_a_statement_without_currency_is_in_the_books(book: peewee.Database) -> None:
    trap_book()
    plan = plan_bank_import(statement(line("t1", "300.00", "INV-1010"), currency=None), "x.csv")
    assert plan.currency == "CAD"
    assert len(plan.matched) == 1


def test_debits_are_ignored_and_nothing_is_written(book: peewee.Database) -> None:
    trap_book()
    plan = plan_bank_import(
        statement(line("t1", "-300.00", "INV-1010 REFUND"), line("t2", "-12.50", "FEE")), "f"
    )
    assert (plan.matched, plan.review, plan.ignored, plan.already_imported) == ((), (), 2, 0)
    assert book.execute_sql("SELECT COUNT(*) FROM bank_transaction").fetchone()[0] == 0


def test_unknown_lines_wait_with_same_amount_candidates(book: peewee.Database) -> None:
    trap_book()
    found = _one(line("t1", "640.00", "DEPOSIT"))
    assert isinstance(found, ReviewLine)
    assert found.candidates == ("INV-4001",)
    found = _one(line("t2", "1.23", "DEPOSIT"))
    assert isinstance(found, ReviewLine)
    assert found.candidates == ()


def test_an_invoice_issued_after_the_bank_date_is_not_paid_by_it(book: peewee.Database) -> None:
    trap_book()
    early = line("t1", "300.00", "INV-1010", day=dt.date(2026, 9, 1))
    assert isinstance(_one(early), ReviewLine)


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *args: object) -> None:
        self.count += 1


def _statements_to_plan(book: peewee.Database, lines: int) -> int:
    counter = _Counter()
    book.connection().set_trace_callback(counter)
    try:
        plan_bank_import(
            statement(*(line(f"t{n}", "250.00", f"DEPOSIT {n}") for n in range(lines))), "f"
        )
    finally:
        book.connection().set_trace_callback(None)
    return counter.count


def test_a_fixed_number_of_queries_whatever_the_statement(book: peewee.Database) -> None:
    trap_book()
    assert _statements_to_plan(book, 1) == _statements_to_plan(book, 60) <= 10
