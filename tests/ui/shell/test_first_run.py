"""The first-run dialog on a new, empty book."""

from __future__ import annotations

import peewee
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from diva_desk.store.book.business import get_business, has_customers
from diva_desk.ui.shell.first_run import FirstRunDialog, demo_business_name

from ..conftest import TODAY


def open_dialog(qtbot: QtBot) -> FirstRunDialog:
    dialog = FirstRunDialog(today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_empty_name_is_refused_with_a_message_beside_the_field(
    qtbot: QtBot, book: peewee.SqliteDatabase
) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.name, "   ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.name_error.isVisible()
    assert dialog.name_error.text() == "Enter the name of your business."
    assert get_business() is None
    # Typing a name takes the message away.
    qtbot.keyClicks(dialog.name, "Bright Spark")
    assert not dialog.name_error.isVisible()


def test_valid_input_creates_the_business(qtbot: QtBot, book: peewee.SqliteDatabase) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.name, "  Bright Spark Electrical ")
    qtbot.keyClicks(dialog.owner, "Sam Rivera")
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
    dialog.locale.setCurrentIndex(dialog.locale.findData("fr_CA"))
    dialog.terms.setValue(14)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    business = get_business()
    assert business is not None
    assert business.name == "Bright Spark Electrical"
    assert business.owner_name == "Sam Rivera"
    assert business.currency == "USD"
    assert business.locale == "fr_CA"
    assert business.default_terms_days == 14
    assert not has_customers()


def test_choices_are_named_for_people(qtbot: QtBot, book: peewee.SqliteDatabase) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.currency.itemText(dialog.currency.findData("CAD")) == "Canadian Dollar (CAD)"
    assert dialog.locale.itemText(dialog.locale.findData("en_CA")) == "English (Canada)"
    assert dialog.locale.itemText(dialog.locale.findData("fr_CA")) == "Français (Canada)"
    assert dialog.terms.value() == 30
    assert (dialog.terms.minimum(), dialog.terms.maximum()) == (0, 365)


def test_cancel_writes_nothing(qtbot: QtBot, book: peewee.SqliteDatabase) -> None:
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.name, "Bright Spark")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert get_business() is None


def test_demo_book_brings_its_own_business(qtbot: QtBot, book: peewee.SqliteDatabase) -> None:
    dialog = open_dialog(qtbot)
    assert "uses its own" in dialog.demo_note.text()
    dialog.demo.setChecked(True)
    assert dialog.name.isEnabled()  # a name may still be typed; none is needed
    assert not dialog.currency.isEnabled()  # the demo's invoices are in its currency
    assert demo_business_name() in dialog.name.placeholderText()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # Written on the worker: the dialog waits, greyed, and closes once it is in.
    assert not dialog.isEnabled()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20000)
    business = get_business()
    assert business is not None and business.name == demo_business_name()
    assert has_customers()


def test_ticking_the_demo_keeps_the_name_already_typed(
    qtbot: QtBot, book: peewee.SqliteDatabase
) -> None:
    """The walkthrough: the name typed before ticking the demo was silently thrown away."""
    dialog = open_dialog(qtbot)
    qtbot.keyClicks(dialog.name, "Bright Spark Electrical")
    qtbot.keyClicks(dialog.owner, "Sam Rivera")
    dialog.demo.setChecked(True)
    assert dialog.name.text() == "Bright Spark Electrical"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20000)
    business = get_business()
    assert business is not None
    assert (business.name, business.owner_name) == ("Bright Spark Electrical", "Sam Rivera")
    assert has_customers()
    # Unticked again, the form is the owner's own as before.
    dialog.demo.setChecked(False)
    assert dialog.currency.isEnabled()


def test_no_demo_data_into_a_book_that_holds_customers(
    qtbot: QtBot, book: peewee.SqliteDatabase
) -> None:
    from diva_desk.core.records import BookContents, Customer
    from diva_desk.store.contents.writing import add_contents

    add_contents(BookContents(customers=(Customer(code="ACME", name="Acme Ltd."),)))
    dialog = open_dialog(qtbot)
    assert not dialog.demo.isEnabled()
