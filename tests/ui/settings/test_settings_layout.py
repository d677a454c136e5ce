"""Settings › Business profile: per-currency payment instructions, and a logo box whose
buttons never cover the preview."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import peewee
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from diva_desk.core.records import Customer
from diva_desk.store.book.business import get_business, save_business
from diva_desk.store.book.settings import (
    payment_instructions_by_currency,
    save_payment_instructions_by_currency,
)
from diva_desk.store.customers.listing import create_customer
from diva_desk.ui.settings.business_settings import BusinessSettingsDialog

ACH = "ACH to account 123456789, routing 021000021"


@pytest.fixture(autouse=True)
def discard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)


@pytest.fixture
def counted_book(small_book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    """The small book with its counter past INV-1005, so the profile saves as it is."""
    business = get_business()
    assert business is not None
    save_business(dataclasses.replace(business, next_invoice_number=1006))
    return small_book


def open_dialog(qtbot: QtBot) -> BusinessSettingsDialog:
    dialog = BusinessSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def rect_in(dialog: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())


def test_a_usd_customer_s_currency_comes_first_and_its_text_is_saved(
    qtbot: QtBot, counted_book: peewee.SqliteDatabase
) -> None:
    create_customer(Customer(code="SEA", name="Rainier Coffee Co.", currency="USD"))
    dialog = open_dialog(qtbot)
    box = dialog.by_currency
    assert box.code() == "USD"  # the book's other currency, offered first
    assert box.currency.findData("EUR") >= 0  # others can be added
    # Alt+F reaches the list, Tab the text for the currency chosen.
    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(box.currency.hasFocus)
    qtbot.keyClick(box.currency, Qt.Key.Key_Tab)
    qtbot.waitUntil(box.text.hasFocus)
    qtbot.keyClicks(box.text, ACH)
    assert dialog.is_dirty()
    assert "own instructions" in box.currency.currentText()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert payment_instructions_by_currency() == {"USD": ACH}


def test_the_saved_text_shows_again_and_emptying_it_removes_it(
    qtbot: QtBot, counted_book: peewee.SqliteDatabase
) -> None:
    save_payment_instructions_by_currency({"EUR": "SEPA to DE89 3704 0044 0532 0130 00"})
    dialog = open_dialog(qtbot)
    box = dialog.by_currency
    box.currency.setCurrentIndex(box.currency.findData("EUR"))
    assert box.text.toPlainText() == "SEPA to DE89 3704 0044 0532 0130 00"
    assert not dialog.is_dirty()
    box.text.clear()
    assert dialog.is_dirty()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert payment_instructions_by_currency() == {}


@pytest.fixture
def desktop_font() -> Iterator[None]:
    """A desktop's font size (the offscreen platform's default is smaller)."""
    before = QApplication.font()
    QApplication.setFont(QFont("DejaVu Sans", 10))
    yield
    QApplication.setFont(before)


@pytest.mark.parametrize("width", [940, 1280])
def test_the_logo_buttons_sit_clear_of_the_preview(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, desktop_font: None, width: int
) -> None:
    dialog = open_dialog(qtbot)
    dialog.resize(width, dialog.height())
    qtbot.waitUntil(lambda: dialog.width() == width)
    logo = dialog.logo_box
    preview = rect_in(dialog, logo.preview)
    for button in (logo.choose_button, logo.remove_button):
        assert not rect_in(dialog, button).intersects(preview), button.text()
        assert button.width() >= button.sizeHint().width()
