"""The Invoices tab's list, read a window at a time: filtered, searched, sorted and added up in SQL.

A book of ten years holds a hundred thousand invoices; the list shows thirty. So SQL
counts and adds up the rows that pass, and reads a page of them at a time, in the
order chosen. Nothing here builds a row the window does not show.

The meaning is the one of :func:`store.invoices.lists.invoice_rows` and of the Qt
proxy it replaces: the same statuses (core.invoices.totals.invoice_status, as of
the day: a payment dated after it does not count), the same search (every word
typed is in the folded number, customer name or status word, or its digits are),
and the same order: the chosen column's true value, then, for rows that tie, the
newest issue date first and the highest id first.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from babel.numbers import list_currencies

from diva_desk.core.currencies import MAX_PLACES, minor_places
from diva_desk.core.invoices.totals import InvoiceStatus
from diva_desk.core.money import ZERO, from_minor
from diva_desk.core.search_text import fold, needles
from diva_desk.store.as_of import owed_on, paid_by
from diva_desk.store.book.db import db
from diva_desk.store.invoices.lists import InvoiceRow, row_of
from diva_desk.store.invoices.unpaid import OWES, UNPAID, unpaid_invoices


class InvoiceSort(StrEnum):
    NUMBER = "number"
    CUSTOMER = "customer"
    ISSUED = "issued"
    DUE = "due"
    TOTAL = "total"
    BALANCE = "balance"
    STATUS = "status"


@dataclass(frozen=True)
class InvoiceQuery:
    """Which invoices, in what order, as of which day."""

    today: dt.date
    #: Only invoices with one of these statuses; None for every status.
    statuses: frozenset[InvoiceStatus] | None = None
    issued_from: dt.date | None = None
    issued_to: dt.date | None = None
    customer_id: int | None = None
    #: The folded words searched for; each must be found (core.search_text).
    words: tuple[str, ...] = ()
    #: The whole search as a phone number's digits, which also finds a row by itself.
    number: str | None = None
    #: The word a person reads for each status, folded: searched, and sorted by.
    status_words: tuple[tuple[InvoiceStatus, str], ...] = ()
    sort: InvoiceSort = InvoiceSort.ISSUED
    descending: bool = True


@dataclass(frozen=True)
class InvoiceSums:
    count: int
    #: Per currency: invoice totals (void ones left out: nobody owes them).
    totals: dict[str, Decimal]
    #: Per currency: what is still owed.
    balances: dict[str, Decimal]


#: Invoice numbers with a letter outside ASCII, found through their own partial index
#: (schema step 3): any such number is folded by Python, every other by SQLite's lower(),
#: which folds ASCII as core.search_text.fold does.
_UNUSUAL_NUMBER = "i.number GLOB '*[^ -~]*'"


def _folded(column: str, unusual: str) -> str:
    """SQL: the column folded as core.search_text.fold folds it, ``unusual`` saying when
    it holds a letter outside ASCII (SQL text, or "0" when none does)."""
    if unusual == "0":
        return f"lower({column})"
    return f"(CASE WHEN {unusual} THEN diva_fold({column}) ELSE lower({column}) END)"


_PAID = paid_by(":as_of")
_OWES, _UNPAID = OWES, UNPAID
# The IN test (an index over the few unpaid ids) comes before asking Python what was paid.
_STATUS = f"""(CASE WHEN i.state = 'void' THEN 'void' WHEN i.state = 'draft' THEN 'draft'
    WHEN NOT {_UNPAID} THEN 'paid' WHEN i.due_date < :as_of THEN 'overdue'
    WHEN {_OWES} > 0 THEN 'partly_paid' ELSE 'sent' END)"""
_BALANCE = f"""(CASE WHEN i.issue_date <= :as_of AND {_UNPAID}
    THEN i.total_cents - {_OWES} ELSE 0 END)"""
_OPEN_STATUSES = frozenset({InvoiceStatus.SENT, InvoiceStatus.PARTLY_PAID, InvoiceStatus.OVERDUE})
# Each status alone; the unpaid ones are looked up by id among the few still owed.
_STATUS_TESTS = {
    InvoiceStatus.DRAFT: "i.state = 'draft'",
    InvoiceStatus.VOID: "i.state = 'void'",
    InvoiceStatus.PAID: f"(i.state = 'sent' AND NOT {_UNPAID})",
    InvoiceStatus.OVERDUE: f"({_UNPAID} AND i.due_date < :as_of)",
    InvoiceStatus.PARTLY_PAID: f"({_UNPAID} AND i.due_date >= :as_of AND {_OWES} > 0)",
    InvoiceStatus.SENT: f"({_UNPAID} AND i.due_date >= :as_of AND {_OWES} = 0)",
}


def _unusual_numbers() -> str:
    """SQL saying which invoice numbers need Python's fold; "0" when none does (the rule)."""
    found = db.execute_sql(
        "SELECT EXISTS (SELECT 1 FROM invoice i INDEXED BY invoice_number_unusual "
        f"WHERE {_UNUSUAL_NUMBER})"
    )
    return _UNUSUAL_NUMBER if found.fetchone()[0] else "0"


