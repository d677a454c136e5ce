"""The Invoices tab's recurring actions: Make recurring… from the invoice selected, and the
list of recurring invoices; and the run of what is due, at start-up and after a save."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.store.recurring.schedules import schedule_from_invoice
from diva_desk.ui.common import dialogs, errors
from diva_desk.ui.invoices.invoice_tab_actions import tab_action
from diva_desk.ui.invoices.recurring.made_notice import run_at_start
from diva_desk.ui.invoices.recurring.schedule_dialog import ScheduleDialog
from diva_desk.ui.invoices.recurring.schedules_dialog import SchedulesDialog

#: The Invoices tab (ui.invoices.invoices_tab.InvoicesTab), not imported: it imports this.
InvoicesTab = Any


class RecurringActions(QObject):
    def __init__(self, tab: InvoicesTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.make_action = tab_action(
            tab,
            _("&Make recurring…"),
            self.make,
            [QKeySequence("Ctrl+Shift+U")],
            _("Make an invoice like this one every week, month, quarter or year"),
        )
        self.list_action = tab_action(
            tab,
            _("Recurrin&g invoices…"),
            self.show_list,
            [QKeySequence("Ctrl+Shift+L")],
            _("The recurring invoices: change, stop or delete them"),
        )
        # In the View menu too, so its key works wherever the focus is in the window.
        self.list_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def make(self) -> None:
        rows = self.tab.selected_rows()
        if len(rows) != 1:
            return
        try:
            schedule = schedule_from_invoice(rows[0].id)
        except UserFacingError as exc:
            errors.show_failure(self.tab, exc)
            return
        dialog = ScheduleDialog(schedule, self.tab)
        if dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._saved(
                _("Saved the recurring invoice for {customer}.").format(
                    customer=rows[0].customer_name
                )
            )

    def show_list(self) -> None:
        dialog = SchedulesDialog(self.tab.today, self.tab)
        dialog.changed.connect(self._saved)
        dialogs.exec_dialog(dialog)

    def _saved(self, message: str) -> None:
        self.tab.announced.emit(message)
        self.run_due()

    def run_due(self) -> None:
        """Make what is due today on the worker (a schedule starting today makes its first)."""
        tab = self.tab
        run_at_start(
            tab.window(),
            tab.tasks,
            tab.today(),
            announce=tab.announced.emit,
            changed=tab.book_changed.emit,
            look=self._look,
        )

    def _look(self, invoice_id: int) -> None:
        window = self.tab.window()
        tabs = getattr(window, "tabs", None)
        if tabs is not None:
            tabs.setCurrentWidget(self.tab)
        self.tab.select_invoice(invoice_id)
        self.tab.view.setFocus()
