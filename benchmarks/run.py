"""Time what a user waits for on a ten-year book.

    python benchmarks/run.py [--customers N] [--invoices N] [--seed S] [--repeat K]
                             [--json FILE] [--no-ui] [--only NAME ...] [--profile NAME]

The book comes from ten_year_book.cached_book (generated once, then reused). Each
operation runs K times; the table shows the best and the median wall-clock time
(time.perf_counter) and how many SQL statements the last run executed (counted
with a sqlite3 trace callback). Tests check complexity (query counts, rows
read); this script only reports times, so it never fails on a slow machine.

``--profile NAME`` profiles one operation with pyinstrument when it is installed,
otherwise with cProfile; neither is a dependency of Diva Desk.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import inspect
import json
import os
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ten_year_book import AS_OF, cached_book

from diva_desk.store.book.db import close_book, db, open_book

#: The Qt application the UI models need, kept alive for the whole run.
_QT_APP: list[object] = []


@dataclass(frozen=True)
class Operation:
    name: str
    run: Callable[[], object]
    #: Run once only: the first PDF of a process pays for loading fonts, once.
    once: bool = False
    #: Whether SQL statements can be counted (not while the connection is replaced).
    counted: bool = True


@dataclass(frozen=True)
class Result:
    name: str
    best_ms: float
    median_ms: float
    statements: int | None
    runs: int


class StatementCounter:
    """Counts the SQL statements the book's connection executes."""

    def __init__(self) -> None:
        self.count = 0

    def install(self) -> None:
        db.connection().set_trace_callback(self._seen)

    def _seen(self, _sql: str) -> None:
        self.count += 1


def _scalar(sql: str, params: tuple[object, ...] = ()) -> object:
    row = db.execute_sql(sql, params).fetchone()
    return None if row is None else row[0]


def _samples() -> dict[str, object]:
    """The records the single-document operations use, picked once, untimed."""
    latest = _scalar(
        "SELECT number FROM invoice WHERE state = 'sent' ORDER BY issue_date DESC, id DESC LIMIT 1"
    )
    paid = _scalar(
        "SELECT i.number FROM invoice i JOIN payment p ON p.invoice_id = i.id "
        "WHERE i.state = 'sent' ORDER BY i.issue_date DESC, i.id DESC LIMIT 1"
    )
    debtor = _scalar(
        "SELECT c.code FROM customer c JOIN invoice i ON i.customer_id = c.id "
        "LEFT JOIN (SELECT invoice_id, SUM(amount_cents) AS paid FROM payment "
        "GROUP BY invoice_id) p ON p.invoice_id = i.id "
        "WHERE i.state = 'sent' AND i.total_cents > COALESCE(p.paid, 0) "
        "GROUP BY c.id ORDER BY COUNT(*) DESC, c.code LIMIT 1"
    )
    biggest = _scalar(
        "SELECT customer_id FROM invoice GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1"
    )
    return {"latest": latest, "paid": paid or latest, "debtor": debtor, "biggest": biggest}


def _on_day(function: Callable[..., object], today: dt.date) -> Callable[[], object]:
    """``function(today)`` if it takes the day, else ``function()``.

    Totals are moving to balances as of a day; the benchmark runs on either side.
    """
    if inspect.signature(function).parameters:
        return lambda: function(today)
    return function


