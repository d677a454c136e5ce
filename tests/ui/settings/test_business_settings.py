"""Settings > Business profile and taxes, driven the way the owner would."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import peewee
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from diva_desk.documents.invoice import invoice_pdf
from diva_desk.i18n import current_locale
from diva_desk.i18n import format as fmt
from diva_desk.store.book.business import get_business, get_logo, save_business
from diva_desk.store.book.tax_rates import TaxRateRow, tax_rates
from diva_desk.store.invoices.documents import invoice_document
from diva_desk.ui.invoices.editor.invoice_editor import InvoiceEditor
from diva_desk.ui.invoices.editor.invoice_lines_model import LineColumn
from diva_desk.ui.settings.business_settings import BusinessSettingsDialog
from diva_desk.ui.settings.taxes.tax_rates_page import NAME, RATE
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle

#: The logo's colour, found in the rendered invoice only when the logo is printed.
LOGO_COLOUR = QColor("#c2185b")


@pytest.fixture(autouse=True)
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers "Discard?" for the owner (so a test left with changes never hangs on it)."""
    questions: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        questions.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    return questions


@pytest.fixture
def counted_book(small_book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    """The small book with its counter past INV-1005, the highest number it used."""
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


def retype(qtbot: QtBot, field: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Click into the field, select everything, type over it."""
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def save(qtbot: QtBot, dialog: BusinessSettingsDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_next_number_below_one_used_is_refused_beside_the_field(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    dialog = open_dialog(qtbot)
    number = dialog.editors["next_invoice_number"]
    error = dialog.errors["next_invoice_number"]
    assert isinstance(number, QLineEdit)
    # The imported book's counter (1) is already behind INV-1005: said at once.
    assert error.isVisible()

    retype(qtbot, number, "1004")
    assert error.isVisible()
    assert error.text() == (
        "Next invoice number: INV-1005 is already on an invoice, so the next one must be "
        "1006 or more."
    )
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert get_business().next_invoice_number == 1  # type: ignore[union-attr]

    retype(qtbot, number, "1010")
    assert not error.isVisible()
    assert dialog.number_hint.text() == "The next invoice you send will be INV-1010."
    retype(qtbot, dialog.editors["name"], "Bright Spark Electrical Ltd.")  # type: ignore[arg-type]
    tax_numbers = dialog.editors["tax_numbers"]
    assert isinstance(tax_numbers, QPlainTextEdit)
    retype(qtbot, tax_numbers, "GST/HST 123456789 RT0001")
    save(qtbot, dialog)

    assert not dialog.isVisible()
    business = get_business()
    assert business is not None
    assert business.name == "Bright Spark Electrical Ltd."
    assert business.tax_numbers == "GST/HST 123456789 RT0001"
    assert business.next_invoice_number == 1010
    assert business.owner_name == "Sam Rivera"  # what was not touched stays


def test_problems_show_beside_their_fields_and_go_as_they_are_fixed(
    qtbot: QtBot, counted_book: peewee.SqliteDatabase
) -> None:
    dialog = open_dialog(qtbot)
    retype(qtbot, dialog.editors["name"], " ")  # type: ignore[arg-type]
    retype(qtbot, dialog.editors["email"], "sam at brightspark")  # type: ignore[arg-type]
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["name"].isVisible()
    assert dialog.errors["email"].text() == "Email: enter an address like name@example.com."
    assert QApplication.focusWidget() is dialog.editors["name"]

    retype(qtbot, dialog.editors["name"], "Bright Spark")  # type: ignore[arg-type]
    assert not dialog.errors["name"].isVisible()
    assert dialog.errors["email"].isVisible()


def make_logo(path: Path, size: tuple[int, int] = (600, 200)) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(LOGO_COLOUR)
    assert image.save(str(path), "PNG")
    return path


def images_on_first_page(pdf: bytes) -> int:
    resources = PdfReader(BytesIO(pdf)).pages[0]["/Resources"]
    objects = resources.get("/XObject", {})
    return sum(1 for ref in objects.values() if ref.get_object()["/Subtype"] == "/Image")


def logo_colour_in(png: Path) -> bool:
    """Whether the rendered page has the logo's colour in its top-left quarter."""
    image = QImage(str(png))
    assert not image.isNull()
    for y in range(0, image.height() // 4, 2):
        for x in range(0, image.width() // 2, 2):
            pixel = image.pixelColor(x, y)
            if all(
                abs(a - b) < 12
                for a, b in zip(pixel.getRgb()[:3], LOGO_COLOUR.getRgb()[:3], strict=True)
            ):
                return True
    return False


def render(pdf: bytes, folder: Path, name: str) -> Path:
    source = folder / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            source,
            folder / name,
        ],
        check=True,
    )
    return folder / f"{name}.png"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_a_chosen_logo_is_previewed_saved_and_printed_on_the_invoice(
    qtbot: QtBot,
    counted_book: peewee.SqliteDatabase,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = invoice_pdf(invoice_document("INV-1001", TODAY))
    assert images_on_first_page(before) == 0
    assert not logo_colour_in(render(before, tmp_path, "before"))

    logo = make_logo(tmp_path / "logo.png")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(logo), ""))
    dialog = open_dialog(qtbot)
    assert dialog.logo_box.preview.text() == "No logo"
    assert not dialog.logo_box.remove_button.isEnabled()
    qtbot.mouseClick(dialog.logo_box.choose_button, Qt.MouseButton.LeftButton)
    preview = dialog.logo_box.preview.pixmap()
    assert not preview.isNull()
    assert (preview.width(), preview.height()) == (260, 86)  # scaled to fit, not stretched
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert get_logo() == logo.read_bytes()

    after = invoice_pdf(invoice_document("INV-1001", TODAY))
    assert images_on_first_page(after) == 1
    page = render(after, tmp_path, "after")
    assert logo_colour_in(page)

    dialog = open_dialog(qtbot)
    qtbot.mouseClick(dialog.logo_box.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.logo_box.preview.text() == "No logo"
    save(qtbot, dialog)
    assert get_logo() is None
    assert images_on_first_page(invoice_pdf(invoice_document("INV-1001", TODAY))) == 0


def test_a_logo_too_big_or_unreadable_is_refused_with_a_reason(
    qtbot: QtBot, counted_book: peewee.SqliteDatabase, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot)
    box = dialog.logo_box
    big = tmp_path / "photo.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(3 * 1024 * 1024))
    assert not box.load_file(big)
    assert box.message.isVisible()
    assert box.message.text() == "photo.png: This image is 3 MB; choose one of at most 2 MB."
    broken = tmp_path / "logo.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n but the rest is not an image")
    assert not box.load_file(broken)
    assert "not an image Diva Desk can read" in box.message.text()
    text = tmp_path / "logo.jpg"
    text.write_text("hello")
    assert not box.load_file(text)
    assert "not a PNG or JPEG image" in box.message.text()
    assert box.logo is None
    assert not dialog.is_dirty()

    assert box.load_file(make_logo(tmp_path / "fine.png"))
    assert not box.message.isVisible()


def type_cell(
    qtbot: QtBot, dialog: BusinessSettingsDialog, row: int, column: int, text: str
) -> None:
    """Go to the cell, type (the first key opens its editor), Enter."""
    table = dialog.tax_page.table
    table.setFocus()
    table.setCurrentIndex(dialog.tax_page.model.index(row, column))
    qtbot.keyClicks(table, text[0])
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def test_a_new_tax_rate_is_offered_in_the_invoice_editor(
    qtbot: QtBot, counted_book: peewee.SqliteDatabase
) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Tax &rates
    page = dialog.tax_page
    assert dialog.tabs.currentWidget() is dialog.tax_tab
    labels = [rate.label for rate in tax_rates()]
    assert "PST 8%" not in labels
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)  # below the current: row 2
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClicks(QApplication.focusWidget(), "PST")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    type_cell(qtbot, dialog, 1, RATE, "8")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    pst = TaxRateRow("PST", Decimal(8)).label
    assert [rate.label for rate in tax_rates()] == [labels[0], pst, *labels[1:]]

    editor = InvoiceEditor(today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    table = editor.form.table
    index = editor.form.lines.index(0, LineColumn.TAX)
    table.setCurrentIndex(index)
    table.edit(index)
    picker = editor.findChild(QComboBox, "taxPicker")
    assert picker is not None
    offered = [picker.itemText(i) for i in range(picker.count())]
    assert offered[:2] == [labels[0], pst]


def test_bad_tax_rates_are_named_by_row_and_order_is_kept(
    qtbot: QtBot, counted_book: peewee.SqliteDatabase
) -> None:
    dialog = open_dialog(qtbot)
    dialog.tabs.setCurrentWidget(dialog.tax_tab)
    page = dialog.tax_page
    rows = len(page.model.rows)
    page.table.setCurrentIndex(page.model.index(rows - 1, NAME))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClicks(QApplication.focusWidget(), "GST")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    type_cell(qtbot, dialog, rows, RATE, "5,12345")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert page.problems.text() == f"Row {rows + 1}: a rate has at most 4 decimals, e.g. 9.975."
    type_cell(qtbot, dialog, rows, RATE, "5")
    assert page.problems.text() == f"Row {rows + 1}: the same tax and rate as row 2."
    type_cell(qtbot, dialog, rows, RATE, "5.5")
    assert not page.problems.isVisible()

    page.table.setCurrentIndex(page.model.index(2, NAME))  # QST
    for above in (1, 0):  # Move &up, twice (a mnemonic "clicks" the button a moment later)
        qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda above=above: page.model.rows[above] == ["QST", "9.975"])
    assert page.current_row() == 0
    assert not page.up_button.isEnabled()
    save(qtbot, dialog)
    assert not dialog.isVisible()
    saved = [rate.label for rate in tax_rates()]
    assert saved[0] == TaxRateRow("QST", Decimal("9.975")).label
    assert saved[-1] == TaxRateRow("GST", Decimal("5.5")).label


