"""The Invoices tab: every invoice, filtered and added up, with what can be done to them.
Filters combine with the search box; the footer adds up the rows shown, per currency.
The actions' shortcuts work while the tab has focus:

    New          Ctrl+N          Send…           Ctrl+Return
    Open         Enter           Record payment  Ctrl+Shift+P
    Duplicate    Ctrl+D          Void…           Delete
    PDF…         Ctrl+Shift+O    Print…          Ctrl+P (all selected, one job)
    Late interest…  Ctrl+Shift+F    Recurring invoices…  Ctrl+Shift+L
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QWidget

from diva_desk.core.invoices.totals import InvoiceStatus
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.invoices.editing import send_invoice
from diva_desk.store.invoices.invoice_list import invoice_row, invoiced_customers
from diva_desk.store.invoices.lists import InvoiceRow
from diva_desk.ui.common import dialogs, errors
from diva_desk.ui.common.tables.list_tab import ListTab
from diva_desk.ui.common.tables.table_models import ROW_ROLE
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.documents import pdf_preview, printing
from diva_desk.ui.invoices.editor.invoice_editor import open_editor
from diva_desk.ui.invoices.editor.invoice_steps import ask_payment, ask_receipt, ask_void
from diva_desk.ui.invoices.invoice_filter_bar import FilterBar
from diva_desk.ui.invoices.invoice_filters import footer_text
from diva_desk.ui.invoices.invoice_models import InvoiceTableModel
from diva_desk.ui.invoices.invoice_tab_actions import (
    action_toolbar,
    enabled_action_for,
    pop_menu,
    tab_action,
)
from diva_desk.ui.invoices.late_interest_dialog import late_interest_action
from diva_desk.ui.invoices.recurring.recurring_actions import RecurringActions
from diva_desk.ui.mail.send_flow import email_invoice

_OPEN = (InvoiceStatus.SENT, InvoiceStatus.PARTLY_PAID, InvoiceStatus.OVERDUE)
#: Selected rows kept across a reload or a new order; more (say, all) are let go.
_KEPT_AT_MOST = 1000


class InvoicesTab(ListTab):
    #: Something was written to the book: the window reads it again.
    book_changed = Signal()
    #: A status-bar sentence about what was done.
    announced = Signal(str)

    def __init__(
        self,
        *,
        today: Callable[[], dt.date],
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        model = InvoiceTableModel()
        super().__init__(
            "invoices",
            model,
            search_hint=_("Search invoices by number, customer or status"),
            stretch_column=1,
            sort_column=2,
            sort_order=Qt.SortOrder.DescendingOrder,
            parent=parent,
        )
        self.model: InvoiceTableModel = model
        self.model.setParent(self)
        #: The model filters and sorts itself (in SQL); the view shows it directly.
        self.proxy: InvoiceTableModel = model
        self.today = today
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self._keep_selected: set[int] = set()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.filters = FilterBar(today, self)
        self.filters.changed.connect(self._filters_changed)
        self.footer = self.filters.footer
        self._build_actions()
        layout = self.layout()
        assert layout is not None
        layout.insertWidget(0, self.toolbar)  # type: ignore[attr-defined]
        layout.insertWidget(2, self.filters)  # type: ignore[attr-defined]
        layout.addWidget(self.footer)

        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._rows_reloaded)
        self.model.modelReset.connect(self._update_footer)
        self.model.reloaded.connect(lambda: self.filters.set_customers(invoiced_customers()))
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.view.doubleClicked.connect(lambda _index: self.open_invoice())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self._update_actions()

    # --- actions ----------------------------------------------------------------------

    def _build_actions(self) -> None:
        action = functools.partial(tab_action, self)
        key = QKeySequence
        self.new_action = action(
            _("&New invoice…"), self.new_invoice, [key(key.StandardKey.New)], _("Write an invoice")
        )
        self.open_action = action(
            _("&Open…"), self.open_invoice, [], _("Open the invoice to edit or look at it")
        )
        # Enter opens only from the list, so Enter in the search box still moves into it.
        self.open_action.setShortcuts([key("Return"), key("Enter")])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.open_action)
        self.duplicate_action = action(
            _("D&uplicate…"), self.duplicate, [key("Ctrl+D")], _("Start an invoice like this one")
        )
        self.send_action = action(
            _("&Send…"),
            self.send_selected,
            [key("Ctrl+Return")],
            _("Send the invoice: a draft takes its number, then the email shows"),
        )
        self.payment_action = action(
            _("Record &payment…"),
            self.record_payment,
            [key("Ctrl+Shift+P")],
            _("Record money received on the invoice"),
        )
        self.receipt_action = action(
            _("Confirmed &receipt…"),
            self.confirm_receipt,
            [key("Ctrl+Shift+R")],
            _("The customer confirmed they received it and are happy"),
        )
        self.void_action = action(
            _("&Void…"), self.void_selected, [key(key.StandardKey.Delete)], _("Void the invoice")
        )
        self.pdf_action = action(
            _("P&DF…"), self.preview_pdf, [key("Ctrl+Shift+O")], _("See the invoice as a PDF")
        )
        self.print_action = action(
            _("Pr&int…"),
            self.print_selected,
            [key(key.StandardKey.Print)],
            _("Print the selected invoices in one job"),
        )
        self.recurring = RecurringActions(self)
        self.late_interest_action = late_interest_action(self)
        self.toolbar = action_toolbar(self, self._menu_actions())

    def _own_action(self, event: QKeyEvent) -> QAction | None:
        """The tab's enabled action for this key, if any."""
        # Enter in the search box moves into the list instead of opening.
        return enabled_action_for(
            self._menu_actions(),
            event,
            skip=lambda item: item is self.open_action and not self.view.hasFocus(),
        )

    def event(self, event: QEvent) -> bool:
        # While the focus is in this tab its own keys win over the window's: Ctrl+N
        # writes an invoice here, even though the window also binds it to a new customer.
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if self._own_action(event) is not None:
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self._own_action(event)
        if item is None:
            super().keyPressEvent(event)
            return
        event.accept()
        item.trigger()

    def _menu_actions(self) -> list[QAction | None]:
        return [
            self.new_action,
            self.open_action,
            self.duplicate_action,
            self.late_interest_action,
            None,
            self.send_action,
            self.payment_action,
            self.receipt_action,
            self.void_action,
            None,
            self.pdf_action,
            self.print_action,
            None,
            self.recurring.make_action,
            self.recurring.list_action,
        ]

    def _context_menu(self, where: QPoint) -> None:
        pop_menu(self, self._menu_actions(), self.view.viewport().mapToGlobal(where))

    def _update_actions(self) -> None:
        rows = self.selected_rows()
        one = rows[0] if len(rows) == 1 else None
        status = one.status if one else None
        self.open_action.setEnabled(one is not None)
        self.duplicate_action.setEnabled(one is not None)
        self.send_action.setEnabled(one is not None and status is not InvoiceStatus.VOID)
        self.payment_action.setEnabled(status in _OPEN)
        self.receipt_action.setEnabled(status in (*_OPEN, InvoiceStatus.PAID))
        self.void_action.setEnabled(one is not None and status is not InvoiceStatus.VOID)
        self.pdf_action.setEnabled(one is not None)
        self.print_action.setEnabled(bool(rows))
        self.recurring.make_action.setEnabled(one is not None)

    # --- selection and rows -----------------------------------------------------------

    def selected_rows(self) -> list[InvoiceRow]:
        """The selected invoices, in the order the list shows them."""
        model = self.view.selectionModel()
        if model is None:
            return []
        indexes = sorted(model.selectedRows(), key=QModelIndex.row)
        return [row for index in indexes if (row := index.data(ROW_ROLE)) is not None]

    def select_invoice(self, invoice_id: int) -> bool:
        """Make the invoice the current row and show it, if the filters show it."""
        return self.select_position(self.model.position_of(invoice_id))

    def _remember_selection(self) -> None:
        # Selecting all of a long list must not make a reload read every row.
        model = self.view.selectionModel()
        selected = model.selectedRows() if model is not None else []
        if len(selected) > _KEPT_AT_MOST:
            self._keep_selected = set()
            return
        self._keep_selected = {row.id for row in self.selected_rows()}

    def _rows_reloaded(self) -> None:
        selection = self.view.selectionModel()
        for row in sorted(self.model.positions_of(self._keep_selected).values()):
            index = self.model.index(row, 0)
            if not selection.hasSelection():
                self.view.setCurrentIndex(index)
            selection.select(
                index,
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )
        self._update_actions()

    def _filters_changed(self) -> None:
        self.model.set_filter(self.filters.current())
        self._update_count()
        self._update_footer()

    def _update_footer(self) -> None:
        self.footer.setText(footer_text(self.model.sums))

    # --- what the actions do ----------------------------------------------------------

    def _written(self, message: str, invoice_id: int | None = None) -> None:
        if invoice_id is not None:
            self._keep_selected = {invoice_id}
        self.book_changed.emit()
        if invoice_id is not None:
            self.select_invoice(invoice_id)
        self.announced.emit(message)

    def _attempt(self, work: Callable[[], Any]) -> bool:
        try:
            work()
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            return False
        return True

    def _editor(self, **kwargs: Any) -> None:
        editor = open_editor(
            self,
            self.today(),
            on_change=self.book_changed.emit,
            announce=self.announced.emit,
            **kwargs,
        )
        dialogs.exec_dialog(editor)
        if editor.invoice_id is not None:
            self.select_invoice(editor.invoice_id)

    def new_invoice(self) -> None:
        self._editor()

    def open_invoice(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self._editor(invoice_id=rows[0].id)

    def duplicate(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self._editor(copy_of=rows[0].id)

    def send_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.send(rows[0])

    def send_by_id(self, invoice_id: int) -> None:
        """Send the draft, found in the book even when the filters hide it."""
        row = invoice_row(invoice_id, self.today())
        if row is not None:
            self.send(row)

    def send(self, row: InvoiceRow) -> None:
        """A draft: ask, send it (the next number, locked lines); then its email (ui.mail)."""
        if row.status is InvoiceStatus.VOID:
            return
        if row.status is not InvoiceStatus.DRAFT:
            return self._email(row.number)
        if not dialogs.confirm(
            self,
            _("Send the invoice"),
            _(
                "Send {number} to {customer}? It takes the next invoice number and its lines "
                "are locked: a correction later means voiding it and issuing a new one."
            ).format(number=row.number, customer=row.customer_name),
            _("&Send"),
        ):
            return
        sent: list[str] = []
        if self._attempt(lambda: sent.append(send_invoice(row.id, self.today()))):
            self._written(_("Sent invoice {number}.").format(number=sent[0]), row.id)
            self._email(sent[0])

    def _email(self, number: str) -> None:
        today, announce = self.today(), self.announced.emit
        email_invoice(self, self.tasks, number, today, announce, self.book_changed.emit)

    def record_payment(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or rows[0].status not in _OPEN:
            return
        amount = ask_payment(self, rows[0].id, self.today())
        if amount is not None:
            message = _("Recorded a payment of {amount} on {number}.").format(
                amount=amount, number=rows[0].number
            )
            self._written(message, rows[0].id)

    def confirm_receipt(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        message = ask_receipt(self, row.id, row.number, row.customer_name, self.today())
        if message is not None:
            self._written(message, row.id)

    def void_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or rows[0].status is InvoiceStatus.VOID:
            return
        row = rows[0]
        sent = row.status is not InvoiceStatus.DRAFT
        received = fmt.money(row.paid, row.currency) if row.paid > 0 else ""
        dialog = ask_void(
            self, row.id, row.number, self.today(), offer_reissue=sent, received=received
        )
        if dialog is None:
            return
        self._written(_("Voided {number}.").format(number=row.number), row.id)
        if dialog.reissue.isChecked():
            moving = (row.id, row.number, received) if dialog.moves_payments() else None
            self._editor(copy_of=row.id, payments_from=moving)

    def preview_pdf(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self._attempt(
                lambda: pdf_preview.show_invoice_pdf(
                    self, rows[0].id, self.today(), self.announced.emit, self.tasks
                )
            )

    def print_selected(self) -> None:
        """Every selected invoice in one print job; the PDFs are built off the GUI thread."""
        rows = self.selected_rows()
        if rows:
            printing.print_invoices(
                self,
                self.tasks,
                [(row.id, row.number) for row in rows],
                self.today(),
                self.announced.emit,
            )
