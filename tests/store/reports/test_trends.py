"""DSO and the monthly trends from small books worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from diva_desk.core.records import (
    BookContents,
    InvoiceState,
    Promise,
)
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.reports import (
    days_sales_outstanding,
    days_to_pay_by_month,
    deposits_by_month,
    dso_trend,
    money_by_month,
    promises_by_month,
)

from .small_books import AS_OF, D, customers, invoice, pay


@pytest.fixture
def quarter(book) -> None:
    """Sales in CAD: Jan 5,000, Feb 8,000, Mar 6,000 + 4,000 (void 50,000 and a draft ignored).

    Jan's invoice paid Feb 15; Feb's partly paid (6,000) Mar 20. So on Mar 31,
    12,000 is owed: all of March (31 days) plus 2,000 of February's 8,000
    (28 x 1/4 = 7 days) = 38.0 days. USD: 1,000 sold in November 2025, unpaid.
    """
    add_contents(
        BookContents(
            customers=customers(("ACME", "CAD"), ("CASC", "USD")),
            invoices=(
                invoice("J", "ACME", "5000", issued=dt.date(2026, 1, 10), due=dt.date(2026, 2, 9)),
                invoice("F", "ACME", "8000", issued=dt.date(2026, 2, 1), due=dt.date(2026, 3, 3)),
                invoice("M1", "ACME", "6000", issued=dt.date(2026, 3, 2), due=dt.date(2026, 4, 1)),
                invoice(
                    "M2", "ACME", "4000", issued=dt.date(2026, 3, 31), due=dt.date(2026, 4, 30)
                ),
                invoice(
                    "MV",
                    "ACME",
                    "50000",
                    issued=dt.date(2026, 3, 5),
                    due=dt.date(2026, 4, 4),
                    state=InvoiceState.VOID,
                ),
                invoice(
                    "MD",
                    "ACME",
                    "50000",
                    issued=dt.date(2026, 3, 6),
                    due=dt.date(2026, 4, 5),
                    state=InvoiceState.DRAFT,
                ),
                invoice(
                    "U",
                    "CASC",
                    "1000",
                    issued=dt.date(2025, 11, 3),
                    due=dt.date(2025, 12, 3),
                    currency="USD",
                ),
            ),
            payments=(
                pay("J", "5000", dt.date(2026, 2, 15)),
                pay("F", "6000", dt.date(2026, 3, 20)),
            ),
        )
    )


def test_dso_count_back_by_hand(quarter) -> None:
    cad, usd = days_sales_outstanding(dt.date(2026, 3, 31), months=3)
    assert (cad.currency, cad.receivables, cad.days, cad.capped) == (
        "CAD",
        D("12000.00"),
        D("38.0"),
        False,
    )
    assert cad.sales == D("23000.00")
    # USD: 1,000 owed and nothing sold in three months: more than 90 days.
    assert (usd.currency, usd.days, usd.capped) == ("USD", D("90.0"), True)


def test_dso_over_twelve_months_reaches_older_sales(quarter) -> None:
    cad, usd = days_sales_outstanding(dt.date(2026, 3, 31), months=12)
    assert cad.days == D("38.0")
    # Mar 31 + Feb 28 + Jan 31 + Dec 31 without sales, then all of November's 1,000.
    assert (usd.days, usd.capped, usd.window_months) == (D("151.0"), False, 12)


def test_dso_trend_one_point_per_month_end(quarter) -> None:
    trend = [d for d in dso_trend(dt.date(2026, 4, 10), points=3) if d.currency == "CAD"]
    assert [d.as_of for d in trend] == [
        dt.date(2026, 1, 31),
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 31),
    ]
    # Jan 31: January's 5,000 all owed (31 days); Feb 28: February's 8,000 (28 days).
    assert [d.days for d in trend] == [D("31.0"), D("28.0"), D("38.0")]
    assert [d.receivables for d in trend] == [D("5000.00"), D("8000.00"), D("12000.00")]


def test_invoiced_and_collected_per_month(quarter) -> None:
    flows = money_by_month(dt.date(2026, 3, 31), months=3)
    cad = [(f.month, f.invoiced, f.collected) for f in flows if f.currency == "CAD"]
    assert cad == [
        (dt.date(2026, 1, 1), D("5000.00"), D("0.00")),
        (dt.date(2026, 2, 1), D("8000.00"), D("5000.00")),
        (dt.date(2026, 3, 1), D("10000.00"), D("6000.00")),
    ]
    # A currency with no activity in the window does not appear.
    assert {f.currency for f in flows} == {"CAD"}


def test_average_days_to_pay_is_weighted_by_amount(book) -> None:
    """I-1 1,000 issued Jan 1, paid 400 Jan 11 and 600 Feb 10: 40 days.
    I-2 3,000 issued Feb 1, paid Feb 11: 10 days. February: (40 x 1,000 + 10 x 3,000) / 4,000.
    """
    add_contents(
        BookContents(
            customers=customers(("ACME", "CAD")),
            invoices=(
                invoice(
                    "I-1", "ACME", "1000", issued=dt.date(2026, 1, 1), due=dt.date(2026, 1, 31)
                ),
                invoice("I-2", "ACME", "3000", issued=dt.date(2026, 2, 1), due=dt.date(2026, 3, 3)),
                invoice("I-3", "ACME", "700", issued=dt.date(2026, 2, 1), due=dt.date(2026, 3, 3)),
            ),
            payments=(
                pay("I-1", "400", dt.date(2026, 1, 11)),
                pay("I-1", "600", dt.date(2026, 2, 10)),
                pay("I-2", "3000", dt.date(2026, 2, 11)),
                pay("I-3", "100", dt.date(2026, 2, 20)),
            ),
        )
    )
    jan, feb = days_to_pay_by_month(dt.date(2026, 2, 28), months=2)
    assert (jan.month, jan.invoices, jan.average_days) == (dt.date(2026, 1, 1), 0, None)
    assert (feb.invoices, feb.amount, feb.average_days) == (2, D("4000.00"), D("17.5"))
    # Seen from Feb 10, I-1 was paid off that day and I-2 not yet.
    _jan, feb10 = days_to_pay_by_month(dt.date(2026, 2, 10), months=2)
    assert (feb10.invoices, feb10.average_days) == (1, D("40.0"))


def test_promises_kept_broken_and_pending_by_month(book) -> None:
    add_contents(
        BookContents(
            customers=customers(("ACME", "CAD")),
            invoices=(
                invoice("P-1", "ACME", "900", issued=dt.date(2026, 9, 1), due=dt.date(2026, 10, 1)),
            ),
            payments=(pay("P-1", "300", dt.date(2026, 10, 10)),),
            promises=(
                # Kept: 300 came in Oct 10, within Oct 5..Oct 12.
                Promise("ACME", dt.date(2026, 10, 5), dt.date(2026, 10, 12), D("300"), "P-1"),
                # Broken: nothing came by Oct 30.
                Promise("ACME", dt.date(2026, 10, 15), dt.date(2026, 10, 30), D("600"), "P-1"),
                # Pending: due Nov 30, after the day looked at.
                Promise("ACME", dt.date(2026, 11, 20), dt.date(2026, 11, 30), D("600"), "P-1"),
            ),
        )
    )
    oct_, nov = promises_by_month(AS_OF, months=2)
    assert (oct_.month, oct_.kept, oct_.broken, oct_.pending) == (dt.date(2026, 10, 1), 1, 1, 0)
    assert (nov.kept, nov.broken, nov.pending) == (0, 0, 1)


@pytest.mark.parametrize(
    "as_of", [AS_OF, dt.date(2026, 6, 30), dt.date(2026, 3, 15), dt.date(2027, 2, 28)]
)
def test_promises_by_month_count_what_each_promise_became(book, as_of: dt.date) -> None:
    from collections import Counter

    from diva_desk.core.customers.promises import PromiseStatus
    from diva_desk.demo import demo_contents
    from diva_desk.store.customers.history import promise_outcomes

    add_contents(demo_contents(AS_OF))
    months = promises_by_month(as_of, months=12)
    counted: Counter[tuple[dt.date, PromiseStatus]] = Counter(
        (outcome.promised_date.replace(day=1), outcome.status)
        for outcome in promise_outcomes(as_of).values()
    )
    expected = [
        (m.month, counted[m.month, PromiseStatus.KEPT], counted[m.month, PromiseStatus.BROKEN],
         counted[m.month, PromiseStatus.PENDING])
        for m in months
    ]  # fmt: skip
    assert [(m.month, m.kept, m.broken, m.pending) for m in months] == expected
    if as_of == AS_OF:
        assert sum(m.kept for m in months) and sum(m.broken for m in months)


def test_deposits_asked_and_received_by_month_of_the_invoice(book) -> None:
    add_contents(
        BookContents(
            customers=customers(("ACME", "CAD")),
            invoices=(
                invoice(
                    "D-1",
                    "ACME",
                    "2000",
                    issued=dt.date(2026, 10, 2),
                    due=dt.date(2026, 11, 1),
                    deposit="500",
                ),
                invoice(
                    "D-2",
                    "ACME",
                    "1000",
                    issued=dt.date(2026, 10, 9),
                    due=dt.date(2026, 11, 8),
                    deposit="300",
                ),
                invoice(
                    "D-3",
                    "ACME",
                    "1000",
                    issued=dt.date(2026, 11, 2),
                    due=dt.date(2026, 12, 2),
                    deposit="250",
                ),
                invoice(
                    "D-V",
                    "ACME",
                    "1000",
                    issued=dt.date(2026, 11, 2),
                    due=dt.date(2026, 12, 2),
                    deposit="999",
                    state=InvoiceState.VOID,
                ),
                invoice(
                    "N-1", "ACME", "1000", issued=dt.date(2026, 11, 3), due=dt.date(2026, 12, 3)
                ),
            ),
            payments=(
                pay("D-1", "500", dt.date(2026, 10, 3), deposit=True),
                pay("D-1", "1500", dt.date(2026, 11, 1)),
                pay("D-2", "100", dt.date(2026, 10, 10), deposit=True),
            ),
        )
    )
    oct_, nov = deposits_by_month(AS_OF, months=2)
    # D-1's later payment of the rest does not count as more deposit than was asked.
    assert (oct_.invoices, oct_.asked, oct_.received, oct_.received_in_full) == (
        2,
        D("800.00"),
        D("600.00"),
        1,
    )
    assert (nov.invoices, nov.asked, nov.received, nov.received_in_full) == (
        1,
        D("250.00"),
        D("0.00"),
        0,
    )
