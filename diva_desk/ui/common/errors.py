"""How trouble reaches the person at the keyboard.

Two kinds, as in STYLE.md: a :class:`UserFacingError` carries a sentence that
says what to do, and is shown as it is; anything else is a bug, logged with its
traceback to the log file in the data folder and shown in a :class:`BugDialog`
("Something went wrong") that names that file, copies the details to the
clipboard and opens the log's folder. Never a silent failure, never a raw
traceback dialog, and the app keeps running.

Bugs never stack dialogs: while one is open, the next ones are counted in it (and
their details added to what Copy details copies); for :data:`QUIET_SECONDS` after
it is closed, a bug that repeats (a fault in a paint or a timer) is only logged.
"""

from __future__ import annotations

import contextlib
import logging
import platform
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

import shiboken6
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from diva_desk import __version__
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _, ngettext

log = logging.getLogger("diva_desk")

#: After a bug dialog is closed, bugs within this many seconds are only logged.
QUIET_SECONDS = 10.0

_log_file: Path | None = None
_reporting = False
_open_dialog: BugDialog | None = None
_quiet_until = 0.0
#: Set on an exception :func:`report_bug` wrote to the log (ui.common.tasks logs the others).
_LOGGED = "_diva_desk_logged"


def set_log_file(path: Path | None) -> None:
    """Where the "Something went wrong" message tells the person to look."""
    global _log_file
    _log_file = path


def bug_message() -> str:
    if _log_file is None:
        return _("Something went wrong. The details were written to the log.")
    return _("Something went wrong. The details are in {log}.").format(log=_log_file)


def show_message(parent: QWidget | None, text: str, *, critical: bool = False) -> None:
    """A modal message box; one function so tests can watch what would be shown."""
    box = QMessageBox.critical if critical else QMessageBox.warning
    box(parent, _("Diva Desk"), text)


def show_failure(parent: QWidget | None, error: BaseException) -> None:
    """Show an exception the right way for its kind (a task's ``on_failed``, usually)."""
    if isinstance(error, UserFacingError):
        show_message(parent, str(error))
    else:
        report_bug(type(error), error, error.__traceback__, parent)


def report_bug(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    parent: QWidget | None = None,
) -> None:
    """Log the traceback, then tell the person where it is (once, even if showing fails)."""
    global _reporting
    details = "".join(traceback.format_exception(kind, error, trace))
    log.error("Unexpected error:\n%s", details)
    with contextlib.suppress(AttributeError):  # an exception type without a __dict__
        setattr(error, _LOGGED, True)
    if _reporting or QApplication.instance() is None:
        return
    _reporting = True
    try:
        show_bug(parent or QApplication.activeWindow(), details)
    finally:
        _reporting = False


def was_logged(error: BaseException) -> bool:
    """Whether :func:`report_bug` already wrote this exception to the log."""
    return getattr(error, _LOGGED, False)


def show_bug(parent: QWidget | None, details: str) -> BugDialog | None:
    """The bug dialog, or the one already open counting one more; None while quiet."""
    global _open_dialog
    if _open_dialog is not None and not shiboken6.isValid(_open_dialog):
        _open_dialog = None  # its window was closed under it
    if _open_dialog is not None:
        _open_dialog.add(details)
        return _open_dialog
    if time.monotonic() < _quiet_until:
        return None
    dialog = BugDialog(details, _log_file, parent)
    _open_dialog = dialog
    dialog.finished.connect(_closed)
    dialog.open()  # modal to its window, without blocking the caller: the app runs on
    return dialog


def _closed(_result: int = 0) -> None:
    global _open_dialog, _quiet_until
    _open_dialog = None
    _quiet_until = time.monotonic() + QUIET_SECONDS


def reset_bug_reports() -> None:
    """Forget an open dialog and the quiet time (a new window, or a test)."""
    global _open_dialog, _quiet_until
    if _open_dialog is not None:
        dialog, _open_dialog = _open_dialog, None
        if shiboken6.isValid(dialog):
            dialog.finished.disconnect(_closed)
            dialog.close()
    _quiet_until = 0.0


def environment() -> str:
    """The versions a bug report needs first."""
    return (
        f"Diva Desk {__version__}, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.platform()}"
    )


class BugDialog(QDialog):
    """Something went wrong: where the log is, Copy details, Open log folder, Close."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("bugDialog")
        self.setWindowTitle(_("Diva Desk — something went wrong"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.details = [details]
        self.log_file = log_file
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(icon)
        words = QVBoxLayout()
        headline = QLabel("<b>{}</b>".format(_("Something went wrong inside Diva Desk.")), self)
        words.addWidget(headline)
        self.text = QLabel(bug_message_long(log_file), self)
        self.text.setObjectName("bugText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.addWidget(self.text)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("bugCount")
        self.count_label.hide()
        words.addWidget(self.count_label)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("bugResult")
        self.result_label.setWordWrap(True)
        words.addWidget(self.result_label)
        top.addLayout(words, 1)
        layout.addLayout(top)

        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(_("&Copy details"), self)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = QPushButton(_("&Open log folder"), self)
        self.folder_button.clicked.connect(self.open_log_folder)
        self.folder_button.setEnabled(log_file is not None)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.close_button.setFocus()

    def add(self, details: str) -> None:
        """One more bug while this dialog is open: counted here, not a dialog of its own."""
        self.details.append(details)
        self.count_label.setText(
            ngettext(
                "This happened {count} time.", "This happened {count} times.", len(self.details)
            ).format(count=len(self.details))
        )
        self.count_label.show()

    def details_text(self) -> str:
        where = str(self.log_file) if self.log_file else "-"
        return "\n".join([environment(), f"Log: {where}", "", *self.details])

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())
        self.result_label.setText(
            _("The details are copied: paste them into a message to the developer.")
        )

    def open_log_folder(self) -> bool:
        """The log's folder in the file manager; without one, its path copied and said."""
        assert self.log_file is not None
        folder = self.log_file.parent
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.result_label.setText(_("Opened {folder}.").format(folder=folder))
            return True
        QGuiApplication.clipboard().setText(str(folder))
        self.result_label.setText(
            _(
                "No file manager opened {folder}; its path is copied, to paste where you like."
            ).format(folder=folder)
        )
        return False


def bug_message_long(log_file: Path | None) -> str:
    where = (
        _("The details were written to the log, {log}.").format(log=log_file)
        if log_file is not None
        else _("The details were written to the log.")
    )
    return " ".join(
        [
            _("It is a fault in the program, not in anything you did."),
            where,
            _(
                "Diva Desk keeps running; what you were doing may not have finished, and a "
                "change to the book is saved whole or not at all."
            ),
        ]
    )


def install_excepthook(log_file: Path | None) -> None:
    """Route exceptions that escape a Qt slot or callback to :func:`report_bug`."""
    set_log_file(log_file)

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
        elif issubclass(kind, UserFacingError) and QApplication.instance() is not None:
            show_message(QApplication.activeWindow(), str(error))
        else:
            report_bug(kind, error, trace)

    sys.excepthook = hook
