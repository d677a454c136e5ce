"""The Today panel: who to call this morning, in order, with what to say.

At the top, the day, how many calls and how much money is at stake, and a compact
line of what customers owe. Below, one card per call (ui.call_card), best call
first, as store.calls.calls_today ranks them, a page at a time (ui.today.card_list).
An outcome written from a card takes the call off the list at once and offers a
short undo: for
:data:`~diva_desk.ui.common.undo_bar.UNDO_SECONDS`,
an inline "Undo" (or Ctrl+Z on the panel) takes back exactly what was written.

The window reads the day (ui.today.today_reading) on a worker thread and hands it
to :meth:`TodayPanel.show_reading`; :meth:`TodayPanel.refresh` reads and shows at
once, for a panel on its own. A refresh keeps the cards whose call did not change,
so reading the book again after an outcome moves no card the person was not looking at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.calls import Call
from diva_desk.core.calls.talking_points import Script
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.calls.call_list import call_settings
from diva_desk.store.calls.outcomes import OutcomeResult, undo_outcome
from diva_desk.ui.common import errors, style
from diva_desk.ui.common.undo_bar import UndoBar
from diva_desk.ui.today.call_actions import unsent_drafts
from diva_desk.ui.today.call_card import CallCard
from diva_desk.ui.today.card_list import CardList, ReadExtras
from diva_desk.ui.today.card_style import CARD_STYLE, PANEL_STYLE
from diva_desk.ui.today.outcome_dialogs import record_outcome
from diva_desk.ui.today.outcomes import OutcomeKind
from diva_desk.ui.today.today_reading import CardExtras, TodayReading, card_extras, read_today


def read_extras_now(calls: list[Call], day: dt.date, done: Callable[[CardExtras], None]) -> None:
    """A page's talking points and ratings, read on the spot (a panel with no worker)."""
    done(card_extras(calls, day))


def money_lines(totals: dict[str, Decimal]) -> list[str]:
    """One formatted figure per currency."""
    return [fmt.money(amount, currency) for currency, amount in sorted(totals.items())]


def at_stake(calls: list[Call]) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for call in calls:
        totals[call.currency] = totals.get(call.currency, Decimal(0)) + call.amount_at_stake
    return totals


