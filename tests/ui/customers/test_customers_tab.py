"""The Customers tab driven like a person: search, filter, open, edit, save, archive, delete."""

from __future__ import annotations

from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.customers.customer_form import CustomerDialog
from diva_desk.ui.customers.customers_tab import CustomersTab
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY


@pytest.fixture
def window(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> MainWindow:
    # ACME: Pat in AP, cut-off the 25th (two days away), paid on the 15th and month end.
    m.Customer.update(
        ap_contact_name="Pat", invoice_cutoff_day=25, payment_run_days=(15, 31)
    ).where(m.Customer.code == "ACME").execute()
    add_contents(r.BookContents(customers=(r.Customer(code="OOPS", name="Oops Duplicate"),)))
    win = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


@pytest.fixture
def said_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer Yes to confirmation boxes, keeping their text."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def names(tab: CustomersTab) -> list[str]:
    return [tab.proxy.index(row, 1).data() for row in range(tab.proxy.rowCount())]


def select(tab: CustomersTab, qtbot: QtBot, name: str) -> None:
    tab.search.clear()
    qtbot.keyClicks(tab.search, name)
    qtbot.keyClick(tab.search, Qt.Key.Key_Down)  # into the list, first row selected
    assert tab.selected() is not None and tab.selected().name == name


def editor(tab: CustomersTab, qtbot: QtBot) -> CustomerDialog:
    qtbot.waitUntil(lambda: tab.editor is not None and tab.editor.isVisible())
    assert tab.editor is not None
    return tab.editor


def field(dialog: CustomerDialog, name: str) -> QLineEdit:
    widget = dialog.editors[name]
    assert isinstance(widget, QLineEdit)
    return widget


def retype(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, text)


def test_search_by_contact_email_and_phone(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.customers
    assert len(names(tab)) == 5
    qtbot.keyClicks(tab.search, "lou@beta")
    assert names(tab) == ["Beta Bakery"]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "555 0100")
    assert names(tab) == ["Acme Ltd."]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "zoe")
    assert names(tab) == ["Gamma Garage"]


