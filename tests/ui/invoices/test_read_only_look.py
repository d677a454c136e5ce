"""A sent invoice's fields look read-only, in a light theme and a dark one."""

from __future__ import annotations

from collections.abc import Iterator

import peewee
import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor

from ..conftest import TODAY

DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#2b2c30",
    QPalette.ColorRole.AlternateBase: "#313236",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2f33",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.Midlight: "#3a3c40",
    QPalette.ColorRole.Mid: "#4a4d52",
}


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> Iterator[QPalette]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kept = QPalette(app.palette())
    palette = app.style().standardPalette()
    if request.param == "dark":
        palette = QPalette()
        for role, colour in DARK.items():
            palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    yield palette
    app.setPalette(kept)


def open_editor(qtbot: QtBot, number: str) -> InvoiceEditor:
    invoice_id = m.Invoice.get(m.Invoice.number == number).id
    editor = InvoiceEditor(today=TODAY, invoice_id=invoice_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def inside(widget: QWidget) -> QColor:
    """The colour a field is filled with, a little in from its left edge."""
    image = widget.grab().toImage()
    return image.pixelColor(6, image.height() // 2)


def test_a_sent_invoice_shows_its_fields_on_the_window_colour(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, theme: QPalette
) -> None:
    editor = open_editor(qtbot, "INV-1001")  # sent
    form = editor.form
    window = theme.color(QPalette.ColorRole.Window)
    base = theme.color(QPalette.ColorRole.Base)
    assert window != base
    for field in (form.po_number, form.notes, form.issue_date, form.due_date, form.customer_box):
        assert field.property("locked") is True, field.objectName()
        assert inside(field) == window, field.objectName()
    assert form.notes.placeholderText() == ""  # no invitation to type


def test_a_draft_keeps_its_fields_editable_looking(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, theme: QPalette
) -> None:
    draft = m.Invoice.get(m.Invoice.state == "draft").number
    editor = open_editor(qtbot, draft)
    form = editor.form
    window = theme.color(QPalette.ColorRole.Window)
    for field in (form.po_number, form.notes):
        assert not field.property("locked"), field.objectName()
        assert inside(field) != window, field.objectName()
