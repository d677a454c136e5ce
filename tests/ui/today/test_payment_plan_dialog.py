"""The payment plan dialog: an even split shown as a schedule, or amounts typed by hand.

Acme owes 1,000.00 on INV-1001 in the small book (conftest).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from diva_desk.core.calls.plans import Frequency
from diva_desk.i18n import _, set_language
from diva_desk.i18n import format as fmt
from diva_desk.store.book import models as m
from diva_desk.ui.today.payment_plan_dialog import PaymentPlanDialog

from ..conftest import TODAY


@pytest.fixture
def dialog(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> PaymentPlanDialog:
    acme = m.Customer.get(m.Customer.code == "ACME")
    invoice = m.Invoice.get(m.Invoice.number == "INV-1001")
    plan = PaymentPlanDialog(
        customer_id=acme.id,
        customer_name=acme.name,
        currency="CAD",
        invoices=[(invoice.id, invoice.number)],
        today=TODAY,
        on=dt.datetime(2026, 11, 23, 10, 0),
    )
    qtbot.addWidget(plan)
    plan.show()
    qtbot.waitExposed(plan)
    return plan


def schedule(dialog: PaymentPlanDialog) -> list[tuple[str, str]]:
    model = dialog.schedule.model()
    return [
        (model.index(row, 1).data(), model.index(row, 2).data()) for row in range(model.rowCount())
    ]


def type_in_cell(qtbot: QtBot, dialog: PaymentPlanDialog, row: int, text: str) -> None:
    """Select the amount cell and type over it, as a person would, then Enter."""
    view = dialog.schedule
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, 2))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The view commits the typed text on its next turn of the event loop.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_splits_the_balance_evenly_with_the_odd_cents_last(dialog: PaymentPlanDialog) -> None:
    assert dialog.intro.text() == "$1,000.00 to pay in installments."
    assert dialog.covers.currentText() == "INV-1001"
    dialog.count.setValue(3)
    dialog.first.setDate(QDate(2026, 12, 1))
    dialog.frequency.setCurrentIndex(dialog.frequency.findData(Frequency.MONTHLY))
    assert schedule(dialog) == [
        ("Tuesday, December 1, 2026", "$333.33"),
        ("Friday, January 1, 2027", "$333.33"),
        ("Monday, February 1, 2027", "$333.34"),
    ]
    assert dialog.total.text() == "Total $1,000.00 of $1,000.00"
    assert dialog.ok.isEnabled()
    dialog.frequency.setCurrentIndex(dialog.frequency.findData(Frequency.WEEKLY))
    assert [day for day, _amount in schedule(dialog)][1] == "Tuesday, December 8, 2026"


def test_saving_writes_the_plan_and_its_installments(
    dialog: PaymentPlanDialog, qtbot: QtBot
) -> None:
    dialog.count.setValue(2)
    dialog.first.setDate(QDate(2026, 12, 4))
    qtbot.keyClicks(dialog.notes, "Half now, half at Christmas")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted.value
    plan = m.PaymentPlan.get()
    rows = [
        (i.due_date, i.amount_minor) for i in plan.installments.order_by(m.Installment.position)
    ]
    assert rows == [(dt.date(2026, 12, 4), 50000), (dt.date(2026, 12, 18), 50000)]  # cents
    assert plan.invoice.number == "INV-1001"
    note = m.Interaction.get().notes
    assert note.endswith("Half now, half at Christmas")
    assert dialog.result_value is not None and dialog.result_value.plan_ids == (plan.id,)


def test_custom_amounts_must_add_up_to_the_balance(dialog: PaymentPlanDialog, qtbot: QtBot) -> None:
    dialog.count.setValue(2)
    qtbot.mouseClick(dialog.custom, Qt.MouseButton.LeftButton)
    assert not dialog.count.isEnabled()
    type_in_cell(qtbot, dialog, 0, "600")
    assert schedule(dialog)[0][1] == "$600.00"
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == (
        "The installments add up to $1,100.00, not the balance of $1,000.00."
    )
    assert not dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert m.PaymentPlan.select().count() == 0

    type_in_cell(qtbot, dialog, 1, "400")
    assert not dialog.problem.isVisible()
    assert dialog.ok.isEnabled()


def test_custom_rows_can_be_added_and_removed_and_bad_amounts_are_named(
    dialog: PaymentPlanDialog, qtbot: QtBot
) -> None:
    dialog.count.setValue(2)
    qtbot.mouseClick(dialog.custom, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert len(schedule(dialog)) == 3
    assert "add up to $1,000.00" not in dialog.problem.text()
    type_in_cell(qtbot, dialog, 2, "ten")
    assert dialog.problem.text().startswith('Installment 3: "ten" is not an amount; type it like')
    dialog.schedule.setCurrentIndex(dialog.schedule.model().index(2, 2))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert len(schedule(dialog)) == 2
    assert dialog.ok.isEnabled()


def test_the_whole_account_can_be_covered(dialog: PaymentPlanDialog) -> None:
    dialog.covers.setCurrentIndex(dialog.covers.findData(None))
    assert dialog.covers.currentText() == "Everything they owe"
    assert dialog.intro.text() == "$1,000.00 to pay in installments."


def test_amounts_are_read_as_the_window_shows_them_in_french(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    """fr_CA: the dialog shows "1 234,50 $" (no-break spaces), and takes it back typed."""
    set_language("fr_CA")
    acme = m.Customer.get(m.Customer.code == "ACME")
    invoice = m.Invoice.get(m.Invoice.number == "INV-1001")
    plan = PaymentPlanDialog(
        customer_id=acme.id,
        customer_name=acme.name,
        currency="CAD",
        invoices=[(invoice.id, invoice.number)],
        today=TODAY,
        on=dt.datetime(2026, 11, 23, 10, 0),
    )
    qtbot.addWidget(plan)
    plan.show()
    qtbot.waitExposed(plan)
    plan.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is plan)
    plan.count.setValue(2)
    qtbot.mouseClick(plan.custom, Qt.MouseButton.LeftButton)
    type_in_cell(qtbot, plan, 0, "600,25 $")
    type_in_cell(qtbot, plan, 1, "399,75\xa0$")
    assert schedule(plan)[0][1] == fmt.money(Decimal("600.25"), "CAD", "fr_CA")
    assert not plan.problem.isVisible()
    assert plan.ok.isEnabled()

    type_in_cell(qtbot, plan, 1, "1 234,50 $")  # a plain space, as a person types it
    shown = fmt.money(Decimal("1234.50"), "CAD", "fr_CA")
    assert schedule(plan)[1][1] == shown
    total = fmt.money(Decimal("1834.75"), "CAD", "fr_CA")
    assert total in plan.problem.text()  # read as 1,234.50: the sum is named, not refused

    type_in_cell(qtbot, plan, 1, shown)  # the dialog's own text, no-break spaces and all
    assert schedule(plan)[1][1] == shown

    type_in_cell(qtbot, plan, 1, "dix")
    # The window speaks French: the refusal names the installment as the catalog does.
    assert _("Installment {n}") != "Installment {n}"
    assert plan.problem.text().startswith(_("Installment {n}").format(n=2))
    assert "dix" in plan.problem.text()
    assert not plan.ok.isEnabled()
