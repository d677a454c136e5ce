"""Talking points on screen: never cut off, notes to self apart, blank names, safe previews."""

from __future__ import annotations

import dataclasses

import peewee
import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from diva_desk.demo import demo_contents
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.settings.call_settings import CallSettingsDialog
from diva_desk.ui.today.call_card import CallCard

from ..conftest import SMALL_BOOK, TODAY, settle
from .test_today_panel import make_panel


def _needed(view: QLabel) -> int:
    """The height the whole script takes at the label's width (QLabel's own answer
    never falls below a minimum height, so that is lifted while asking)."""
    kept = view.minimumHeight()
    view.setMinimumHeight(0)
    needed = view.heightForWidth(view.width())
    view.setMinimumHeight(kept)
    return needed


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


@pytest.mark.parametrize("width", [380, 520, 900])
def test_every_expanded_script_is_shown_whole_close_and_buttons_included(
    qtbot: QtBot, book: peewee.SqliteDatabase, width: int
) -> None:
    add_contents(demo_contents(TODAY))
    panel = make_panel(qtbot)
    panel.resize(width, 900)
    assert len(panel.cards) >= 10
    for card in panel.cards.values():
        card.show_script(True)
    _settle()
    for code, card in panel.cards.items():
        view = card.script_view
        assert view is not None and view.isVisible()
        assert view.height() >= _needed(view), code
        # The whole card is laid out at its width: the last row of buttons is inside it,
        # below the script, not under it.
        assert card.height() >= card.heightForWidth(card.width()), code
        actions = card.findChild(QWidget, "callActions")
        assert view.geometry().bottom() < actions.geometry().top(), code
        assert actions.geometry().bottom() <= card.contentsRect().bottom(), code


def _script_text(card: CallCard) -> str:
    card.show_script(True)
    assert card.script_view is not None
    return card.script_view.text()


def test_a_follow_up_is_a_note_to_self_above_the_talking_points(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    panel = make_panel(qtbot)
    text = _script_text(panel.cards["ACME"])
    note = text.index("NOTE TO SELF")
    assert text.index("Ask about the PO") > note
    assert note < text.index("OPENING")
    assert text.count("Ask about the PO") == 1
    assert "Why you planned" not in text


def test_blank_names_show_a_card_and_a_script(qtbot: QtBot, book: peewee.SqliteDatabase) -> None:
    from diva_desk.ui.shell.main_window import MainWindow

    blank = dataclasses.replace(
        SMALL_BOOK,
        business=dataclasses.replace(SMALL_BOOK.business, owner_name="   "),
        customers=tuple(dataclasses.replace(c, contact_name=" ") for c in SMALL_BOOK.customers),
    )
    add_contents(blank)
    window = MainWindow(today=lambda: TODAY)
    settle(qtbot, window)
    qtbot.addWidget(window)
    acme = window.today_panel.cards["ACME"]
    assert acme.ask_for.text() == "Ask for whoever looks after invoices"
    text = _script_text(acme)
    assert "Hi there, it&#x27;s Bright Spark Electrical." in text
    assert "Bright Spark Electrical from" not in text


def test_the_preview_shows_a_problem_as_text_not_as_markup(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    dialog = CallSettingsDialog(TODAY)
    qtbot.addWidget(dialog)
    page = dialog.talking_points
    page.choose("overdue_3_payment_plan")
    page.editor.setPlainText("[opening]\nHi $<b>friend</b>\n")
    qtbot.waitUntil(lambda: "waits for a usable template" in page.preview.text())
    assert "$&lt;b&gt;friend" in page.preview.text()
    assert "<b>friend" not in page.preview.text()


def test_new_templates_have_titles_and_previews(
    qtbot: QtBot, small_book: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    dialog = CallSettingsDialog(TODAY)
    qtbot.addWidget(dialog)
    page = dialog.talking_points
    page.choose("followup_problem")
    assert page.names.currentItem().text() == "Follow-up on an open problem"
    qtbot.waitUntil(lambda: "Is it resolved now" in page.preview.text())
    assert "NOTE TO SELF" in page.preview.text()
    page.choose("cutoff_missed")
    assert page.names.currentItem().text() == "Invoice after a missed cut-off"
    qtbot.waitUntil(lambda: "so I&#x27;m sending it today" in page.preview.text())
