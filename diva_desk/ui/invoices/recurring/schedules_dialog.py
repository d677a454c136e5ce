"""The list of recurring invoices: each schedule, how often, its next date and its end,
with New, Edit, Stop and Delete (asked first: the schedule cannot be brought back, the
invoices it made stay)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.recurring.schedules import (
    Schedule,
    ScheduleRow,
    customer_choices,
    delete_schedule,
    end_schedule,
    load_schedule,
    new_schedule,
    schedule_rows,
)
from diva_desk.ui.common import dialogs, errors
from diva_desk.ui.common.layouts.screen_fit import fitted_size
from diva_desk.ui.common.tables.table_models import Column, RowTableModel, money_column
from diva_desk.ui.invoices.recurring.schedule_dialog import ScheduleDialog, every_words


def _ends(row: ScheduleRow) -> str:
    if row.ended:
        return _("Stopped")
    return fmt.date(row.end_date) if row.end_date else _("Not set")


def _columns() -> list[Column[ScheduleRow]]:
    return [
        Column(_("Customer"), lambda s: f"{s.customer_name} ({s.customer_code})", weight=3),
        Column(_("How often"), lambda s: every_words(s.every, s.interval), weight=2),
        Column(
            _("Next invoice"),
            lambda s: "" if s.ended else fmt.date(s.next_date),
            value=lambda s: s.next_date,
            numeric=True,
            shrinks=False,
        ),
        Column(_("Ends"), _ends, value=lambda s: s.end_date or dt.date.max, shrinks=False),
        Column(_("Made as"), lambda s: _("Sent") if s.send else _("Draft")),
        money_column(_("Each"), "total"),
    ]


class SchedulesDialog(QDialog):
    """Every schedule; what is done here is written at once."""

    #: A schedule was saved, stopped or deleted: the window reads the book again.
    changed = Signal(str)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schedulesDialog")
        self.setWindowTitle(_("Recurring invoices"))
        self.today = today
        self.model: RowTableModel[ScheduleRow] = RowTableModel(_columns(), self)
        self.view = QTableView(self)
        self.view.setObjectName("schedules")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few rows
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.edit())
        self.empty = QLabel(
            _(
                "No recurring invoices yet. Choose New, or select an invoice in the "
                "Invoices tab and choose Make recurring."
            ),
            self,
        )
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "note")

        self.buttons = QDialogButtonBox(self)
        self.new_button = self._button(_("&New…"), self.new, QKeySequence.StandardKey.New)
        self.edit_button = self._button(_("&Edit…"), self.edit, "Return")
        self.stop_button = self._button(_("&Stop"), self.stop, None)
        self.delete_button = self._button(
            _("&Delete…"), self.delete, QKeySequence.StandardKey.Delete
        )
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(_("&Close"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resize(*fitted_size(900, 420, self))
        self.reload()

    def _button(
        self, text: str, slot: Callable[[], None], key: QKeySequence.StandardKey | str | None
    ) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _c=False: slot())
        if key is not None:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False: slot())
            (self.view if key == "Return" else self).addAction(action)
        return button

    # --- the list ---------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        rows = schedule_rows()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.view.setVisible(bool(rows))
        ids = [row.schedule_id for row in rows]
        position = ids.index(select) if select in ids else (0 if ids else -1)
        if position >= 0:
            self.view.selectRow(position)
            self.view.setFocus()
        self._update_buttons()

    def selected(self) -> ScheduleRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        row = self.selected()
        self.edit_button.setEnabled(row is not None)
        self.stop_button.setEnabled(row is not None and not row.ended)
        self.delete_button.setEnabled(row is not None)

    # --- what the buttons do ------------------------------------------------------------

    def new(self) -> None:
        choices = customer_choices()
        if not choices:
            errors.show_message(self, _("Add a customer first: a recurring invoice is theirs."))
            return
        self._open(ScheduleDialog(new_schedule(choices[0].customer_id, self.today()), self))

    def edit(self) -> None:
        row = self.selected()
        loaded: list[Schedule] = []
        if row is not None and self._attempt(lambda: loaded.append(load_schedule(row.schedule_id))):
            self._open(ScheduleDialog(loaded[0], self))

    def _open(self, dialog: ScheduleDialog) -> None:
        if dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self.reload(dialog.schedule_id)
            self.changed.emit(_("Saved the recurring invoice."))

    def stop(self) -> None:
        row = self.selected()
        if row is None or row.ended:
            return
        if self._attempt(lambda: end_schedule(row.schedule_id)):
            self.reload(row.schedule_id)
            self.changed.emit(
                _("Stopped the recurring invoice for {customer}: it makes no more.").format(
                    customer=row.customer_name
                )
            )

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not dialogs.confirm(
            self,
            _("Delete the recurring invoice"),
            _(
                "Delete the recurring invoice for {customer} ({often})? It cannot be brought "
                "back; the invoices it already made stay in the book."
            ).format(customer=row.customer_name, often=every_words(row.every, row.interval)),
            _("&Delete"),
        ):
            return
        if self._attempt(lambda: delete_schedule(row.schedule_id)):
            self.reload()
            self.changed.emit(
                _("Deleted the recurring invoice for {customer}.").format(
                    customer=row.customer_name
                )
            )

    def _attempt(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            self.reload()
            return False
        return True
