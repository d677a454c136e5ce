"""The customers list: who owes what and how they pay.

Fed by one store query (aggregated in SQL); amounts and dates only through
``i18n.format``; each column sorts by the true value.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from diva_desk.core.customers.history import RatingKind
from diva_desk.core.customers.terms import BillingCycle
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.customers.listing import CustomerListRow, customer_count, customer_list
from diva_desk.ui.common import style
from diva_desk.ui.common.labels import rating_text, rating_tint
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.sorted_rows import SortedRowModel
from diva_desk.ui.common.tables.table_models import Column, Index, date_column, nothing_muted


class CustomerTableModel(SortedRowModel[CustomerListRow]):
    """Who owes what and how they pay; contact details after the money.

    The rating's reason and suggested terms are its tooltip; a cut-off within
    five days is marked, since that is when an invoice for finished work must go.
    The model sorts and searches itself (a few thousand customers, in Python); the
    filters are here too: owes money, overdue, archived shown or not, one rating.
    """

    def __init__(self, parent: Any = None) -> None:
        self.today = dt.date.today()
        self.owes = False
        self.overdue = False
        self.show_archived = False
        self.rating: RatingKind | None = None

        def archived(row: CustomerListRow) -> QColor | None:
            return style.colour(Tone.FAINT) if row.archived else None

        super().__init__(
            [
                Column(_("Code"), lambda r: r.code, tint=archived, shrinks=False),
                Column(_("Name"), lambda r: r.name, tint=archived, weight=2),
                Column(
                    _("Rating"),
                    lambda r: rating_text(r.rating),
                    value=lambda r: _RATING_ORDER.get(r.rating),
                    tint=lambda r: rating_tint(r.rating),
                    shrinks=False,
                    tip=_("How they have paid: new, reliable, slow or risky"),
                ),
                Column(
                    _("Balance"),
                    # Each currency owed in, never added; sorted by the customer's own.
                    lambda r: fmt.money_in_currencies(r.balances, r.currency),
                    value=lambda r: r.balance,
                    numeric=True,
                    searchable=False,
                    # Red when any of it is overdue, for when the Overdue column is hidden.
                    tint=lambda r: nothing_muted(
                        r.balances, style.colour(Tone.OVERDUE) if r.overdues else None
                    ),
                ),
                Column(
                    _("Overdue"),
                    lambda r: fmt.money_in_currencies(r.overdues, r.currency),
                    value=lambda r: r.overdue,
                    numeric=True,
                    searchable=False,
                    tint=lambda r: nothing_muted(r.overdues, style.colour(Tone.OVERDUE)),
                ),
                date_column(
                    _("Open since"),
                    "oldest_open_date",
                    tip=_("Issue date of the oldest invoice not fully paid"),
                ),
                Column(
                    _("Cut-off"),
                    self._cutoff_text,
                    value=self._next_cutoff,
                    numeric=True,
                    searchable=False,
                    tint=lambda r: style.colour(Tone.CAUTION) if r.cutoff_soon else None,
                    tip=_("Their next invoice cut-off; marked when it is 5 days away or less"),
                ),
                Column(_("Contact"), lambda r: r.contact_name, tint=archived),
                Column(_("Phone"), lambda r: r.phone, tint=archived, shrinks=False, phone=True),
                Column(_("Email"), lambda r: r.email, tint=archived),
            ],
            parent,
        )

    def _next_cutoff(self, row: CustomerListRow) -> dt.date | None:
        return BillingCycle(row.invoice_cutoff_day).next_cutoff(self.today)

    def _cutoff_text(self, row: CustomerListRow) -> str:
        cutoff = self._next_cutoff(row)
        if cutoff is None:
            return ""
        # A cut-off is always within the next month: the year would only take room.
        text = fmt.date(cutoff, "MMM d")
        return f"\u25cf {text}" if row.cutoff_soon else text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.row_at(index.row())
            title = self.column_titles()[index.column()]
            if title == _("Rating") and row.rating is not None:
                return _("{rating}: {reason}.\nNext job: {terms}.").format(
                    rating=rating_text(row.rating),
                    reason=row.rating_reason,
                    terms=row.suggested_terms,
                )
            if title == _("Cut-off") and row.cutoff_soon is not None:
                days = (row.cutoff_soon - self.today).days
                return ngettext(
                    "Cut-off in {days} day: send invoices for finished work now.",
                    "Cut-off in {days} days: send invoices for finished work now.",
                    days,
                ).format(days=fmt.number(days))
        return super().data(index, role)

    def reload(self, today: dt.date) -> None:
        self.today = today
        self.set_rows(customer_list(today))

    @staticmethod
    def reads_on_worker() -> bool:
        """Whether the window reads this list on a worker (ui.shell.refresher): a book of
        more than :data:`WORKER_ROWS` customers, whose ratings take a good part of a second
        to read. A smaller list is read at once, and shows a change as it is saved."""
        return customer_count() > WORKER_ROWS

    def read_rows(self, today: dt.date) -> tuple[list[CustomerListRow], list[str]]:
        """The rows of ``today`` (every customer with their rating) and their search
        texts. No Qt: a worker may."""
        rows = customer_list(today)
        return rows, self.search_texts(rows)

    def show_rows(self, today: dt.date, read: tuple[list[CustomerListRow], list[str]]) -> None:
        """Show what :meth:`read_rows` read (on the GUI thread)."""
        self.today = today
        self.set_rows(*read)

    def set_filters(
        self,
        *,
        owes: bool = False,
        overdue: bool = False,
        show_archived: bool = False,
        rating: RatingKind | None = None,
    ) -> None:
        self.owes, self.overdue = owes, overdue
        self.show_archived, self.rating = show_archived, rating
        self.refilter()

    def accepts(self, row: CustomerListRow) -> bool:
        if row.archived and not self.show_archived:
            return False
        if self.owes and not row.balances:
            return False
        if self.overdue and not row.overdues:
            return False
        return self.rating is None or row.rating is self.rating


#: More customers than this and the list is read on a worker (see reads_on_worker): on
#: the ten-year book (5,000 customers) the read takes 0.5-1.5 s; on 1,000 about 0.15 s.
WORKER_ROWS = 1000

_RATING_ORDER = {
    RatingKind.RELIABLE: 0,
    RatingKind.NEW: 1,
    RatingKind.SLOW: 2,
    RatingKind.RISKY: 3,
}
