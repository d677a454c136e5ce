"""The Invoices list read a window at a time in SQL gives the rows, order and sums of the
old list, which read every invoice and sorted and searched them in Python.

The reference below is that old list, written out: every row of ``invoice_rows``
(newest first), kept when it passes the filters and has every word searched for in
its folded number, customer name or status word, then sorted stably by the column's
true value. A few hundred invoices with the awkward cases: accents and case in names
and numbers, two customers whose names fold alike, drafts, voids, invoices dated after
the day, payments dated after it, an overpayment, zero totals, yen.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import peewee
import pytest

from diva_desk.core.invoices.totals import InvoiceStatus
from diva_desk.core.money import ZERO
from diva_desk.core.search_text import fold, search_terms
from diva_desk.store.invoices.invoice_list import (
    InvoiceList,
    InvoiceQuery,
    InvoiceSort,
    invoice_row,
    status_words,
)
from diva_desk.store.invoices.lists import InvoiceRow, invoice_rows
from diva_desk.store.invoices.unpaid import forget_unpaid, unpaid_invoices

TODAY = dt.date(2026, 11, 23)
WORDS = {
    InvoiceStatus.DRAFT: "Draft",
    InvoiceStatus.SENT: "Sent",
    InvoiceStatus.PARTLY_PAID: "Partly paid",
    InvoiceStatus.PAID: "Paid",
    InvoiceStatus.OVERDUE: "Overdue",
    InvoiceStatus.VOID: "Void",
}
NAMES = [
    "Café Bleu",
    "Cafe Bleu",  # folds like the one above: the two tie when sorted by name
    "Ébénisterie Roy",
    "Acme Ltd.",
    "acme ltd.",
    "Maple Bakery",
    "Zeta Zinc",
    "Ølstue",
    "Beta 416",
    *(f"Customer {n}" for n in range(12)),
]


def fill(database: peewee.SqliteDatabase, invoices: int, seed: int = 7) -> None:
    with database.atomic():
        _fill(database, invoices, random.Random(seed))


def _fill(database: peewee.SqliteDatabase, invoices: int, rng: random.Random) -> None:
    run = database.execute_sql
    for n, name in enumerate(NAMES, start=1):
        run(
            "INSERT INTO customer (id, code, name, currency) VALUES (?, ?, ?, ?)",
            (n, f"C{n:02d}", name, rng.choice(["CAD", "USD", "JPY"])),
        )
    for k in range(1, invoices + 1):
        issue = TODAY + dt.timedelta(days=rng.randint(-300, 6))
        state = rng.choices(["sent", "draft", "void"], [80, 10, 10])[0]
        currency = rng.choice(["CAD", "CAD", "USD", "JPY"])
        total = rng.choice([0, rng.randint(1, 300_000), 50_000, 50_000])
        number = f"INV-{k:04d}" if k % 7 else f"inv-{k:04d}"
        run(
            "INSERT INTO invoice (id, number, customer_id, issue_date, due_date, state, "
            "currency, total_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                k,
                number,
                rng.randint(1, len(NAMES)),
                issue.isoformat(),
                (issue + dt.timedelta(days=rng.choice([0, 15, 30]))).isoformat(),
                state,
                currency,
                total,
            ),
        )
        if state == "sent" and total:
            for _ in range(rng.choice([0, 1, 1, 2])):
                day = TODAY + dt.timedelta(days=rng.randint(-200, 5))
                amount = rng.choice([total, total // 2 or 1, total + 100, 1])
                run(
                    "INSERT INTO payment (invoice_id, date, amount_cents) VALUES (?, ?, ?)",
                    (k, day.isoformat(), amount),
                )


def _status_word(row: InvoiceRow) -> str:
    return WORDS[row.status]


_KEYS = {
    InvoiceSort.NUMBER: lambda r: fold(r.number),
    InvoiceSort.CUSTOMER: lambda r: fold(r.customer_name),
    InvoiceSort.ISSUED: lambda r: r.issue_date,
    InvoiceSort.DUE: lambda r: r.due_date,
    InvoiceSort.TOTAL: lambda r: r.total,
    InvoiceSort.BALANCE: lambda r: r.balance,
    InvoiceSort.STATUS: lambda r: fold(_status_word(r)),
}


def _found(row: InvoiceRow, text: str) -> bool:
    words, number = search_terms(text)
    haystack = fold("\n".join([row.number, row.customer_name, _status_word(row)]))
    if number and number in haystack:
        return True
    for word in words:
        needles = [word] + [d for d in [_digits(word)] if d]
        if not any(n in haystack for n in needles):
            return False
    return True


def _digits(word: str) -> str | None:
    from diva_desk.core.search_text import phone_digits

    return phone_digits(word)


def reference(query: InvoiceQuery, text: str, every: list[InvoiceRow]) -> list[InvoiceRow]:
    """The old list: every row read, filtered and searched in Python, sorted stably."""
    rows = [
        row
        for row in every
        if (query.statuses is None or row.status in query.statuses)
        and (query.issued_from is None or row.issue_date >= query.issued_from)
        and (query.issued_to is None or row.issue_date <= query.issued_to)
        and (query.customer_id is None or row.customer_id == query.customer_id)
        and _found(row, text)
    ]
    return sorted(rows, key=_KEYS[query.sort], reverse=query.descending)


def query(text: str = "", **options: object) -> InvoiceQuery:
    words, number = search_terms(text)
    return InvoiceQuery(
        today=TODAY,
        words=tuple(words),
        number=number,
        status_words=status_words(WORDS),
        **options,  # type: ignore[arg-type]
    )


def every_row(listing: InvoiceList, page: int = 37) -> list[InvoiceRow]:
    rows: list[InvoiceRow] = []
    while batch := listing.page(len(rows), page):
        rows += batch
    return rows


@pytest.fixture
def filled(book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    fill(book, 300)
    return book


UNPAID = frozenset({InvoiceStatus.SENT, InvoiceStatus.PARTLY_PAID, InvoiceStatus.OVERDUE})


@pytest.mark.parametrize("unusual_number", [False, True])
def test_every_order_filter_and_search_gives_the_old_lists_rows(filled, unusual_number) -> None:
    if unusual_number:  # a number only Python folds: "fé-9000" is found by "fe-9"
        filled.execute_sql("UPDATE invoice SET number = 'FÉ-9000' WHERE id = 5")
    cases: list[tuple[str, dict[str, object]]] = [
        ("", {}),
        ("", {"statuses": UNPAID}),
        ("", {"statuses": frozenset({InvoiceStatus.OVERDUE})}),
        ("", {"statuses": frozenset({InvoiceStatus.PAID})}),
        ("", {"statuses": frozenset({InvoiceStatus.DRAFT})}),
        ("", {"statuses": frozenset({InvoiceStatus.VOID})}),
        ("", {"issued_from": TODAY - dt.timedelta(days=30), "issued_to": TODAY}),
        ("", {"customer_id": 1}),
        ("cafe", {}),
        ("ÉBÉN", {}),
        ("acme inv-00", {}),
        ("fe-9", {}),
        ("paid", {}),
        ("partly", {"statuses": UNPAID}),
        ("416", {}),
        ("zzz", {}),
    ]
    every = invoice_rows(TODAY)
    orders = [(sort, descending) for sort in InvoiceSort for descending in (True, False)]
    some = [(InvoiceSort.ISSUED, True), (InvoiceSort.BALANCE, False), (InvoiceSort.STATUS, True)]
    for text, options in cases:
        for sort, descending in orders if not (text or options) else some:
            wanted = query(text, sort=sort, descending=descending, **options)
            listing = InvoiceList(wanted)
            expected = reference(wanted, text, every)
            assert every_row(listing) == expected, (text, options, sort, descending)
            sums = listing.sums()
            assert sums.count == len(expected)
            shown = [row for row in expected if row.status is not InvoiceStatus.VOID]
            for currency in {row.currency for row in shown}:
                mine = [row for row in shown if row.currency == currency]
                assert sums.totals[currency] == sum((r.total for r in mine), ZERO)
                assert sums.balances[currency] == sum((r.balance for r in mine), ZERO)
            assert set(sums.totals) == {row.currency for row in shown}
            for place in (0, len(expected) // 2, len(expected) - 1):
                if expected:
                    assert listing.position(expected[place].id) == place
    hidden = query(statuses=frozenset({InvoiceStatus.DRAFT}))
    a_sent_one = next(row for row in invoice_rows(TODAY) if row.status is InvoiceStatus.PAID)
    assert InvoiceList(hidden).position(a_sent_one.id) is None


def test_a_payment_dated_after_the_day_does_not_count(filled) -> None:
    filled.execute_sql("DELETE FROM payment WHERE invoice_id = 2")
    filled.execute_sql(
        "UPDATE invoice SET state = 'sent', total_cents = 10000, "
        "issue_date = '2026-11-01', due_date = '2026-12-01' WHERE id = 2"
    )
    filled.execute_sql(
        "INSERT INTO payment (invoice_id, date, amount_cents) VALUES (2, '2026-11-24', 10000)"
    )
    row = invoice_row(2, TODAY)
    assert row is not None and row.status is InvoiceStatus.SENT
    assert row.balance == Decimal("100.00") or row.currency == "JPY"
    assert invoice_row(2, TODAY + dt.timedelta(days=1)).status is InvoiceStatus.PAID  # type: ignore[union-attr]
    unpaid = query(statuses=UNPAID)
    assert 2 in [r.id for r in every_row(InvoiceList(unpaid))]


@contextmanager
def counting(database: peewee.SqliteDatabase) -> Iterator[list[str]]:
    statements: list[str] = []
    connection = database.connection()
    connection.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        connection.set_trace_callback(None)


def test_the_unpaid_invoices_are_found_once_until_the_book_changes(filled, book_path) -> None:
    def afresh() -> dict[int, int]:
        forget_unpaid()
        found = unpaid_invoices(TODAY).paid
        forget_unpaid()
        return found

    first = unpaid_invoices(TODAY)
    with counting(filled) as statements:
        assert unpaid_invoices(TODAY) is first
    assert statements == ["PRAGMA data_version"]
    # This connection's own writes: only the invoices they touched are read again.
    unpaid_id = next(iter(first.paid))
    run = filled.execute_sql
    run(
        "INSERT INTO payment (invoice_id, date, amount_cents) VALUES (?, ?, 1)",
        (unpaid_id, "2026-11-01"),
    )
    last_sent = "SELECT MAX(id) FROM invoice WHERE state = 'sent'"
    run(f"UPDATE invoice SET state = 'void' WHERE id = ({last_sent})")
    run("DELETE FROM payment WHERE id = (SELECT MIN(id) FROM payment)")
    run("UPDATE payment SET invoice_id = ? WHERE id = (SELECT MAX(id) FROM payment)", (unpaid_id,))
    with counting(filled) as statements:
        patched = unpaid_invoices(TODAY)
    reads = [s for s in statements if "FROM invoice i" in s]
    assert reads and all("unpaid_touched" in s for s in reads), statements
    assert patched.paid == afresh()
    assert patched.paid != first.paid
    # Another connection's commit: read again in full.
    unpaid_invoices(TODAY)
    other = sqlite3.connect(book_path)
    other.execute("DELETE FROM payment WHERE invoice_id = ?", (unpaid_id,))
    other.commit()
    other.close()
    assert unpaid_invoices(TODAY).paid == afresh()
    assert unpaid_invoices(TODAY + dt.timedelta(days=1)).day == TODAY + dt.timedelta(days=1)


@pytest.mark.parametrize("sort", list(InvoiceSort))
def test_a_window_costs_the_same_statements_whatever_the_books_size(book, sort) -> None:
    """One page of rows is one statement, and reads a page of rows, on 60 invoices or 600."""
    fill(book, 60)
    counts = []
    for more in (0, 540):
        if more:
            book.execute_sql("DELETE FROM payment")
            book.execute_sql("DELETE FROM invoice")
            book.execute_sql("DELETE FROM customer")
            fill(book, 60 + more)
        listing = InvoiceList(query("bleu", sort=sort))
        listing.sums()
        with counting(book) as statements:
            rows = listing.page(0, 20)
        counts.append(len(statements))
        assert len(rows) <= 20
    assert counts == [1, 1]
