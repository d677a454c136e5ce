"""Qt's own words (message box buttons, file and print dialogs) follow the window's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from diva_desk.ui.shell.languages import install_qt_translations, qt_translations_folder


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    install_qt_translations("en_CA")


def _buttons(qtbot: QtBot) -> list[str]:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Diva Desk",
        "?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    return [box.button(b).text() for b in (box.StandardButton.Save, box.StandardButton.Cancel)]


def test_pyside_ships_qt_french_catalog() -> None:
    assert (Path(qt_translations_folder()) / "qtbase_fr.qm").is_file()


def test_a_message_box_reads_french_when_the_window_is_french(qtbot: QtBot) -> None:
    assert _buttons(qtbot) == ["Save", "Cancel"]
    assert install_qt_translations("fr_CA")
    assert _buttons(qtbot) == ["Enregistrer", "Annuler"]
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "OK"
    # Back to English: the French catalog is removed, not stacked.
    assert install_qt_translations("en_CA")
    assert _buttons(qtbot) == ["Save", "Cancel"]


def test_a_language_qt_does_not_ship_stays_english(qtbot: QtBot) -> None:
    assert not install_qt_translations("tlh")
    assert _buttons(qtbot) == ["Save", "Cancel"]
