"""The window's colours and style sheets, in one place, for light and dark desktops alike.

Every colour in the UI comes either from the palette (``palette(text)``,
``palette(base)``, ``palette(window)``, ``palette(mid)`` ... in a style sheet, or
``QPalette`` roles when painting) or from one of the few role colours below,
each with a light and a dark variant, picked by :func:`is_dark` from the
application palette's window colour. A desktop in a dark theme then gets light
text on dark surfaces everywhere, and the reds, greens, amber and teal stay
readable (each variant keeps a WCAG contrast of at least 4.5 with the palette's
base and window colours; tests/ui/test_dark_theme.py checks it).

Style sheets name role colours as ``@overdue``, and a tint of one as
``@overdue~15`` (15 % of the colour laid over the palette's base: pale in a light
theme, deep in a dark one). :func:`themed` sets such a sheet on a widget and sets
it again whenever the application palette changes; item models ask
:func:`colour` each time they paint, so they follow by themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget


class Tone(StrEnum):
    """What a colour means; the same meaning has a light and a dark variant."""

    #: Money that is late, errors, risky customers.
    OVERDUE = "overdue"
    #: Paid in full, kept promises, reliable customers.
    SETTLED = "settled"
    #: Careful: slow payers, warnings, a cut-off close by.
    CAUTION = "caution"
    #: Secondary text: dates, captions, notes.
    MUTED = "muted"
    #: Nothing to see: zero balances, drafts, void invoices, archived customers.
    FAINT = "faint"
    #: Links, phone numbers, the selection's tint, neutral information.
    INFO = "info"
    #: The keyboard focus ring.
    FOCUS = "focus"
    #: The app's teal (also the documents' accent).
    ACCENT = "accent"
    #: The app's amber, for fills and tints (as text it is too light on white).
    AMBER = "amber"


#: (light, dark) variants of each tone.
_TONES: dict[Tone, tuple[str, str]] = {
    Tone.OVERDUE: ("#b83227", "#ff8a7a"),
    Tone.SETTLED: ("#27702b", "#7dd181"),
    Tone.CAUTION: ("#955400", "#f2b84b"),
    Tone.MUTED: ("#5f6670", "#a8aeb6"),
    Tone.FAINT: ("#8a8f98", "#80868e"),
    Tone.INFO: ("#256aa8", "#8ab4f8"),
    Tone.FOCUS: ("#3b78c4", "#78a9e8"),
    Tone.ACCENT: ("#1f5f5b", "#6cc3b9"),
    Tone.AMBER: ("#f2b84b", "#f2b84b"),
}


def app_palette() -> QPalette:
    """The application's palette (a default one before there is an application)."""
    if QGuiApplication.instance() is None:
        return QPalette()
    return QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """A dark theme: the window colour is darker than mid-grey."""
    window = (palette or app_palette()).color(QPalette.ColorRole.Window)
    return window.lightnessF() < 0.5


def colour(tone: Tone, palette: QPalette | None = None) -> QColor:
    """The tone's variant for ``palette`` (the application's by default)."""
    light, dark = _TONES[tone]
    return QColor(dark if is_dark(palette) else light)


def mix(under: QColor, over: QColor, share: float) -> QColor:
    """``over`` laid on ``under`` with opacity ``share`` (0..1), as an opaque colour."""
    return QColor.fromRgbF(
        under.redF() + (over.redF() - under.redF()) * share,
        under.greenF() + (over.greenF() - under.greenF()) * share,
        under.blueF() + (over.blueF() - under.blueF()) * share,
    )


def tint(tone: Tone, percent: int, palette: QPalette | None = None) -> QColor:
    """A background with a hint of the tone: ``percent`` of it over the palette's base."""
    palette = palette or app_palette()
    return mix(palette.color(QPalette.ColorRole.Base), colour(tone, palette), percent / 100)


_TOKEN = re.compile(r"@([a-z]+)(?:~(\d{1,3}))?")


def sheet(template: str, palette: QPalette | None = None) -> str:
    """The style sheet with each ``@tone`` and ``@tone~percent`` replaced by its colour."""
    palette = palette or app_palette()

    def replace(match: re.Match[str]) -> str:
        tone = Tone(match[1])
        if match[2] is None:
            return colour(tone, palette).name()
        return tint(tone, int(match[2]), palette).name()

    return _TOKEN.sub(replace, template)


class _PaletteWatch(QWidget):
    """A hidden top-level widget: Qt tells every window when the application palette changes.

    (The children of a window hear of it only if their own palette changed, which a
    widget with a style sheet of its own may not; and QGuiApplication.paletteChanged
    is deprecated.)
    """

    changed = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.changed.emit()
        return super().event(event)


_watch: _PaletteWatch | None = None


def _palette_watch() -> _PaletteWatch:
    global _watch
    if _watch is None or not shiboken6.isValid(_watch):
        _watch = _PaletteWatch()
        _watch.setObjectName("paletteWatch")
    return _watch


class _Follower(QObject):
    """Lives and dies with its widget, so the connection ends with the widget."""

    def __init__(self, widget: QWidget, apply: Callable[[], None]) -> None:
        super().__init__(widget)
        self.apply = apply
        _palette_watch().changed.connect(self.reapply)

    def reapply(self) -> None:
        self.apply()


def follow_palette(widget: QWidget, apply: Callable[[], None]) -> None:
    """Run ``apply`` now and again after every change of the application palette."""
    apply()
    _Follower(widget, apply)


def themed(widget: QWidget, template: str) -> None:
    """Give ``widget`` the style sheet ``template`` in the current palette's colours."""
    follow_palette(widget, lambda: widget.setStyleSheet(sheet(template)))


#: The lists' look. The sort arrow has a band of its own above the column title: put
#: beside the title, Qt's style sheets cut a letter out of right-aligned titles (Qt 6.12).
LISTS = """
QTableView {
    border: 1px solid palette(midlight);
    selection-background-color: @info~22; selection-color: palette(text);
}
QTableView::item { padding: 0 6px; }
QHeaderView::section {
    background: palette(window); border: none;
    border-bottom: 1px solid palette(mid); border-right: 1px solid palette(midlight);
    padding: 12px 6px 4px 6px; font-weight: 600;
}
QHeaderView::up-arrow, QHeaderView::down-arrow {
    subcontrol-origin: padding; subcontrol-position: top center; width: 12px; height: 7px;
    top: 2px;
}
QLineEdit {
    padding: 5px 8px; border: 1px solid palette(mid); border-radius: 4px;
    background: palette(base);
}
QLineEdit:focus { border: 1px solid @focus; }
"""


#: Fields that show a value but do not take edits (a sent invoice's) look it in light and
#: dark themes alike: the window's colour instead of the base one, a faint frame, no
#: arrow to open, and text in the text colour (a disabled field's grey is hard to read).
#: Set with :func:`show_read_only`; a window puts this sheet among its own.
READ_ONLY_FIELDS = """
*[locked="true"], *[locked="true"]:disabled {
    background: palette(window); color: palette(text);
    border: 1px solid palette(midlight); border-radius: 3px; padding: 3px 5px;
}
*[locked="true"]::drop-down { width: 0px; border: none; }
*[locked="true"]::down-arrow { image: none; width: 0px; }
"""


def show_read_only(widget: QWidget, read_only: bool) -> None:
    """Mark ``widget`` read-only for :data:`READ_ONLY_FIELDS` (it does not stop edits)."""
    if widget.property("locked") == read_only:
        return
    widget.setProperty("locked", read_only)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()
