"""Settings > Talking points and call list: rewrite a script, refuse a broken one, set windows.

Acme's call in the small book (conftest) is at step 3 of 5 (53 days overdue), so it
reads the overdue_3_payment_plan template.
"""

from __future__ import annotations

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from diva_desk.store.calls import call_settings
from diva_desk.store.talking_points import built_in_templates, template_texts
from diva_desk.ui import talking_points_page
from diva_desk.ui.talking_points_page import CallSettingsDialog
from diva_desk.ui.today_panel import TodayPanel

from .conftest import TODAY

NAME = "overdue_3_payment_plan"
GOOD = """[opening]
Good morning $contact_first_name, $owner_first_name here from $business_name.
[reason]
$invoice for $amount is $days days late.
[ask]
Could we split it into two payments?
[close]
Thanks so much, $contact_first_name.
"""


@pytest.fixture
def dialog(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> CallSettingsDialog:
    # Closing with a template not saved asks first; when the test ends, the answer is
    # "close without saving" (a test below answers otherwise).
    monkeypatch.setattr(talking_points_page, "confirm", lambda *args: True)
    settings = CallSettingsDialog(TODAY)
    qtbot.addWidget(settings)
    settings.show()
    qtbot.waitExposed(settings)
    settings.talking_points.choose(NAME)
    return settings


def retype(qtbot: QtBot, dialog: CallSettingsDialog, text: str) -> None:
    editor = dialog.talking_points.editor
    editor.selectAll()
    editor.textCursor().removeSelectedText()
    qtbot.keyClicks(editor, text.replace("\n", "\r"))


def acme_script(qtbot: QtBot) -> str:
    panel = TodayPanel()
    qtbot.addWidget(panel)
    panel.refresh(TODAY)
    card = panel.cards["ACME"]
    card.show_script(True)
    assert card.script_view is not None
    return card.script_view.text()


def test_the_template_its_placeholders_and_a_preview_are_shown(
    dialog: CallSettingsDialog,
) -> None:
    page = dialog.talking_points
    assert page.names.currentItem().text() == "Overdue 3 of 5: propose a payment plan"
    assert page.editor.toPlainText() == built_in_templates("en_CA")[NAME]
    placeholders = [page.placeholders.item(i).text() for i in range(page.placeholders.count())]
    assert "$contact_first_name" in placeholders and "$due_date" in placeholders
    assert page.state.text() == "The built-in text"
    assert "Hi Alex, it&#x27;s Sam from Bright Spark Electrical." in page.preview.text()


def test_a_broken_template_is_refused_with_its_message(
    dialog: CallSettingsDialog, qtbot: QtBot
) -> None:
    page = dialog.talking_points
    retype(qtbot, dialog, "[opening]\nHi $contact_frist_name!\n")
    assert page.state.text() == "Not saved yet"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.problem.isVisible()
    assert page.problem.text().startswith(
        'Template "overdue_3_payment_plan", line 2: unknown placeholder $contact_frist_name'
    )
    assert template_texts("en_CA").texts[NAME] == built_in_templates("en_CA")[NAME]
    # The preview says why it cannot show the script, instead of showing an old one.
    qtbot.waitUntil(lambda: "waits for a usable template" in page.preview.text())


def test_saving_a_good_template_changes_the_script_on_the_call(
    dialog: CallSettingsDialog, qtbot: QtBot
) -> None:
    page = dialog.talking_points
    changed: list[bool] = []
    dialog.changed.connect(lambda: changed.append(True))
    retype(qtbot, dialog, GOOD)
    qtbot.keyClick(page.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.problem.isVisible()
    assert page.state.text() == "Your own words"
    assert changed == [True]
    script = acme_script(qtbot)
    assert "Good morning Pat, Sam here from Bright Spark Electrical." in script
    assert "INV-1001 for $1,000.00 is 53 days late." in script

    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert page.editor.toPlainText() == built_in_templates("en_CA")[NAME]
    assert "Good morning" not in acme_script(qtbot)


def test_a_placeholder_is_inserted_at_the_cursor(dialog: CallSettingsDialog, qtbot: QtBot) -> None:
    page = dialog.talking_points
    page.editor.moveCursor(QTextCursor.MoveOperation.End)
    item = page.placeholders.findItems("$total_owed", Qt.MatchFlag.MatchExactly)[0]
    page.placeholders.setCurrentItem(item)
    page.placeholders.itemActivated.emit(item)
    assert page.editor.toPlainText().endswith("$total_owed")


def test_call_list_windows_are_saved(dialog: CallSettingsDialog, qtbot: QtBot) -> None:
    page = dialog.call_list
    assert page.boxes["retry_after_working_days"].value() == 2
    assert page.boxes["checkin_after_days"].value() == 3
    page.boxes["retry_after_working_days"].setValue(3)
    page.boxes["cutoff_warning_days"].setValue(7)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = call_settings()
    assert (saved.retry_after_working_days, saved.cutoff_warning_days) == (3, 7)
    assert saved.checkin_after_days == 3


def test_closing_with_unsaved_changes_asks_first(
    dialog: CallSettingsDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def refuse(parent: object, title: str, text: str, yes: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(talking_points_page, "confirm", refuse)
    retype(qtbot, dialog, GOOD)
    dialog.reject()
    assert asked == ["1 template has changes that are not saved. Close without saving?"]
    assert dialog.isVisible()
    monkeypatch.setattr(talking_points_page, "confirm", lambda *args: True)