def store_operations(path: Path, today: dt.date) -> list[Operation]:
    """The store, documents and export: what every screen and command waits on."""
    from diva_desk.documents.invoice import invoice_pdf
    from diva_desk.documents.statement import statement_pdf
    from diva_desk.interchange import export_text
    from diva_desk.store import reports
    from diva_desk.store.calls import call_list as calls
    from diva_desk.store.calls import followups
    from diva_desk.store.calls.letters import statement_document
    from diva_desk.store.customers import history, timeline
    from diva_desk.store.customers import listing as customers
    from diva_desk.store.invoices import lists as queries
    from diva_desk.store.invoices.documents import invoice_document

    samples = _samples()
    call_list = calls.calls_today(today)
    moment = dt.datetime.combine(today, dt.time(9))

    def reopen() -> None:
        close_book()
        open_book(path)

    def one_invoice(number: object) -> Callable[[], bytes]:
        return lambda: invoice_pdf(invoice_document(str(number), today))

    return [
        Operation("open book", reopen, counted=False),
        Operation("queries.customer_rows", lambda: queries.customer_rows(today)),
        Operation("queries.invoice_rows", lambda: queries.invoice_rows(today)),
        Operation("queries.total_owed", _on_day(queries.total_owed, today)),
        Operation("queries.overdue_summary", lambda: queries.overdue_summary(today)),
        Operation("customers.customer_list", lambda: customers.customer_list(today)),
        Operation(
            "customers.customer_history (biggest)",
            lambda: timeline.customer_history(int(samples["biggest"]), today),  # type: ignore[arg-type]
        ),
        Operation("history.customer_ratings", lambda: history.customer_ratings(today)),
        Operation("followups.open_followups", followups.open_followups),
        Operation("calls.calls_today", lambda: calls.calls_today(today)),
        Operation(
            f"calls.scripts_for ({len(call_list)} calls)",
            lambda: calls.scripts_for(call_list, today),
        ),
        Operation("reports.aging_report", lambda: reports.aging_report(today)),
        Operation("reports.top_debtors", lambda: reports.top_debtors(today)),
        Operation("reports.dso_trend", lambda: reports.dso_trend(today)),
        Operation("reports.money_by_month", lambda: reports.money_by_month(today)),
        Operation("interchange.export_text", lambda: export_text(moment)),
        Operation("invoice pdf (first in process)", one_invoice(samples["latest"]), once=True),
        Operation("invoice pdf (warm)", one_invoice(samples["paid"])),
        Operation(
            "statement pdf (most open invoices)",
            lambda: statement_pdf(statement_document(str(samples["debtor"]), today)),
        ),
    ]


def ui_operations(today: dt.date) -> list[Operation]:
    """The Qt models' loads, when PySide6 can start without a display; else none."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        from diva_desk.ui.customers.customer_models import CustomerTableModel
        from diva_desk.ui.invoices.invoice_models import InvoiceTableModel
        from diva_desk.ui.reports.report_models import read_figures
    except ImportError as exc:
        print(f"(UI models skipped: {exc})", file=sys.stderr)
        return []
    _QT_APP.append(QGuiApplication.instance() or QGuiApplication([]))
    customers_model, invoices_model = CustomerTableModel(), InvoiceTableModel()
    # The invoice model sorts and searches itself in SQL and reads a page of rows when
    # the first of them is asked for: each operation reads the first row, as a view would.
    invoices_model.sort(2, Qt.SortOrder.DescendingOrder)  # newest first, as the tab opens
    invoices_model.reload(today)

    def search(words: str) -> Callable[[], int]:
        def run() -> int:
            invoices_model.set_search(words)
            invoices_model.row_at(0)
            return invoices_model.rowCount()

        return run

    def sort_by_balance() -> None:
        invoices_model.reload(today)
        invoices_model.sort(5, Qt.SortOrder.DescendingOrder)
        invoices_model.row_at(0)
        invoices_model.sort(2, Qt.SortOrder.DescendingOrder)

    def reload_invoices() -> None:
        invoices_model.reload(today)
        invoices_model.row_at(0)

    return [
        Operation("ui: customer table reload", lambda: customers_model.reload(today)),
        Operation("ui: invoice table reload (sorted proxy)", reload_invoices),
        Operation("ui: invoice reload + sort by balance", sort_by_balance),
        Operation("ui: invoice search 'maple bakery'", search("maple bakery")),
        Operation("ui: invoice search cleared", search("")),
        Operation("ui: report_models.read_figures", lambda: read_figures(today)),
    ]


def measure(operation: Operation, repeat: int, counter: StatementCounter) -> Result:
    times: list[float] = []
    statements: int | None = None
    for _n in range(1 if operation.once else repeat):
        counter.install()
        counter.count = 0
        start = time.perf_counter()
        operation.run()
        times.append((time.perf_counter() - start) * 1000)
        statements = counter.count if operation.counted else None
    return Result(operation.name, min(times), statistics.median(times), statements, len(times))


def book_counts() -> dict[str, int]:
    tables = ("customer", "invoice", "invoice_line", "payment", "promise", "payment_plan")
    tables += ("installment", "followup", "interaction")
    return {t: int(_scalar(f'SELECT COUNT(*) FROM "{t}"')) for t in tables}  # type: ignore[arg-type]


def run_benchmark(
    path: Path,
    today: dt.date = AS_OF,
    repeat: int = 3,
    ui: bool = True,
    only: list[str] | None = None,
    report: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Open the book at ``path``, time every operation (or those named in ``only``)."""
    open_book(path)
    try:
        operations = store_operations(path, today) + (ui_operations(today) if ui else [])
        if only:
            operations = [op for op in operations if any(word in op.name for word in only)]
        counter, results = StatementCounter(), []
        for operation in operations:
            result = measure(operation, repeat, counter)
            results.append(result)
            if report:
                report(result)
        return results
    finally:
        close_book()


