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


def test_every_benchmark_operation_runs_and_every_target_of_issue_11_has_its_row(
    generator: ModuleType, tmp_path: Path, qapp: object
) -> None:
    run = _benchmark_module("run")
    results_module = _benchmark_module("results")
    path = generator.cached_book(50, 1000, seed=1, cache=tmp_path)
    assert generator.cached_book(50, 1000, seed=1, cache=tmp_path) == path  # reused, not rebuilt
    results = run.run_benchmark(path, repeat=1, ui=True, window=False, commands=False)
    by_name = {result.name: result for result in results}
    assert {"open book", "queries.invoice_rows", "interchange.export_text"} <= set(by_name)
    assert "statement pdf (most open invoices)" in by_name
    assert "interchange.import_text (empty book)" in by_name
    assert by_name["queries.invoice_rows"].statements == 1
    # One run each, but the PDF comparison, which takes turns at least 21 times.
    assert {r.runs for r in results if not r.name.startswith("pdf: ")} == {1}
    # A row that could not run (InvoiceGenerator is in the bench extra, which the suite's
    # install leaves out) says why instead of a time.
    assert all(r.best_ms >= 0 for r in results if r.runs)
    assert all(r.note for r in results if not r.runs)
    # A renamed operation would silently lose its target: each target names a row.
    names = list(by_name) + [name for name, *_ in _whole_rows()]
    for target in results_module.TARGETS:
        assert any(name.startswith(target.prefix) for name in names), target.prefix
    judged = {name for name, result in by_name.items() if result.target is not None}
    assert {"calls_for(day) with scripts", "ui: invoice list open"} <= judged
    assert sum(name.startswith("ui: invoice sort by") for name in judged) == 7  # every column
    ratio = by_name["pdf: InvoiceGenerator ÷ ours"]
    assert ratio.unit == "×" and ratio.passed is not None


def _whole_rows() -> list[tuple[str, str, object]]:
    whole = _benchmark_module("whole")
    commands = whole.commands("2026-11-23", "INV-1", Path("x.pdf"))
    return list(whole.WINDOW_ROWS) + [(name, "ms", None) for name, _ in commands]


def test_the_real_window_and_the_commands_run_as_processes_of_their_own(
    generator: ModuleType, tmp_path: Path
) -> None:
    whole = _benchmark_module("whole")
    path = generator.cached_book(50, 1000, seed=1, cache=tmp_path)
    rows = whole.window_results(path, "2026-11-23", repeat=1, timeout=60, quiet_ms=150)
    assert [row.name for row in rows] == [name for name, *_ in whole.WINDOW_ROWS]
    assert all(row.note == "" and row.runs == 1 for row in rows), rows[0].note
    (run,) = whole.LAST_WINDOW_RUNS
    # Filled at start-up and again after the payment, painted, and its memory read.
    assert run["today_filled"] == 2
    assert {"window_shown", "first_paint", "payment_recorded"} <= set(run["marks"])
    by_name = {row.name: row for row in rows}
    assert 30 < by_name["window: peak RSS"].median_ms < 2000
    assert by_name["window: longest GUI block, payment"].median_ms > 0
    # Two of the four commands: their arguments are the ones most likely to go stale.
    commands = whole.command_results(path, "2026-11-23", repeat=1, only=["today", "pdf"])
    assert [row.name for row in commands] == ["cli: today --json", "cli: invoice-pdf"]
    assert [row.note for row in commands] == [""] * 2
    assert all(row.median_ms > 0 for row in commands)
