"""Customer standings from a real book: paid dates found in SQL, promises, query count."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import peewee
import pytest

from diva_desk.core.customers.history import PaidInvoice, RatingKind, payment_stats
from diva_desk.core.customers.promises import PromiseOutcome, PromiseStatus
from diva_desk.core.money import from_minor, to_minor
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.customers.history import (
    customer_ratings,
    customer_standing,
    promise_outcomes,
    rating_kinds_of,
)

TODAY = dt.date(2026, 11, 23)
SEP_1 = dt.date(2026, 9, 1)
_numbers = iter(range(1, 1_000_000))


def day(month: int, dom: int) -> dt.date:
    return dt.date(2026, month, dom)


def customer(code: str, deposit_percent: str = "0") -> int:
    return m.Customer.create(
        code=code, name=code.title(), currency="CAD", deposit_percent=Decimal(deposit_percent)
    ).id


def invoice(customer_id: int, due: dt.date, total: str, state: str = "sent") -> int:
    return m.Invoice.create(
        number=f"INV-{next(_numbers)}",
        customer=customer_id,
        issue_date=due - dt.timedelta(days=30),
        due_date=due,
        state=state,
        currency="CAD",
        total_minor=to_minor(Decimal(total), "CAD"),
    ).id


def payment(invoice_id: int, date: dt.date, amount: str) -> None:
    m.Payment.create(invoice=invoice_id, date=date, amount_minor=to_minor(Decimal(amount), "CAD"))


def promise(
    customer_id: int, made: dt.date, by: dt.date, amount: str, invoice_id: int | None = None
) -> int:
    return m.Promise.create(
        customer=customer_id,
        invoice=invoice_id,
        made_on=made,
        promised_date=by,
        amount_minor=to_minor(Decimal(amount), "CAD"),
    ).id


def test_hand_computed_history(book: peewee.SqliteDatabase) -> None:
    acme = customer("ACME")
    # Paid in one go on Sep 11: 10 days late on $1000.
    payment(invoice(acme, SEP_1, "1000.00"), day(9, 11), "1000.00")
    # $1000 early on Aug 25, the remaining $2000 on Sep 3: fully paid Sep 3, 2 days late.
    partial = invoice(acme, SEP_1, "3000.00")
    payment(partial, day(8, 25), "1000.00")
    payment(partial, day(9, 3), "2000.00")
    # Paid 11 days early: 0 days late, not -11.
    payment(invoice(acme, day(10, 1), "500.00"), day(9, 20), "500.00")
    # Ignored: a void invoice paid 50 days late, a draft and a void long past due.
    payment(invoice(acme, SEP_1, "9000.00", state="void"), day(10, 21), "9000.00")
    invoice(acme, day(6, 1), "7000.00", state="draft")
    invoice(acme, day(6, 1), "7000.00", state="void")
    # Open: $300 of $800 paid, due Nov 1, so 22 days overdue on Nov 23; not a paid invoice.
    still_open = invoice(acme, day(11, 1), "800.00")
    payment(still_open, day(11, 5), "300.00")

    standing = customer_ratings(TODAY)[acme]
    stats = standing.stats
    # (10 * 1000 + 2 * 3000 + 0 * 500) / 4500 = 16000 / 4500 = 3.56 -> 4 days.
    assert stats.average_days_late == 4
    assert (stats.paid_invoices, stats.paid_on_time, stats.longest_delay) == (3, 1, 10)
    assert stats.oldest_overdue_days == 22
    # 1 of 3 on time = 33 %: below 70 %, so slow, though only 4 days late on average.
    assert standing.rating.kind is RatingKind.SLOW
    assert standing.rating.reason == "paid 3 invoices, only 33% on time"
    assert standing.suggested_terms == "Ask for a 50% deposit or shorter payment terms"


def test_payments_on_one_day_and_after_today(book: peewee.SqliteDatabase) -> None:
    acme = customer("ACME")
    # Two payments on the same day complete the invoice that day: 5 days late.
    same_day = invoice(acme, SEP_1, "100.00")
    payment(same_day, day(9, 6), "40.00")
    payment(same_day, day(9, 6), "60.00")
    # A stray extra payment weeks later (an overpayment that got in) does not move
    # the date it became paid.
    payment(same_day, day(10, 30), "5.00")
    # Completed by a payment dated after "today": not paid yet, and open.
    future = invoice(acme, day(11, 20), "100.00")
    payment(future, day(11, 25), "100.00")

    stats = customer_ratings(TODAY)[acme].stats
    assert (stats.paid_invoices, stats.average_days_late) == (1, 5)
    assert stats.oldest_overdue_days == 3
    # Seen on Nov 25, the second invoice is paid, 5 days late: (5*100 + 5*100)/200 = 5.
    later = customer_ratings(day(11, 25))[acme].stats
    assert (later.paid_invoices, later.average_days_late, later.oldest_overdue_days) == (2, 5, 0)


def test_every_customer_is_rated_even_without_invoices(book: peewee.SqliteDatabase) -> None:
    fresh = customer("FRESH")
    own = customer("OWN", deposit_percent="25")
    standings = customer_ratings(TODAY, default_deposit_percent=Decimal(40))
    assert set(standings) == {fresh, own}
    assert standings[fresh].rating.kind is RatingKind.NEW
    assert standings[fresh].rating.reason == "no invoice paid yet"
    assert standings[fresh].suggested_terms == (
        "Ask for a 40% deposit or card payment until 3 invoices are paid on time"
    )
    # A customer with a deposit percent of their own is asked for that one.
    assert standings[own].suggested_terms.startswith("Ask for a 25% deposit")


def test_the_books_deposit_setting_is_what_every_standing_suggests(
    book: peewee.SqliteDatabase,
) -> None:
    from diva_desk.store.book.settings import set_suggested_deposit_percent

    fresh = customer("FRESH")
    assert "50% deposit" in customer_ratings(TODAY)[fresh].suggested_terms
    set_suggested_deposit_percent(Decimal("35"))
    # Without an explicit percent, the list, the page and the call cards read the setting.
    assert "35% deposit" in customer_ratings(TODAY)[fresh].suggested_terms
    standing = customer_standing(fresh, TODAY)
    assert standing is not None and "35% deposit" in standing.suggested_terms


def test_promises_kept_broken_and_pending(book: peewee.SqliteDatabase) -> None:
    acme = customer("ACME")
    first = invoice(acme, day(10, 1), "1000.00")
    second = invoice(acme, day(10, 1), "1000.00")
    other = customer("OTHER")
    elsewhere = invoice(other, day(10, 1), "5000.00")
    # Kept by two partial payments to the invoice: 250 + 250 >= 500.
    kept = promise(acme, day(10, 5), day(10, 15), "500.00", first)
    payment(first, day(10, 6), "250.00")
    payment(first, day(10, 15), "250.00")
    # Whole balance, kept by payments to two invoices: 100 (first) + 400 (second) >= 500.
    whole = promise(acme, day(10, 20), day(10, 31), "500.00")
    payment(first, day(10, 21), "100.00")
    payment(second, day(10, 30), "400.00")
    # Broken: the invoice's $400 came before the promise was made; inside the window
    # only another invoice and another customer were paid, which do not count.
    broken = promise(acme, day(10, 31), day(11, 10), "400.00", second)
    payment(first, day(11, 5), "400.00")
    payment(elsewhere, day(11, 1), "5000.00")
    # Falls due today: still pending.
    pending = promise(acme, day(11, 16), TODAY, "100.00")

    outcomes = promise_outcomes(TODAY)
    assert outcomes == {
        kept: PromiseOutcome(day(10, 15), PromiseStatus.KEPT),
        whole: PromiseOutcome(day(10, 31), PromiseStatus.KEPT),
        broken: PromiseOutcome(day(11, 10), PromiseStatus.BROKEN),
        pending: PromiseOutcome(TODAY, PromiseStatus.PENDING),
    }
    standing = customer_standing(acme, TODAY)
    assert standing is not None
    assert (standing.stats.promises_kept, standing.stats.promises_broken) == (2, 1)
    assert standing.rating.kind is RatingKind.RISKY
    assert standing.rating.reason == "broke a promise to pay by Nov 10, 2026"
    assert standing.suggested_terms == "Ask for cash or card payment up front"
    # The day after the promised date, the pending promise is broken as well.
    tomorrow = TODAY + dt.timedelta(days=1)
    assert promise_outcomes(tomorrow, acme)[pending].status is PromiseStatus.BROKEN


def test_one_customer_matches_the_whole_list(book: peewee.SqliteDatabase) -> None:
    ids = _random_book(random.Random(7), customers=12)
    everyone = customer_ratings(TODAY)
    for cid in ids:
        assert customer_standing(cid, TODAY) == everyone[cid]
    assert customer_standing(max(ids) + 1, TODAY) is None


def test_sql_agrees_with_the_core_rules_on_a_random_book(book: peewee.SqliteDatabase) -> None:
    """The paid dates SQL finds give the same statistics as the core does by hand."""
    _random_book(random.Random(2026), customers=40)
    standings = customer_ratings(TODAY)
    outcomes = promise_outcomes(TODAY)
    kinds = set()
    for row in m.Customer.select():
        paid, oldest_open = _paid_by_hand(row.id)
        promises = [outcomes[p.id] for p in m.Promise.select().where(m.Promise.customer == row.id)]
        expected = payment_stats(paid, promises, TODAY, oldest_open)
        assert standings[row.id].stats == expected, row.code
        kinds.add(standings[row.id].rating.kind)
    assert len(kinds) >= 3  # the random book really exercises several ratings


@pytest.mark.parametrize("seed", [2026, 11, 5])
def test_the_call_lists_ratings_are_the_standings_ratings(
    book: peewee.SqliteDatabase, seed: int
) -> None:
    """rating_kinds_of skips the payment history of customers the warnings make risky:
    the same answer as the full standing, for everyone and for a part of the book."""
    ids = _random_book(random.Random(seed), customers=40)
    standings = customer_ratings(TODAY)
    oldest = {
        cid: due
        for cid, standing in standings.items()
        if (due := _paid_by_hand(cid)[1]) is not None
    }
    assert rating_kinds_of(ids, TODAY, oldest) == {c: standings[c].rating.kind for c in ids}
    some = ids[::3]
    assert rating_kinds_of(some, TODAY, oldest) == {c: standings[c].rating.kind for c in some}
    assert rating_kinds_of(ids, TODAY, {}) == {c: standings[c].rating.kind for c in ids}
    assert rating_kinds_of([], TODAY, {}) == {}


def test_a_customer_the_warnings_make_risky_is_rated_without_their_history(
    book: peewee.SqliteDatabase,
) -> None:
    """Their invoices are not walked: the lateness query is asked for the others only."""
    late = customer("LATE")
    invoice(late, TODAY - dt.timedelta(days=90), "500.00")  # 90 days overdue: risky
    steady = customer("STEADY")
    invoice(steady, TODAY - dt.timedelta(days=10), "100.00")
    oldest = {late: TODAY - dt.timedelta(days=90), steady: TODAY - dt.timedelta(days=10)}
    with _counting_statements(book) as statements:
        kinds = rating_kinds_of([late, steady], TODAY, oldest)
    assert kinds == {late: RatingKind.RISKY, steady: RatingKind.NEW}
    (lateness,) = [sql for sql in statements if "days_late" in sql]
    assert f"'[{steady}]'" in lateness and f"'[{late}, {steady}]'" not in lateness
    assert len(statements) == 3


@contextmanager
def _counting_statements(database: peewee.SqliteDatabase) -> Iterator[list[str]]:
    statements: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        connection.set_trace_callback(None)


@pytest.mark.parametrize("customers", [1, 60])
def test_a_fixed_number_of_queries_however_many_customers(
    book: peewee.SqliteDatabase, customers: int
) -> None:
    _random_book(random.Random(customers), customers=customers)
    with _counting_statements(book) as statements:
        standings = customer_ratings(TODAY)
    assert len(standings) == customers
    # Lateness and promises, plus one read of the book's deposit setting.
    assert len(statements) == 3, statements


def _random_book(rng: random.Random, customers: int) -> list[int]:
    """Customers with paid, partly paid, early, late, void invoices and promises."""
    ids = []
    with db.atomic():
        for n in range(customers):
            cid = customer(f"C{n:04d}")
            ids.append(cid)
            habit = rng.choice([-5, 0, 3, 15, 45])
            for _ in range(rng.randint(0, 6)):
                due = TODAY - dt.timedelta(days=rng.randint(-20, 200))
                cents = rng.randint(1, 500_000)
                state = rng.choice(["sent"] * 8 + ["void", "draft"])
                inv = invoice(cid, due, f"{cents / 100:.2f}", state)
                parts = rng.choice([0, 1, 1, 2, 3])
                left = cents
                for k in range(parts):
                    if not left:
                        break
                    amount = left if k == parts - 1 else rng.randint(1, left)
                    left -= amount
                    if amount:
                        when = due + dt.timedelta(days=habit + rng.randint(-10, 20))
                        payment(inv, when, f"{amount / 100:.2f}")
                if rng.random() < 0.3:
                    made = due - dt.timedelta(days=rng.randint(0, 10))
                    by = made + dt.timedelta(days=rng.randint(0, 40))
                    target = inv if rng.random() < 0.7 else None
                    promise(cid, made, by, f"{rng.randint(1, cents) / 100:.2f}", target)
    return ids


def _paid_by_hand(customer_id: int) -> tuple[list[PaidInvoice], dt.date | None]:
    """Walk each sent invoice's payments in order, the slow obvious way."""
    paid, open_dues = [], []
    invoices = m.Invoice.select().where(
        (m.Invoice.customer == customer_id) & (m.Invoice.state == "sent")
    )
    for inv in invoices:
        total = from_minor(inv.total_minor, inv.currency)
        running, paid_on = Decimal(0), None
        payments = sorted(
            (p for p in inv.payments if p.date <= TODAY), key=lambda p: (p.date, p.id)
        )
        for p in payments:
            running += from_minor(p.amount_minor, inv.currency)
            if paid_on is None and running >= total:
                paid_on = p.date
        if total > 0 and paid_on is not None:
            paid.append(PaidInvoice(inv.due_date, paid_on, total))
        if running < total:
            open_dues.append(inv.due_date)
    return paid, min(open_dues, default=None)
