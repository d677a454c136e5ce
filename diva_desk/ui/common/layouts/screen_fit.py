"""Sizing windows and dialogs to the screen they open on.

Every window and dialog asks for its size through :func:`fit_to_screen`: the size it
would like, made smaller where the screen's free area (less the task bar and panels)
is smaller, with room left for the title bar the window manager draws. So a dialog
that likes 940 pixels of height still shows its Save and Close buttons on a 768-pixel
laptop screen, and one that likes 720 does not fill a 720-pixel screen to the last row.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

#: Room kept for the window manager's title bar and borders, which Qt cannot see
#: before the window is shown.
FRAME_ALLOWANCE = (16, 48)


def screen_room(widget: QWidget | None = None) -> QRect | None:
    """The free area of the widget's screen (or the primary one), or None with no screen."""
    screen: QScreen | None = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.screen() if parent is not None else None) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fitted_size(width: int, height: int, widget: QWidget | None = None) -> tuple[int, int]:
    """(width, height), each no larger than the screen's free area less the frame."""
    room = screen_room(widget)
    if room is None:
        return width, height
    return (
        max(1, min(width, room.width() - FRAME_ALLOWANCE[0])),
        max(1, min(height, room.height() - FRAME_ALLOWANCE[1])),
    )


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to the wanted size, or to what the screen has room for when that is less.

    A minimum size larger than the room is lowered too, so the window manager does
    not push the window's bottom edge (and its buttons) off the screen.
    """
    fitted = fitted_size(width, height, widget)
    minimum = widget.minimumSize()
    if minimum.width() > fitted[0] or minimum.height() > fitted[1]:
        widget.setMinimumSize(min(minimum.width(), fitted[0]), min(minimum.height(), fitted[1]))
    widget.resize(*fitted)
