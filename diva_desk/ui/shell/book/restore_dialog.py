"""File › Restore from backup: the copies of the book, newest first, and the one to go back to.

The list is read on the window's task runner (each copy is opened to count its
invoices, which takes a moment for a large book), so the dialog opens at once and
fills when the worker is back. Choosing a copy only picks it: the confirmation and
the restore itself are the window's (ui.shell.book.book_actions).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.i18n import _, format, ngettext
from diva_desk.store.book import maintenance
from diva_desk.store.book.backups import BackupCopy
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.common.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex


def file_size(size: int) -> str:
    """1.4 MB, 96 KB: a copy's size as a person reads it, in the book's locale."""
    if size >= 1024 * 1024:
        tenths = Decimal(size * 10 // (1024 * 1024)) / 10
        return _("{size} MB").format(size=format.number(tenths))
    return _("{size} KB").format(size=format.number(max(1, size // 1024)))


def invoices_text(copy: BackupCopy) -> str:
    if copy.invoices is None:
        return _("cannot be read")
    return format.number(copy.invoices)


def kind_text(copy: BackupCopy) -> str:
    return _("Daily copy") if copy.daily else _("Kept by you")


class BackupsModel(QAbstractTableModel):
    """The copies in ``backups/``: when taken, size, invoices, daily or kept by the owner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copies: list[BackupCopy] = []
        self._headers = (_("Taken"), _("Size"), _("Invoices"), _("Kind"))

    def set_copies(self, copies: list[BackupCopy]) -> None:
        self.beginResetModel()
        self.copies = list(copies)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.copies)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        copy = self.copies[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                format.datetime(copy.taken),
                file_size(copy.size),
                invoices_text(copy),
                kind_text(copy),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(copy.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RestoreDialog(QDialog):
    """Pick a copy (or a file elsewhere); :attr:`chosen` holds it when accepted."""

    def __init__(self, data_dir: Path, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Restore from backup"))
        self.chosen: BackupCopy | Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Choose the copy of the book to go back to. The book as it is now is kept "
                "aside first, so nothing is lost."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = BackupsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("backupsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(lambda _index: self._choose_selected())
        layout.addWidget(self.view)
        self.status = QLabel(_("Reading the backups in {folder}…").format(folder=data_dir), self)
        self.status.setObjectName("backupsStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = QPushButton(_("&Restore this copy…"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.file_button = QPushButton(_("From another &file…"), self)
        self.file_button.setToolTip(_("A copy on a USB stick or in a synced folder"))
        buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._choose_selected)
        self.file_button.clicked.connect(self._choose_file)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_a: self.restore_button.setEnabled(self._selected() is not None)
        )
        self._data_dir = data_dir
        fit_to_screen(self, 640, 420)
        tasks.run(
            lambda: maintenance.list_backups(data_dir),
            self.show_copies,
            lambda error: show_failure(self, error),
            uses_book=False,
        )

    def show_copies(self, copies: list[BackupCopy]) -> None:
        self.model.set_copies(copies)
        if copies:
            self.status.setText(
                ngettext(
                    "{count} copy in {folder}.",
                    "{count} copies in {folder}, newest first.",
                    len(copies),
                ).format(count=format.number(len(copies)), folder=self._data_dir / "backups")
            )
            self.view.selectRow(0)
            self.view.setFocus()
        else:
            self.status.setText(
                _(
                    "There is no copy in {folder} yet. Back up now makes one; a copy elsewhere "
                    "can be restored with From another file."
                ).format(folder=self._data_dir / "backups")
            )
            self.file_button.setFocus()

    def _selected(self) -> BackupCopy | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.copies[rows[0].row()] if rows else None

    def _choose_selected(self) -> None:
        copy = self._selected()
        if copy is not None:
            self.chosen = copy
            self.accept()

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Restore from a copy of the book"),
            str(self._data_dir),
            _("Diva Desk backups (*.sqlite3);;All files (*)"),
        )
        if path:
            self.chosen = Path(path)
            self.accept()
