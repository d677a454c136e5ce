"""Settings › Backups: where the daily copies go, and a second destination the owner picks.

The second destination (a USB stick, a synced folder) receives each daily copy too,
written with SQLite's online backup API by store.book.backups, never by copying the
live file. Choosing it writes a first copy there at once, on the worker. A folder
that is not there now (the stick unplugged) is said plainly and blocks nothing: the
day's copy in ``backups/`` is written as always, and the second one resumes when the
folder is back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diva_desk.i18n import _, format
from diva_desk.paths import backups_dir
from diva_desk.store.book import maintenance
from diva_desk.store.book.backups import KEEP_DAILY, KEEP_MONTHLY
from diva_desk.ui.common import style
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.common.tasks import TaskRunner


def last_written(folder: Path) -> dt.datetime | None:
    """When the newest copy in ``folder`` was written; None when it holds none."""
    newest = None
    for copy in folder.glob("*.sqlite3"):
        try:
            moment = copy.stat().st_mtime
        except OSError:
            continue
        newest = moment if newest is None else max(newest, moment)
    return dt.datetime.fromtimestamp(newest) if newest is not None else None


def destination_status(folder: Path | None) -> str:
    """One sentence on the second destination: none, missing, never written, or when."""
    if folder is None:
        return _("No second destination: the copies are only in the book's own folder.")
    if not folder.is_dir():
        return _(
            "{folder} is not there now (a USB stick unplugged, a drive not mounted). "
            "Your work goes on; copies go there again when it is back."
        ).format(folder=folder)
    moment = last_written(folder)
    if moment is None:
        return _("No copy has been written to {folder} yet.").format(folder=folder)
    return _("Last written {date}").format(date=format.datetime(moment))


class BackupSettingsDialog(QDialog):
    """The daily copies' folder and the second destination, with a folder picker."""

    def __init__(self, book: Path, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Backups"))
        self._book = book
        self._tasks = tasks
        layout = QVBoxLayout(self)

        daily = QGroupBox(_("Daily copies"), self)
        daily_layout = QVBoxLayout(daily)
        folder = backups_dir(book.parent)
        explained = QLabel(
            _(
                "Before the first change of each day a copy of the book is written to "
                "{folder}. The last {days} daily copies are kept, and one for each of the "
                "last {months} months."
            ).format(folder=folder, days=KEEP_DAILY, months=KEEP_MONTHLY),
            daily,
        )
        explained.setWordWrap(True)
        daily_layout.addWidget(explained)
        latest = last_written(folder) if folder.is_dir() else None
        self.latest_label = QLabel(
            _("Latest copy: {date}").format(date=format.datetime(latest))
            if latest is not None
            else _("No copy has been written yet."),
            daily,
        )
        daily_layout.addWidget(self.latest_label)
        layout.addWidget(daily)

        second = QGroupBox(_("Second destination"), self)
        second_layout = QVBoxLayout(second)
        why = QLabel(
            _(
                "A USB stick or a synced folder (Dropbox, Nextcloud…) that also receives "
                "each daily copy, so a lost or broken laptop does not take the book with it."
            ),
            second,
        )
        why.setWordWrap(True)
        second_layout.addWidget(why)
        self.folder_label = QLabel(second)
        self.folder_label.setObjectName("secondDestination")
        self.folder_label.setWordWrap(True)
        second_layout.addWidget(self.folder_label)
        self.status_label = QLabel(second)
        self.status_label.setObjectName("secondDestinationStatus")
        self.status_label.setWordWrap(True)
        second_layout.addWidget(self.status_label)
        row = QHBoxLayout()
        self.choose_button = QPushButton(_("&Choose folder…"), second)
        self.choose_button.clicked.connect(self.ask_folder)
        self.stop_button = QPushButton(_("&Stop using it"), second)
        self.stop_button.clicked.connect(self.stop)
        row.addWidget(self.choose_button)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        second_layout.addLayout(row)
        layout.addWidget(second)
        layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        tasks.busy_changed.connect(self._busy)
        self.show_destination()
        layout.activate()
        fit_to_screen(self, 600, max(layout.totalHeightForWidth(600), 200))

    def show_destination(self) -> None:
        folder = maintenance.second_destination()
        self.folder_label.setText(
            _("Folder: {folder}").format(folder=folder) if folder else _("Folder: none chosen")
        )
        self.status_label.setText(destination_status(folder))
        missing = folder is not None and not folder.is_dir()
        warning = style.sheet("QLabel { color: @caution; }")
        self.status_label.setStyleSheet(warning if missing else "")
        self.stop_button.setEnabled(folder is not None)

    def ask_folder(self) -> None:
        current = maintenance.second_destination()
        chosen = QFileDialog.getExistingDirectory(
            self, _("Choose the second backup destination"), str(current or Path.home())
        )
        if chosen:
            self.choose(Path(chosen))

    def choose(self, folder: Path) -> None:
        """Remember the folder and write a first copy there, on the worker."""
        self.status_label.setText(_("Writing a copy to {folder}…").format(folder=folder))

        def done(copy: Path | None) -> None:
            self.show_destination()
            if copy is not None:
                self.status_label.setText(
                    _("A copy was written to {path}. Each daily copy goes there too.").format(
                        path=copy
                    )
                )

        def failed(error: BaseException) -> None:
            self.show_destination()
            show_failure(self, error)

        self._tasks.run(lambda: maintenance.set_second_destination(folder), done, failed)

    def stop(self) -> None:
        maintenance.set_second_destination(None)
        self.show_destination()

    def _busy(self, busy: bool) -> None:
        self.choose_button.setEnabled(not busy)


def show_backup_settings(window: QMainWindow, tasks: TaskRunner) -> None:
    book = maintenance.open_book_file()
    assert book is not None, "a window without an open book"
    BackupSettingsDialog(book, tasks, window).exec()
