"""Settings › Business profile: the pay link, checked as it is typed, with a sample link."""

from __future__ import annotations

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.store.book.business import get_business
from diva_desk.ui.settings.business_settings import BusinessSettingsDialog


@pytest.fixture(autouse=True)
def discard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answers "Discard?" (a test left with changes never hangs on it)."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)


def open_dialog(qtbot: QtBot) -> BusinessSettingsDialog:
    dialog = BusinessSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_the_template_shows_a_sample_link_or_what_is_wrong_and_is_saved(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    m.Business.update(next_invoice_number=1006).execute()  # past the book's INV-1005
    dialog = open_dialog(qtbot)
    field = dialog.editors["payment_link"]
    assert isinstance(field, QLineEdit)
    error = dialog.errors["payment_link"]
    assert dialog.link_hint.text() == "No pay link: invoices print the payment instructions only."

    qtbot.keyClick(dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # Pay link (&QR code)
    assert dialog.focusWidget() is field
    qtbot.keyClicks(field, "pay.example/{invoice}")
    assert error.isVisible() and not dialog.link_hint.isVisible()
    assert error.text() == (
        "Pay link: {invoice} is not a placeholder; use {number}, {amount} or {currency}."
    )
    dialog.save_button.click()
    assert dialog.isVisible() and get_business().payment_link == ""  # type: ignore[union-attr]

    field.selectAll()
    qtbot.keyClicks(field, "pay.example/{number}")
    assert error.text().startswith("Pay link: start the address with https://")
    field.selectAll()
    qtbot.keyClicks(field, "https://paypal.me/spark/{amount}{currency}?ref={number}")
    assert not error.isVisible()
    # The sample: the next invoice number and 1,234.50 in the business's currency.
    assert dialog.link_hint.text() == (
        "For invoice INV-1006: https://paypal.me/spark/1234.50CAD?ref=INV-1006"
    )
    dialog.save_button.click()
    assert not dialog.isVisible()
    business = get_business()
    assert business is not None
    assert business.payment_link == "https://paypal.me/spark/{amount}{currency}?ref={number}"