def test_closing_with_changes_asks_first(
    qtbot: QtBot, counted_book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_a: object) -> object:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = open_dialog(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes without asking
    assert not dialog.isVisible() and not asked

    dialog = open_dialog(qtbot)
    retype(qtbot, dialog.editors["owner_name"], "Alex Rivera")  # type: ignore[arg-type]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(asked) == 1  # Cancel: keep editing
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(asked) == 2  # Discard
    assert get_business().owner_name == "Sam Rivera"  # type: ignore[union-attr]


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text)
    return found.group(1).casefold() if found else None


def test_every_field_and_button_has_its_own_key(
    qtbot: QtBot, counted_book: peewee.SqliteDatabase
) -> None:
    dialog = open_dialog(qtbot)
    keys: list[str] = []
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            keys.append(mnemonic(widget.text()) or f"(none: {widget.text()})")
        elif isinstance(widget, QAbstractButton) and mnemonic(widget.text()):
            keys.append(mnemonic(widget.text()) or "")
    keys += [mnemonic(dialog.tabs.tabText(i)) or "" for i in range(dialog.tabs.count())]
    assert len(keys) == len(set(keys)), sorted(keys)
    assert len(dialog.editors) == 13  # the pay link is the 13th
    assert all(k.isalpha() for k in keys)


def test_a_new_locale_and_name_show_in_the_window_once_saved(
    qtbot: QtBot, counted_book: peewee.SqliteDatabase
) -> None:
    window = MainWindow(today=lambda: TODAY)
    settle(qtbot, window)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "Diva Desk — Bright Spark Electrical"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BusinessSettingsDialog)
        retype(qtbot, dialog.editors["name"], "Étincelle Électrique")  # type: ignore[arg-type]
        locale = dialog.editors["locale"]
        assert isinstance(locale, QComboBox)
        locale.setCurrentIndex(locale.findData("fr_CA"))
        save(qtbot, dialog)

    QTimer.singleShot(0, answer)
    window.business_settings_action.trigger()

    assert current_locale() == "fr_CA"
    assert window.windowTitle() == "Diva Desk — Étincelle Électrique"
    # ACME 1000.00 + BETA 900.00 + GAMMA 250.00 owed, now in French Canadian format.
    owed = fmt.money(Decimal("2150.00"), "CAD", "fr_CA")
    settle(qtbot, window)
    assert owed in window.owed_label.text()
    assert get_business().locale == "fr_CA"  # type: ignore[union-attr]
