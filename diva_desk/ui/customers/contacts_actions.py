"""File > Import contacts… and File > Export customers to CSV….

Reading the file, writing the import and writing the export all go through the
window's TaskRunner, off the GUI thread; the preview in between is
contacts_import_dialog.py. The export writes the customers the list shows (its
search and filters), so "export the overdue ones" is a filter and a click.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow

from diva_desk.errors import BookProblem
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from diva_desk.ui.customers.contacts_import_dialog import ContactsImportDialog, FirstLook


class ContactsActions(QObject):
    """File > Import contacts… and File > Export customers to CSV…."""

    book_changed = Signal()
    status_message = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        tasks: TaskRunner,
        shown_codes: Callable[[], Collection[str]],
        today: Callable[[], dt.date],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._shown_codes = shown_codes
        self._today = today
        #: The preview, while open.
        self.dialog: ContactsImportDialog | None = None

        self.import_action = QAction(_("Import &contacts…"), self)
        self.import_action.setStatusTip(
            _("Add customers from a CSV or vCard file, after a preview")
        )
        self.import_action.triggered.connect(self.ask_import)
        self.export_action = QAction(_("Export customers to CS&V…"), self)
        self.export_action.setStatusTip(
            _(
                "Write the customers shown in the list to a spreadsheet file; a cell that "
                "begins with = + - or @ gets an apostrophe so it stays text"
            )
        )
        self.export_action.triggered.connect(self.ask_export)
        tasks.busy_changed.connect(self._busy_changed)

    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action]

    def _busy_changed(self, busy: bool) -> None:
        for action in self.actions():
            action.setEnabled(not busy)

    def ask_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            _("Import contacts"),
            _documents(),
            _("Contacts (*.csv *.vcf *.vcard *.txt);;All files (*)"),
        )
        if path:
            self.preview(Path(path))

    def preview(self, path: Path) -> None:
        """Read the file, the book's customers and a first plan off the GUI thread; then
        open the preview."""
        from diva_desk.ui.customers.contacts_import_dialog import (
            ContactsImportDialog,
            first_look,
        )

        self.status_message.emit(_("Reading {file}…").format(file=path.name))

        def done(look: FirstLook) -> None:
            self.status_message.emit("")
            dialog = ContactsImportDialog(path, look.contacts, self._tasks, self._window, look)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.imported.connect(lambda count: self._imported(count, path))
            dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
            self.dialog = dialog
            dialog.open()

        self._tasks.run(lambda: first_look(path), done, self._failed)

    def _imported(self, count: int, path: Path) -> None:
        self.book_changed.emit()
        self.status_message.emit(
            ngettext(
                "Imported {count} customer from {file}.",
                "Imported {count} customers from {file}.",
                count,
            ).format(count=fmt.number(count), file=path.name)
        )

    def ask_export(self) -> None:
        codes = list(self._shown_codes())
        suggested = Path(_documents(), f"customers-{self._today().isoformat()}.csv")
        path, _filter = QFileDialog.getSaveFileName(
            self._window,
            ngettext(
                "Export the {count} customer shown",
                "Export the {count} customers shown",
                len(codes),
            ).format(count=fmt.number(len(codes))),
            str(suggested),
            _("CSV files (*.csv)"),
        )
        if path:
            self.export_to(Path(path), codes)

    def export_to(self, path: Path, codes: Collection[str]) -> None:
        today = self._today()

        def done(count: int) -> None:
            self.status_message.emit(
                ngettext(
                    "Exported {count} customer to {path}.",
                    "Exported {count} customers to {path}.",
                    count,
                ).format(count=fmt.number(count), path=path)
            )

        self._tasks.run(lambda: _export(path, today, codes), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.status_message.emit("")
        show_failure(self._window, error)


def _export(path: Path, today: dt.date, codes: Collection[str]) -> int:
    """Export, turning a disk's refusal into a sentence that says what happened."""
    from diva_desk.contacts import export_customers_csv  # not at start-up

    try:
        return export_customers_csv(path, today=today, include_archived=True, codes=codes)
    except OSError as exc:
        raise BookProblem(
            _("Could not write {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
