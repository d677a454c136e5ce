"""Settings > Tax rates: a registration number per tax, and groups of rates picked as one."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QMessageBox
from pytestqt.qtbot import QtBot

from diva_desk.store.book.business import get_business, save_business
from diva_desk.store.book.tax_groups import tax_groups
from diva_desk.store.book.tax_rates import TaxRateRow
from diva_desk.ui.common.dialogs import FormDialog
from diva_desk.ui.settings.business_settings import BusinessSettingsDialog


@pytest.fixture
def book(small_book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    """The small book with its counter past the numbers it used, so the profile saves."""
    business = get_business()
    assert business is not None
    save_business(dataclasses.replace(business, next_invoice_number=1006))
    return small_book


@pytest.fixture(autouse=True)
def discard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)


def open_tax_tab(qtbot: QtBot) -> BusinessSettingsDialog:
    dialog = BusinessSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Tax &rates
    assert dialog.tabs.currentWidget() is dialog.tax_tab
    return dialog


def test_each_tax_gets_its_number_and_an_added_tax_its_field_at_once(
    qtbot: QtBot, book: peewee.SqliteDatabase
) -> None:
    dialog = open_tax_tab(qtbot)
    fields = dialog.numbers.fields
    assert list(fields)[:3] == ["HST", "GST", "QST"]  # the rates' names, in their order
    qtbot.keyClicks(fields["GST"], " 812345678 RT0001 ")
    qtbot.keyClicks(fields["QST"], "1223456789 TQ0001")
    # A rate typed on the same tab gets its number field without saving first.
    dialog.tax_page.model.insert(0)
    dialog.tax_page.model.setData(dialog.tax_page.model.index(0, 0), "VAT")
    dialog.tax_page.model.setData(dialog.tax_page.model.index(0, 1), "20")
    assert "VAT" in dialog.numbers.fields
    assert dialog.numbers.fields["GST"].text() == " 812345678 RT0001 "  # kept as typed
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    business = get_business()
    assert business is not None
    assert [(r.tax, r.number) for r in business.tax_registrations] == [
        ("GST", "812345678 RT0001"),
        ("QST", "1223456789 TQ0001"),
    ]

    again = open_tax_tab(qtbot)
    assert again.numbers.fields["QST"].text() == "1223456789 TQ0001"
    assert not again.is_dirty()


def test_a_group_is_made_from_the_rates_ticked_in_order(
    qtbot: QtBot, book: peewee.SqliteDatabase
) -> None:
    dialog = open_tax_tab(qtbot)
    before = len(tax_groups())

    def fill() -> None:
        form = QApplication.activeModalWidget()
        if not isinstance(form, FormDialog):  # the mnemonic clicks a moment later
            QTimer.singleShot(10, fill)
            return
        name = form.findChild(QLineEdit, "groupName")
        rates = form.findChild(QListWidget, "groupRates")
        assert name is not None and rates is not None
        labels = [rates.item(i).text() for i in range(rates.count())]
        # One rate alone is no group: refused inside the dialog, which stays open.
        name.setText("HST + PST")
        rates.item(labels.index("HST 13%")).setCheckState(Qt.CheckState.Checked)
        form.ok.click()
        assert form.isVisible() and "at least two taxes" in form.problem.text()
        rates.item(labels.index("PST 7%")).setCheckState(Qt.CheckState.Checked)
        form.ok.click()

    QTimer.singleShot(0, fill)
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Ma&ke group…
    qtbot.waitUntil(lambda: dialog.groups.list.count() == before + 1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    made = tax_groups()[-1]
    assert (made.name, made.rates) == (
        "HST + PST",
        (TaxRateRow("HST", Decimal(13)), TaxRateRow("PST", Decimal(7))),
    )
