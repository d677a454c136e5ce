"""File › Import bank statement…: what the statement's credits pay, before anything is
written (bank_actions.py reads and plans the file; the rows are bank_rows.py).

Two lists. The matched lines, ticked: each with the invoice(s) it pays, the customer and
how it was recognised; Space (or a click) unticks one. The lines left for review, with
their likely invoices: Assign… (Enter, or a double click) gives one to an invoice or
shares it among several. The counts of debits ignored and of lines imported before are
said above. "Record N payments" writes the ticked and assigned lines in one
transaction on the worker (bank.recording); until then the book is untouched, and
Record waits while any invoice would get more than is left on it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.bank.matching import Allocation
from diva_desk.bank.recording import record_bank_import
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.ui.bank.assign_dialog import AssignDialog
from diva_desk.ui.bank.bank_rows import (
    BankLook,
    MatchedModel,
    ReviewModel,
    over_balances,
    taken_by_invoice,
)
from diva_desk.ui.common import dialogs, style
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.common.tasks import TaskRunner

#: Room above and below a wrapped row's text.
_ROW_PADDING = 8


def _table(
    parent: QWidget, name: str, model: object, stretch: tuple[int, ...], *, wrap: bool = False
) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    # Every column as wide as what it says (a statement has tens of lines, not thousands);
    # the description (and why a line waits) take the rest, and give way first.
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    if wrap:
        # Sentences (why a line waits, what it pays) wrap rather than lose their end.
        table.setWordWrap(True)
        header.sectionResized.connect(lambda *_: _fit_rows(table))
        model.dataChanged.connect(lambda *_: _fit_rows(table))  # type: ignore[attr-defined]
    if model.rowCount():  # type: ignore[attr-defined]
        table.selectRow(0)
    return table


def _fit_rows(table: QTableView) -> None:
    """Each row tall enough for its wrapped text, and never lower than a one-line row."""
    lowest = table.verticalHeader().defaultSectionSize()
    for row in range(table.model().rowCount()):
        table.setRowHeight(row, max(lowest, table.sizeHintForRow(row) + _ROW_PADDING))


def _heading(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    label.setStyleSheet("font-weight: bold")
    return label


class BankReviewDialog(QDialog):
    """The matches and the lines for review; nothing is written until Record."""

    #: After recording: (payments recorded, customers who paid).
    recorded = Signal(int, int)

    def __init__(self, look: BankLook, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bankReviewDialog")
        self.look = look
        plan = look.plan
        self._tasks = tasks
        self.setWindowTitle(_("Import bank statement {file}").format(file=plan.file))

        self.summary = QLabel(summary_text(look), self)
        self.summary.setObjectName("bankSummary")
        self.summary.setWordWrap(True)

        self.matched = MatchedModel(look, self)
        self.review = ReviewModel(look, self)
        top, bottom = QWidget(self), QWidget(self)
        self.matched_table = _table(top, "matchedLines", self.matched, (2,))
        self.review_table = _table(bottom, "reviewLines", self.review, (2, 3, 5), wrap=True)
        self.matched_table.installEventFilter(self)
        self.review_table.installEventFilter(self)
        self.review_table.doubleClicked.connect(lambda _index: self.assign())

        matched_heading = _heading(
            ngettext(
                "&Matched: {count} line, ticked to record (Space unticks)",
                "&Matched: {count} lines, ticked to record (Space unticks)",
                len(plan.matched),
            ).format(count=fmt.number(len(plan.matched))),
            self.matched_table,
            top,
        )
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(matched_heading)
        column.addWidget(self.matched_table, 1)

        review_heading = _heading(
            ngettext(
                "&To review: {count} line nothing matched for sure",
                "&To review: {count} lines nothing matched for sure",
                len(plan.review),
            ).format(count=fmt.number(len(plan.review))),
            self.review_table,
            bottom,
        )
        self.assign_button = QPushButton(_("&Assign to invoices…"), bottom)
        self.assign_button.setObjectName("assignLine")
        self.assign_button.setAutoDefault(False)
        self.assign_button.setToolTip(_("Record this line as a payment on one or more invoices"))
        self.assign_button.clicked.connect(self.assign)
        self.unassign_button = QPushButton(_("Do&n't record"), bottom)
        self.unassign_button.setObjectName("unassignLine")
        self.unassign_button.setAutoDefault(False)
        self.unassign_button.clicked.connect(self.unassign)
        actions = QHBoxLayout()
        actions.addWidget(review_heading, 1)
        actions.addWidget(self.assign_button)
        actions.addWidget(self.unassign_button)
        column = QVBoxLayout(bottom)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(actions)
        column.addWidget(self.review_table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        top.setVisible(bool(plan.matched))
        bottom.setVisible(bool(plan.review))

        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        style.themed(self.problem, "color: @overdue;")
        self.problem.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.record_button = self.buttons.addButton(
            _("&Record"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record_button.setObjectName("recordPayments")
        self.record_button.setDefault(True)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.matched.dataChanged.connect(lambda *_: self.update_state())
        self.review.dataChanged.connect(lambda *_: self.update_state())
        self.review_table.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        # Record waits while the window's worker writes something else (a backup).
        tasks.busy_changed.connect(self._busy_changed)
        fit_to_screen(self, 1180, 680)
        (self.matched_table if plan.matched else self.review_table).setFocus()
        self.update_state()

    # --- what is chosen -----------------------------------------------------------------

    def chosen(self) -> tuple[frozenset[str], dict[str, tuple[Allocation, ...]]]:
        """What Record writes: (the matched lines left out, the review lines given)."""
        return frozenset(self.matched.unticked), dict(self.review.assigned)

    def payments(self) -> list[Allocation]:
        """Every payment Record would write, one per invoice a line pays."""
        given = [a for m in self.matched.ticked() for a in m.allocations]
        return given + [a for allocations in self.review.assigned.values() for a in allocations]

    def problems(self) -> list[str]:
        taken = taken_by_invoice(self.matched.ticked(), self.review.assigned)
        return over_balances(self.look, taken)

    def update_state(self) -> None:
        count = len(self.payments())
        problems = self.problems()
        self.record_button.setText(
            ngettext("&Record {count} payment", "&Record {count} payments", count).format(
                count=fmt.number(count)
            )
        )
        self.record_button.setEnabled(count > 0 and not problems and not self._tasks.is_busy())
        self.problem.setText(" ".join(problems))
        self.problem.setVisible(bool(problems))
        self._buttons()

    def _busy_changed(self, _busy: bool) -> None:
        self.update_state()

    def _buttons(self) -> None:
        row = self._review_row()
        self.assign_button.setEnabled(row is not None)
        given = row is not None and self.review.row_at(row).line.transaction in self.review.assigned
        self.unassign_button.setEnabled(given)

    def _review_row(self) -> int | None:
        index = self.review_table.currentIndex()
        return index.row() if index.isValid() else None

    # --- the owner's hands ----------------------------------------------------------------

    def assign(self) -> None:
        """Give the review line in view to one invoice or several, in a small dialog."""
        row = self._review_row()
        if row is None:
            return
        line = self.review.row_at(row)
        transaction = line.line.transaction
        taken = taken_by_invoice(
            self.matched.ticked(), self.review.assigned, leaving_out=transaction
        )
        dialog = AssignDialog(
            line,
            self.look.plan.currency,
            self.look.invoices,
            self.review.assigned.get(transaction, ()),
            taken,
            self,
        )
        if dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.review.assign(row, dialog.allocations())
        self.review_table.setFocus()

    def unassign(self) -> None:
        row = self._review_row()
        if row is not None:
            self.review.assign(row, ())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.matched_table and key == Qt.Key.Key_Space:
                index = self.matched_table.currentIndex()
                if index.isValid():
                    self.matched.toggle(index.row())
                return True
            if watched is self.review_table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.assign()
                return True
            if watched is self.review_table and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.unassign()
                return True
        return super().eventFilter(watched, event)

    # --- recording ----------------------------------------------------------------------

    def record(self) -> None:
        """Write the chosen lines in one transaction, off the GUI thread."""
        self.update_state()
        if not self.record_button.isEnabled():
            return
        skip, assign = self.chosen()
        payments = self.payments()
        customers = len({a.customer for a in payments})
        plan = self.look.plan
        self.record_button.setEnabled(False)

        def done(_result: object) -> None:
            self.recorded.emit(len(payments), customers)
            super(BankReviewDialog, self).accept()

        def failed(error: BaseException) -> None:
            self.update_state()
            show_failure(self, error)

        self._tasks.run(lambda: record_bank_import(plan, skip=skip, assign=assign), done, failed)


def summary_text(look: BankLook) -> str:
    plan = look.plan
    account = _("Account {account}, {currency}").format(
        account=plan.account or _("not named"), currency=plan.currency
    )
    counts = [
        ngettext("{n} credit matched", "{n} credits matched", len(plan.matched)),
        ngettext("{n} to review", "{n} to review", len(plan.review)),
        ngettext("{n} debit ignored", "{n} debits ignored", plan.ignored),
        ngettext(
            "{n} line imported before, left out",
            "{n} lines imported before, left out",
            plan.already_imported,
        ),
    ]
    numbers = (len(plan.matched), len(plan.review), plan.ignored, plan.already_imported)
    said = " · ".join(t.format(n=fmt.number(n)) for t, n in zip(counts, numbers, strict=True))
    return _("{account}: {counts}. Nothing is written until you press Record.").format(
        account=account, counts=said
    )
