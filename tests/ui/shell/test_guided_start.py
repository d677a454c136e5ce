"""The guided start after the first-run dialog: the real settings form, step by step."""

from __future__ import annotations

import re

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from diva_desk.core.records import Business
from diva_desk.i18n import set_language
from diva_desk.store.book.business import get_business, save_business
from diva_desk.ui.shell.guide.guided_start import GuidedStart


@pytest.fixture(autouse=True)
def _discard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a guide with typing in it, at teardown, discards it rather than ask."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)


def start(qtbot: QtBot, opened: list[QWidget] | None = None) -> GuidedStart:
    save_business(Business(name="Bright Spark"))
    calls = opened if opened is not None else []
    guide = GuidedStart(mail_settings=calls.append)
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    return guide


def mnemonics(window: QWidget) -> list[str]:
    """The Alt+letter of every visible button and label in the window."""
    texts = [
        w.text()
        for w in window.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLabel) and w.isVisible()
    ]
    return [m.group(1).lower() for t in texts if (m := re.search(r"&([^&\s])", t))]


def test_the_steps_write_what_was_typed(qtbot: QtBot, book: peewee.SqliteDatabase) -> None:
    opened: list[QWidget] = []
    guide = start(qtbot, opened)
    editors = guide.settings.editors
    assert guide.focusWidget() is editors["name"]
    qtbot.keyClicks(editors["owner_name"], "Sam Rivera")
    qtbot.keyClick(editors["name"], Qt.Key.Key_Return)  # Enter goes on
    assert guide.step == 1
    assert guide.settings.tax_page.isVisible()
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.step == 2 and editors["next_invoice_number"].isVisible()
    assert not editors["name"].isVisible()
    editors["invoice_prefix"].setText("BS-")
    editors["next_invoice_number"].setText("1042")
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editors["payment_instructions"], "Interac e-Transfer to pay@example.com")
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.step == 4 and guide.finish_button.isVisible()
    qtbot.mouseClick(guide.mail_button, Qt.MouseButton.LeftButton)
    assert opened == [guide]
    qtbot.mouseClick(guide.finish_button, Qt.MouseButton.LeftButton)

    shown = {n: e.text() for n, e in guide.settings.errors.items() if not e.isHidden()}
    assert shown == {}
    assert guide.result() == QDialog.DialogCode.Accepted
    business = get_business()
    assert business is not None
    assert (business.name, business.owner_name) == ("Bright Spark", "Sam Rivera")
    assert (business.invoice_prefix, business.next_invoice_number) == ("BS-", 1042)
    assert business.payment_instructions == "Interac e-Transfer to pay@example.com"


def test_later_writes_nothing(
    qtbot: QtBot, book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    guide = start(qtbot)
    before = get_business()
    # Untouched: Later closes at once.
    qtbot.mouseClick(guide.later_button, Qt.MouseButton.LeftButton)
    assert guide.result() == QDialog.DialogCode.Rejected and not guide.isVisible()

    guide = start(qtbot)
    qtbot.keyClicks(guide.settings.editors["owner_name"], "Sam Rivera")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answers.pop(0))
    qtbot.keyClick(guide, Qt.Key.Key_Escape)
    assert guide.isVisible()  # Cancel: the typing is kept
    qtbot.mouseClick(guide.later_button, Qt.MouseButton.LeftButton)
    assert not guide.isVisible()
    assert get_business() == before


def test_a_problem_takes_the_guide_back_to_its_step(
    qtbot: QtBot, book: peewee.SqliteDatabase
) -> None:
    guide = start(qtbot)
    guide.settings.editors["name"].clear()
    guide.step_list.setCurrentRow(4)
    qtbot.mouseClick(guide.finish_button, Qt.MouseButton.LeftButton)
    assert guide.isVisible() and guide.step == 0
    assert guide.settings.errors["name"].isVisible()
    assert get_business().name == "Bright Spark"


@pytest.mark.parametrize("language", ["en_CA", "fr_CA"])
def test_keyboard_back_and_next_and_unique_mnemonics(
    qtbot: QtBot, book: peewee.SqliteDatabase, language: str
) -> None:
    set_language(language)  # the French labels have Alt letters of their own
    guide = start(qtbot)
    assert guide.next_button.text() == {"en_CA": "Next", "fr_CA": "Suivant"}[language]
    for step in range(len(guide.steps)):
        assert guide.step == step
        letters = mnemonics(guide)
        assert len(letters) == len(set(letters)), (step, letters)
        if step == 3:  # Enter in the instructions starts a new line of them
            qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
        elif step < len(guide.steps) - 1:
            qtbot.keyClick(guide.focusWidget(), Qt.Key.Key_Return)
    qtbot.mouseClick(guide.back_button, Qt.MouseButton.LeftButton)
    assert guide.step == len(guide.steps) - 2
