"""The Today panel: the facts of the day, read from the book, and nothing else.

Today's date, what customers owe, what of it is overdue and on how many
invoices, and the follow-ups due today or earlier. (The ranked call list will
take its place when it exists; until then the panel shows only real figures.)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.followups import FollowupRow, open_followups
from diva_desk.store.queries import overdue_summary, total_owed
from diva_desk.ui import style

#: Follow-ups listed in the panel; the rest are a click away in the Follow-ups tab.
SHOWN_FOLLOWUPS = 8


def money_lines(totals: dict[str, Decimal]) -> list[str]:
    """One formatted figure per currency."""
    return [fmt.money(amount, currency) for currency, amount in sorted(totals.items())]


def _label(text: str, role: str, parent: QWidget, *, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", role)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class TodayPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPanel")
        self.setStyleSheet(style.TODAY_PANEL)
        self.setMinimumWidth(220)

        self.title = QLabel(_("Today"), self)
        self.title.setObjectName("todayTitle")
        self.date = QLabel(self)
        self.date.setObjectName("todayDate")
        self.date.setWordWrap(True)

        self.owed = _label("", "figure", self, name="todayOwed")
        self.overdue = _label("", "figure", self, name="todayOverdue")
        self.overdue.setProperty("tone", "overdue")
        self.overdue_count = _label("", "note", self, name="todayOverdueCount")

        self._followups = QWidget(self)
        self._followups.setObjectName("todayFollowups")
        self._followup_layout = QVBoxLayout(self._followups)
        self._followup_layout.setContentsMargins(0, 0, 0, 0)
        self._followup_layout.setSpacing(6)
        #: The follow-ups listed, in order (the panel shows the first few of those due).
        self.shown_followups: list[FollowupRow] = []

        inner = QWidget(self)
        inner.setObjectName("todayInner")
        inner.setStyleSheet("#todayInner { background: transparent; }")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.date)
        for caption, widgets in (
            (_("OWED TO YOU"), (self.owed,)),
            (_("OVERDUE"), (self.overdue, self.overdue_count)),
            (_("FOLLOW-UPS DUE"), (self._followups,)),
        ):
            layout.addSpacing(14)
            layout.addWidget(self._rule())
            layout.addSpacing(8)
            layout.addWidget(_label(caption, "caption", inner))
            layout.addSpacing(2)
            for widget in widgets:
                layout.addWidget(widget)
        layout.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _followup_item(self, row: FollowupRow, today: dt.date) -> QWidget:
        item = QWidget(self._followups)
        layout = QVBoxLayout(item)
        layout.setContentsMargins(0, 2, 0, 4)
        layout.setSpacing(1)
        when = _("due today") if row.due_date == today else fmt.date(row.due_date)
        if row.invoice_number:
            when = _("{when} · invoice {number}").format(when=when, number=row.invoice_number)
        layout.addWidget(_label(row.customer_name, "who", item))
        layout.addWidget(_label(row.reason, "reason", item))
        date_label = _label(when, "when", item)
        if row.due_date < today:
            date_label.setProperty("tone", "overdue")
        layout.addWidget(date_label)
        return item

    def _rule(self) -> QFrame:
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setProperty("role", "rule")
        return rule

    def refresh(self, today: dt.date) -> None:
        """Read the day's facts from the book again."""
        self.date.setText(fmt.date(today, "full"))
        owed = money_lines(total_owed())
        self.owed.setText("\n".join(owed) if owed else _("Nothing is owed to you."))
        self.owed.setProperty("role", "figure" if owed else "note")

        summary = overdue_summary(today)
        if summary.invoices:
            self.overdue.setText("\n".join(money_lines(summary.totals)))
            self.overdue.show()
            self.overdue_count.setText(
                ngettext(
                    "on {count} overdue invoice", "on {count} overdue invoices", summary.invoices
                ).format(count=fmt.number(summary.invoices))
            )
        else:
            self.overdue.hide()
            self.overdue_count.setText(_("No invoice is overdue."))
        self._show_followups(today)
        for label in (self.owed, self.overdue):
            label.style().unpolish(label)
            label.style().polish(label)

    def _show_followups(self, today: dt.date) -> None:
        while self._followup_layout.count():
            item = self._followup_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        due = open_followups(due_by=today)
        self.shown_followups = due[:SHOWN_FOLLOWUPS]
        if not due:
            self._followup_layout.addWidget(
                _label(_("No follow-up is due."), "note", self._followups)
            )
            return
        for row in self.shown_followups:
            self._followup_layout.addWidget(self._followup_item(row, today))
        hidden = len(due) - SHOWN_FOLLOWUPS
        if hidden > 0:
            self._followup_layout.addWidget(
                _label(
                    ngettext(
                        "and {count} more in the Follow-ups tab",
                        "and {count} more in the Follow-ups tab",
                        hidden,
                    ).format(count=fmt.number(hidden)),
                    "note",
                    self._followups,
                )
            )
