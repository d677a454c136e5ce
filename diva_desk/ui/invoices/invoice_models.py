"""The invoices list: number, customer, dates, amounts and status, each sorting by value.

The rows are read from the book a page at a time (ui.common.tables.paged_model):
the status and period filters, the customer, the search and the order are all
handed to SQL (store.invoices.invoice_list), so a book of a hundred thousand
invoices opens, sorts and searches without reading them all. The footer's sums and
the count come from the same query.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from diva_desk.core.invoices.totals import InvoiceStatus
from diva_desk.core.search_text import search_terms
from diva_desk.i18n import _
from diva_desk.store.invoices.invoice_list import (
    InvoiceList,
    InvoiceQuery,
    InvoiceSort,
    InvoiceSums,
    invoice_count,
    status_words,
)
from diva_desk.store.invoices.lists import InvoiceRow
from diva_desk.ui.common import style
from diva_desk.ui.common.labels import status_text
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.paged_model import PagedTableModel
from diva_desk.ui.common.tables.table_models import Column, date_column, money_column, zero_muted
from diva_desk.ui.invoices.invoice_filters import InvoiceFilter

#: What each column sorts by, in the columns' order.
_SORTS = (
    InvoiceSort.NUMBER,
    InvoiceSort.CUSTOMER,
    InvoiceSort.ISSUED,
    InvoiceSort.DUE,
    InvoiceSort.TOTAL,
    InvoiceSort.BALANCE,
    InvoiceSort.STATUS,
)


def _status_tint(row: InvoiceRow) -> QColor | None:
    if row.status is InvoiceStatus.OVERDUE:
        return style.colour(Tone.OVERDUE)
    if row.status is InvoiceStatus.PAID:
        return style.colour(Tone.SETTLED)
    if row.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        return style.colour(Tone.FAINT)
    return None


class InvoiceTableModel(PagedTableModel[InvoiceRow]):
    def __init__(self, parent: Any = None) -> None:
        def overdue(row: InvoiceRow) -> QColor | None:
            return style.colour(Tone.OVERDUE) if row.status is InvoiceStatus.OVERDUE else None

        def void(row: InvoiceRow) -> QColor | None:
            return style.colour(Tone.FAINT) if row.status is InvoiceStatus.VOID else None

        super().__init__(
            [
                Column(_("Number"), lambda r: r.number, tint=void, shrinks=False),
                Column(_("Customer"), lambda r: r.customer_name, tint=void, weight=2),
                date_column(_("Issued"), "issue_date"),
                date_column(_("Due"), "due_date", tint=overdue),
                money_column(_("Total"), "total", tint=void),
                money_column(
                    _("Balance"), "balance", tint=lambda r: zero_muted(r.balance, overdue(r))
                ),
                Column(
                    _("Status"),
                    lambda r: status_text(r.status),
                    tint=_status_tint,
                ),
            ],
            parent,
        )
        self.today: dt.date | None = None
        self.filter = InvoiceFilter()
        self._search = ""
        self._sort = InvoiceSort.ISSUED
        self._descending = True
        self._list: InvoiceList | None = None
        self._all = 0
        #: What the rows shown add up to (the footer), and how many they are.
        self.sums = InvoiceSums(0, {}, {})

    # --- what is shown ---------------------------------------------------------------

    def reload(self, today: dt.date) -> None:
        """Read the list again as of ``today``: its count, sums and first page only."""
        self.today = today
        self._read(reloaded=True)

    def set_search(self, text: str) -> None:
        if text != self._search:
            self._search = text
            self._read()

    def set_filter(self, wanted: InvoiceFilter) -> None:
        if wanted != self.filter:
            self.filter = wanted
            self._read()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_SORTS):
            return
        sort, descending = _SORTS[column], order == Qt.SortOrder.DescendingOrder
        if (sort, descending) != (self._sort, self._descending):
            self._sort, self._descending = sort, descending
            self._read(same_rows=True)

    def _query(self, today: dt.date) -> InvoiceQuery:
        words, number = search_terms(self._search)
        return InvoiceQuery(
            today=today,
            statuses=self.filter.statuses(),
            issued_from=self.filter.issued_from,
            issued_to=self.filter.issued_to,
            customer_id=self.filter.customer_id,
            words=tuple(words),
            number=number,
            status_words=status_words({s: status_text(s) for s in InvoiceStatus}),
            sort=self._sort,
            descending=self._descending,
        )

    def _read(self, *, reloaded: bool = False, same_rows: bool = False) -> None:
        """Count and add up the rows that pass (unless only their order changed), and
        forget the pages read: the view reads the ones it shows."""
        self.beginResetModel()
        if self.today is None:
            self._list, self.sums = None, InvoiceSums(0, {}, {})
        else:
            self._list = InvoiceList(self._query(self.today))
            if not same_rows:
                self.sums = self._list.sums()
            if reloaded:
                self._all = invoice_count()
        self.replace_rows(self.sums.count)
        self.endResetModel()
        if reloaded:
            self.reloaded.emit()

    # --- reading -----------------------------------------------------------------------

    def read_page(self, offset: int, limit: int) -> list[InvoiceRow]:
        return [] if self._list is None else self._list.page(offset, limit)

    def total_count(self) -> int:
        """Every invoice in the book, shown or not: the list's "12 of 100,000"."""
        return self._all

    def positions_of(self, invoice_ids: set[int]) -> dict[int, int]:
        """Where each of the invoices is shown; those the list hides are left out."""
        if self._list is None or not invoice_ids:
            return {}
        if len(invoice_ids) == 1:
            (only,) = invoice_ids
            place = self._list.position(only)
            return {} if place is None else {only: place}
        return self._list.positions(invoice_ids)

    def position_of(self, invoice_id: int) -> int | None:
        """Where the invoice is shown (0 is the first row), None when the list hides it."""
        return None if self._list is None else self._list.position(invoice_id)