def test_filters_owing_overdue_and_rating(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.customers
    tab.balance_filter.setCurrentIndex(tab.balance_filter.findText("Owing money"))
    assert sorted(names(tab)) == ["Acme Ltd.", "Beta Bakery", "Gamma Garage"]
    tab.balance_filter.setCurrentIndex(tab.balance_filter.findText("Overdue"))
    assert sorted(names(tab)) == ["Acme Ltd.", "Gamma Garage"]
    assert tab.count.text() == "2 of 5"
    tab.balance_filter.setCurrentIndex(0)
    # ACME's invoice is 53 days overdue, not yet past 60: nobody in the small book is risky.
    tab.rating_filter.setCurrentIndex(tab.rating_filter.findText("Risky"))
    # Every customer is rated on the list's worker; the count says so meanwhile.
    assert tab.count.text() == "Rating every customer…"
    qtbot.waitUntil(lambda: not tab.model.rating_pending, timeout=5000)
    assert tab.count.text() == "0 of 5"
    assert names(tab) == []
    tab.rating_filter.setCurrentIndex(tab.rating_filter.findText("New"))
    assert len(names(tab)) == 5


def test_rating_and_near_cutoff_show_in_the_list(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.customers
    titles = tab.model.column_titles()
    row = names(tab).index("Acme Ltd.")
    rating = tab.proxy.index(row, titles.index("Rating"))
    rating.data()  # asks the worker for the page's ratings, which arrive a moment later
    qtbot.waitUntil(lambda: rating.data() == "New", timeout=5000)
    tip = tab.proxy.index(row, titles.index("Rating")).data(Qt.ItemDataRole.ToolTipRole)
    assert "no invoice paid yet" in tip and "deposit" in tip
    # Nov 25 is two days after Nov 23: marked.
    assert tab.proxy.index(row, titles.index("Cut-off")).data() == "● Nov 25"


def test_selecting_shows_billing_cycle_and_history(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.customers
    select(tab, qtbot, "Acme Ltd.")
    pane = tab.pane
    assert pane.name.text() == "Acme Ltd."
    assert pane.cycle.text() == (
        "Invoices must reach Pat in accounts payable by the 25th; "
        "they pay on the 15th and the last day of the month."
    )
    assert pane.cutoff.text() == "Next cut-off: Nov 25, 2026, in 2 days."
    # Net 30 from Nov 23 is Dec 23; processed by the Dec 25 cut-off, paid on Dec 31.
    assert pane.expected.text() == (
        "Sent today, an invoice is due Dec 23, 2026 and should be paid on Dec 31, 2026."
    )
    assert pane.owes.text() == "$1,000.00"
    assert pane.oldest.text() == "INV-1001 · $1,000.00\n53 days overdue"
    assert pane.rating.text() == "New"
    assert "deposit" in pane.suggested.text()
    assert pane.timeline.rowCount() == 1
    assert pane.timeline.index(0, 1).data() == "Invoice INV-1001, due Oct 1, 2026"
    assert pane.timeline.index(0, 3).data() == "Overdue, $1,000.00 left"


def test_edit_shows_messages_beside_fields_then_saves(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.customers
    select(tab, qtbot, "Beta Bakery")
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)  # Enter opens
    dialog = editor(tab, qtbot)
    assert field(dialog, "email").text() == "lou@beta.ca"

    retype(qtbot, field(dialog, "email"), "lou@beta")
    qtbot.keyClicks(field(dialog, "invoice_cutoff_day"), "32")
    qtbot.keyClicks(field(dialog, "deposit_percent"), "120")
    qtbot.keyClick(field(dialog, "deposit_percent"), Qt.Key.Key_Return)  # Enter means Save
    problems = dialog.shown_problems()
    assert set(problems) == {"email", "invoice_cutoff_day", "deposit_percent"}
    assert problems["email"].startswith("Email:")
    assert "1 to 31" in problems["invoice_cutoff_day"]
    assert "0 to 100" in problems["deposit_percent"]
    assert dialog.isVisible()
    assert m.Customer.get(m.Customer.code == "BETA").email == "lou@beta.ca"  # nothing written

    retype(qtbot, field(dialog, "email"), "orders@beta.ca")
    assert "email" not in dialog.shown_problems()  # gone as soon as the field is edited
    retype(qtbot, field(dialog, "invoice_cutoff_day"), "20")
    retype(qtbot, field(dialog, "deposit_percent"), "25")
    retype(qtbot, field(dialog, "name"), "Beta Bakery & Co")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: tab.editor is None)
    row = m.Customer.get(m.Customer.code == "BETA")
    assert (row.email, row.invoice_cutoff_day, row.deposit_percent) == (
        "orders@beta.ca",
        20,
        Decimal(25),
    )
    assert "Beta Bakery & Co" in names(tab)
    assert tab.selected() is not None and tab.selected().name == "Beta Bakery & Co"
    assert tab.pane.cycle.text() == "Invoices must reach their accounts payable by the 20th."
    assert window.statusBar().currentMessage() == "Saved Beta Bakery & Co."


def test_a_taken_code_is_refused_beside_the_field(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.customers
    select(tab, qtbot, "Beta Bakery")
    tab.open_selected()
    dialog = editor(tab, qtbot)
    retype(qtbot, field(dialog, "code"), "acme")
    dialog.save_button.click()
    # The code as Acme has it, not as typed.
    assert dialog.shown_problems() == {"code": "Code: another customer already has the code ACME."}


def test_ctrl_n_creates_a_customer(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.customers
    # New makes what the tab in view lists (on Invoices, an invoice: test_window_keys).
    window.tabs.setCurrentWidget(tab)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = editor(tab, qtbot)
    assert window.tabs.currentWidget() is tab
    assert dialog.windowTitle() == "New customer"
    qtbot.keyClicks(field(dialog, "code"), "NORTH")
    qtbot.keyClicks(field(dialog, "name"), "Northwind Traders")
    qtbot.keyClicks(field(dialog, "ap_contact_name"), "Kim")
    qtbot.keyClicks(field(dialog, "payment_run_days"), "15, 31")
    assert dialog.cycle_preview.text() == (
        "They pay suppliers on the 15th and the last day of the month."
    )
    dialog.save_button.click()
    qtbot.waitUntil(lambda: tab.editor is None)
    row = m.Customer.get(m.Customer.code == "NORTH")
    assert (row.name, row.currency, row.payment_run_days) == ("Northwind Traders", "CAD", (15, 31))
    assert "Northwind Traders" in names(tab)
    assert tab.selected() is not None and tab.selected().code == "NORTH"


def test_cancel_with_changes_asks_first(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = window.customers
    select(tab, qtbot, "Acme Ltd.")
    tab.open_selected()
    dialog = editor(tab, qtbot)
    qtbot.keyClicks(field(dialog, "phone"), " ext 2")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_args: answers.pop(0)))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # "Cancel" keeps editing
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.editor is None)
    assert m.Customer.get(m.Customer.code == "ACME").phone == "416 555 0100"


def test_delete_key_archives_a_customer_with_invoices(
    window: MainWindow, qtbot: QtBot, said_yes: list[str]
) -> None:
    tab = window.customers
    select(tab, qtbot, "Gamma Garage")
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert said_yes and "Archive Gamma Garage?" in said_yes[0]
    assert "$250.00" in said_yes[0]  # what they still owe is said
    assert m.Customer.get(m.Customer.code == "GAMMA").archived
    tab.search.clear()
    assert "Gamma Garage" not in names(tab)
    assert m.Invoice.select().where(m.Invoice.number == "INV-1003").exists()
    # Still owed: the status bar total did not change.
    assert window.owed_label.text() == "Owed to you: $2,150.00"
    tab.archived_filter.setChecked(True)
    assert "Gamma Garage" in names(tab)


def test_a_customer_with_invoices_cannot_be_deleted(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "diva_desk.ui.customers.customer_removal.show_message",
        lambda _parent, text, **_kw: shown.append(text),
    )
    tab = window.customers
    select(tab, qtbot, "Acme Ltd.")
    tab.delete_action.trigger()
    assert shown == ["Acme Ltd. has 1 invoice, so they can be archived but not deleted."]
    assert m.Customer.select().where(m.Customer.code == "ACME").exists()


def test_a_customer_without_invoices_is_deleted_after_confirming(
    window: MainWindow, qtbot: QtBot, said_yes: list[str]
) -> None:
    tab = window.customers
    select(tab, qtbot, "Oops Duplicate")
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert "cannot be undone" in said_yes[0]
    assert not m.Customer.select().where(m.Customer.code == "OOPS").exists()
    tab.search.clear()
    assert "Oops Duplicate" not in names(tab)
    assert tab.pane.customer_id is None


def test_ctrl_f_focuses_the_customer_search(window: MainWindow, qtbot: QtBot) -> None:
    window.customers.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.customers.search.hasFocus)


def test_paid_and_late_history_on_the_demo_book(qtbot: QtBot, book: peewee.SqliteDatabase) -> None:
    from diva_desk.demo import demo_contents

    add_contents(demo_contents(TODAY))
    win = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    tab = win.customers
    tab.view.setFocus()
    tab.view.selectRow(0)  # who owes the most
    assert tab.pane.customer_id is not None
    assert tab.pane.timeline.rowCount() > 3
    days = [tab.pane.timeline.row_at(i).day for i in range(tab.pane.timeline.rowCount())]
    assert days == sorted(days, reverse=True)  # newest first
    assert tab.pane.rating.text() in {"New", "Reliable", "Slow", "Risky"}
    kinds = {tab.pane.timeline.row_at(i).kind for i in range(tab.pane.timeline.rowCount())}
    assert {"invoice", "payment"} <= kinds


def test_a_customer_owing_in_two_currencies_shows_both_and_sorts_by_their_own(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    # Beta owes 900.00 CAD not yet due; a US-dollar invoice overdue is added.
    line = r.InvoiceLine(description="Fonts", quantity=Decimal(1), unit_price=Decimal("1500.00"))
    usd = r.Invoice(
        number="INV-2001",
        customer="BETA",
        issue_date=TODAY.replace(day=1),
        due_date=TODAY.replace(day=2),
        lines=(line,),
        currency="USD",
    )
    add_contents(r.BookContents(invoices=(usd,)))
    win = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(win)
    tab = win.customers
    model = tab.model
    titles = model.column_titles()
    balance, overdue = titles.index("Balance"), titles.index("Overdue")
    beta = names(tab).index("Beta Bakery")
    assert tab.proxy.index(beta, balance).data() == "$900.00 + US$1,500.00"
    assert tab.proxy.index(beta, overdue).data() == "US$1,500.00"
    # Sorted by what they owe in their own currency: ACME's 1,000.00 is above
    # Beta's 900.00, whatever Beta owes in US dollars.
    tab.view.sortByColumn(balance, Qt.SortOrder.DescendingOrder)
    assert names(tab)[:3] == ["Acme Ltd.", "Beta Bakery", "Gamma Garage"]


def test_typing_a_search_reads_nothing_from_the_book_and_keeps_the_page(
    window: MainWindow, qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    """The list searches and sorts the rows it holds; the selected customer's page stays."""
    tab = window.customers
    window.tabs.setCurrentWidget(tab)
    select(tab, qtbot, "Acme Ltd.")
    tab.search.clear()
    assert tab.selected() is not None and tab.selected().name == "Acme Ltd."
    statements: list[str] = []
    small_book.connection().set_trace_callback(statements.append)
    try:
        qtbot.keyClicks(tab.search, "ac")
        tab.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    finally:
        small_book.connection().set_trace_callback(None)
    assert statements == []
    assert names(tab) == ["Acme Ltd."]
    assert tab.selected() is not None and tab.selected().name == "Acme Ltd."
    assert any(label.text() == "Acme Ltd." for label in tab.pane.findChildren(QLabel))
