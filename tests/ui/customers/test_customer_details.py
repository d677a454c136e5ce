"""The customer editor and list in the details a person trips over: phone formats, a
language outside the short list, access keys, the deposit the business suggests, the
status line after saving, and the shape of a customer code."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from diva_desk.store.book import models as m
from diva_desk.store.book.settings import suggested_deposit_percent
from diva_desk.ui.customers.customer_form import CustomerDialog
from diva_desk.ui.customers.customers_tab import CustomersTab
from diva_desk.ui.settings.call_settings import CallSettingsDialog

from ..conftest import TODAY
from ..invoice_helpers import choose_customer, dialogs
from ..invoices.test_invoice_editor import open_editor, write_beta_invoice

__all__ = ["dialogs"]  # answers the invoice editor's questions when a test ends


def customer_id(code: str) -> int:
    return m.Customer.get(m.Customer.code == code).id


@pytest.fixture
def tab(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> CustomersTab:
    # Acme's phone is stored "416 555 0100" (conftest); Beta's the international way.
    m.Customer.update(phone="+1 647 555 0114").where(m.Customer.code == "BETA").execute()
    widget = CustomersTab()
    qtbot.addWidget(widget)
    widget.reload(TODAY)
    widget.show()
    return widget


def shown_codes(tab: CustomersTab, qtbot: QtBot, typed: str) -> list[str]:
    tab.search.clear()
    qtbot.keyClicks(tab.search, typed)
    return tab.shown_codes()


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("4165550100", "ACME"),
        ("416-555-0100", "ACME"),
        ("(416) 555-0100", "ACME"),
        ("416.555.0100", "ACME"),
        ("+1 416 555 0100", "ACME"),
        ("555 0100", "ACME"),
        ("6475550114", "BETA"),
        ("(647) 555-0114", "BETA"),
        ("+1-647-555-0114", "BETA"),
    ],
)
def test_phone_numbers_are_found_however_they_are_typed(
    tab: CustomersTab, qtbot: QtBot, typed: str, code: str
) -> None:
    assert shown_codes(tab, qtbot, typed) == [code]


def test_digits_match_phones_only_where_they_are_a_phone(tab: CustomersTab, qtbot: QtBot) -> None:
    assert shown_codes(tab, qtbot, "416-555-9999") == []
    # Words still narrow as before: a name and part of a number together.
    assert shown_codes(tab, qtbot, "acme 0100") == ["ACME"]
    assert shown_codes(tab, qtbot, "beta 0100") == []


def open_dialog(qtbot: QtBot, cid: int | None) -> CustomerDialog:
    dialog = CustomerDialog(cid)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_language_outside_the_list_is_kept(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    m.Customer.update(language="de_DE").where(m.Customer.code == "GAMMA").execute()
    dialog = open_dialog(qtbot, customer_id("GAMMA"))
    language = dialog.editors["language"]
    assert language.currentData() == "de_DE"
    assert language.currentText() == "Deutsch (Deutschland)"
    assert not dialog.is_dirty()  # nothing typed, nothing changed
    assert dialog.save()
    assert m.Customer.get(m.Customer.code == "GAMMA").language == "de_DE"


def mnemonic(text: str) -> str | None:
    """The access key of a label: the letter after a single '&' ('&&' is a literal &)."""
    index = 0
    while (index := text.find("&", index)) != -1:
        following = text[index + 1 : index + 2]
        if following == "&":
            index += 2
            continue
        return following.casefold() or None
    return None


def access_keys(window: QWidget) -> Counter[str]:
    texts = [w.text() for w in window.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisibleTo(window)]
    texts += [w.title() for w in window.findChildren(QGroupBox)]
    return Counter(key for key in map(mnemonic, texts) if key)


def test_every_access_key_in_the_customer_editor_is_unique(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    dialog = open_dialog(qtbot, customer_id("ACME"))
    keys = access_keys(dialog)
    assert len(keys) >= 17  # every field has one
    assert [key for key, count in keys.items() if count > 1] == []


def test_alt_key_reaches_the_accounts_payable_email(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    dialog = open_dialog(qtbot, customer_id("ACME"))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.editors["ap_email"]


def test_saving_a_name_that_ends_with_a_period_says_it_once(
    tab: CustomersTab, qtbot: QtBot
) -> None:
    said: list[str] = []
    tab.status_message.connect(said.append)
    tab.book_changed.connect(lambda: tab.reload(TODAY))
    tab.open_editor(customer_id("ACME"))
    dialog = tab.editor
    assert dialog is not None
    notes = dialog.editors["notes"]
    notes.setPlainText("Call before noon")
    assert dialog.save()
    assert said == ["Saved Acme Ltd."]


def retype(qtbot: QtBot, box: QLineEdit, text: str) -> None:
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, text)


def test_a_code_with_a_space_is_refused_beside_the_field(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    dialog = open_dialog(qtbot, customer_id("BETA"))
    code = dialog.editors["code"]
    assert isinstance(code, QLineEdit)
    retype(qtbot, code, "BETA BAKERY")
    assert not dialog.save()
    assert "without spaces" in dialog.shown_problems()["code"]
    retype(qtbot, code, "BETA-BAKERY")
    assert dialog.save()
    assert m.Customer.get_by_id(customer_id("BETA-BAKERY")).name == "Beta Bakery"


@pytest.fixture
def settings(qtbot: QtBot, small_book: peewee.SqliteDatabase) -> CallSettingsDialog:
    dialog = CallSettingsDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.terms)
    return dialog


def test_the_deposit_to_suggest_is_set_in_settings(
    settings: CallSettingsDialog, qtbot: QtBot
) -> None:
    page = settings.terms
    assert settings.tabs.tabText(settings.tabs.indexOf(page)) == "Ter&ms"
    assert page.deposit.text() == "50"
    changed: list[bool] = []
    settings.changed.connect(lambda: changed.append(True))
    retype(qtbot, page.deposit, "12.34567")
    qtbot.keyClick(page.deposit, Qt.Key.Key_Return)
    assert page.problem.isVisibleTo(settings)
    assert page.problem.text() == "Deposit: use at most 4 decimals, e.g. 12.5."
    assert suggested_deposit_percent() == Decimal(50) and not changed

    retype(qtbot, page.deposit, "30 %")
    assert not page.problem.isVisibleTo(settings)  # gone as soon as the field is edited
    settings.save_button.click()
    assert suggested_deposit_percent() == Decimal(30)
    assert changed == [True]
    assert page.deposit.text() == "30"


def test_the_invoice_editor_offers_the_books_deposit(
    settings: CallSettingsDialog, qtbot: QtBot
) -> None:
    retype(qtbot, settings.terms.deposit, "30")
    settings.save_button.click()
    editor = write_beta_invoice(qtbot)
    panel = editor.suggestion
    assert "30% deposit" in panel.text.text()
    assert [b.text() for b in panel.buttons] == ["Ask for a 30% deposit"]
    panel.buttons[0].click()
    assert editor.form.deposit_note.text() == "30% of the total"


def test_no_deposit_in_settings_offers_card_payment_to_a_new_customer(
    settings: CallSettingsDialog, qtbot: QtBot
) -> None:
    retype(qtbot, settings.terms.deposit, "0")
    settings.save_button.click()
    editor = open_editor(qtbot)
    choose_customer(qtbot, editor, "Beta")
    panel = editor.suggestion
    assert "Ask for card payment until 3 invoices are paid on time" in panel.text.text()
    assert [b.text() for b in panel.buttons] == ["Ask for card payment up front"]
