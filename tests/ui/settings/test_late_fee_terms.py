"""Late-interest terms typed in the window: the business's on Settings › Terms, a customer's
in their form (empty follows the business, 0 agreed none)."""

from __future__ import annotations

from decimal import Decimal as D

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.ui.customers.customer_form import CustomerDialog
from diva_desk.ui.settings.call_settings import CallSettingsDialog

from ..conftest import TODAY


def retype(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, text)


@pytest.fixture
def settings(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> CallSettingsDialog:
    dialog = CallSettingsDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.terms)
    return dialog


def test_the_business_rate_and_grace_days_are_checked_and_saved(
    settings: CallSettingsDialog, qtbot: QtBot
):
    box = settings.terms.late_fees
    assert (box.rate.text(), box.grace.text()) == ("0", "0")
    retype(qtbot, box.rate, "6")
    settings.save_button.click()
    assert box.problem.isVisibleTo(settings)
    assert "from 0 to 5" in box.problem.text()
    assert m.Business.get().late_fee_percent_per_month == D(0)  # nothing kept

    retype(qtbot, box.rate, "1,5 %")
    retype(qtbot, box.grace, "10")
    assert box.preview.text() == (
        "Invoices and statements will say: “Interest on overdue balances: 1.5% a month "
        "(18% a year).” An invoice is charged once it is 10 days late, for every day since "
        "it was due."
    )
    settings.save_button.click()
    business = m.Business.get()
    assert (business.late_fee_percent_per_month, business.late_fee_grace_days) == (D("1.5"), 10)
    assert not settings.terms.is_dirty()


def test_grace_days_must_be_a_whole_number(settings: CallSettingsDialog, qtbot: QtBot):
    box = settings.terms.late_fees
    retype(qtbot, box.grace, "-3")
    settings.save_button.click()
    assert box.problem.text().startswith("Grace days:")
    assert m.Business.get().late_fee_grace_days == 0
    retype(qtbot, box.grace, "0")  # nothing left unsaved to ask about when the test closes


def _customer(qtbot: QtBot, code: str) -> CustomerDialog:
    dialog = CustomerDialog(m.Customer.get(m.Customer.code == code).id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_customer_rate_empty_follows_the_business_and_0_is_agreed_none(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
):
    m.Business.update(late_fee_percent_per_month=D(2)).execute()
    dialog = _customer(qtbot, "ACME")
    field = dialog.editors["late_fee_percent_per_month"]
    assert isinstance(field, QLineEdit)
    assert (field.text(), field.placeholderText()) == ("", "Your usual: 2% (0 for none)")
    retype(qtbot, field, "0")
    assert dialog.save()
    assert m.Customer.get(m.Customer.code == "ACME").late_fee_percent_per_month == D(0)

    dialog = _customer(qtbot, "ACME")
    field = dialog.editors["late_fee_percent_per_month"]
    assert isinstance(field, QLineEdit) and field.text() == "0"
    retype(qtbot, field, "9")
    assert not dialog.save()
    assert "from 0 to 5" in dialog.shown_problems()["late_fee_percent_per_month"]
    retype(qtbot, field, "")
    assert dialog.save()
    assert m.Customer.get(m.Customer.code == "ACME").late_fee_percent_per_month is None
