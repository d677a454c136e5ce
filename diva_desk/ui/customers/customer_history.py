"""The customer's page by the list: who they are, how they pay, and everything that happened.

Read-only on purpose: looking at a customer never risks changing one. The top
says what the owner needs before calling or quoting (what they owe, the oldest
open item, the last contact, the rating with its reason and the terms to offer,
the billing cycle in words with today's dates); below it, invoices, payments,
promises, payment plans and interactions in one timeline, newest first
(customer_timeline.py). Under the list, where the page is wide and short, the
billing cycle and the history sit side by side so the history stays in view.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core import records as r
from diva_desk.core.customers.billing_text import (
    billing_cycle_text,
    billing_outlook,
    cutoff_text,
    expected_payment_text,
)
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.customers.history import CustomerStanding
from diva_desk.store.customers.timeline import CustomerHistory
from diva_desk.ui.common import style
from diva_desk.ui.common.labels import rating_text
from diva_desk.ui.customers import history_columns
from diva_desk.ui.customers.customer_timeline import (
    TimelineModel,
    channel_text,
    method_text,
    outcome_text,
)

PANE_STYLE = """
#customerPane { background: palette(base); border: 1px solid palette(midlight); }
#customerName { font-size: 17pt; font-weight: 600; }
QLabel[role="caption"] {
    color: @muted; font-size: 8.5pt; font-weight: 600; letter-spacing: 1px;
}
QLabel[role="note"] { color: @muted; }
QLabel[role="figure"] { font-size: 13pt; font-weight: 600; }
QLabel[role="figure"][tone="overdue"] { color: @overdue; }
QLabel#ratingChip {
    border-radius: 9px; padding: 2px 10px; font-weight: 600; color: palette(base);
    background: @muted;
}
QLabel#ratingChip[kind="reliable"] { background: @settled; }
QLabel#ratingChip[kind="slow"] { background: @caution; }
QLabel#ratingChip[kind="risky"] { background: @overdue; }
QLabel#cutoffNote[near="true"] { color: @caution; font-weight: 600; }
QFrame[role="rule"] { color: palette(midlight); }
"""


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "caption")
    # A narrow page wraps a caption rather than cutting off the page's right side.
    label.setWordWrap(True)
    return label


def _text(parent: QWidget, role: str = "", name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        label.setProperty("role", role)
    if name:
        label.setObjectName(name)
    return label


def _rule(parent: QWidget) -> QFrame:
    rule = QFrame(parent)
    rule.setFrameShape(QFrame.Shape.HLine)
    rule.setProperty("role", "rule")
    return rule


#: The page puts the billing cycle and the history side by side from this width up
#: (when it is also wider than tall): the page under the list, on a laptop.
SIDE_BY_SIDE_FROM = 620


class CustomerPane(QStackedWidget):
    """A customer's page, or a hint when none is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerPane")
        style.themed(self, PANE_STYLE)
        self.setMinimumWidth(280)

        self.empty = QLabel(_("Select a customer to see their billing cycle and history."), self)
        self.empty.setObjectName("customerPaneEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "note")
        self.addWidget(self.empty)

        # The page scrolls as a whole when the window is small; the history keeps
        # enough rows to be useful.
        scroll = QScrollArea(self)
        scroll.setObjectName("customerScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget(scroll)
        page.setObjectName("customerPage")
        scroll.setWidget(page)
        self.addWidget(scroll)
        self.name = _text(page, name="customerName")
        self.edit_button = QPushButton(_("&Edit…"), page)
        self.edit_button.setObjectName("editCustomer")
        self.edit_button.setToolTip(_("Edit this customer (Enter)"))
        self.who = _text(page, "note", "customerWho")
        self.rating = QLabel(page)
        self.rating.setObjectName("ratingChip")
        self.rating_reason = _text(page, name="ratingReason")
        self.suggested = _text(page, "note", "suggestedTerms")

        self.owes = _text(page, "figure", "customerOwes")
        self.oldest = _text(page, name="oldestOpen")
        self.last_contact = _text(page, name="lastContact")

        self.cycle = _text(page, name="billingCycle")
        self.cutoff = _text(page, name="cutoffNote")
        self.expected = _text(page, name="expectedPayment")
        self.terms = _text(page, "note", "customerTerms")

        self.timeline = TimelineModel(self)
        self.history = QTableView(page)
        self.history.setObjectName("customerHistory")
        self.history.setModel(self.timeline)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setAlternatingRowColors(True)
        self.history.setShowGrid(False)
        self.history.verticalHeader().hide()
        history_columns.prepare(self.history, self.fontMetrics().height() + 10)
        self.history.setTabKeyNavigation(False)
        self.history.setMinimumHeight(180)
        # Its height is what the page has left, not a preferred 190 pixels that would
        # make the page scroll as a whole.
        self.history.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        header = self.history.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)

        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        rating_row = QHBoxLayout()
        rating_row.setSpacing(8)
        rating_row.addWidget(self.rating, 0, Qt.AlignmentFlag.AlignTop)
        rating_row.addWidget(self.rating_reason, 1)

        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        facts.setVerticalSpacing(2)
        for column, (caption, label) in enumerate(
            (
                (_("OWES YOU"), self.owes),
                (_("OLDEST OPEN ITEM"), self.oldest),
                (_("LAST CONTACT"), self.last_contact),
            )
        ):
            facts.addWidget(_caption(caption, page), 0, column)
            facts.addWidget(label, 1, column, Qt.AlignmentFlag.AlignTop)
            facts.setColumnStretch(column, 1)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.who)
        layout.addSpacing(6)
        layout.addLayout(rating_row)
        layout.addWidget(self.suggested)
        layout.addSpacing(8)
        layout.addWidget(_rule(page))
        layout.addSpacing(6)
        layout.addLayout(facts)
        layout.addSpacing(8)
        layout.addWidget(_rule(page))
        layout.addSpacing(6)

        billing = QVBoxLayout()
        billing.setSpacing(4)
        billing.addWidget(_caption(_("BILLING CYCLE"), page))
        for label in (self.cycle, self.cutoff, self.expected, self.terms):
            billing.addWidget(label)
        billing.addStretch(1)
        history = QVBoxLayout()
        history.setSpacing(4)
        # The rule between the two sections, when one is under the other.
        self.history_rule = QWidget(page)
        rule_box = QVBoxLayout(self.history_rule)
        rule_box.setContentsMargins(0, 8, 0, 6)
        rule_box.addWidget(_rule(self.history_rule))
        history.addWidget(self.history_rule)
        history.addWidget(_caption(_("HISTORY"), page))
        history.addWidget(self.history, 1)
        #: Billing cycle and history: one under the other on a tall page, side by side
        #: on a wide short one (the page under the list), so the history stays in view.
        self.sections = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.sections.setSpacing(18)
        self.sections.addLayout(billing, 0)
        self.sections.addLayout(history, 1)
        layout.addLayout(self.sections, 1)
        self.customer_id: int | None = None
        #: The history's columns at their contents' widths, before fitting the page.
        self._history_widths: list[int] = []
        self.history.viewport().installEventFilter(self)

    def clear(self) -> None:
        self.customer_id = None
        self.timeline.set_rows([])
        self.setCurrentWidget(self.empty)

    def show_customer(
        self,
        customer_id: int,
        customer: r.Customer,
        history: CustomerHistory,
        standing: CustomerStanding | None,
        today: dt.date,
        default_terms: int,
    ) -> None:
        """Fill the page from what the store read (the tab does the reading)."""
        self.customer_id = customer_id
        name = customer.name
        if customer.archived:
            name = _("{name} (archived)").format(name=name)
        self.name.setText(name)
        # No line break inside a phone number or an address part.
        who = [customer.code, customer.contact_name, customer.email, customer.phone]
        self.who.setText(" · ".join(part.replace(" ", "\u00a0") for part in who if part))

        kind = standing.rating.kind if standing else None
        self.rating.setText(rating_text(kind))
        self.rating.setProperty("kind", kind.value if kind else "")
        self.rating.setVisible(kind is not None)
        self.rating_reason.setText(standing.rating.reason if standing else "")
        self.suggested.setText(
            _("Next job: {terms}.").format(terms=standing.suggested_terms) if standing else ""
        )

        owed = [fmt.money(amount, cur) for cur, amount in sorted(history.balance.items())]
        self.owes.setText("\n".join(owed) if owed else _("Nothing"))
        self.owes.setProperty("tone", "overdue" if history.overdue else "")
        overdue = [fmt.money(amount, cur) for cur, amount in sorted(history.overdue.items())]
        if overdue:
            self.owes.setToolTip(_("Overdue: {amounts}").format(amounts=", ".join(overdue)))
        else:
            self.owes.setToolTip("")
        self.oldest.setText(self._oldest_text(history, today))
        self.last_contact.setText(self._last_contact_text(history))

        terms = customer.terms_days if customer.terms_days is not None else default_terms
        outlook = billing_outlook(
            today, customer.invoice_cutoff_day, customer.payment_run_days, terms
        )
        self.cycle.setText(
            billing_cycle_text(
                customer.invoice_cutoff_day, customer.payment_run_days, customer.ap_contact_name
            )
        )
        self.cutoff.setText(cutoff_text(outlook))
        self.cutoff.setVisible(bool(self.cutoff.text()))
        self.cutoff.setProperty("near", "true" if outlook.cutoff_is_near else "false")
        self.expected.setText(expected_payment_text(outlook))
        self.terms.setText(self._terms_text(customer, terms))

        self.timeline.set_rows(history.entries)
        self._size_history()
        for label in (self.owes, self.rating, self.cutoff):
            label.style().unpolish(label)
            label.style().polish(label)
        self.setCurrentIndex(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        wide = size.width() >= SIDE_BY_SIDE_FROM and size.width() > size.height() * 1.3
        wanted = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.sections.direction() != wanted:
            self.sections.setDirection(wanted)
            self.history_rule.setVisible(not wide)
            # Side by side, a shorter history spares the page a second scroll bar.
            self.history.setMinimumHeight(100 if wide else 180)
            # Side by side they share the width; one under the other, the history
            # takes whatever height the billing cycle leaves.
            self.sections.setStretch(0, 1 if wide else 0)
            self.sections.setStretch(1, 2 if wide else 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.history.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_history()
        return super().eventFilter(watched, event)

    def _size_history(self) -> None:
        """Measure the columns once per customer; fitting them is redone on every resize."""
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.history.resizeColumnsToContents()
        self._history_widths = [header.sectionSize(c) for c in range(header.count())]
        self._fit_history()

    def _fit_history(self) -> None:
        """Date and amount whole; What and a long status wrap (history_columns)."""
        history_columns.fit(self.history, self._history_widths)

    @staticmethod
    def _oldest_text(history: CustomerHistory, today: dt.date) -> str:
        item = history.oldest_open
        if item is None:
            return _("None open")
        late = (today - item.due_date).days
        when = (
            ngettext("{days} day overdue", "{days} days overdue", late).format(
                days=fmt.number(late)
            )
            if late > 0
            else _("due {date}").format(date=fmt.date(item.due_date))
        )
        return _("{number} · {amount}\n{when}").format(
            number=item.number, amount=fmt.money(item.balance, item.currency), when=when
        )

    @staticmethod
    def _last_contact_text(history: CustomerHistory) -> str:
        entry = history.last_contact
        if entry is None or entry.at is None:
            return _("No contact logged")
        what = channel_text(entry.channel)
        if entry.outcome:
            what = _("{channel}, {outcome}").format(
                channel=what, outcome=outcome_text(entry.outcome)
            )
        return _("{date}\n{what}").format(date=fmt.date(entry.at.date()), what=what)

    @staticmethod
    def _terms_text(customer: r.Customer, terms: int) -> str:
        parts = [
            ngettext("Net {days} day", "Net {days} days", terms).format(days=fmt.number(terms))
            if terms
            else _("Due on receipt")
        ]
        if customer.deposit_percent:
            parts.append(
                _("{percent} deposit").format(percent=fmt.percent(customer.deposit_percent))
            )
        if customer.preferred_payment_method:
            parts.append(
                _("prefers {method}").format(method=method_text(customer.preferred_payment_method))
            )
        parts.append(customer.currency)
        return " · ".join(parts)
