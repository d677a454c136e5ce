"""UI test fixtures: settings in a temporary folder, and a small book with known figures."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import QSettings

from diva_desk.core import records as r
from diva_desk.i18n import set_language
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.common import errors

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def settings_folder(tmp_path: Path) -> Path:
    """Every QSettings the app makes lands in a temporary folder, never in the user's."""
    folder = tmp_path / "settings"
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en_CA")
    yield
    set_language("en_CA")


def _invoice(
    number: str, customer: str, issued: dt.date, due: dt.date, amount: str, **kw: object
) -> r.Invoice:
    line = r.InvoiceLine(description="Work", quantity=Decimal(1), unit_price=Decimal(amount))
    return r.Invoice(
        number=number, customer=customer, issue_date=issued, due_date=due, lines=(line,), **kw
    )


#: What the small book owes: ACME 1000.00 overdue, BETA 900.00 not yet due,
#: GAMMA 250.00 (400.00 less 150.00 paid) overdue, DELTA nothing (paid in full).
SMALL_BOOK = r.BookContents(
    business=r.Business(name="Bright Spark Electrical", owner_name="Sam Rivera"),
    customers=(
        r.Customer(code="ACME", name="Acme Ltd.", contact_name="Pat Jones", phone="416 555 0100"),
        r.Customer(code="BETA", name="Beta Bakery", contact_name="Lou Martin", email="lou@beta.ca"),
        r.Customer(code="GAMMA", name="Gamma Garage", contact_name="Zoë Tremblay"),
        r.Customer(code="DELTA", name="Café Délice", contact_name="Ana Lima"),
    ),
    invoices=(
        _invoice("INV-1001", "ACME", dt.date(2026, 9, 1), dt.date(2026, 10, 1), "1000.00"),
        _invoice("INV-1002", "BETA", dt.date(2026, 11, 10), dt.date(2026, 12, 10), "900.00"),
        _invoice("INV-1003", "GAMMA", dt.date(2026, 10, 1), dt.date(2026, 10, 31), "400.00"),
        _invoice("INV-1004", "DELTA", dt.date(2026, 10, 5), dt.date(2026, 11, 4), "75.50"),
        _invoice(
            "INV-1005",
            "BETA",
            dt.date(2026, 11, 20),
            dt.date(2026, 12, 20),
            "120.00",
            state=r.InvoiceState.DRAFT,
        ),
    ),
    payments=(
        r.Payment(invoice="INV-1003", date=dt.date(2026, 11, 2), amount=Decimal("150.00")),
        r.Payment(invoice="INV-1004", date=dt.date(2026, 11, 3), amount=Decimal("75.50")),
    ),
    followups=(
        r.Followup(customer="ACME", due_date=dt.date(2026, 11, 20), reason="Ask about the PO"),
        r.Followup(
            customer="GAMMA",
            due_date=TODAY,
            reason="Confirm the cheque is in the mail",
            invoice="INV-1003",
        ),
        r.Followup(customer="BETA", due_date=dt.date(2026, 12, 1), reason="Check on delivery"),
        r.Followup(customer="DELTA", due_date=dt.date(2026, 11, 1), reason="Thank them", done=True),
    ),
)


@pytest.fixture
def small_book(book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    add_contents(SMALL_BOOK)
    return book


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    """A test's dead widgets are collected here, never later in a worker thread."""
    yield
    errors.reset_bug_reports()  # no bug dialog or quiet time carried into the next test
    gc.collect()


def settle(qtbot: object, window: object) -> None:
    """Wait until the main window has read what it shows (its Today panel reads on a worker)."""
    qtbot.waitUntil(window.is_settled, timeout=20000)  # type: ignore[attr-defined]


def show_tab(qtbot: object, window: object, tab: object) -> None:
    """Bring a list tab into view and wait until it is read (a list out of view waits)."""
    window.tabs.setCurrentWidget(tab)  # type: ignore[attr-defined]
    settle(qtbot, window)
