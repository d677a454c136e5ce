"""Qt's own words (the buttons of message boxes, the file and print dialogs) in the
window's language, from the ``.qm`` catalogs Qt ships (PySide6-Essentials carries
``qtbase_fr.qm`` in its ``translations`` folder, found through QLibraryInfo).

Our own words come from gettext (diva_desk.i18n); this is only Qt's.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

#: The translators installed now (kept alive: Qt does not own them).
_installed: list[QTranslator] = []


def qt_translations_folder() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translations(locale: str) -> bool:
    """Translate Qt's own dialogs into ``locale``'s language; whether a catalog was found.

    English needs none (any installed before is removed). Call it before the
    dialogs are made: a standard button takes its words when it is created.
    """
    app = QCoreApplication.instance()
    if app is None:
        return False
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = locale.replace("-", "_").split("_")[0]
    if language == "en":
        return True
    translator = QTranslator(app)
    if not translator.load(QLocale(locale), "qtbase", "_", qt_translations_folder()):
        log.info("Qt ships no qtbase catalog for %s; its dialogs stay in English", locale)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
