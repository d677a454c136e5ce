"""Every operation the benchmark times in its own process, in one place.

The operations call the app's public entry points (store functions, the tabs and their
models, the document builders): when a rewrite renames one, this is the file to fix.
The rows timed as whole processes (the window, the commands) are in whole.py.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from diva_desk.store.book.db import close_book, db, open_book

#: The Qt application and the tabs the UI rows use, kept alive for the whole run.
_KEEP: list[object] = []


@dataclass(frozen=True)
class Operation:
    name: str
    run: Callable[[], object]
    #: Run once only: the first PDF of a process pays for loading fonts, once.
    once: bool = False
    #: Whether SQL statements can be counted (not while the connection is replaced).
    counted: bool = True
    #: Run once, untimed, before the timed runs (a warm PDF, a warm tab).
    warm: bool = False
    #: Untimed, before and after each timed run (an empty book to import into, say).
    before: Callable[[], object] | None = None
    after: Callable[[], object] | None = None


def scalar(sql: str, params: tuple[object, ...] = ()) -> object:
    row = db.execute_sql(sql, params).fetchone()
    return None if row is None else row[0]


def samples() -> dict[str, object]:
    """The records the single-document operations use, picked once, untimed."""
    latest = scalar(
        "SELECT number FROM invoice WHERE state = 'sent' ORDER BY issue_date DESC, id DESC LIMIT 1"
    )
    paid = scalar(
        "SELECT i.number FROM invoice i JOIN payment p ON p.invoice_id = i.id "
        "WHERE i.state = 'sent' ORDER BY i.issue_date DESC, i.id DESC LIMIT 1"
    )
    debtor = scalar(
        "SELECT c.code FROM customer c JOIN invoice i ON i.customer_id = c.id "
        "LEFT JOIN (SELECT invoice_id, SUM(amount_cents) AS paid FROM payment "
        "GROUP BY invoice_id) p ON p.invoice_id = i.id "
        "WHERE i.state = 'sent' AND i.total_cents > COALESCE(p.paid, 0) "
        "GROUP BY c.id ORDER BY COUNT(*) DESC, c.code LIMIT 1"
    )
    biggest = scalar(
        "SELECT customer_id FROM invoice GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1"
    )
    return {"latest": latest, "paid": paid or latest, "debtor": debtor, "biggest": biggest}


def on_day(function: Callable[..., object], today: dt.date) -> Callable[[], object]:
    """``function(today)`` if it takes the day, else ``function()``."""
    if inspect.signature(function).parameters:
        return lambda: function(today)
    return function


def store_operations(path: Path, today: dt.date) -> list[Operation]:
    """The store, documents, export and import: what every screen and command waits on."""
    import pdf_compare

    from diva_desk.documents.invoice import invoice_pdf
    from diva_desk.documents.letters.statement import statement_pdf
    from diva_desk.interchange import export_text, import_text
    from diva_desk.store import reports
    from diva_desk.store.calls import call_list as calls
    from diva_desk.store.calls import followups
    from diva_desk.store.calls.letters import statement_document
    from diva_desk.store.customers import history, timeline
    from diva_desk.store.customers import listing as customers
    from diva_desk.store.invoices import lists as queries
    from diva_desk.store.invoices.documents import invoice_document
    from diva_desk.store.invoices.unpaid import forget_unpaid, unpaid_invoices

    sample = samples()
    call_list = calls.calls_today(today)
    moment = dt.datetime.combine(today, dt.time(9))
    exported: list[str] = []
    scratch = Path(tempfile.mkdtemp(prefix="diva-bench-import-"))

    def reopen() -> None:
        close_book()
        open_book(path)

    def one_invoice(number: object) -> Callable[[], bytes]:
        return lambda: invoice_pdf(invoice_document(str(number), today))

    def calls_with_scripts() -> object:
        found = calls.calls_today(today)
        return calls.scripts_for(found, today)

    def export() -> str:
        text = export_text(moment)
        exported[:] = [text]
        return text

    def empty_book() -> None:
        if not exported:
            exported.append(export_text(moment))
        close_book()
        for old in scratch.glob("empty*"):
            old.unlink()
        open_book(scratch / "empty.sqlite3")

    ours = pdf_compare.ours(str(sample["latest"]), today)
    theirs = pdf_compare.theirs()
    pdf_rows = [Operation("pdf: ours, 10 lines, warm", ours, warm=True)]
    if theirs is not None:
        pdf_rows.append(Operation("pdf: InvoiceGenerator 1.2.0, 10 lines, warm", theirs, warm=True))

    return [
        Operation("open book", reopen, counted=False),
        Operation("calls_for(day) with scripts", calls_with_scripts),
        Operation("queries.customer_rows", lambda: queries.customer_rows(today)),
        Operation("queries.invoice_rows", lambda: queries.invoice_rows(today)),
        Operation("queries.total_owed", on_day(queries.total_owed, today)),
        Operation("queries.overdue_summary", lambda: queries.overdue_summary(today)),
        Operation("customers.customer_list", lambda: customers.customer_list(today)),
        Operation(
            "customers.customer_history (biggest)",
            lambda: timeline.customer_history(int(sample["biggest"]), today),  # type: ignore[arg-type]
        ),
        Operation("history.customer_ratings", lambda: history.customer_ratings(today)),
        Operation("followups.open_followups", followups.open_followups),
        Operation("calls.calls_today", lambda: calls.calls_today(today)),
        Operation(
            f"calls.scripts_for ({len(call_list)} calls)",
            lambda: calls.scripts_for(call_list, today),
        ),
        # On this connection, whose lists kept the invoices still owing (as the window's
        # GUI thread), then on a fresh one (a command, a worker): see store.invoices.unpaid.
        Operation("reports.aging_report", lambda: reports.aging_report(today)),
        Operation("reports.top_debtors", lambda: reports.top_debtors(today)),
        Operation("reports.days_sales_outstanding", lambda: reports.days_sales_outstanding(today)),
        Operation("reports.dso_trend", lambda: reports.dso_trend(today)),
        Operation(
            "reports.aging_report, fresh connection",
            lambda: reports.aging_report(today),
            before=forget_unpaid,
            after=lambda: unpaid_invoices(today),
        ),
        Operation(
            "reports.dso_trend, fresh connection",
            lambda: reports.dso_trend(today),
            before=forget_unpaid,
            after=lambda: unpaid_invoices(today),
        ),
        Operation("reports.money_by_month", lambda: reports.money_by_month(today)),
        Operation("invoice pdf (first in process)", one_invoice(sample["latest"]), once=True),
        Operation("invoice pdf (warm)", one_invoice(sample["paid"])),
        *pdf_rows,
        Operation(
            "statement pdf (most open invoices)",
            lambda: statement_pdf(statement_document(str(sample["debtor"]), today)),
        ),
        Operation("interchange.export_text", export),
        Operation(
            "interchange.import_text (empty book)",
            lambda: import_text(exported[0]),
            before=empty_book,
            after=reopen,
        ),
    ]


def ui_operations(today: dt.date) -> list[Operation]:
    """The real tabs and their models, when PySide6 can start without a display; else none."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from diva_desk.store.invoices.unpaid import forget_unpaid, unpaid_invoices
        from diva_desk.ui.common.tasks import TaskRunner
        from diva_desk.ui.customers.customers_tab import CustomersTab
        from diva_desk.ui.invoices.invoices_tab import InvoicesTab
        from diva_desk.ui.reports.report_models import read_figures
    except ImportError as exc:
        print(f"(UI rows skipped: {exc})", file=sys.stderr)
        return []
    app = QApplication.instance() or QApplication([])
    _KEEP.append(app)
    tasks = TaskRunner()
    customers = CustomersTab()
    invoices = InvoicesTab(today=lambda: today, tasks=tasks)
    _KEEP.extend([tasks, customers, invoices])
    customers.model.reload(today)
    invoices.model.reload(today)
    model = invoices.model
    headings = [
        str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
        for c in range(model.columnCount())
    ]

    def shown(view: object, rows: int = 40) -> None:
        """Read the cells a view paints at first (a page-reading model reads its page here)."""
        shown_model = view.model()  # type: ignore[attr-defined]
        for row in range(min(rows, shown_model.rowCount())):
            for column in range(shown_model.columnCount()):
                shown_model.data(shown_model.index(row, column), Qt.ItemDataRole.DisplayRole)

    def load_customers() -> None:
        customers.reload(today)
        shown(customers.view)  # the first rows' ratings are read as they are painted

    def newest_first() -> None:
        invoices.search.clear()
        invoices.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # as the tab opens

    def open_invoice_list() -> None:
        tab = InvoicesTab(today=lambda: today, tasks=tasks)
        tab.model.reload(today)
        shown(tab.view)  # parentless: deleted with the last reference, on return

    def sort_by(column: int) -> Callable[[], None]:
        def run() -> None:
            invoices.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
            shown(invoices.view)

        return run

    def reload_invoices() -> None:
        invoices.model.reload(today)
        shown(invoices.view)

    def filter_invoices() -> None:
        invoices.search.setText("maple")
        shown(invoices.view)

    def type_into(field: object, text: str) -> Callable[[], None]:
        return lambda: QTest.keyClicks(field, text)  # type: ignore[arg-type]

    sorts = [
        Operation(f"ui: invoice sort by {heading}", sort_by(c), before=newest_first)
        for c, heading in enumerate(headings)
    ]
    return [
        Operation("ui: customer list load", load_customers),
        Operation(
            "ui: customer search keystroke",
            type_into(customers.search, "m"),
            before=customers.search.clear,
            after=customers.search.clear,
        ),
        Operation("ui: invoice list open", open_invoice_list),
        Operation("ui: invoice list reload", reload_invoices),
        *sorts,
        Operation(
            "ui: invoice filter by text 'maple'",
            filter_invoices,
            before=newest_first,
            after=newest_first,
        ),
        # Read on a worker in the window: a connection of its own, which has kept nothing.
        Operation(
            "ui: Reports tab figures (read_figures)",
            lambda: read_figures(today),
            before=forget_unpaid,
            after=lambda: unpaid_invoices(today),
        ),
    ]
