"""The customers list: who owes what and how they pay.

Fed by one store query (aggregated in SQL); amounts and dates only through
``i18n.format``; each column sorts by the true value.

A customer's rating weighs every invoice they were ever sent, so the list is read
without ratings and rates the customers it shows, a page of them at a time
(:data:`RATED_PAGE`), as the view paints them. The page is rated on a worker
(ui.common.tasks): ``data()`` only asks for it and shows the cell empty until the
answer comes back (``dataChanged``); an answer from before the list was read again is
dropped. Every customer is rated at once only when the list is sorted or filtered by
rating, or searched for a rating's word (the user asked for that order, and it turns
on every rating); that too is read on the worker (half a second on 5,000 customers),
and the list keeps its order, or shows the customers rated so far, until the answer
arrives and the list is arranged again (:attr:`rating_everyone` says it is on its way).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor

from diva_desk.core.customers.history import RatingKind
from diva_desk.core.customers.terms import BillingCycle
from diva_desk.core.search_text import fold, search_terms
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.customers.history import CustomerStanding, customer_ratings, ratings_of
from diva_desk.store.customers.listing import CustomerListRow, customer_list, with_ratings
from diva_desk.ui.common import style
from diva_desk.ui.common.labels import rating_text, rating_tint
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.sorted_rows import SortedRowModel
from diva_desk.ui.common.tables.table_models import Column, Index, date_column, nothing_muted
from diva_desk.ui.common.tasks import TaskRunner

#: Where the Rating column is.
RATING_COLUMN = 2
#: Customers rated together when the first of them is shown: a screen and more (the
#: rows ListTab measures a column on). The first page sorted by balance holds the
#: biggest customers, whose invoices take the longest to weigh.
RATED_PAGE = 60


class CustomerTableModel(SortedRowModel[CustomerListRow]):
    """Who owes what and how they pay; contact details after the money.

    The rating's reason and suggested terms are its tooltip; a cut-off within
    five days is marked, since that is when an invoice for finished work must go.
    The model sorts and searches itself (a few thousand customers, in Python); the
    filters are here too: owes money, overdue, archived shown or not, one rating.
    """

    #: A page of ratings came back from the worker and is shown (tests, column widths).
    ratings_arrived = Signal()
    #: Every customer's rating was asked of the worker (True), or has arrived or was
    #: dropped (False): the tab says the list is being arranged meanwhile.
    rating_everyone = Signal(bool)

    def __init__(self, parent: Any = None) -> None:
        self.today = dt.date.today()
        self.owes = False
        self.overdue = False
        self.show_archived = False
        self.rating: RatingKind | None = None
        #: The customers rated since the list was read, and whether that is all of them.
        self._rated: set[int] = set()
        self._all_rated = False
        #: The customers whose rating was asked of the worker (since the list was read).
        self._asked: set[int] = set()
        #: The reading for which every rating was asked of the worker, if any.
        self._every_asked: int | None = None
        #: Which reading of the rows an answer from the worker belongs to.
        self._reading = 0
        #: How many customers' ratings were read (the tests count them).
        self.ratings_read = 0

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
        #: The worker the shown pages are rated on: one of the list's own, so a page
        #: never waits behind an export or the call list's reading.
        self.tasks = TaskRunner(self)

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
        if index.isValid() and index.column() == RATING_COLUMN and not self._all_rated:
            self._rate_page(index.row())
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
        rows = customer_list(today, rated=False)
        self._forget_ratings()
        self.set_rows(rows)
        if self._needs_every_rating(self._words):
            self.rate_every_customer()

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
        if rating is not None:
            self.rate_every_customer()
        self.refilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column == RATING_COLUMN and not self._all_rated:
            # Sorted once the ratings arrive; until then the rows keep their order.
            self._sort_column = column
            self._descending = order == Qt.SortOrder.DescendingOrder
            self.rate_every_customer()
            return
        super().sort(column, order)

    def set_search(self, text: str) -> None:
        words, _number = search_terms(text)
        if not self._all_rated and self._needs_every_rating(words):
            self.rate_every_customer()
            self._words = []  # the rows found so far were found without their ratings
        super().set_search(text)

    # --- ratings, read as the rows are shown -------------------------------------------

    def rate_every_customer(self) -> None:
        """Ask the worker to rate every customer (to sort, filter or search by it); the
        list is arranged again when the answer arrives. Nothing to do when all are rated
        or the answer is already on its way."""
        if self._all_rated or self._every_asked == self._reading:
            return
        reading = self._every_asked = self._reading
        today = self.today
        self.rating_everyone.emit(True)
        self.tasks.run(
            lambda: customer_ratings(today),
            lambda standings: self._every_rated(reading, standings),
            lambda _error: self._every_failed(reading),
        )

    @property
    def rating_pending(self) -> bool:
        """Whether every customer's rating was asked of the worker and is still awaited."""
        return self._every_asked is not None

    def _every_failed(self, reading: int) -> None:
        if reading == self._every_asked:
            self._every_asked = None
        if self._every_asked is None:
            self.rating_everyone.emit(False)

    def _every_rated(self, reading: int, standings: dict[int, CustomerStanding]) -> None:
        """Every rating is known: the list is filtered, searched and sorted again with them."""
        if reading != self._reading:
            if self._every_asked is None:
                self.rating_everyone.emit(False)
            return  # the rows were read again since: a newer answer may be on its way
        self.ratings_read += len(standings)
        self._rows = with_ratings(self._rows, standings)
        self._rated, self._all_rated, self._every_asked = set(standings), True, None
        self._reading += 1  # a page on its way has nothing more to say
        self._search = None  # folded again with the ratings' words, when searched
        self._ranks.pop(RATING_COLUMN, None)
        self.refilter()
        self.rating_everyone.emit(False)
        self.ratings_arrived.emit()

    def _forget_ratings(self) -> None:
        """The rows are read again: no one is rated, and answers on the way are stale."""
        self._rated, self._asked, self._all_rated = set(), set(), False
        self._every_asked = None
        self._reading += 1

    def _rate_page(self, position: int) -> None:
        """Ask the worker for the page of shown rows around ``position`` (no SQL here)."""
        if not 0 <= position < len(self._shown):
            return
        cid = self._rows[self._shown[position]].id
        if cid in self._rated or cid in self._asked:
            return
        start = position - position % RATED_PAGE
        page = self._shown[start : start + RATED_PAGE]
        wanted = [
            row.id
            for row in (self._rows[i] for i in page)
            if row.id not in self._rated and row.id not in self._asked
        ]
        self._asked.update(wanted)
        reading, today = self._reading, self.today
        self.tasks.run(
            lambda: ratings_of(wanted, today),
            lambda standings: self._page_rated(reading, wanted, standings),
            lambda _error: self._page_failed(reading, wanted),
        )

    def _page_failed(self, reading: int, wanted: list[int]) -> None:
        """Ask again for a page the worker could not rate, when it is painted again."""
        if reading == self._reading:
            self._asked.difference_update(wanted)

    def _page_rated(
        self, reading: int, wanted: list[int], standings: dict[int, CustomerStanding]
    ) -> None:
        """Show a page's ratings, unless the rows were read again since it was asked for."""
        if reading != self._reading:
            return
        self.ratings_read += len(wanted)
        places = {row.id: i for i, row in enumerate(self._rows) if row.id in standings}
        rated = with_ratings([self._rows[i] for i in places.values()], standings)
        for i, row in zip(places.values(), rated, strict=True):
            self._rows[i] = row
        self._rated.update(wanted)
        shown = [p for cid in places if (p := self.position_of(cid)) is not None]
        if shown:
            self.dataChanged.emit(
                self.index(min(shown), RATING_COLUMN), self.index(max(shown), RATING_COLUMN)
            )
        self.ratings_arrived.emit()

    def _needs_every_rating(self, words: list[str]) -> bool:
        """Whether the list as it is now filtered, sorted or searched turns on every rating."""
        if self.rating is not None or self._sort_column == RATING_COLUMN:
            return True
        return any(word in rating for word in words for rating in _rating_words())

    def _searched(self, column: Column[CustomerListRow]) -> bool:
        # The ratings' words are searched once every customer is rated (set_search).
        return self._all_rated or column is not self._columns[RATING_COLUMN]

    def accepts(self, row: CustomerListRow) -> bool:
        if row.archived and not self.show_archived:
            return False
        if self.owes and not row.balances:
            return False
        if self.overdue and not row.overdues:
            return False
        return self.rating is None or row.rating is self.rating


_RATING_ORDER = {
    RatingKind.RELIABLE: 0,
    RatingKind.NEW: 1,
    RatingKind.SLOW: 2,
    RatingKind.RISKY: 3,
}


def _rating_words() -> list[str]:
    """The ratings' words as a search compares them (in the window's language)."""
    return [fold(rating_text(kind)) for kind in RatingKind]
