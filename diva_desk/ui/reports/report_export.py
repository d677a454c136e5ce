"""Saving the aging report from the Reports tab: asking where, and writing the file whole.

The writing runs on the TaskRunner's worker (ui.tasks), so it touches no widget; a
file that cannot be written becomes a BookProblem saying which and why.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from diva_desk.errors import BookProblem
from diva_desk.i18n import _
from diva_desk.saved_files import write_bytes


def ask_path(parent: QWidget, title: str, suggested: str, kinds: str) -> Path | None:
    """Where to save, suggested in the Documents folder; the suffix added if left off."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path(folder) / suggested), kinds
    )
    if not chosen:
        return None
    path = Path(chosen)
    suffix = Path(suggested).suffix
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def write_csv(path: Path, as_of: dt.date) -> int:
    try:
        from diva_desk.exports.aging import aging_csv  # ReportLab's module: not at start-up

        return aging_csv(path, as_of)  # itself written beside the file and renamed
    except OSError as exc:
        raise not_written(path, exc) from exc


def write_pdf(path: Path, as_of: dt.date) -> None:
    """The PDF goes to a temporary file beside ``path``, renamed once complete."""
    from diva_desk.exports.aging import aging_pdf  # ReportLab: when asked, not at start-up

    data = aging_pdf(as_of)
    try:
        write_bytes(path, data)
    except OSError as exc:
        raise not_written(path, exc) from exc


def not_written(path: Path, error: OSError) -> BookProblem:
    return BookProblem(
        _("Could not write {path}: {reason}.").format(path=path, reason=error.strerror or error)
    )
