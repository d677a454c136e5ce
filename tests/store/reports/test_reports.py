"""Receivables aging and top debtors from small books worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.records import (
    BookContents,
    Business,
    InvoiceState,
)
from diva_desk.core.reports.aging import AgingBucket, bucket_for
from diva_desk.store.book.db import db
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.reports import (
    aging_report,
    days_sales_outstanding,
    top_debtors,
)
from diva_desk.store.reports.aging import bucket_case

from .small_books import AS_OF, D, customers, invoice, pay

C, B1 = AgingBucket.CURRENT, AgingBucket.DAYS_1_30


def ago(days: int) -> dt.date:
    return AS_OF - dt.timedelta(days=days)


@pytest.fixture
def ledger(book) -> None:
    """ACME owes one invoice due exactly 0, 1, 30, 31, 60, 61, 90 and 91 days ago.

    ACME  CAD: current 700 | 1-30 50 + 100 | 31-60 200 + 300 | 61-90 400 + 500 | 90+ 600
          USD: current 80 (issued two days ago)
    BOLT  CAD: B-1 1000 due 45 days ago, 250 paid ten days ago -> 750 in 31-60;
          B-2 300 due 30 days ago, paid five days ago; B-3 void; B-4 draft.
    CASC  USD: C-1 2000 due in ten days, deposit 500 received 15 days ago -> 1500 current.
    ZED   CAD: paid in full, so not in the aging at all.
    """
    add_contents(
        BookContents(
            business=Business(name="Studio"),
            customers=customers(("ACME", "CAD"), ("BOLT", "CAD"), ("CASC", "USD"), ("ZED", "CAD")),
            invoices=(
                invoice("A-0", "ACME", "700", due=ago(0)),
                invoice("A-1", "ACME", "50", due=ago(1)),
                invoice("A-30", "ACME", "100", due=ago(30)),
                invoice("A-31", "ACME", "200", due=ago(31)),
                invoice("A-60", "ACME", "300", due=ago(60)),
                invoice("A-61", "ACME", "400", due=ago(61)),
                invoice("A-90", "ACME", "500", due=ago(90)),
                invoice("A-91", "ACME", "600", due=ago(91)),
                invoice("A-USD", "ACME", "80", due=ago(-5), issued=ago(2), currency="USD"),
                invoice("B-1", "BOLT", "1000", due=ago(45)),
                invoice("B-2", "BOLT", "300", due=ago(30)),
                invoice("B-3", "BOLT", "999", due=ago(100), state=InvoiceState.VOID),
                invoice("B-4", "BOLT", "888", due=ago(100), state=InvoiceState.DRAFT),
                invoice(
                    "C-1",
                    "CASC",
                    "2000",
                    due=ago(-10),
                    issued=ago(20),
                    currency="USD",
                    deposit="500",
                ),
                invoice("Z-1", "ZED", "450", due=ago(70)),
            ),
            payments=(
                pay("B-1", "250", ago(10)),
                pay("B-2", "300", ago(5)),
                pay("C-1", "500", ago(15), deposit=True),
                pay("Z-1", "200", ago(80)),
                pay("Z-1", "250", ago(72)),
            ),
        )
    )


def buckets(row) -> list[Decimal]:
    return [row.bucket(b) for b in AgingBucket]


def test_sql_buckets_are_the_core_buckets_day_by_day(book) -> None:
    for days in range(-3, 200):
        sql = f"SELECT {bucket_case(str(days))}"
        assert db.execute_sql(sql).fetchone()[0] == bucket_for(days).value, days


def test_aging_puts_each_boundary_day_in_its_bucket(ledger) -> None:
    report = aging_report(AS_OF)
    rows = {(r.code, r.currency): r for r in report.customers}
    assert buckets(rows["ACME", "CAD"]) == [D("700"), D("150"), D("500"), D("900"), D("600")]
    assert rows["ACME", "CAD"].total == D("2850.00")
    assert rows["ACME", "CAD"].oldest_due_date == ago(91)


def test_partial_payments_void_and_draft(ledger) -> None:
    rows = {(r.code, r.currency): r for r in aging_report(AS_OF).customers}
    # Only what is left of B-1; B-2 paid, B-3 void and B-4 draft owe nothing.
    assert buckets(rows["BOLT", "CAD"]) == [D("0"), D("0"), D("750"), D("0"), D("0")]


def test_a_received_deposit_lowers_the_balance(ledger) -> None:
    rows = {(r.code, r.currency): r for r in aging_report(AS_OF).customers}
    assert rows["CASC", "USD"].total == D("1500.00")
    assert rows["CASC", "USD"].bucket(C) == D("1500.00")


def test_one_row_per_customer_per_currency_and_nobody_owing_nothing(ledger) -> None:
    report = aging_report(AS_OF)
    assert [(r.code, r.currency) for r in report.customers] == [
        ("ACME", "CAD"),
        ("ACME", "USD"),
        ("BOLT", "CAD"),
        ("CASC", "USD"),
    ]
    assert report.customers[0].name == "Acme Inc."


def test_totals_one_per_currency(ledger) -> None:
    report = aging_report(AS_OF)
    assert [r.currency for r in report.totals] == ["CAD", "USD"]
    cad, usd = report.totals
    assert buckets(cad) == [D("700"), D("150"), D("1250"), D("900"), D("600")]
    assert cad.total == D("3600.00")
    assert buckets(usd) == [D("1580"), D("0"), D("0"), D("0"), D("0")]
    assert report.total_owed() == {"CAD": D("3600.00"), "USD": D("1580.00")}


def test_aging_on_a_past_day_ignores_later_payments_and_invoices(ledger) -> None:
    past = ago(20)
    report = aging_report(past)
    rows = {(r.code, r.currency): r for r in report.customers}
    # B-1 (25 days past due then) and B-2 (10 days past due, paid 15 days later)
    # were both wholly unpaid.
    assert buckets(rows["BOLT", "CAD"]) == [D("0"), D("1300"), D("0"), D("0"), D("0")]
    # C-1 was issued that very day; its deposit came five days later.
    assert rows["CASC", "USD"].total == D("2000.00")
    # A-USD did not exist yet; ZED had paid long before.
    assert ("ACME", "USD") not in rows and ("ZED", "CAD") not in rows
    # ACME's invoices are 20 days younger: A-31 was 11 days past due, A-0 not yet due.
    assert rows["ACME", "CAD"].bucket(B1) == D("100") + D("200")
    assert report.as_of == past


def test_an_empty_book_has_no_rows(book) -> None:
    report = aging_report(AS_OF)
    assert report.totals == () and report.customers == ()
    assert top_debtors(AS_OF) == ()
    assert days_sales_outstanding(AS_OF) == ()


def test_top_debtors_most_owed_first_with_the_oldest_item(ledger) -> None:
    top = top_debtors(AS_OF)
    assert [(t.code, t.currency, t.balance) for t in top] == [
        ("ACME", "CAD", D("2850.00")),
        ("CASC", "USD", D("1500.00")),
        ("BOLT", "CAD", D("750.00")),
        ("ACME", "USD", D("80.00")),
    ]
    acme = top[0]
    assert (acme.oldest_number, acme.oldest_due_date, acme.oldest_balance) == (
        "A-91",
        ago(91),
        D("600.00"),
    )
    assert acme.oldest_days_past_due(AS_OF) == 91
    # Everything but A-0 (due today) is past due.
    assert acme.overdue == D("2150.00")
    bolt = top[2]
    assert (bolt.oldest_number, bolt.oldest_balance) == ("B-1", D("750.00"))
    assert [t.code for t in top_debtors(AS_OF, limit=2)] == ["ACME", "CASC"]
