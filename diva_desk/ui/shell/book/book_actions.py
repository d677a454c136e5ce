"""File menu work on the whole book: import, export, back up now and restore.

Each runs through the :class:`TaskRunner` so the window stays responsive, and
reports in the status bar when done. Trouble the person can act on (a bad file, a
full disk) is shown as its sentence; a bug goes to the log with "Something went
wrong". A restore copies the backup into the book through SQLite's backup API (the
book as it was kept aside first), then the window opens the book afresh, so no
connection or cache still holds what was there before.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow

from diva_desk.errors import BookProblem
from diva_desk.i18n import _, format
from diva_desk.interchange import ImportSummary, export_text, import_file
from diva_desk.saved_files import write_text
from diva_desk.store.book import maintenance
from diva_desk.store.book.backups import BackupCopy
from diva_desk.store.book.db import close_book, open_book
from diva_desk.store.invoices.unpaid import forget_unpaid
from diva_desk.ui.common import dialogs
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.shell.book.restore_dialog import RestoreDialog, invoices_text

_BOOK_FILES = "*.json"


def _write_atomically(target: Path, text: str) -> None:
    """Write beside the target and rename, so a full disk never leaves half a file."""
    try:
        write_text(target, text)
    except OSError as exc:
        raise BookProblem(
            _("Could not write {path}: {reason}.").format(path=target, reason=exc.strerror or exc)
        ) from exc


class BookActions(QObject):
    """The Import…, Export… and Back up… actions of a window."""

    #: The book's contents changed (after an import): the window reloads its lists.
    book_changed = Signal()

    def __init__(self, window: QMainWindow, tasks: TaskRunner, backup_folder: Path) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._backup_folder = backup_folder

        self.import_action = QAction(_("&Import…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setStatusTip(_("Add the customers and invoices of a Diva Desk file"))
        self.import_action.triggered.connect(self.ask_import)

        self.export_action = QAction(_("&Export…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setStatusTip(_("Write the whole book to a Diva Desk file"))
        self.export_action.triggered.connect(self.ask_export)

        self.backup_action = QAction(_("&Back up now"), self)
        self.backup_action.setShortcut(QKeySequence("Ctrl+B"))
        self.backup_action.setStatusTip(
            _("Write a copy of the book into its backups folder, to restore later")
        )
        self.backup_action.triggered.connect(self.back_up_now)

        self.restore_action = QAction(_("&Restore from backup…"), self)
        self.restore_action.setStatusTip(_("Go back to a copy of the book; the book now is kept"))
        self.restore_action.triggered.connect(self.ask_restore)

        tasks.busy_changed.connect(self._busy_changed)

    @property
    def backup_folder(self) -> Path:
        """Where backups are suggested (Help › Where your data lives shows it)."""
        return self._backup_folder

    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action, self.backup_action, self.restore_action]

    def _busy_changed(self, busy: bool) -> None:
        for action in self.actions():
            action.setEnabled(not busy)

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 15000)

    # --- asking for a file -------------------------------------------------------------

    def ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            _("Import a book"),
            _documents(),
            _("Diva Desk books ({pattern});;All files (*)").format(pattern=_BOOK_FILES),
        )
        if path:
            self.import_from(Path(path))

    def ask_export(self) -> None:
        suggested = Path(_documents(), f"diva-desk-{dt.date.today().isoformat()}.json")
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            _("Export the book"),
            str(suggested),
            _("Diva Desk books ({pattern})").format(pattern=_BOOK_FILES),
        )
        if path:
            self.export_to(Path(path))

    def ask_restore(self) -> None:
        """The list of copies, then a confirmation naming what is replaced and where it goes."""
        book = _book()
        dialog = RestoreDialog(book.parent, self._tasks, self._window)
        if dialogs.exec_dialog(dialog) != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        chosen = dialog.chosen
        source = chosen.path if isinstance(chosen, BackupCopy) else chosen
        if dialogs.confirm(
            self._window,
            _("Restore from backup"),
            restore_question(chosen, book),
            _("&Restore"),
        ):
            self.restore_from(source)

    # --- the work ----------------------------------------------------------------------

    def import_from(self, path: Path) -> None:
        self._say(_("Importing {file}…").format(file=path.name))

        def done(summary: ImportSummary) -> None:
            self._say(_("Imported {summary} from {file}.").format(summary=summary, file=path.name))
            self.book_changed.emit()

        self._tasks.run(lambda: import_file(path), done, self._failed)

    def export_to(self, path: Path) -> None:
        self._say(_("Exporting the book…"))
        self._tasks.run(
            lambda: _write_atomically(path, export_text()),
            lambda _result: self._say(_("Exported the book to {path}.").format(path=path)),
            self._failed,
        )

    def back_up_to(self, path: Path) -> None:
        self._say(_("Backing up the book…"))
        self._tasks.run(
            lambda: maintenance.backup_book(path),
            lambda _result: self._say(_("Backup written to {path}.").format(path=path)),
            self._failed,
        )

    def back_up_now(self) -> None:
        """A copy in ``backups/`` (never pruned), written by the worker."""
        folder = _book().parent
        self._say(_("Backing up the book…"))
        self._tasks.run(
            lambda: maintenance.back_up_now(folder),
            lambda path: self._say(_("Backed up the book to {path}.").format(path=path)),
            self._failed,
        )

    def restore_from(self, source: Path) -> None:
        """Replace the book's contents with ``source``; the book as it was is kept aside."""
        book = _book()
        self._say(_("Restoring the book from {file}…").format(file=source.name))

        def done(kept: Path) -> None:
            # Every worker done with the book as it was, then the book opened afresh:
            # no connection, and no answer kept for one (store.invoices.unpaid), survives.
            for runner in self._window.findChildren(TaskRunner):
                runner.wait()
            close_book()
            open_book(book)  # upgrades a copy written by an older version
            forget_unpaid()
            self._say(
                _("Restored the book from {file}. The book as it was is kept at {kept}.").format(
                    file=source.name, kept=kept
                )
            )
            self.book_changed.emit()

        self._tasks.run(lambda: maintenance.restore_book(source, book), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self._window.statusBar().clearMessage()
        show_failure(self._window, error)


def _book() -> Path:
    book = maintenance.open_book_file()
    assert book is not None, "a window without an open book"
    return book


def restore_question(chosen: BackupCopy | Path, book: Path) -> str:
    """What the confirmation says: which copy, what is lost, where the book now goes."""
    if isinstance(chosen, BackupCopy):
        which = _("the copy taken {date} ({invoices} invoices)").format(
            date=format.datetime(chosen.taken), invoices=invoices_text(chosen)
        )
    else:
        which = _("the copy {file}").format(file=chosen)
    return _(
        "Replace the book {book} with {which}?\n\n"
        "What was entered since that copy was taken leaves the book. The book as it is "
        "now is kept aside first, in {folder}, as {stem}.before-restore-<date and time>"
        "{suffix}: restoring that file brings it back."
    ).format(book=book, which=which, folder=book.parent, stem=book.stem, suffix=book.suffix)


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
