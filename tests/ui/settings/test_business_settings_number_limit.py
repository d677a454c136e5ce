"""Settings > Business refuses a next invoice number above the highest there is.

2^63 - 1 typed here was once saved, and then every send failed with OverflowError.
"""

from __future__ import annotations

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from diva_desk.core.business_rules import MAX_INVOICE_NUMBER
from diva_desk.i18n import format as fmt
from diva_desk.store.book.business import get_business
from diva_desk.ui.settings.business_settings import BusinessSettingsDialog


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answers "Discard?" for the owner, so the dialog left with changes never hangs."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)


@pytest.mark.parametrize("typed", [str(2**63 - 1), str(MAX_INVOICE_NUMBER + 1)])
def test_a_number_above_the_highest_is_refused_beside_the_field(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, typed: str
) -> None:
    dialog = BusinessSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    number = dialog.editors["next_invoice_number"]
    error = dialog.errors["next_invoice_number"]
    assert isinstance(number, QLineEdit)
    before = get_business()

    number.setFocus()
    qtbot.keyClick(number, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(number, typed)
    assert error.isVisible()
    assert error.text() == (
        f"Next invoice number: enter a whole number from 1 to {fmt.number(MAX_INVOICE_NUMBER)}."
    )
    assert not dialog.number_hint.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert get_business() == before

    qtbot.keyClick(number, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(number, str(MAX_INVOICE_NUMBER))
    assert not error.isVisible()
    assert (
        dialog.number_hint.text() == f"The next invoice you send will be INV-{MAX_INVOICE_NUMBER}."
    )
