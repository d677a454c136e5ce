"""Date fields that read like the rest of the window: the book's own date pattern.

The lists and panels write dates with Babel (``Nov 23, 2026`` in en_CA, ``23 nov.
2026`` in fr_CA); a QDateEdit showing ``2026-11-23`` beside them looks like a
different program. :func:`localize_date_edit` gives a date field the book
locale's medium CLDR pattern, converted to Qt's display format by
:func:`qt_date_format`, and the matching QLocale so month names come out in the
book's language (and can be typed in it). Every QDateEdit in ui/ goes through it.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

from diva_desk.i18n import current_locale

#: Used when a locale's pattern has a field a date field cannot show.
ISO_FORMAT = "yyyy-MM-dd"

# CLDR field letter -> Qt display format for each run length (1, 2, 3, 4+).
_FIELDS: dict[str, tuple[str, str, str, str]] = {
    "y": ("yyyy", "yy", "yyyy", "yyyy"),
    "M": ("M", "MM", "MMM", "MMMM"),
    "L": ("M", "MM", "MMM", "MMMM"),
    "d": ("d", "dd", "dd", "dd"),
    "E": ("ddd", "ddd", "ddd", "dddd"),
    "c": ("ddd", "ddd", "ddd", "dddd"),
}


def _quoted(text: str) -> str:
    """Literal text for Qt: in single quotes, a quote doubled."""
    return "'" + text.replace("'", "''") + "'"


def qt_date_format(pattern: str) -> str:
    """Qt's display format for a CLDR date pattern: ``MMM d, y`` -> ``MMM d, yyyy``.

    Handles years (``y`` is the full year, ``yy`` two digits), months (``M`` to
    ``MMMM``, and the stand-alone ``L``), days (``d``, ``dd``), weekdays (``E``)
    and literal text (``'de'``, ``''`` for a quote). Raises ValueError for other
    fields (eras, quarters, weeks...), which a date field cannot show.
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":
            if pattern.startswith("''", i):
                out.append(_quoted("'"))
                i += 2
                continue
            end = i + 1
            text = ""
            while end < len(pattern):
                if pattern.startswith("''", end):
                    text += "'"
                    end += 2
                elif pattern[end] == "'":
                    break
                else:
                    text += pattern[end]
                    end += 1
            if end >= len(pattern):
                raise ValueError(f"unclosed quote in date pattern {pattern!r}")
            out.append(_quoted(text))
            i = end + 1
        elif char.isascii() and char.isalpha():
            run = len(pattern) - i - len(pattern[i:].lstrip(char))
            if char not in _FIELDS:
                raise ValueError(f"date pattern {pattern!r} has a field {char!r}")
            out.append(_FIELDS[char][min(run, 4) - 1])
            i += run
        else:
            # Spaces, commas, dots, slashes, dashes: the same in both; any other
            # character is quoted so Qt never reads it as a field.
            out.append(char if not char.isalpha() else _quoted(char))
            i += 1
    return "".join(out)


def display_format(locale: str | None = None, width: str = "medium") -> str:
    """The Qt display format of the locale's CLDR date pattern (ISO if it has none usable)."""
    try:
        pattern = Locale.parse(locale or current_locale()).date_formats[width].pattern
        return qt_date_format(pattern)
    except (ValueError, KeyError):
        return ISO_FORMAT


def localize_date_edit(edit: QDateEdit, locale: str | None = None) -> QDateEdit:
    """Show ``edit``'s date in the book's pattern and language, with a calendar to pick from."""
    name = locale or current_locale()
    edit.setLocale(QLocale(name))
    edit.setDisplayFormat(display_format(name))
    edit.setCalendarPopup(True)
    return edit


class DateEdit(QDateEdit):
    """A QDateEdit that takes a date typed the way it is shown: ``Dec 5, 2027``.

    Qt moves on to the next part of the date by itself once one is complete
    (``Dec``, or ``5`` of a day), and then moves again on the separator typed after
    it, so ``Dec 5, 2027`` used to land the 5 in the year. The separator typed
    right after such a move is taken as already passed.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[call-overload]
        self._moved_on = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        separator = bool(text) and text.isprintable() and not text.isalnum()
        if separator and self._moved_on:
            self._moved_on = False
            event.accept()
            return
        section = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isalnum() and self.currentSection() != section

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._moved_on = False
        super().mousePressEvent(event)


def qdate(day: dt.date) -> QDate:
    """The Qt date for a Python date."""
    return QDate(day.year, day.month, day.day)


def date_edit(parent: QWidget | None, day: dt.date | None = None, name: str = "") -> QDateEdit:
    """A new date field for ``day`` (today when None), localized."""
    day = day or dt.date.today()
    edit = DateEdit(qdate(day), parent)
    if name:
        edit.setObjectName(name)
    return localize_date_edit(edit)
