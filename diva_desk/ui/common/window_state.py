"""Where the window remembers its size, its splitter and its lists' columns.

An INI file in the user's configuration folder (``Diva Desk/diva-desk.ini``),
the same on every platform, so it is easy to find and to delete. Tests point
``QSettings.setPath`` at a temporary folder so they never touch the user's own.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "Diva Desk"
APPLICATION = "diva-desk"


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
