"""The bank statement review: ticks, assignments, the checks before Record, and Record.

The plan is the small book's (plans.py): one credit matched to INV-1001 by its number, and
a cheque of 1,150.00 nothing matched for sure, which pays Beta's INV-1002 (900.00) and
Gamma's INV-1003 (250.00 left).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from diva_desk.bank.matching import Allocation
from diva_desk.core import records as r
from diva_desk.store.book import models as m
from diva_desk.store.invoices.payments import record_payment
from diva_desk.ui.bank.assign_dialog import AssignDialog
from diva_desk.ui.bank.review_dialog import BankReviewDialog
from diva_desk.ui.common import dialogs, errors
from diva_desk.ui.common.tasks import TaskRunner

from ..conftest import TODAY
from .plans import small_look


@pytest.fixture
def dialog(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> BankReviewDialog:
    shown = BankReviewDialog(small_look(), TaskRunner())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def answer_assign(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[AssignDialog], None]
) -> list[AssignDialog]:
    """The Assign dialog, filled in by ``fill`` as a person would, then Assign pressed."""
    opened: list[AssignDialog] = []

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, AssignDialog)
        opened.append(dialog)
        fill(dialog)
        if not dialog.ok.isEnabled():
            return QDialog.DialogCode.Rejected
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialogs, "exec_dialog", run)
    return opened


def next_by_tab(widget: QWidget) -> QWidget:
    """The widget Tab goes to from ``widget``."""
    following = widget.nextInFocusChain()
    while not following.focusPolicy() & Qt.FocusPolicy.TabFocus or not following.isEnabled():
        following = following.nextInFocusChain()
    return following


def payments_in_book() -> int:
    return m.Payment.select().count()


def test_matched_lines_come_ticked_and_the_counts_are_said(dialog: BankReviewDialog) -> None:
    assert dialog.matched.rowCount() == 1
    row = [dialog.matched.index(0, c).data() for c in range(6)]
    assert row == [
        "Nov 20, 2026",
        "$1,000.00",
        "INTERAC E-TRF ACME LTD INV-1001",
        "INV-1001",
        "Acme Ltd.",
        "Invoice number",
    ]
    assert dialog.matched.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.review.index(0, 4).data() == "INV-1002, INV-1003"
    assert dialog.review.index(0, 3).data() == "No invoice number or customer name found."
    assert dialog.review.index(0, 5).data() == "Not recorded"
    assert "1 debits ignored" not in dialog.summary.text()
    assert "2 debits ignored" in dialog.summary.text()
    assert "1 line imported before, left out" in dialog.summary.text()
    assert dialog.record_button.text() == "&Record 1 payment"
    assert dialog.record_button.isDefault() and dialog.record_button.isEnabled()


def test_space_unticks_a_matched_line(dialog: BankReviewDialog, qtbot: QtBot) -> None:
    dialog.matched_table.setFocus()
    qtbot.keyClick(dialog.matched_table, Qt.Key.Key_Space)
    assert dialog.chosen() == (frozenset({"T1"}), {})
    assert dialog.record_button.text() == "&Record 0 payments"
    assert not dialog.record_button.isEnabled()
    qtbot.keyClick(dialog.matched_table, Qt.Key.Key_Space)
    assert dialog.chosen() == (frozenset(), {})


def test_one_cheque_paying_two_invoices_by_keyboard(
    dialog: BankReviewDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(assign: AssignDialog) -> None:
        # The likeliest invoice comes chosen, with what fits: its whole balance.
        assert assign.rows[0].number() == "INV-1002"
        assert assign.rows[0].amount.text() == "$900.00"
        assert "The other $250.00 is not recorded." in assign.status.text()
        qtbot.mouseClick(assign.add_button, Qt.MouseButton.LeftButton)
        second = assign.rows[1]
        # Tab goes down the rows: the new row comes before Add an invoice.
        assert next_by_tab(assign.rows[0].remove) is second.invoice
        assert next_by_tab(second.remove) is assign.add_button
        second.invoice.setCurrentIndex(second.invoice.findData("INV-1003"))
        assert second.amount.text() == "$250.00"  # what is left of the credit, and of it
        assert assign.status.text() == "$1,150.00 of the $1,150.00 received goes to these invoices."

    opened = answer_assign(monkeypatch, fill)
    dialog.review_table.setFocus()
    qtbot.keyClick(dialog.review_table, Qt.Key.Key_Return)
    assert len(opened) == 1
    assert dialog.chosen()[1] == {
        "T2": (
            Allocation("INV-1002", "BETA", Decimal("900.00")),
            Allocation("INV-1003", "GAMMA", Decimal("250.00")),
        )
    }
    assert dialog.review.index(0, 5).data() == (
        "INV-1002 ($900.00), INV-1003 ($250.00) for Beta Bakery, Gamma Garage"
    )
    assert dialog.record_button.text() == "&Record 3 payments"
    # Delete gives the line back: not recorded.
    qtbot.keyClick(dialog.review_table, Qt.Key.Key_Delete)
    assert dialog.chosen()[1] == {}


def test_an_amount_over_the_balance_or_the_credit_is_said_before_assign(
    dialog: BankReviewDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []

    def fill(assign: AssignDialog) -> None:
        assign.rows[0].amount.setText("950.00")
        said.append(assign.status.text())
        assert not assign.ok.isEnabled()
        assign.rows[0].amount.setText("900.00")
        second = assign.add_row("INV-1003")
        second.amount.setText("250.01")
        said.append(assign.status.text())
        assign.add_row("INV-1001").amount.setText("1.00")
        second.amount.setText("250.00")
        said.append(assign.status.text())
        assert not assign.ok.isEnabled()

    answer_assign(monkeypatch, fill)
    dialog.assign()
    assert said == [
        "INV-1002 has $900.00 left to pay: $950.00 is more.",
        "INV-1003 has $250.00 left to pay: $250.01 is more.",
        # INV-1001 has 1,000.00 left, but the matched line above already pays all of it.
        "INV-1001 has $0.00 left to pay: $1.00 is more.",
    ]
    assert dialog.chosen()[1] == {}


def test_the_credit_is_the_limit_of_what_a_line_pays(
    dialog: BankReviewDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClick(dialog.matched_table, Qt.Key.Key_Space)  # INV-1001 is free again
    said: list[str] = []

    def fill(assign: AssignDialog) -> None:
        assign.add_row("INV-1001").amount.setText("300.00")
        said.append(assign.status.text())

    answer_assign(monkeypatch, fill)
    dialog.assign()
    assert said == ["The amounts add up to $1,200.00, more than the $1,150.00 received."]


def test_ticking_a_line_again_that_overpays_an_invoice_stops_record(
    dialog: BankReviewDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClick(dialog.matched_table, Qt.Key.Key_Space)

    def fill(assign: AssignDialog) -> None:
        assign.rows[0].invoice.setCurrentIndex(assign.rows[0].invoice.findData("INV-1001"))
        assign.rows[0].amount.setText("1,000.00")

    answer_assign(monkeypatch, fill)
    dialog.assign()
    assert dialog.record_button.isEnabled()
    qtbot.keyClick(dialog.matched_table, Qt.Key.Key_Space)  # ticked again: 2,000.00 on it
    assert not dialog.record_button.isEnabled()
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == (
        "INV-1001 would get $2,000.00 from this statement, more than the $1,000.00 left on "
        "it: untick a line or change an assignment."
    )


def test_nothing_is_written_before_record_and_cancel_writes_nothing(
    dialog: BankReviewDialog, qtbot: QtBot
) -> None:
    before = payments_in_book()
    qtbot.keyClick(dialog.matched_table, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.matched_table, Qt.Key.Key_Space)
    dialog.reject()
    assert payments_in_book() == before


def test_record_writes_the_chosen_lines_on_the_worker(
    dialog: BankReviewDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = payments_in_book()
    answer_assign(monkeypatch, lambda assign: None)  # INV-1002, 900.00: as it comes
    dialog.assign()
    with qtbot.waitSignal(dialog.recorded, timeout=10000) as recorded:
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert recorded.args == [2, 2]
    assert payments_in_book() == before + 2
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_book_changed_meanwhile_is_said_and_nothing_is_written(
    dialog: BankReviewDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _parent, text, **_kw: shown.append(text))
    # INV-1001 is paid by hand while the review is open: the match no longer holds.
    invoice = m.Invoice.get(m.Invoice.number == "INV-1001")
    record_payment(invoice.id, TODAY, Decimal("1000.00"), r.PaymentMethod.CASH, today=TODAY)
    before = payments_in_book()
    with qtbot.waitSignal(dialog._tasks.task_finished, timeout=10000):
        dialog.record()
    assert len(shown) == 1 and "INV-1001" in shown[0] and "\n" not in shown[0]
    assert payments_in_book() == before
    assert m.BankTransaction.select().count() == 0
    assert dialog.isVisible() and dialog.record_button.isEnabled()  # the owner may untick it