def _label(text: str, role: str, parent: QWidget, *, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", role)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class TodayPanel(QFrame):
    #: An outcome or an undo wrote to the book: the other lists should read it again.
    book_changed = Signal()
    #: A sentence for the status bar.
    status_message = Signal(str)
    #: The meeting pack of a call's customer was asked for.
    meeting_pack_wanted = Signal(object)  # Call
    #: A card asked for the statement or a reminder letter: (Call, kind).
    letter_wanted = Signal(object, str)
    #: A card's "Send it now": the id of the draft to send.
    send_wanted = Signal(int)
    #: A card's "Email a reminder": (Call, level).
    email_wanted = Signal(object, str)
    #: A freshly read call list is shown: every card of its first page is built.
    calls_shown = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        read_extras: ReadExtras = read_extras_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todayPanel")
        style.themed(self, PANEL_STYLE + CARD_STYLE)
        self.setMinimumWidth(300)
        self._clock = clock
        self.today = dt.date.today()
        self._undo: list[OutcomeResult] = []
        #: A freshly read list is being shown: say so (calls_shown) once its cards are built.
        self._fresh = False

        self.title = QLabel(_("Today"), self)
        self.title.setObjectName("todayTitle")
        self.date = QLabel(self)
        self.date.setObjectName("todayDate")
        self.summary = _label("", "summary", self, name="todaySummary")
        heading = QHBoxLayout()
        heading.setSpacing(12)
        heading.addWidget(self.title, 0, Qt.AlignmentFlag.AlignBaseline)
        heading.addWidget(self.date, 1, Qt.AlignmentFlag.AlignBaseline)

        self.owed = _label("", "figure", self, name="todayOwed")
        self.overdue = _label("", "figure", self, name="todayOverdue")
        self.overdue.setProperty("tone", "overdue")
        self.overdue_count = _label("", "note", self, name="todayOverdueCount")
        self.overdue_count.setWordWrap(False)
        money = QHBoxLayout()
        money.setSpacing(28)
        for caption, widgets in (
            (_("OWED TO YOU"), (self.owed,)),
            (_("OVERDUE"), (self.overdue, self.overdue_count)),
        ):
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(_label(caption, "caption", self))
            for widget in widgets:
                column.addWidget(widget)
            money.addLayout(column)
        money.addStretch(1)

        self.undo_bar = UndoBar(self)
        self.undo_bar.undo_clicked.connect(self.undo)
        self.undo_action = QAction(_("Undo the last outcome"), self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)

        self.list = CardList(self._make_card, read_extras, self)
        self.list.filled.connect(self._filled)
        self.empty = self.list.empty
        self.empty.hide()
        # Until the first reading is back (the window reads the day on a worker).
        self.summary.setText(_("Reading today's calls…"))

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("todayScroll")
        self.scroll.setWidget(self.list)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        header = QWidget(self)
        header.setObjectName("todayHeader")
        top = QVBoxLayout(header)
        top.setContentsMargins(20, 16, 20, 12)
        top.setSpacing(6)
        top.addLayout(heading)
        top.addWidget(self.summary)
        top.addSpacing(4)
        top.addLayout(money)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(header)
        undo_row = QHBoxLayout()
        undo_row.setContentsMargins(18, 10, 18, 0)
        undo_row.addWidget(self.undo_bar)
        outer.addLayout(undo_row)
        outer.addWidget(self.scroll, 1)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # --- reading the book --------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        """Every call of the day, in order (what calls_today returned, less those just done)."""
        return self.list.calls

    @property
    def cards(self) -> dict[str, CallCard]:
        """The cards built, by customer code: the first calls only, a page at a time."""
        return self.list.cards

    def refresh(self, today: dt.date) -> None:
        """Read the day's calls and figures from the book again, and show them at once."""
        self.show_reading(read_today(today, self.list.target), at_once=True)

    def show_reading(self, reading: TodayReading, *, at_once: bool = False) -> None:
        """Show what was read; the cards are built a batch at a time unless ``at_once``."""
        today = self.today = reading.today
        self.date.setText(fmt.date(today, "full"))
        owed = money_lines(reading.owed)
        self.owed.setText("\n".join(owed) if owed else _("Nothing is owed to you."))
        self.owed.setProperty("role", "figure" if owed else "note")
        summary = reading.overdue
        self.overdue.setVisible(bool(summary.invoices))
        self.overdue.setText("\n".join(money_lines(summary.totals)))
        self.overdue_count.setText(
            ngettext(
                "on {count} overdue invoice", "on {count} overdue invoices", summary.invoices
            ).format(count=fmt.number(summary.invoices))
            if summary.invoices
            else _("No invoice is overdue.")
        )
        for label in (self.owed, self.overdue):
            label.style().unpolish(label)
            label.style().polish(label)
        self._fresh = True
        self.list.show_calls(
            reading.calls, reading.extras, today, reading.retry_days, at_once=at_once
        )
        self._show_counts()

    def show_more(self) -> None:
        """The next page of calls (Alt+W on the button under the last card)."""
        self.list.show_more()

    def _make_card(self, call: Call, extras: CardExtras, rank: int, retry_days: int) -> CallCard:
        script: Script = extras.scripts[call.customer]
        card = CallCard(
            call,
            script,
            rank=rank,
            today=self.today,
            rating_reason=extras.rating_reasons.get(call.customer_id, ""),
            retry_days=retry_days,
            parent=self.list,
        )
        card.outcome_chosen.connect(self.choose_outcome)
        card.phone_copied.connect(self.status_message.emit)
        card.meeting_pack_wanted.connect(self.meeting_pack_wanted.emit)
        card.letter_wanted.connect(self.letter_wanted.emit)
        card.move_wanted.connect(self._move_focus)
        card.send_wanted.connect(lambda _call, draft: self.send_wanted.emit(draft))
        card.email_wanted.connect(self.email_wanted.emit)
        return card

    def _filled(self) -> None:
        self._show_counts()
        if self._fresh:
            self._fresh = False
            self.calls_shown.emit()

    def _show_counts(self) -> None:
        count = len(self.calls)
        if count:
            text = ngettext(
                "{count} call · {amount} at stake",
                "{count} calls · {amount} at stake",
                count,
            ).format(count=fmt.number(count), amount=" + ".join(money_lines(at_stake(self.calls))))
            if unsent := unsent_drafts(self.calls):
                text += "\n" + _("incl. {amount} on drafts not sent yet").format(
                    amount=" + ".join(money_lines(unsent))
                )
            self.summary.setText(text)
        else:
            self.summary.setText(_("No calls today"))
        self.empty.setVisible(not count)
        self.empty.setText(
            _("Nobody to call today.\nEveryone is paid up, promised or scheduled: enjoy the quiet.")
            if not count
            else ""
        )

    # --- outcomes ----------------------------------------------------------------------

    def moment(self) -> dt.datetime:
        """Now, on the panel's day (a window left open overnight still writes for its day)."""
        now = self._clock()
        return dt.datetime.combine(self.today, now.time().replace(microsecond=0))

    def choose_outcome(self, call: Call, kind: OutcomeKind) -> None:
        """Ask the outcome's details, write it, and take the call off the list."""
        try:
            results = record_outcome(self, kind, call, self.moment(), call_settings())
        except UserFacingError as exc:
            errors.show_failure(self, exc)
            return
        if results:
            self.call_done(call, results)

    def call_done(self, call: Call, results: list[OutcomeResult]) -> None:
        card = self.cards.get(call.customer)
        following = self._neighbour(card, 1) or self._neighbour(card, -1) if card else None
        self.list.remove(call)
        self._show_counts()
        self._undo = results
        summary = " ".join(result.summary for result in results)
        self.undo_bar.offer(summary)
        self.status_message.emit(summary)
        if following is not None:
            following.setFocus(Qt.FocusReason.OtherFocusReason)
        self.book_changed.emit()

    def undo(self) -> None:
        """Take back the last outcome, while its undo is still offered."""
        if not self._undo or not self.undo_bar.isVisible():
            return
        results, self._undo = self._undo, []
        for result in reversed(results):
            undo_outcome(result)
        self.undo_bar.expire()
        self.status_message.emit(_("Undone: the call is back on today's list."))
        self.book_changed.emit()

    # --- keyboard ----------------------------------------------------------------------

    def _neighbour(self, card: CallCard | None, step: int) -> CallCard | None:
        order = [self.cards[c.customer] for c in self.calls if c.customer in self.cards]
        if card not in order:
            return None
        index = order.index(card) + step
        return order[index] if 0 <= index < len(order) else None

    def _move_focus(self, card: CallCard, step: int) -> None:
        target = self._neighbour(card, step)
        if target is None and step > 0 and self.list.more_row.isVisible():
            # Down on the last card shown: the next page, and the focus on its first call.
            following = self.calls[self.list.target].customer
            self.list.focus_after_building(following)
            self.list.show_more()
            return
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(target, 0, 40)

    def focus_first_call(self) -> None:
        if self.calls:
            self.cards[self.calls[0].customer].setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The card holding the focus is the current one: its buttons answer to Alt+letter."""
        widget = new
        while widget is not None and not isinstance(widget, CallCard):
            widget = widget.parentWidget()
        if widget is None or widget.parentWidget() is not self.list:
            return
        for card in self.cards.values():
            if card.property("current") != (card is widget):
                card.set_current(card is widget)
        self.scroll.ensureWidgetVisible(new or widget, 0, 40)
