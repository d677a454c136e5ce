"""Open follow-ups and the overdue summary, read for the Today panel and the Follow-ups tab."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee

from diva_desk.core import records as r
from diva_desk.store.calls.followups import open_followups
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.lists import overdue_summary

DAY = dt.date(2026, 11, 23)


def _invoice(
    number: str, customer: str, due: dt.date, amount: str, currency: str = "CAD"
) -> r.Invoice:
    line = r.InvoiceLine(description="Work", unit_price=Decimal(amount))
    return r.Invoice(
        number=number,
        customer=customer,
        issue_date=due - dt.timedelta(days=30),
        due_date=due,
        lines=(line,),
        currency=currency,
    )


def _book() -> None:
    add_contents(
        r.BookContents(
            customers=(
                r.Customer(code="A", name="Acme"),
                r.Customer(code="B", name="Beta", currency="USD"),
            ),
            invoices=(
                _invoice("I-1", "A", DAY - dt.timedelta(days=10), "100.00"),
                _invoice("I-2", "A", DAY - dt.timedelta(days=1), "50.00"),
                _invoice("I-3", "A", DAY, "70.00"),  # due today: not overdue yet
                _invoice("I-4", "B", DAY - dt.timedelta(days=5), "30.00", "USD"),
                _invoice("I-5", "A", DAY - dt.timedelta(days=5), "20.00"),  # paid in full
            ),
            payments=(
                r.Payment(invoice="I-2", date=DAY, amount=Decimal("20.00")),
                r.Payment(invoice="I-5", date=DAY, amount=Decimal("20.00")),
            ),
            followups=(
                r.Followup(customer="B", due_date=DAY + dt.timedelta(days=2), reason="later"),
                r.Followup(customer="A", due_date=DAY, reason="today", invoice="I-1"),
                r.Followup(customer="A", due_date=DAY - dt.timedelta(days=3), reason="late"),
                r.Followup(customer="A", due_date=DAY, reason="done", done=True),
            ),
        )
    )


def test_open_followups_by_due_date_without_the_done_ones(book: peewee.SqliteDatabase) -> None:
    _book()
    assert [f.reason for f in open_followups()] == ["late", "today", "later"]
    due = open_followups(due_by=DAY)
    assert [(f.reason, f.customer_name, f.invoice_number) for f in due] == [
        ("late", "Acme", ""),
        ("today", "Acme", "I-1"),
    ]


def test_overdue_summary_per_currency(book: peewee.SqliteDatabase) -> None:
    _book()
    summary = overdue_summary(DAY)
    assert summary.totals == {"CAD": Decimal("130.00"), "USD": Decimal("30.00")}
    assert summary.invoices == 3


def test_nothing_overdue_in_an_empty_book(book: peewee.SqliteDatabase) -> None:
    summary = overdue_summary(DAY)
    assert summary.totals == {} and summary.invoices == 0
    assert open_followups() == []
