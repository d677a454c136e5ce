"""Start-up of the desktop app: the log, the book, the first-run dialog, the window.

Runs when ``diva-desk`` is given no command (see cli.py). A book that cannot
be used as it is (damaged, cut short, empty, read-only, from a newer version) is
explained with its ways forward (ui/shell/book/book_opening.py); quitting there exits
with status 1. A second start on a book a window has open brings that window to
the front and exits 0; where it cannot, the book opens read-only with a banner.
The day's quick check and copy run in the background; any bug after that is
logged and shown as "Something went wrong" with the log's path, never as a raw
traceback.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from diva_desk import __version__
from diva_desk.i18n import _, set_language
from diva_desk.logs import configure_logging
from diva_desk.resources_path import resource_path
from diva_desk.store.book.business import get_business
from diva_desk.store.book.db import close_book
from diva_desk.ui.common.errors import install_excepthook
from diva_desk.ui.common.window_state import APPLICATION, ORGANIZATION

if TYPE_CHECKING:
    from diva_desk.ui.shell.book.book_opening import Opened
    from diva_desk.ui.shell.single_instance import SingleInstance

log = logging.getLogger(__name__)

#: The one application id: desktop file, icon, AppStream and the macOS bundle.
APP_ID = "ca.divadesk.DivaDesk"
#: Milliseconds after which the window closes by itself (see close_by_itself).
CLOSE_AFTER_ENV = "DIVA_DESK_CLOSE_AFTER_MS"


def first_run_language() -> str:
    """Before the book knows its locale: French in a French-speaking session, else English."""
    return "fr_CA" if QLocale.system().name().startswith("fr") else "en_CA"


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    # The taskbar matches the window to its menu entry (ca.divadesk.DivaDesk.desktop) by
    # this name, and shows the same icon: the installed theme's, else the one we ship.
    app.setDesktopFileName(APP_ID)
    icon = resource_path("icons", "diva-desk.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon.fromTheme(APP_ID, QIcon(str(icon))))
    return app


def close_by_itself(window: QWidget) -> None:
    """With DIVA_DESK_CLOSE_AFTER_MS set, close the window that long after it shows.

    For the bundle's smoke test (packaging/smoke-test.sh): the real start-up, then a
    clean close, with no one to click.
    """
    after = os.environ.get(CLOSE_AFTER_ENV, "")
    if after.isdigit():
        QTimer.singleShot(int(after), window.close)


def run_app(data_dir: Path) -> int:
    """Open the book in ``data_dir`` and show the window; the exit status when it closes."""
    app = make_application()
    # Until the book says the owner's choice, the session's language (book problems, first run).
    set_language(first_run_language())
    from diva_desk.ui.shell.languages import install_qt_translations

    install_qt_translations(first_run_language())
    try:
        log_file = configure_logging(data_dir)
    except OSError as exc:
        QMessageBox.critical(
            None,
            _("Diva Desk"),
            _("Diva Desk cannot write to its data folder {folder}: {reason}.").format(
                folder=data_dir, reason=exc.strerror or exc
            ),
        )
        return 1
    install_excepthook(log_file)
    log.info("diva-desk %s starting with the book in %s", __version__, data_dir)
    from diva_desk.ui.shell.book.book_opening import claim_for_window, open_for_window

    while True:
        opened = open_for_window(data_dir)
        if opened is None:
            log.info("no book opened; quitting")
            return 1
        data_dir = opened.data_dir
        claimed = claim_for_window(opened)
        if claimed is None:  # the window that has this book came to the front
            close_book()
            return 0
        instance, opened = claimed
        try:
            status = _show_window(app, opened, instance)
        finally:
            instance.release()
            close_book()
        if not isinstance(status, Path):
            return status
        data_dir = status  # another book was chosen from the window


def _show_window(app: QApplication, opened: Opened, instance: SingleInstance) -> int | Path:
    """The exit status, or the data folder of another book the person chose."""
    from diva_desk.ui.shell.book.book_opening import check_in_background, choose_data_folder
    from diva_desk.ui.shell.first_run import FirstRunDialog
    from diva_desk.ui.shell.languages import install_qt_translations
    from diva_desk.ui.shell.main_window import MainWindow
    from diva_desk.ui.shell.single_instance import bring_to_front

    shown: list[QWidget] = []

    def come_forward() -> None:
        """Another start on this book: the window (or the first-run dialog) comes forward."""
        front = QApplication.activeModalWidget() or (shown[-1] if shown else None)
        if front is not None:
            bring_to_front(front)
            log.info("%s brought to the front for another start", type(front).__name__)

    instance.raise_requested.connect(come_forward)
    business = get_business()
    if business is None:
        set_language(first_run_language())
        install_qt_translations(first_run_language())
        first_run = FirstRunDialog()
        if first_run.exec() != QDialog.DialogCode.Accepted:
            log.info("first run cancelled; nothing written")
            return 0
        business = get_business()
        assert business is not None, "the first-run dialog accepted without a business"
        if not first_run.demo.isChecked():  # the demo book comes with its settings
            from diva_desk.ui.shell.guide.guided_start import GuidedStart

            set_language(business.locale)
            GuidedStart().exec()
            business = get_business() or business
    set_language(business.locale)
    install_qt_translations(business.locale)
    data_dir = opened.data_dir
    window = MainWindow(data_dir=data_dir)
    shown.append(window)
    if opened.read_only:
        window.show_read_only(opened.reason)
    other: list[Path] = []

    def other_book() -> None:
        folder = choose_data_folder(window, data_dir)
        if folder is not None:
            other.append(folder)
            window.close()

    # What start-up made (modules, the window's widgets) lives as long as the app: frozen,
    # the collector never scans it again. A full collection over it, started by a worker
    # reading a large book, held the GIL and the window for half a second at a time.
    gc.collect()
    gc.freeze()
    window.show()
    close_by_itself(window)
    if not opened.read_only:
        check_in_background(window, window.refresh, other_book)
        # After the check and today's copy (one worker, in turn): the recurring invoices due.
        window.invoices.recurring.run_due()
    try:
        status = app.exec()
    finally:
        gc.unfreeze()
    return other[0] if other else status