@cache
def _face_value(amount: str) -> str:
    """``amount`` in hundredths of its currency's unit, as store.book.minor.face_value_sql
    has it, written as one IN test per scale (a few, not one comparison per currency
    with fewer decimals): sorting a hundred thousand rows by it costs about what sorting
    by the bare amount does."""
    scales: dict[int, list[str]] = {}
    for code in sorted(list_currencies()):
        if (places := minor_places(code)) < MAX_PLACES:
            scales.setdefault(10 ** (MAX_PLACES - places), []).append(f"'{code}'")
    tests = " ".join(
        f"WHEN i.currency IN ({','.join(codes)}) THEN {amount} * {scale}"
        for scale, codes in sorted(scales.items())
    )
    return f"(CASE {tests} ELSE {amount} END)" if tests else amount


def _customer_names() -> list[tuple[int, str]]:
    rows = db.execute_sql("SELECT id, name FROM customer").fetchall()
    return [(cid, _fold_cached(name)) for cid, name in rows]


#: Customers' names folded once per name, not once per search.
_fold_cached = lru_cache(maxsize=50_000)(fold)


class InvoiceList:
    """One query's rows, count and sums: its WHERE clause and ORDER BY key are worked out
    once (the customers and numbers a search finds, the places of customers' names) and
    serve every window read until the query or the book changes."""

    def __init__(self, query: InvoiceQuery) -> None:
        self.query = query
        self._unpaid = unpaid = unpaid_invoices(query.today)
        self._places: dict[int, int] | None = None
        self.params: dict[str, Any] = {"as_of": query.today.isoformat(), "unpaid": unpaid.ids}
        self._names: list[tuple[int, str]] | None = None
        self._bind()
        self.number = _folded("i.number", _unusual_numbers())
        if query.sort is InvoiceSort.CUSTOMER:
            self._places = self._customer_places()
        conditions = [self._status_condition(query.statuses)]
        if query.issued_from is not None:
            conditions.append("i.issue_date >= :issued_from")
            self.params["issued_from"] = query.issued_from.isoformat()
        if query.issued_to is not None:
            conditions.append("i.issue_date <= :issued_to")
            self.params["issued_to"] = query.issued_to.isoformat()
        if query.customer_id is not None:
            conditions.append("i.customer_id = :customer_id")
            self.params["customer_id"] = query.customer_id
        conditions.append(self._search_condition())
        self.where = " AND ".join(c for c in conditions if c) or "1"

    @staticmethod
    def _status_condition(statuses: frozenset[InvoiceStatus] | None) -> str:
        if statuses is None or statuses >= frozenset(InvoiceStatus):
            return ""
        if not statuses:
            return "0"
        tests = []
        rest = set(statuses)
        if rest >= _OPEN_STATUSES:
            tests.append(_UNPAID)
            rest -= _OPEN_STATUSES
        tests += [_STATUS_TESTS[s] for s in sorted(rest)]
        return "(" + (" OR ".join(tests) or "0") + ")"

    def _search_condition(self) -> str:
        words = [self._matches(needles(word)) for word in self.query.words]
        if not words:
            return ""
        every_word = "(" + " AND ".join(words) + ")"
        if self.query.number:
            return f"({self._matches((self.query.number,))} OR {every_word})"
        return every_word

    def _matches(self, wanted: Iterable[str]) -> str:
        """SQL: the row's number, customer name or status word contains one of ``wanted``."""
        wanted = tuple(wanted)
        tests = []
        # The numbers that match are found first, over the numbers alone (an index), so
        # the rows are then fetched by id and customer rather than read one by one.
        found = " OR ".join(f"instr({self.number}, ?) > 0" for _n in wanted)
        statement = f"SELECT i.id FROM invoice i WHERE {found}"
        numbers = [r[0] for r in db.execute_sql(statement, wanted)]
        if numbers:
            name = f"n{len(self.params)}"
            self.params[name] = json.dumps(numbers)
            tests.append(f"i.id IN (SELECT value FROM json_each(:{name}))")
        if self._names is None:
            self._names = _customer_names()
        customers = [cid for cid, name in self._names if any(n in name for n in wanted)]
        if customers:
            name = f"c{len(self.params)}"
            self.params[name] = json.dumps(customers)
            tests.append(f"i.customer_id IN (SELECT value FROM json_each(:{name}))")
        statuses = [s for s, word in self.query.status_words if any(n in word for n in wanted)]
        if statuses:
            tests.append(self._status_condition(frozenset(statuses)))
        return "(" + (" OR ".join(tests) or "0") + ")"

    def key(self) -> str:
        """The ORDER BY key of the chosen column (the row's true value, never its text)."""
        sort = self.query.sort
        if sort is InvoiceSort.NUMBER:
            return self.number
        if sort is InvoiceSort.CUSTOMER:
            return "diva_place(i.customer_id)"
        if sort is InvoiceSort.DUE:
            return "i.due_date"
        if sort is InvoiceSort.TOTAL:
            return _face_value("i.total_cents")
        if sort is InvoiceSort.BALANCE:
            return _face_value(_BALANCE)
        if sort is InvoiceSort.STATUS:
            words = sorted({word for _s, word in self.query.status_words})
            places = " ".join(
                f"WHEN '{status.value}' THEN {words.index(word)}"
                for status, word in self.query.status_words
            )
            return f"(CASE {_STATUS} {places} ELSE {len(words)} END)"
        return "i.issue_date"

    def _bind(self) -> None:
        """The Python this query's SQL calls, on this thread's connection (the names are
        the connection's, so another list's query may have bound them since)."""
        connection = db.connection()
        connection.create_function("diva_fold", 1, fold, deterministic=True)
        connection.create_function("diva_unpaid_paid", 1, self._unpaid.paid.get, deterministic=True)
        if self._places is not None:
            connection.create_function("diva_place", 1, self._places.get, deterministic=True)

    def _execute(self, statement: str, extra: Mapping[str, Any] | None = None) -> Any:
        self._bind()
        return db.execute_sql(statement, {**self.params, **(extra or {})})

    def _customer_places(self) -> dict[int, int]:
        """Each customer's place in the order of their folded names (equal names share one).

        Worked out in Python over the customers, a few thousand; SQLite asks for it per
        invoice through ``diva_place``: it cannot fold accents, and folding every
        invoice's customer name would cost far more.
        """
        if self._names is None:
            self._names = _customer_names()
        names = sorted({name for _cid, name in self._names})
        place = {name: n for n, name in enumerate(names)}
        return {cid: place[name] for cid, name in self._names}

    def order(self, key: str = "k", issued: str = "d", ident: str = "id") -> str:
        direction = "DESC" if self.query.descending else "ASC"
        return f"{key} {direction}, {issued} DESC, {ident} DESC"

    # --- reading ---------------------------------------------------------------------

    def page(self, offset: int, limit: int) -> list[InvoiceRow]:
        """The rows from ``offset`` (0 is the first), at most ``limit`` of them, in one statement.

        The window is chosen on the sort key alone; what was paid is summed only for
        the rows of the window.
        """
        statement = f"""
            SELECT {_COLUMNS}, w.k FROM (
                SELECT i.id AS id, {self.key()} AS k, i.issue_date AS d FROM invoice i
                WHERE {self.where} ORDER BY {self.order()}
                LIMIT :limit OFFSET :offset
            ) w JOIN invoice i ON i.id = w.id JOIN customer c ON c.id = i.customer_id
            ORDER BY {self.order("w.k", "w.d", "w.id")}
        """
        rows = self._execute(statement, {"offset": offset, "limit": limit}).fetchall()
        return [row_of(r, self.query.today) for r in rows]

    def sums(self) -> InvoiceSums:
        """How many invoices pass, and what they add up to per currency, in two statements:
        the count and totals over the rows that pass, what is owed over the unpaid ones."""
        statement = f"""
            SELECT i.currency, COUNT(*), SUM(i.state != 'void'),
                   SUM(CASE WHEN i.state != 'void' THEN i.total_cents ELSE 0 END)
            FROM invoice i WHERE {self.where} GROUP BY i.currency ORDER BY i.currency
        """
        count, totals, balances = 0, {}, {}
        for currency, rows, counted, total in self._execute(statement):
            count += rows
            if counted:
                totals[currency] = from_minor(total, currency)
                balances[currency] = ZERO
        statement = f"""
            SELECT i.currency, SUM({_BALANCE}) FROM invoice i
            WHERE {_UNPAID} AND i.issue_date <= :as_of AND {self.where} GROUP BY i.currency
        """
        for currency, owed in self._execute(statement):
            balances[currency] = from_minor(owed, currency)
        return InvoiceSums(count, totals, balances)

    def positions(self, invoice_ids: Iterable[int]) -> dict[int, int]:
        """Where each of these invoices is in the list, in one statement; those not shown
        are left out (the selection kept across a reload)."""
        statement = f"""
            SELECT id, place FROM (
                SELECT i.id AS id, ROW_NUMBER() OVER (ORDER BY {
            self.order(self.key(), "i.issue_date", "i.id")
        }) - 1 AS place
                FROM invoice i WHERE {self.where}
            ) WHERE id IN (SELECT value FROM json_each(:wanted))
        """
        wanted = json.dumps(sorted(set(invoice_ids)))
        return dict(self._execute(statement, {"wanted": wanted}).fetchall())

    def position(self, invoice_id: int) -> int | None:
        """Where the invoice is in the list (0 is the first row), or None when not shown."""
        before = ">" if self.query.descending else "<"
        key = self.key()
        statement = f"""
            WITH t AS (SELECT {key} AS k, i.issue_date AS d, i.id AS id FROM invoice i
                       WHERE i.id = :target AND {self.where})
            SELECT (SELECT COUNT(*) FROM invoice i WHERE {self.where} AND (
                        {key} {before} t.k OR ({key} = t.k AND (
                            i.issue_date > t.d OR (i.issue_date = t.d AND i.id > t.id)))))
            FROM t
        """
        row = self._execute(statement, {"target": invoice_id}).fetchone()
        return None if row is None else int(row[0])