def profile(path: Path, name: str, today: dt.date = AS_OF, ui: bool = True) -> None:
    """Profile the first operation whose name contains ``name``, once warmed up."""
    open_book(path)
    try:
        operations = store_operations(path, today) + (ui_operations(today) if ui else [])
        matching = [op for op in operations if name in op.name]
        if not matching:
            raise SystemExit(f"no operation named like {name!r}")
        operation = matching[0]
        operation.run()
        try:
            from pyinstrument import Profiler  # optional, only if installed
        except ImportError:
            profiler = cProfile.Profile()
            profiler.runcall(operation.run)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            return
        with Profiler() as instrument:
            operation.run()
        instrument.print()
    finally:
        close_book()


def _row(result: Result) -> str:
    statements = "—" if result.statements is None else str(result.statements)
    name, best, median = result.name, result.best_ms, result.median_ms
    return f"| {name:<42} | {best:>10.1f} | {median:>10.1f} | {statements:>6} |"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            names = [
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            ]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{cpu}, {os.cpu_count()} cores, {system}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=5000)
    parser.add_argument("--invoices", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here as JSON")
    parser.add_argument("--no-ui", action="store_true", help="leave out the Qt models")
    parser.add_argument("--only", nargs="+", help="time only operations whose name contains one")
    parser.add_argument("--profile", metavar="NAME", help="profile one operation instead")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    path = cached_book(args.customers, args.invoices, args.seed)
    ready = time.perf_counter() - started
    print(f"book: {path} ({path.stat().st_size / 1e6:.1f} MB), ready in {ready:.1f} s")
    if args.profile:
        profile(path, args.profile, ui=not args.no_ui)
        return 0
    open_book(path)
    counts = book_counts()
    close_book()
    print(", ".join(f"{n:,} {t}" for t, n in counts.items()))
    print(f"{machine()}; today = {AS_OF}; best of {args.repeat}\n")
    print(f"| {'operation':<42} | {'best ms':>10} | {'median ms':>10} | {'SQL':>6} |")
    print(f"| {'-' * 42} | {'-' * 10}:| {'-' * 10}:| {'-' * 6}:|")
    results = run_benchmark(
        path, repeat=args.repeat, ui=not args.no_ui, only=args.only, report=lambda r: print(_row(r))
    )
    if args.json:
        document = {
            "date": dt.date.today().isoformat(),
            "machine": machine(),
            "customers": args.customers,
            "invoices": args.invoices,
            "seed": args.seed,
            "repeat": args.repeat,
            "book_bytes": path.stat().st_size,
            "book_counts": counts,
            "results": [asdict(r) for r in results],
        }
        args.json.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
