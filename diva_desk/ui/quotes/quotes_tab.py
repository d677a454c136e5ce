"""The Quotes tab: every quote, and what can be done with the one selected.

Write one (New, Ctrl+N), open it to change it while it is a draft or unanswered,
mark it sent, accept it (it becomes an invoice asking for the deposit, and the tab
says which), decline it, delete a draft (after a confirmation), and see it as a PDF
to save or print. Every action has its key, shown in its tooltip, and the same
actions are in the list's context menu.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget

from diva_desk.core.quotes.states import QuoteStatus
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.quotes.accepting import accept_quote
from diva_desk.store.quotes.quote_edits import decline_quote, delete_quote, send_quote
from diva_desk.store.quotes.quote_list import QuoteRow
from diva_desk.ui.common import dialogs, errors
from diva_desk.ui.common.tables.list_tab import ListTab
from diva_desk.ui.common.tables.table_models import ROW_ROLE
from diva_desk.ui.invoices.invoice_tab_actions import (
    action_toolbar,
    enabled_action_for,
    pop_menu,
    tab_action,
)
from diva_desk.ui.quotes.quote_editor import QuoteEditor
from diva_desk.ui.quotes.quote_models import QuoteTableModel

_OPEN = (QuoteStatus.DRAFT, QuoteStatus.SENT)


class QuotesTab(ListTab):
    #: Something was written to the book: the window reads it again.
    book_changed = Signal()
    #: A status-bar sentence about what was done.
    announced = Signal(str)

    def __init__(self, *, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        model = QuoteTableModel()
        super().__init__(
            "quotes",
            model,
            search_hint=_("Search quotes by number, customer or status"),
            stretch_column=1,
            sort_column=2,
            sort_order=Qt.SortOrder.DescendingOrder,
            parent=parent,
        )
        self.model: QuoteTableModel = model
        self.model.setParent(self)
        self.today = today
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._build_actions()
        layout = self.layout()
        assert layout is not None
        layout.insertWidget(0, self.toolbar)  # type: ignore[attr-defined]
        #: The quote to select again once the list is read anew (the one selected).
        self._keep: int | None = None
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.view.doubleClicked.connect(lambda _index: self.open_quote())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self._update_actions()

    # --- actions ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        action = functools.partial(tab_action, self)
        key = QKeySequence
        self.new_action = action(
            _("&New quote…"), self.new_quote, [key(key.StandardKey.New)], _("Write a quote")
        )
        self.open_action = action(
            _("&Open…"), self.open_quote, [], _("Open the quote to change it or look at it")
        )
        self.open_action.setShortcuts([key("Return"), key("Enter")])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.open_action)
        self.send_action = action(
            _("Mar&k sent"),
            self.mark_sent,
            [key("Ctrl+Return")],
            _("The quote went to the customer: the Today list calls before it expires"),
        )
        self.accept_action = action(
            _("&Accept…"),
            self.accept_selected,
            [key("Ctrl+Shift+A")],
            _("The customer said yes: the quote becomes an invoice asking for the deposit"),
        )
        self.decline_action = action(
            _("Dec&line…"), self.decline_selected, [key("Ctrl+Shift+L")], _("The customer said no")
        )
        self.delete_action = action(
            _("Dele&te draft…"),
            self.delete_selected,
            [key(key.StandardKey.Delete)],
            _("Throw away a draft nobody has seen"),
        )
        self.pdf_action = action(
            _("P&DF…"),
            self.preview_pdf,
            [key("Ctrl+Shift+O")],
            _("See the quote as a PDF, to save or print"),
        )
        self.toolbar = action_toolbar(self, self._menu_actions())
        self.toolbar.setObjectName("quoteActions")

    def _menu_actions(self) -> list[QAction | None]:
        return [
            self.new_action,
            self.open_action,
            None,
            self.send_action,
            self.accept_action,
            self.decline_action,
            self.delete_action,
            None,
            self.pdf_action,
        ]

    def _own_action(self, event: QKeyEvent) -> QAction | None:
        return enabled_action_for(
            self._menu_actions(),
            event,
            skip=lambda item: item is self.open_action and not self.view.hasFocus(),
        )

    def event(self, event: QEvent) -> bool:
        # While the focus is in this tab its own keys win over the window's (Ctrl+N).
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

    def _context_menu(self, at: QPoint) -> None:
        pop_menu(self, self._menu_actions(), self.view.viewport().mapToGlobal(at))

    def selected(self) -> QuoteRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        row = self.proxy.data(index, ROW_ROLE)
        return row if isinstance(row, QuoteRow) else None

    def _remember_selection(self) -> None:
        if self._keep is None and (row := self.selected()) is not None:
            self._keep = row.id

    def _restore_selection(self) -> None:
        keep, self._keep = self._keep, None
        if keep is not None:
            self.select_quote(keep)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.selected()
        status = row.status if row is not None else None
        self.open_action.setEnabled(row is not None)
        self.send_action.setEnabled(status is QuoteStatus.DRAFT)
        self.accept_action.setEnabled(status is QuoteStatus.SENT)
        self.decline_action.setEnabled(status is QuoteStatus.SENT)
        self.delete_action.setEnabled(status is QuoteStatus.DRAFT)
        self.pdf_action.setEnabled(row is not None)

    # --- what they do ----------------------------------------------------------------------

    def new_quote(self) -> None:
        self._edit(None)

    def open_quote(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.status not in _OPEN:
            self.preview_pdf()  # a final quote is only looked at
            return
        self._edit(row.id)

    def _edit(self, quote_id: int | None) -> None:
        try:
            editor = QuoteEditor(self.today(), quote_id, self)
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            return
        if dialogs.exec_dialog(editor) and editor.saved_id is not None:
            self._changed(_("Saved the quote."), editor.saved_id)

    def mark_sent(self) -> None:
        row = self.selected()
        if row is not None:
            self._do(lambda: send_quote(row.id, self.today()), row.id,
                     _("Marked {number} sent.").format(number=row.number))  # fmt: skip

    def accept_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        asked = fmt.percent(row.deposit_percent)
        text = _(
            "Accept {number}? It becomes an invoice to {customer} for {total}, asking for a "
            "{percent} deposit today."
        ).format(
            number=row.number,
            customer=row.customer_name,
            total=fmt.money(row.total, row.currency),
            percent=asked,
        )
        if not dialogs.confirm(self, _("Accept the quote"), text, _("&Accept and invoice")):
            return
        try:
            invoice = accept_quote(row.id, self.today())
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            return
        said = _("Accepted {number}: invoice {invoice} was made and sent.").format(
            number=row.number, invoice=invoice
        )
        self._changed(said, row.id)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _("Quote accepted"),
            said + " " + _("The Today list calls about its deposit if it does not arrive."),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("quoteAccepted")
        dialogs.exec_dialog(box)

    def decline_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        text = _("Mark {number} declined? It makes no more calls and cannot be accepted.").format(
            number=row.number
        )
        if dialogs.confirm(self, _("Decline the quote"), text, _("&Decline")):
            self._do(lambda: decline_quote(row.id, self.today()), row.id,
                     _("Marked {number} declined.").format(number=row.number))  # fmt: skip

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None or row.status is not QuoteStatus.DRAFT:
            return
        text = _("Delete the draft {number}? It cannot be brought back.").format(number=row.number)
        if dialogs.confirm(self, _("Delete the draft"), text, _("&Delete")):
            self._do(lambda: delete_quote(row.id, self.today()), None,
                     _("Deleted the draft {number}.").format(number=row.number))  # fmt: skip

    def preview_pdf(self) -> None:
        row = self.selected()
        if row is None:
            return
        from diva_desk.documents.quotes.quote_pdf import quote_pdf  # ReportLab: not at start
        from diva_desk.store.quotes.quote_document import quote_document_by_id
        from diva_desk.ui.documents.pdf_preview import preview_pdf

        try:
            data = quote_pdf(quote_document_by_id(row.id, self.today()))
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            return
        title = _("Quote {number}").format(number=row.number)
        preview_pdf(self, data, title=title, file_name=f"{row.number}.pdf",
                    announce=self.announced.emit)  # fmt: skip

    def _do(self, work: Callable[[], object], keep: int | None, said: str) -> None:
        try:
            work()
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            return
        self._changed(said, keep)

    def _changed(self, said: str, keep: int | None) -> None:
        self._keep = keep
        self.model.reload(self.today())
        self.announced.emit(said)
        self.book_changed.emit()

    def select_quote(self, quote_id: int) -> None:
        for position in range(self.proxy.rowCount()):
            row = self.proxy.data(self.proxy.index(position, 0), ROW_ROLE)
            if isinstance(row, QuoteRow) and row.id == quote_id:
                self.select_position(position)
                return
