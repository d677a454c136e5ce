"""The Today panel's list of call cards: the best calls first, a page at a time.

A card is some ninety widgets, and a large book has well over a thousand calls on
a busy morning: one card per call froze the window and, past a thousand cards,
crashed it. So the list shows the first :data:`~diva_desk.ui.today.today_reading.PAGE`
calls, says how many there are in all ("Showing 10 of 1,302 calls"), and "Show 10
more" (Alt+W, or Down on the last card) adds the next page. The widgets built grow
with what the person asked to see, never with the book.

Cards are built a few at a time, each batch in its own turn of the event loop, so
building a page never holds the window for long; :attr:`CardList.filled` says when
the last card asked for is there. A new call list keeps the cards whose call did
not change, so reading the book again after an outcome moves nothing needlessly.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from diva_desk.core.calls import Call
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.ui.today.call_card import CallCard
from diva_desk.ui.today.today_reading import PAGE, CardExtras

#: How long one batch of card building may hold the GUI thread (at least one card).
BATCH_SECONDS = 0.03

#: Builds a card: (call, extras, rank, retry days) -> a card parented to the list.
MakeCard = Callable[[Call, CardExtras, int, int], CallCard]
#: Reads the extras of more calls and calls back with them (on a worker, in the window).
ReadExtras = Callable[[list[Call], dt.date, Callable[[CardExtras], None]], None]


class CardList(QWidget):
    #: Every card asked for (the page, or the page plus what "Show more" added) is built.
    filled = Signal()

    def __init__(self, make_card: MakeCard, read_extras: ReadExtras, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("todayList")
        self._make_card = make_card
        self._read_extras = read_extras
        #: Every call of the day, best first; cards exist for the first ``len(cards)``.
        self.calls: list[Call] = []
        self.cards: dict[str, CallCard] = {}
        #: How many calls to show: a page, plus a page for each "Show more".
        self.target = PAGE
        self._extras = CardExtras()
        self._retry_days = 2
        self._today = dt.date.today()
        self._ranks: dict[str, int] = {}
        #: The customers whose cards are still to be built, best call first.
        self._queue: list[str] = []
        self._focus_next: str | None = None
        self._builder = QTimer(self)
        self._builder.setSingleShot(True)
        self._builder.setInterval(0)
        self._builder.timeout.connect(self._build_batch)

        self._layout = QVBoxLayout(self)
        # Narrow sides: a card with a long name still fits a 440-pixel panel.
        self._layout.setContentsMargins(12, 6, 12, 18)
        self._layout.setSpacing(12)
        self.empty = QLabel("", self)
        self.empty.setObjectName("todayEmpty")
        self.empty.setProperty("role", "empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.empty)

        self.more_row = QWidget(self)
        self.more_row.setObjectName("todayMore")
        self.more_note = QLabel("", self.more_row)
        self.more_note.setObjectName("todayShowing")
        self.more_note.setProperty("role", "note")
        self.more_button = QPushButton("", self.more_row)
        self.more_button.setObjectName("showMore")
        self.more_button.setAutoDefault(False)
        self.more_button.clicked.connect(self.show_more)
        row = QHBoxLayout(self.more_row)
        row.setContentsMargins(4, 0, 4, 0)
        row.addWidget(self.more_note, 1)
        row.addWidget(self.more_button)
        self._layout.addWidget(self.more_row)
        self._layout.addStretch(1)
        self._update_more()

    # --- what is shown -------------------------------------------------------------------

    def shown_calls(self) -> list[Call]:
        return self.calls[: self.target]

    def show_calls(
        self,
        calls: list[Call],
        extras: CardExtras,
        today: dt.date,
        retry_days: int,
        *,
        at_once: bool = False,
    ) -> None:
        """Show a freshly read call list; unchanged cards stay, the rest are built anew."""
        self._builder.stop()
        self._today, self._retry_days = today, retry_days
        self._set_calls(calls)
        # A "Show more" that came after this list was read has no talking points in it.
        covered = next(
            (i for i, call in enumerate(self.calls) if call.customer not in extras.scripts),
            len(self.calls),
        )
        self.target = min(self.target, max(covered, PAGE))
        shown = self.shown_calls()
        self._extras = extras
        old, self.cards = self.cards, {}
        for call in shown:
            card = old.pop(call.customer, None)
            if card is None:
                continue
            if card.call == call and card.script == extras.scripts.get(call.customer):
                self.cards[call.customer] = card
            else:
                old[call.customer] = card
        for card in old.values():
            card.hide()
            card.deleteLater()
        for position, card in enumerate(c for c in shown if c.customer in self.cards):
            self._layout.insertWidget(position, self.cards[card.customer])
        self._renumber()
        self._queue = [call.customer for call in shown if call.customer not in self.cards]
        self._update_more()
        if at_once:
            self.finish_now()
        else:
            self._builder.start()  # the first cards in a turn of their own, like the rest

    def show_more(self) -> None:
        """Add the next page of calls (their talking points are read first)."""
        if self._queue or len(self.calls) <= self.target:
            return
        start, self.target = self.target, self.target + PAGE
        more = self.calls[start : self.target]
        self.more_button.setEnabled(False)
        self.more_note.setText(_("Reading the next calls…"))
        day = self._today

        def read(extras: CardExtras) -> None:
            if day != self._today:
                return  # a new day's list came in meanwhile; it has its own extras
            self._extras = self._extras.merged(extras)
            self._queue.extend(c.customer for c in more if c.customer not in self.cards)
            self._build_batch()

        self._read_extras(more, day, read)

    def remove(self, call: Call) -> CallCard | None:
        """Take a call off the list (an outcome was written); its card is returned, hidden."""
        self._set_calls([c for c in self.calls if c.customer != call.customer])
        self._queue = [code for code in self._queue if code != call.customer]
        card = self.cards.pop(call.customer, None)
        if card is not None:
            card.hide()
            card.deleteLater()
        self._renumber()
        self._update_more()
        return card

    def is_building(self) -> bool:
        return bool(self._queue) or not self.more_button.isEnabled()

    def finish_now(self) -> None:
        """Build every card still waiting, in one go."""
        self._builder.stop()
        while self._queue:
            self._build_one()
        self._finished()

    def focus_after_building(self, customer: str) -> None:
        """Give this call's card the focus as soon as it is built."""
        self._focus_next = customer

    # --- building, a batch per turn of the event loop --------------------------------------

    def _build_batch(self) -> None:
        deadline = time.perf_counter() + BATCH_SECONDS
        self.setUpdatesEnabled(False)
        try:
            while self._queue:
                self._build_one()
                if time.perf_counter() >= deadline:
                    break
        finally:
            self.setUpdatesEnabled(True)
        if self._queue:
            self._builder.start()
        else:
            self._finished()

    def _set_calls(self, calls: list[Call]) -> None:
        self.calls = list(calls)
        self._ranks = {call.customer: index for index, call in enumerate(self.calls)}

    def _build_one(self) -> None:
        code = self._queue.pop(0)
        index = self._ranks.get(code)
        if code in self.cards or index is None:
            return
        call = self.calls[index]
        card = self._make_card(call, self._extras, index + 1, self._retry_days)
        position = sum(1 for other in self.cards if self._ranks[other] < index)
        self._layout.insertWidget(position, card)
        self.cards[code] = card
        card.show()
        if self._focus_next == code:
            self._focus_next = None
            card.setFocus(Qt.FocusReason.OtherFocusReason)

    def _finished(self) -> None:
        self.more_button.setEnabled(True)
        self._update_more()
        self.filled.emit()

    def _renumber(self) -> None:
        for rank, call in enumerate(self.calls, start=1):
            card = self.cards.get(call.customer)
            if card is not None:
                card.set_rank(rank)

    def _update_more(self) -> None:
        total = len(self.calls)
        shown = min(total, self.target)
        rest = total - shown
        self.more_row.setVisible(rest > 0)
        if rest <= 0:
            return
        self.more_note.setText(
            ngettext(
                "Showing {shown} of {total} call", "Showing {shown} of {total} calls", total
            ).format(shown=fmt.number(shown), total=fmt.number(total))
        )
        self.more_button.setText(_("Sho&w {count} more").format(count=fmt.number(min(PAGE, rest))))
        self.more_button.setToolTip(_("The next calls on today's list, best first"))
