"""The Invoices tab reads a window of rows, not the book: opening, sorting and searching
cost the same on 150 invoices as on 450, and Qt never sorts the rows through Python."""

from __future__ import annotations

import datetime as dt
from typing import Any

import peewee
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diva_desk.ui.invoices.invoice_models import InvoiceTableModel
from diva_desk.ui.invoices.invoices_tab import InvoicesTab

TODAY = dt.date(2026, 11, 23)
PAGE = 25


def fill(database: peewee.SqliteDatabase, invoices: int) -> None:
    """``invoices`` sent invoices of 10 customers, every third paid, every fifth late."""
    with database.atomic():
        for n in range(1, 11):
            database.execute_sql(
                "INSERT INTO customer (id, code, name, currency) VALUES (?, ?, ?, 'CAD')",
                (n, f"C{n}", "Ébénisterie" if n == 3 else f"Customer {n}"),
            )
        for k in range(1, invoices + 1):
            issue = TODAY - dt.timedelta(days=k % 90)
            due = issue + dt.timedelta(days=30 if k % 5 else 0)
            database.execute_sql(
                "INSERT INTO invoice (id, number, customer_id, issue_date, due_date, state, "
                "currency, total_cents) VALUES (?, ?, ?, ?, ?, 'sent', 'CAD', ?)",
                (k, f"INV-{k:05d}", k % 10 + 1, issue.isoformat(), due.isoformat(), k * 100),
            )
            if k % 3 == 0:
                database.execute_sql(
                    "INSERT INTO payment (invoice_id, date, amount_cents) VALUES (?, ?, ?)",
                    (k, issue.isoformat(), k * 100),
                )


class Counted(InvoiceTableModel):
    """The tab's model, counting what Qt asks of it."""

    calls = 0

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        Counted.calls += 1
        return super().data(index, role)


def open_tab(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> InvoicesTab:
    monkeypatch.setattr(InvoiceTableModel, "PAGE", PAGE)
    monkeypatch.setattr("diva_desk.ui.invoices.invoices_tab.InvoiceTableModel", Counted)
    monkeypatch.setattr("diva_desk.ui.common.tables.list_tab._MEASURED_ROWS", PAGE)
    tab = InvoicesTab(today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.resize(900, 500)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def costs(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> dict[str, tuple[int, int]]:
    """Rows read and data() calls for opening, sorting by balance and status, searching."""
    tab = open_tab(qtbot, monkeypatch)
    model = tab.model
    steps = {
        "open": lambda: model.reload(TODAY),
        "balance": lambda: tab.view.sortByColumn(5, Qt.SortOrder.DescendingOrder),
        "status": lambda: tab.view.sortByColumn(6, Qt.SortOrder.AscendingOrder),
        "search": lambda: tab.search.setText("ebenist"),
    }
    found = {}
    for name, step in steps.items():
        read, Counted.calls = model.rows_read, 0
        step()
        # Until the list is quiet: its columns may be fitted again after it is drawn.
        qtbot.wait(20)
        qtbot.waitUntil(lambda: not tab._refit.isActive())
        qtbot.wait(20)
        found[name] = (model.rows_read - read, Counted.calls)
    return found


def test_opening_sorting_and_searching_read_a_window_whatever_the_books_size(
    qtbot: QtBot, book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(book, 150)
    small = costs(qtbot, monkeypatch)
    book.execute_sql("DELETE FROM payment")
    book.execute_sql("DELETE FROM invoice")
    book.execute_sql("DELETE FROM customer")
    fill(book, 450)
    large = costs(qtbot, monkeypatch)
    for name, (rows, _calls) in large.items():
        # A page or two of rows (those shown and the ones measured for the columns' widths).
        assert 0 < rows <= 2 * PAGE, (name, large)
    # Qt asks only for the cells it draws or measures: as many on 450 rows as on 150.
    # (Sorting through a proxy asked for a rank per row and comparison: thousands more.)
    calls = sum(c for _r, c in large.values())
    assert calls <= sum(c for _r, c in small.values()) * 1.2 + 50, (small, large)


def test_the_count_and_footer_are_of_every_row_that_passes(
    qtbot: QtBot, book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(book, 450)
    tab = open_tab(qtbot, monkeypatch)
    tab.model.reload(TODAY)
    assert tab.count.text() == "450 in all"
    assert tab.model.rowCount() == 450
    assert tab.footer.text() == "450 invoices shown — total $101,475.00 — still owed $67,500.00"
    tab.search.setText("ÉBÉN")  # case and accents folded, as everywhere
    assert tab.count.text() == "45 of 450"
    assert tab.footer.text().startswith("45 invoices shown")
    # The last row can be reached; its page is read when it is shown.
    tab.view.scrollToBottom()
    last = tab.model.index(tab.model.rowCount() - 1, 0).data()
    assert last is not None and last.startswith("INV-")
    # An invoice kept selected across a reload, found wherever it now is.
    assert tab.select_invoice(int(last.removeprefix("INV-")))
    tab.model.reload(TODAY)
    assert [row.number for row in tab.selected_rows()] == [last]
