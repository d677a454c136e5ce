"""Date fields show and take dates the way the book's locale writes them.

The CLDR pattern of each locale is converted to Qt's display format; Qt then
writes a date exactly as Babel does everywhere else in the window, in the same
language, and a date typed the way it is shown is read back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import peewee
import pytest
from babel import Locale
from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDateEdit
from pytestqt.qtbot import QtBot

from diva_desk.i18n import format as fmt
from diva_desk.i18n import set_language
from diva_desk.ui.common import dates
from diva_desk.ui.common.dates import date_edit, display_format, qt_date_format
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en_CA", "MMM d, yyyy"),
        ("fr_CA", "d MMM yyyy"),
        ("en_US", "MMM d, yyyy"),
        ("en_GB", "d MMM yyyy"),
    ],
)
def test_the_medium_pattern_of_each_locale_becomes_a_qt_format(locale: str, expected: str) -> None:
    assert qt_date_format(Locale.parse(locale).date_formats["medium"].pattern) == expected
    assert display_format(locale) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("y-MM-dd", "yyyy-MM-dd"),  # en_CA and fr_CA short
        ("M/d/yy", "M/d/yy"),  # en_US short: two-digit year kept
        ("dd/MM/y", "dd/MM/yyyy"),  # en_GB short
        ("yyyy.MM.dd", "yyyy.MM.dd"),
        ("d 'de' MMM 'de' y", "d 'de' MMM 'de' yyyy"),  # pt_BR: quoted words stay words
        ("EEEE d MMMM y", "dddd d MMMM yyyy"),  # fr_CA full
        ("EEE, LLL d", "ddd, MMM d"),
        ("d. MMMM y", "d. MMMM yyyy"),
        ("d 'h''s' y", "d 'h''s' yyyy"),  # a quote inside quoted text
        ("y''", "yyyy''''"),
    ],
)
def test_cldr_fields_and_literal_text_are_converted(pattern: str, expected: str) -> None:
    assert qt_date_format(pattern) == expected


@pytest.mark.parametrize("pattern", ["d MMM y G", "QQQ y", "w y", "d 'unclosed"])
def test_a_field_a_date_field_cannot_show_is_refused(pattern: str) -> None:
    with pytest.raises(ValueError):
        qt_date_format(pattern)


@pytest.mark.parametrize("locale", ["en_CA", "fr_CA", "en_US", "en_GB", "de_DE", "pt_BR"])
def test_qt_writes_every_month_as_babel_does(locale: str) -> None:
    qt_format = display_format(locale)
    for month in range(1, 13):
        day = dt.date(2026, month, 23 if month != 2 else 5)
        shown = QLocale(locale).toString(QDate(day.year, day.month, day.day), qt_format)
        assert shown == fmt.date(day, "medium", locale=locale)


def test_date_fields_show_the_books_pattern_with_a_calendar(qtbot: QtBot) -> None:
    edit = date_edit(None, TODAY, "due")
    qtbot.addWidget(edit)
    assert edit.text() == fmt.date(TODAY, "medium")
    assert edit.calendarPopup()
    assert edit.objectName() == "due"
    set_language("fr_CA")
    french = date_edit(None, TODAY)
    qtbot.addWidget(french)
    assert french.text() == fmt.date(TODAY, "medium", locale="fr_CA")
    assert french.text().startswith("23 nov")  # day first, French month
    # The calendar that pops up speaks the same language.
    assert french.calendarWidget().locale().name() == "fr_CA"


def focus(qtbot: QtBot, edit: QDateEdit) -> None:
    """As when a person tabs into the field: it has the focus, its first part selected."""
    edit.activateWindow()
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(edit.hasFocus)


def type_into(edit: QDateEdit, text: str) -> None:
    """Type as a keyboard does, accents included (QTest only sends ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@pytest.mark.parametrize(
    ("locale", "day"),
    [
        ("en_CA", dt.date(2027, 12, 5)),
        ("en_US", dt.date(2027, 1, 15)),
        ("en_GB", dt.date(2027, 12, 5)),
        ("fr_CA", dt.date(2027, 12, 5)),  # déc., an accent typed
        ("fr_CA", dt.date(2027, 1, 15)),  # janv., a long abbreviation
    ],
)
def test_a_date_typed_as_it_is_shown_is_read(qtbot: QtBot, locale: str, day: dt.date) -> None:
    typed = fmt.date(day, "medium", locale=locale)
    set_language(locale)
    edit = date_edit(None, TODAY)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    focus(qtbot, edit)
    type_into(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.date() == QDate(day.year, day.month, day.day)


def test_typing_digits_and_arrows_still_work(qtbot: QtBot) -> None:
    edit = date_edit(None, TODAY)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    focus(qtbot, edit)
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(edit, "9")
    qtbot.keyClick(edit, Qt.Key.Key_Up)  # the year section, after the day
    assert edit.date() == QDate(2027, 11, 9)


def test_every_date_field_in_the_window_is_localized(
    qtbot: QtBot, small_book: peewee.SqliteDatabase
) -> None:
    win = MainWindow(today=lambda: TODAY)
    qtbot.addWidget(win)
    edits = win.findChildren(QDateEdit)
    # The invoice filters (from, to), the follow-ups filter (since, until), Reports' As of.
    assert len(edits) >= 5
    for edit in edits:
        assert edit.displayFormat() == "MMM d, yyyy", edit.objectName()
        assert edit.calendarPopup(), edit.objectName()
    assert win.reports.as_of_edit.text() == fmt.date(TODAY, "medium")


def test_no_date_field_is_made_without_the_helper() -> None:
    """Dialogs open one at a time; the rule that keeps all of them localized is this one."""
    ui = Path(dates.__file__).parents[1]
    modules = sorted(ui.rglob("*.py"))
    assert len(modules) > 50  # every feature's dialogs, not one folder
    for module in modules:
        if module.name == "dates.py":
            continue
        source = module.read_text(encoding="utf-8")
        assert "QDateEdit(" not in source, module.name
        assert "setDisplayFormat(" not in source, module.name