#: The columns store.invoices.lists.row_of reads, in its order.
_COLUMNS = f"""i.id, i.number, c.id, c.code, c.name, i.issue_date, i.due_date, i.currency,
    i.total_cents, {_PAID}, i.state, {owed_on(":as_of")}"""


def invoice_row(invoice_id: int, today: dt.date) -> InvoiceRow | None:
    """One invoice as the list shows it, whatever the filters; None when it is gone."""
    joined = "invoice i JOIN customer c ON c.id = i.customer_id"
    statement = f"SELECT {_COLUMNS} FROM {joined} WHERE i.id = :target"
    row = db.execute_sql(statement, {"as_of": today.isoformat(), "target": invoice_id}).fetchone()
    return None if row is None else row_of(row, today)


def invoice_count() -> int:
    """Every invoice in the book, whatever the filters."""
    return int(db.execute_sql("SELECT COUNT(*) FROM invoice").fetchone()[0])


def invoiced_customers() -> list[tuple[int, str, str]]:
    """The customers that have invoices, as (id, name, code): the list's customer filter."""
    statement = """
        SELECT c.id, c.name, c.code FROM customer c
        WHERE EXISTS (SELECT 1 FROM invoice i WHERE i.customer_id = c.id)
    """
    return [tuple(r) for r in db.execute_sql(statement).fetchall()]  # type: ignore[misc]


def status_words(words: Mapping[InvoiceStatus, str]) -> tuple[tuple[InvoiceStatus, str], ...]:
    """The words a person reads, folded, in the form :class:`InvoiceQuery` takes them."""
    return tuple((status, fold(word)) for status, word in words.items())
