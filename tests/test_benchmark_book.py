"""The benchmark's ten-year book is a valid book, and every benchmark operation runs on it.

A small book (50 customers, 1,000 invoices) keeps this fast; the benchmark itself
(benchmarks/run.py) times the full size and is never a test: no timing is asserted.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import peewee
import pytest

from diva_desk.core.records import InvoiceState
from diva_desk.interchange import export_text, import_text
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices import lists as queries

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _benchmark_module(name: str) -> ModuleType:
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return _benchmark_module("ten_year_book")


def test_same_seed_same_book_other_seed_other_book(generator: ModuleType) -> None:
    first = generator.ten_year_book(20, 200, seed=3)
    assert generator.ten_year_book(20, 200, seed=3) == first
    assert generator.ten_year_book(20, 200, seed=4) != first


def test_the_book_spreads_over_ten_years_with_a_real_book_s_mix(generator: ModuleType) -> None:
    contents = generator.ten_year_book(50, 1000)
    assert len(contents.customers) == 50
    assert len(contents.invoices) == 1000
    issued = [invoice.issue_date for invoice in contents.invoices]
    assert max(issued) <= generator.AS_OF
    assert (max(issued) - min(issued)).days > 365 * 8
    states = Counter(invoice.state for invoice in contents.invoices)
    assert states[InvoiceState.SENT] > 900
    assert states[InvoiceState.VOID] > 0 and states[InvoiceState.DRAFT] > 0
    assert {len(invoice.lines) for invoice in contents.invoices} == {1, 2, 3, 4, 5}
    assert len({invoice.currency for invoice in contents.invoices}) >= 3
    assert any(payment.is_deposit for payment in contents.payments)
    for kind in ("promises", "payment_plans", "followups", "interactions"):
        assert getattr(contents, kind), f"no {kind} in the book"


def test_the_book_goes_in_through_add_contents_and_survives_export_and_import(
    generator: ModuleType, book: peewee.SqliteDatabase, tmp_path: Path
) -> None:
    add_contents(generator.ten_year_book(50, 1000))
    summary = queries.overdue_summary(generator.AS_OF)
    assert summary.invoices > 0, "a ten-year book with nothing overdue is not realistic"
    assert set(summary.totals) >= {"CAD", "USD"}
    exported = export_text(dt.datetime(2026, 11, 23, 9))
    close_book()
    # Importing validates every record and reference: the generated book must pass.
    open_book(tmp_path / "again.sqlite3")
    import_text(exported)
    assert export_text(dt.datetime(2026, 11, 23, 9)) == exported


def test_every_benchmark_operation_runs_on_a_cached_book(
    generator: ModuleType, tmp_path: Path, qapp: object
) -> None:
    run = _benchmark_module("run")
    path = generator.cached_book(50, 1000, seed=1, cache=tmp_path)
    assert generator.cached_book(50, 1000, seed=1, cache=tmp_path) == path  # reused, not rebuilt
    results = run.run_benchmark(path, repeat=1, ui=True)
    names = {result.name for result in results}
    assert {"open book", "queries.invoice_rows", "interchange.export_text"} <= names
    assert "statement pdf (most open invoices)" in names
    assert "ui: invoice table reload (sorted proxy)" in names
    by_name = {result.name: result for result in results}
    assert by_name["queries.invoice_rows"].statements == 1
    assert all(result.best_ms >= 0 and result.runs == 1 for result in results)
