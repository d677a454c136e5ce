"""Windows and dialogs fit the screen they open on (the offscreen test screen is small)."""

from __future__ import annotations

import peewee
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.ui.common.layouts.screen_fit import FRAME_ALLOWANCE, fitted_size
from diva_desk.ui.documents.pdf_preview import PdfPreview, invoice_pdf_data
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor
from diva_desk.ui.settings.business_settings import BusinessSettingsDialog
from diva_desk.ui.settings.call_settings import CallSettingsDialog

from ..conftest import TODAY


def room() -> QRect:
    screen = QApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def assert_fits(qtbot: QtBot, dialog: QDialog, *buttons: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    free = room()
    assert dialog.height() <= free.height() - FRAME_ALLOWANCE[1]
    assert dialog.width() <= free.width() - FRAME_ALLOWANCE[0]
    for button in buttons:  # the buttons are inside the dialog, so on the screen
        corner = button.mapTo(dialog, QPoint(button.width(), button.height()))
        assert dialog.rect().contains(corner - QPoint(1, 1)), button.text()


def test_fitted_size_keeps_what_fits_and_shrinks_what_does_not(qtbot: QtBot) -> None:
    free = room()
    assert fitted_size(300, 200) == (300, 200)
    width, height = fitted_size(5000, 5000)
    assert (width, height) == (
        free.width() - FRAME_ALLOWANCE[0],
        free.height() - FRAME_ALLOWANCE[1],
    )


def test_the_pdf_preview_shows_its_buttons_on_a_small_screen(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    """It asked for 940 pixels: on a 768-pixel screen Save, Print and Close were off it."""
    assert room().height() < 940
    invoice = m.Invoice.select().where(m.Invoice.state == "sent").first()
    data, title, name = invoice_pdf_data(invoice.id, TODAY)
    preview = PdfPreview(data, title=title, file_name=name)
    assert_fits(qtbot, preview, preview.save_button, preview.print_button)


@pytest.mark.parametrize("which", ["editor", "call settings", "business"])
def test_big_dialogs_fit_the_screen(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if which == "editor":
        dialog: QDialog = InvoiceEditor(today=TODAY)
    elif which == "call settings":
        dialog = CallSettingsDialog(TODAY)
        assert_fits(qtbot, dialog, dialog.save_button, dialog.close_button)
        return
    else:
        dialog = BusinessSettingsDialog()
    assert_fits(qtbot, dialog)
