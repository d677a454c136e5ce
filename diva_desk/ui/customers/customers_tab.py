"""The Customers tab: the list with its filters, the customer's page by it, and the editor.

The page sits beside the list when the tab is wide and under it when narrow
(adaptive_split.py), so neither is squeezed beside the Today panel.

The list searches name, code, contact, email and phone as you type, and filters
to those who owe money, are overdue, or have a given rating; archived customers
stay out of the way until "Show archived" is ticked. Selecting a customer shows
their page (customer_history.py); Enter or double-click opens the editor
(customer_form.py). Delete archives after asking; a customer with no invoice can
be deleted for good (Shift+Delete), also after asking.

The tab never reloads the window itself: when the book changed it says so
(:attr:`CustomersTab.book_changed`) and the window reads everything again, so
the status bar's total and the Today panel agree with the list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.records import DEFAULT_CURRENCY, DEFAULT_TERMS_DAYS
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.store.book.business import get_business
from diva_desk.store.book.settings import suggested_deposit_percent
from diva_desk.store.customers import listing as store
from diva_desk.store.customers.history import customer_standing
from diva_desk.store.customers.timeline import customer_history
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.layouts.adaptive_split import SIDE_BY_SIDE, STACKED, AdaptiveSplitter
from diva_desk.ui.common.tables.list_tab import ListTab
from diva_desk.ui.common.tables.table_models import ROW_ROLE
from diva_desk.ui.customers import customer_removal
from diva_desk.ui.customers.customer_filters import CustomerFilterBar
from diva_desk.ui.customers.customer_form import CustomerDialog
from diva_desk.ui.customers.customer_history import CustomerPane
from diva_desk.ui.customers.customer_models import RATING_COLUMN, CustomerTableModel

NAME_COLUMN, BALANCE_COLUMN = 1, 3
#: Shown on the customer's page beside the list, so out of the list until asked for
#: (right-click the list's header): Overdue (the balance turns red instead), Open
#: since, Contact, Phone, Email.
HIDDEN_AT_FIRST = (4, 5, 7, 8, 9)
#: Narrower, the page goes under the list: side by side, the list needs ~600 pixels
#: (code, rating, balance, cut-off ~400, a readable name 200) and the page ~420.
STACK_BELOW = 1050


class CustomersTab(ListTab):
    #: Customers were added, changed, archived or deleted: the window reads the book again.
    book_changed = Signal()
    #: A sentence for the status bar.
    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        model = CustomerTableModel()
        super().__init__(
            "customers",
            model,
            search_hint=_("Search customers by name, code, contact, email or phone"),
            stretch_column=NAME_COLUMN,
            # Who owes the most comes first: this is a book for getting paid.
            sort_column=BALANCE_COLUMN,
            sort_order=Qt.SortOrder.DescendingOrder,
            parent=parent,
        )
        self.model: CustomerTableModel = model
        self.model.setParent(self)
        #: The model filters and sorts itself; the view shows it directly.
        self.proxy: CustomerTableModel = model
        #: The editor, while one is open (tests and the window look at it).
        self.editor: CustomerDialog | None = None
        self._keep_selected: int | None = None
        #: Whose page the pane shows, and from which reading of the list.
        self._page_of: tuple[int, int] | None = None
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.show_selected())
        self._build_filters()
        self._build_split()
        self._build_actions()
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        #: The reading whose first ratings the columns were fitted to.
        self._ratings_fitted = -1
        self.model.ratings_arrived.connect(self._fit_to_ratings)
        self.model.rating_everyone.connect(self._rating_everyone)
        self.view.activated.connect(lambda _index: self.open_selected())
        header = self.view.horizontalHeader()
        for column in HIDDEN_AT_FIRST:
            header.hideSection(column)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)

    # --- building ----------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.filters = CustomerFilterBar(self)
        self.balance_filter = self.filters.balance_filter
        self.rating_filter = self.filters.rating_filter
        self.archived_filter = self.filters.archived_filter
        self.filters.changed.connect(self._filters_changed)

        self.new_button = QPushButton(_("New customer"), self)
        self.new_button.setObjectName("newCustomer")
        self.new_button.setToolTip(_("Add a customer (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.open_editor(None))

        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        top = layout.itemAt(0).layout()
        assert isinstance(top, QHBoxLayout)
        top.addSpacing(6)
        top.addWidget(self.new_button)
        layout.insertWidget(1, self.filters)

    def _build_split(self) -> None:
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.view)
        self.pane = CustomerPane(self)
        self.pane.edit_button.clicked.connect(self.open_selected)
        self.detail_splitter = AdaptiveSplitter(
            STACK_BELOW, {SIDE_BY_SIDE: (58, 42), STACKED: (38, 62)}, self
        )
        self.detail_splitter.setObjectName("customersSplitter")
        self.detail_splitter.addWidget(self.view)
        self.detail_splitter.addWidget(self.pane)
        self.detail_splitter.setChildrenCollapsible(False)
        self.detail_splitter.setStretchFactor(0, 1)
        self.detail_splitter.setStretchFactor(1, 1)
        layout.addWidget(self.detail_splitter, 1)
        self._clear_pane()

    def _build_actions(self) -> None:
        def action(text: str, slot: Any, keys: list[QKeySequence], tip: str) -> QAction:
            made = QAction(text, self)
            made.setShortcuts(keys)
            made.setStatusTip(tip)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.new_action = action(
            _("&New customer…"),
            lambda: self.open_editor(None),
            [QKeySequence(QKeySequence.StandardKey.New)],
            _("Add a customer"),
        )
        self.open_action = action(
            _("&Edit customer…"), self.open_selected, [], _("Edit the selected customer (Enter)")
        )
        self.archive_action = action(
            _("&Archive customer"),
            self.archive_selected,
            [QKeySequence(Qt.Key.Key_Delete)],
            _("Hide the selected customer from the list; their money is still collected"),
        )
        self.delete_action = action(
            _("&Delete customer…"),
            self.delete_selected,
            [QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_Delete)],
            _("Delete a customer who has no invoices"),
        )
        # Delete and Shift+Delete act on the list only; in the search box they edit text.
        for made in (self.archive_action, self.delete_action):
            made.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(made)
        self._update_actions()

    def _choose_columns(self, position: QPoint) -> None:
        """The header's menu: tick the columns to show (the code and name always show)."""
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for column, title in enumerate(self.model.column_titles()):
            if column in (0, NAME_COLUMN):
                continue
            choice = menu.addAction(title)
            choice.setCheckable(True)
            choice.setChecked(not header.isSectionHidden(column))
            choice.toggled.connect(
                lambda shown, column=column: header.setSectionHidden(column, not shown)
            )
        menu.popup(header.mapToGlobal(position))

    def actions_for_menu(self) -> list[QAction]:
        return [self.new_action, self.open_action, self.archive_action, self.delete_action]

    # --- filters and selection ---------------------------------------------------------

    def _filters_changed(self, *_args: object) -> None:
        self.filters.apply_to(self.model)
        self._update_count()
        if self.selected() is None:
            self._clear_pane()
            self._update_actions()

    def selected(self) -> store.CustomerListRow | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].data(ROW_ROLE)
        return row if isinstance(row, store.CustomerListRow) else None

    def shown_codes(self) -> list[str]:
        """The codes of the customers the list shows now, in its order (for the export)."""
        return [self.model.row_at(row).code for row in range(self.model.rowCount())]

    def select_customer(self, customer_id: int) -> bool:
        """Make this customer the current row (if the filters show them)."""
        return self.select_position(self.model.position_of(customer_id))

    def _rating_everyone(self, _asked: bool) -> None:
        self._update_count()

    def _update_count(self) -> None:
        # While every customer's rating is read (to sort or filter by it), say so.
        if self.model.rating_pending:
            self.count.setText(_("Rating every customer…"))
        else:
            super()._update_count()

    def _fit_to_ratings(self) -> None:
        # The Rating column was measured before its words came (from the list's worker):
        # widened if need be at the first page of a reading (not at every page scrolled
        # to), measuring that column alone: refitting them all holds the window ~0.1 s.
        if self._sized and not self._owner_sized and self._ratings_fitted != self.model.generation:
            self._ratings_fitted = self.model.generation
            header = self.view.horizontalHeader()
            wanted = self.wanted_width(RATING_COLUMN) + 4
            if wanted > header.sectionSize(RATING_COLUMN):
                header.resizeSection(RATING_COLUMN, wanted)

    def _remember_selection(self) -> None:
        if self._keep_selected is None:
            row = self.selected()
            self._keep_selected = row.id if row else None

    def _restore_selection(self) -> None:
        wanted, self._keep_selected = self._keep_selected, None
        if wanted is None or not self.select_customer(wanted):
            self.view.setCurrentIndex(QModelIndex())
            self._clear_pane()
        self._update_actions()

    def show_selected(self) -> None:
        """Show the selected customer's page, read fresh from the book.

        Not again when the same customer is selected again in the same rows (a search
        or a new order shows the list anew): only a reload brings news of them.
        """
        row = self.selected()
        self._update_actions()
        if row is None:
            self._clear_pane()
            return
        if self._page_of == (row.id, self.model.generation):
            return
        self._page_of = (row.id, self.model.generation)
        today = self.model.today
        business = get_business()
        try:
            customer = store.get_customer(row.id)
        except UserFacingError:
            self._clear_pane()
            return
        self.pane.show_customer(
            row.id,
            customer,
            customer_history(row.id, today),
            customer_standing(row.id, today, suggested_deposit_percent()),
            today,
            business.default_terms_days if business else DEFAULT_TERMS_DAYS,
        )

    def _clear_pane(self) -> None:
        self._page_of = None
        self.pane.clear()

    def _update_actions(self) -> None:
        row = self.selected()
        for made in (self.open_action, self.archive_action):
            made.setEnabled(row is not None)
        self.delete_action.setEnabled(row is not None)
        self.archive_action.setText(
            _("Bring &back customer") if row and row.archived else _("&Archive customer")
        )

    # --- editing -----------------------------------------------------------------------

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.open_editor(row.id)

    def open_editor(self, customer_id: int | None) -> None:
        """Open the editor for a customer, or for a new one (``None``)."""
        if self.editor is not None and self.editor.isVisible():
            self.editor.raise_()
            self.editor.activateWindow()
            return
        business = get_business()
        try:
            dialog = CustomerDialog(
                customer_id,
                default_currency=business.currency if business else DEFAULT_CURRENCY,
                default_terms=business.default_terms_days if business else DEFAULT_TERMS_DAYS,
                parent=self.window(),
            )
        except UserFacingError as exc:
            show_failure(self, exc)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.customer_saved.connect(self._saved)
        dialog.finished.connect(self._editor_closed)
        self.editor = dialog
        dialog.open()

    def _editor_closed(self, _result: int) -> None:
        self.editor = None
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _saved(self, customer_id: int) -> None:
        self._keep_selected = customer_id
        name = store.get_customer(customer_id).name
        self.book_changed.emit()
        self.select_customer(customer_id)
        said = _("Saved {name}.").format(name=name)
        if name.endswith(".") and said.endswith(".."):
            said = said[:-1]  # "Saved Baker & Sons Ltd.", not "…Ltd.."
        self.status_message.emit(said)

    def archive_selected(self) -> None:
        """Archive after asking (or bring an archived customer back, which needs no asking)."""
        row = self.selected()
        if row is not None and (done := customer_removal.archive(self, row)) is not None:
            self._changed(*done)

    def delete_selected(self) -> None:
        """Delete a customer with no invoice after asking; one with invoices is archived."""
        row = self.selected()
        if row is not None and (done := customer_removal.delete(self, row)) is not None:
            self._changed(*done)

    def _changed(self, message: str, keep: int | None) -> None:
        self._keep_selected = keep
        self.book_changed.emit()
        self.status_message.emit(message)

    # --- remembering -------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        super().save_state(settings)
        self.detail_splitter.save_sizes(settings, "lists/customers/split")

    def restore_state(self, settings: QSettings) -> None:
        super().restore_state(settings)
        self.detail_splitter.restore_sizes(settings, "lists/customers/split")

    def reload(self, today: dt.date) -> None:
        self.model.reload(today)


def show_customer_in(
    tabs: QTabWidget, customers: CustomersTab, customer_id: int, code: str
) -> None:
    """Bring up the Customers tab with this customer chosen.

    When a search or a filter hides them, the search is set to their code first.
    """
    tabs.setCurrentWidget(customers)
    if not customers.select_customer(customer_id):
        customers.search.setText(code)
        customers.select_customer(customer_id)
    customers.view.setFocus(Qt.FocusReason.OtherFocusReason)
