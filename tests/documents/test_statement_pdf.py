"""The statement of account: open items, their age, recent payments and the aging buckets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.invoices.open_items import aging_by_currency, open_items
from diva_desk.core.papers import StatementDocument
from diva_desk.core.records import InvoiceLine, InvoiceState
from diva_desk.core.reports.aging import AgingBucket
from diva_desk.documents.letters.statement import statement_pdf
from diva_desk.i18n import format as fmt

TODAY = dt.date(2026, 11, 23)


def _one_line(amount: str) -> tuple[InvoiceLine, ...]:
    return (InvoiceLine("Work", Decimal("1"), Decimal(amount), "HST", Decimal("13")),)


@pytest.fixture
def ledger(make_invoice, payment):
    """Invoices in every bucket, hand-computed (13 % HST on each):

    INV-0988 due Jul 1  -> 145 days: 1130.00 - 130.00 paid = 1000.00 in 90+
    INV-1001 due Sep 9  ->  75 days:  508.50                       in 61-90
    INV-1017 due Oct 15 ->  39 days: 2260.00 - 1000.00 = 1260.00   in 31-60
    INV-1030 due Nov 4  ->  19 days:  904.00                       in 1-30
    INV-1042 due Dec 2  ->  not due: 1356.00                       current
    INV-1010 paid in full, INV-1040 void, INV-1050 draft: not on the statement.
    """
    invoices = [
        make_invoice(
            "INV-0988",
            issue=dt.date(2026, 6, 1),
            due=dt.date(2026, 7, 1),
            lines=_one_line("1000.00"),
        ),
        make_invoice(
            "INV-1001",
            issue=dt.date(2026, 8, 10),
            due=dt.date(2026, 9, 9),
            lines=_one_line("450.00"),
        ),
        make_invoice(
            "INV-1017",
            issue=dt.date(2026, 9, 15),
            due=dt.date(2026, 10, 15),
            lines=_one_line("2000.00"),
        ),
        make_invoice(
            "INV-1030",
            issue=dt.date(2026, 10, 5),
            due=dt.date(2026, 11, 4),
            lines=_one_line("800.00"),
        ),
        make_invoice(
            "INV-1042",
            issue=dt.date(2026, 11, 2),
            due=dt.date(2026, 12, 2),
            lines=_one_line("1200.00"),
        ),
        make_invoice(
            "INV-1010",
            issue=dt.date(2026, 9, 1),
            due=dt.date(2026, 10, 1),
            lines=_one_line("300.00"),
        ),
        make_invoice("INV-1040", lines=_one_line("300.00"), state=InvoiceState.VOID),
        make_invoice("INV-1050", lines=_one_line("300.00"), state=InvoiceState.DRAFT),
    ]
    payments = [
        payment("INV-0988", dt.date(2026, 9, 2), "130.00", reference="OLD-REF-1"),
        payment("INV-1010", dt.date(2026, 10, 20), "339.00", reference="ETR-339"),
        payment("INV-1017", dt.date(2026, 11, 10), "1000.00", reference="CHQ-4471"),
    ]
    return invoices, payments


def test_open_items_and_buckets_are_hand_computed(ledger):
    invoices, payments = ledger
    items = open_items(invoices, payments, TODAY)
    assert [(i.invoice.number, i.days_past_due, i.balance) for i in items] == [
        ("INV-0988", 145, Decimal("1000.00")),
        ("INV-1001", 75, Decimal("508.50")),
        ("INV-1017", 39, Decimal("1260.00")),
        ("INV-1030", 19, Decimal("904.00")),
        ("INV-1042", -9, Decimal("1356.00")),
    ]
    totals = aging_by_currency(items)["CAD"]
    assert totals.buckets == {
        AgingBucket.CURRENT: Decimal("1356.00"),
        AgingBucket.DAYS_1_30: Decimal("904.00"),
        AgingBucket.DAYS_31_60: Decimal("1260.00"),
        AgingBucket.DAYS_61_90: Decimal("508.50"),
        AgingBucket.OVER_90: Decimal("1000.00"),
    }
    assert totals.total == Decimal("5028.50")


def test_statement_lists_open_invoices_with_age_and_amounts(
    business, customer, ledger, pdf_pages, flat
):
    invoices, payments = ledger
    doc = StatementDocument(business, customer, invoices, payments, TODAY, dt.date(2026, 10, 15))
    pages = pdf_pages(statement_pdf(doc))
    text = flat("\n".join(pages))
    assert "Acme Bakery Ltd." in text and "Studio Lumière Design" in text
    for row in [
        "INV-0988 Jun 1, 2026 Jul 1, 2026 145 $1,130.00 $130.00 $1,000.00",
        "INV-1001 Aug 10, 2026 Sep 9, 2026 75 $508.50 $0.00 $508.50",
        "INV-1017 Sep 15, 2026 Oct 15, 2026 39 $2,260.00 $1,000.00 $1,260.00",
        "INV-1030 Oct 5, 2026 Nov 4, 2026 19 $904.00 $0.00 $904.00",
        "INV-1042 Nov 2, 2026 Dec 2, 2026 — $1,356.00 $0.00 $1,356.00",
    ]:
        assert row in text, row
    # The aging row: current, 1-30, 31-60, 61-90, 90+, total due.
    assert "$1,356.00 $904.00 $1,260.00 $508.50 $1,000.00 $5,028.50" in text
    for gone in ("INV-1040", "INV-1050"):
        assert gone not in text
    assert f"Page 1 of {len(pages)}" in pages[0]


def test_payments_since_the_last_statement(business, customer, ledger, pdf_pages, flat):
    invoices, payments = ledger
    doc = StatementDocument(business, customer, invoices, payments, TODAY, dt.date(2026, 10, 15))
    text = flat("\n".join(pdf_pages(statement_pdf(doc))))
    assert "Payments received since Oct 15, 2026" in text
    assert "Oct 20, 2026 INV-1010" in text and "ETR-339" in text and "$339.00" in text
    assert "Nov 10, 2026 INV-1017" in text and "CHQ-4471" in text
    assert "OLD-REF-1" not in text  # before the last statement


def test_a_customer_who_owes_nothing_gets_a_clean_statement(
    business, customer, make_invoice, payment, pdf_pages, flat
):
    invoice = make_invoice()
    paid = [payment("INV-1042", dt.date(2026, 11, 10), "3067.38")]
    text = flat(
        pdf_pages(statement_pdf(StatementDocument(business, customer, [invoice], paid, TODAY)))[0]
    )
    assert "Nothing is owed" in text
    assert "Total due $0.00" in text


def test_two_currencies_are_never_added(business, customer, make_invoice, pdf_pages, flat):
    cad = make_invoice("INV-1", due=dt.date(2026, 11, 1), lines=_one_line("100.00"))
    usd = make_invoice("INV-2", due=dt.date(2026, 11, 1), lines=_one_line("200.00"), currency="USD")
    text = flat(
        pdf_pages(statement_pdf(StatementDocument(business, customer, [cad, usd], (), TODAY)))[0]
    )
    assert "$113.00" in text and "US$226.00" in text
    assert "$339.00" not in text


def test_large_amounts_never_break_mid_number(
    business, customer, make_invoice, payment, pdf_pages, tmp_path
):
    """Six- and seven-figure US dollars each print whole on one line, in every table."""
    days = dt.timedelta(days=1)

    def big(number: str, due: dt.date, amount: str):
        line = (InvoiceLine("Build", Decimal("1"), Decimal(amount)),)
        return make_invoice(number, issue=due - 30 * days, due=due, lines=line, currency="USD")

    invoices = [
        big("INV-2001", TODAY - 100 * days, "123456.78"),
        big("INV-2002", TODAY - 70 * days, "987654.32"),
        big("INV-2003", TODAY - 40 * days, "5296141.54"),
        big("INV-2004", TODAY - 10 * days, "4419598.32"),
        big("INV-2005", TODAY + 10 * days, "999999.99"),
    ]
    paid = [payment("INV-2003", TODAY - 20 * days, "1234567.89")]
    doc = StatementDocument(business, customer, invoices, paid, TODAY, TODAY - 60 * days)
    pdf = statement_pdf(doc)
    (tmp_path / "big.pdf").write_bytes(pdf)
    lines = [line.strip() for page in pdf_pages(pdf) for line in page.splitlines()]
    text = "\n".join(lines)
    items = open_items(invoices, paid, TODAY)
    totals = aging_by_currency(items)["USD"]
    amounts = {item.total for item in items} | {item.balance for item in items}
    amounts |= {totals.total, Decimal("1234567.89"), *totals.buckets.values()}
    assert totals.total > Decimal("10000000")  # an eight-figure total too
    for amount in amounts:
        shown = fmt.money(amount, "USD", business.locale)
        assert shown in text, f"{shown} is broken across lines"
        assert "".join(lines).count(shown) == text.count(shown), f"{shown} broken somewhere"
    # Nor does an invoice number.
    for invoice in invoices:
        assert invoice.number in lines, invoice.number
