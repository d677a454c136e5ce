"""How trouble reaches the person at the keyboard.

Two kinds, as in STYLE.md: a :class:`UserFacingError` carries a sentence that
says what to do, and is shown as it is; anything else is a bug, logged with its
traceback to the log file in the data folder and shown as "Something went
wrong", naming that file. Never a silent failure, never a raw traceback dialog.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from diva_desk.errors import UserFacingError
from diva_desk.i18n import _

log = logging.getLogger("diva_desk")

_log_file: Path | None = None
_reporting = False


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
    log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, trace)))
    if _reporting or QApplication.instance() is None:
        return
    _reporting = True
    try:
        show_message(parent or QApplication.activeWindow(), bug_message(), critical=True)
    finally:
        _reporting = False


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
