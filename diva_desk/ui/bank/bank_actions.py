"""File › Import bank statement… (Ctrl+Shift+I): the file, then the review.

The file dialog opens in the folder a statement came from last time (the Downloads
folder the first time). Reading the file, planning it against the book and reading the
open invoices happen on the window's worker, as the other imports do; a file that is
not a statement is said in one sentence and nothing changes. The review
(review_dialog.py) records; then the window reads the book again (Today's calls, the
lists, the totals) and the status bar says what was recorded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.ui.bank.bank_rows import BankLook, open_balances
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.common.window_state import app_settings

_LAST_FOLDER = "bank/last_folder"


def first_look(path: Path) -> BankLook:
    """Read and plan the statement, and the invoices it may pay (on the worker)."""
    from diva_desk.bank.matching import plan_bank_import  # not at start-up
    from diva_desk.bank.reading import read_statement
    from diva_desk.store.bank.reading import book_for_matching

    plan = plan_bank_import(read_statement(path), path.name)
    return BankLook(plan, open_balances(book_for_matching(plan.account, ()), plan.currency))


class BankActions(QObject):
    """File › Import bank statement…."""

    book_changed = Signal()
    status_message = Signal(str)

    def __init__(self, window: QMainWindow, tasks: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        #: The review, while open.
        self.dialog: QObject | None = None
        self.import_action = QAction(_("Import bank &statement…"), self)
        self.import_action.setObjectName("importBankStatement")
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.setStatusTip(
            _("Read a statement downloaded from your bank and record the payments it shows")
        )
        self.import_action.triggered.connect(self.ask_import)
        tasks.busy_changed.connect(lambda busy: self.import_action.setEnabled(not busy))

    def actions(self) -> list[QAction]:
        return [self.import_action]

    def ask_import(self) -> None:
        settings = app_settings()
        folder = str(settings.value(_LAST_FOLDER, "") or _downloads())
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            _("Import a bank statement"),
            folder,
            ";;".join(
                (
                    _("Bank statements (*.ofx *.qfx *.csv *.xml)"),
                    _("OFX and QFX (*.ofx *.qfx)"),
                    _("CSV (*.csv)"),
                    _("CAMT.053 XML (*.xml)"),
                    _("All files (*)"),
                )
            ),
        )
        if path:
            settings.setValue(_LAST_FOLDER, str(Path(path).parent))
            self.review(Path(path))

    def review(self, path: Path) -> None:
        """Read and plan ``path`` on the worker; then show what it pays."""
        from diva_desk.ui.bank.review_dialog import BankReviewDialog

        self.status_message.emit(_("Reading {file}…").format(file=path.name))

        def done(look: BankLook) -> None:
            self.status_message.emit("")
            plan = look.plan
            if not plan.matched and not plan.review:
                QMessageBox.information(
                    self._window, _("Import bank statement"), nothing_text(look)
                )
                return
            dialog = BankReviewDialog(look, self._tasks, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.recorded.connect(lambda count, customers: self._recorded(count, customers, path))
            dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
            self.dialog = dialog
            dialog.open()

        self._tasks.run(lambda: first_look(path), done, self._failed)

    def _recorded(self, count: int, customers: int, path: Path) -> None:
        self.book_changed.emit()
        self.status_message.emit(recorded_text(count, customers, path.name))

    def _failed(self, error: BaseException) -> None:
        self.status_message.emit("")
        show_failure(self._window, error)


def recorded_text(count: int, customers: int, file: str) -> str:
    payments = ngettext("Recorded {count} payment", "Recorded {count} payments", count).format(
        count=fmt.number(count)
    )
    return ngettext(
        "{payments} from {customers} customer, from the bank statement {file}.",
        "{payments} from {customers} customers, from the bank statement {file}.",
        customers,
    ).format(payments=payments, customers=fmt.number(customers), file=file)


def nothing_text(look: BankLook) -> str:
    """What an import with no new credit says (every line a debit, or imported before)."""
    plan = look.plan
    counts = (
        ngettext("{n} debit ignored", "{n} debits ignored", plan.ignored),
        ngettext(
            "{n} line imported before, left out",
            "{n} lines imported before, left out",
            plan.already_imported,
        ),
    )
    said = ", ".join(
        text.format(n=fmt.number(n))
        for text, n in zip(counts, (plan.ignored, plan.already_imported), strict=True)
    )
    return _("Nothing to record in {file}: no credit in it is new ({counts}).").format(
        file=plan.file, counts=said
    )


def _downloads() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
