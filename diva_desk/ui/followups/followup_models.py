"""The two lists of the Follow-ups tab, and the filter they share (customer and dates)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QColor

from diva_desk.core import records as r
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.calls.followups import FollowupRow, open_followups
from diva_desk.store.customers.interactions import InteractionRow
from diva_desk.ui.common import style
from diva_desk.ui.common.labels import channel_text
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.table_models import (
    Column,
    Index,
    RowTableModel,
    SearchProxyModel,
    date_column,
)


def outcome_text(outcome: r.Outcome | None) -> str:
    return (
        {
            r.Outcome.REACHED: _("Reached"),
            r.Outcome.NO_ANSWER: _("No answer"),
            r.Outcome.VOICEMAIL: _("Left a voicemail"),
            r.Outcome.PROMISED: _("Promised to pay"),
            r.Outcome.DISPUTE: _("Disputed"),
            r.Outcome.PAID: _("Paid"),
            r.Outcome.PLAN: _("Payment plan"),
            r.Outcome.RECEIVED_OK: _("Received, happy"),
            r.Outcome.PROBLEM: _("Problem"),
            r.Outcome.OTHER: _("Other"),
        }.get(outcome, "")
        if outcome
        else ""
    )


class FollowupTableModel(RowTableModel[FollowupRow]):
    def __init__(self, parent: Any = None) -> None:
        self._today = dt.date.today()

        def late(row: FollowupRow) -> QColor | None:
            return style.colour(Tone.OVERDUE) if row.due_date < self._today else None

        super().__init__(
            [
                date_column(_("Due"), "due_date", tint=late),
                Column(_("Customer"), lambda r: r.customer_name),
                Column(_("Reason"), lambda r: r.reason, weight=2),
                Column(_("Invoice"), lambda r: r.invoice_number, shrinks=False),
            ],
            parent,
        )

    def reload(self, today: dt.date) -> None:
        self._today = today
        self.set_rows(open_followups())


class OpenFollowupModel(FollowupTableModel):
    """The open follow-ups; says when it was read again, so the tab reads its other list too."""

    def __init__(self, parent: Any = None, on_reload: Any = None) -> None:
        super().__init__(parent)
        self.day = dt.date.today()
        self.on_reload = on_reload

    def reload(self, today: dt.date) -> None:
        self.day = today
        super().reload(today)
        if self.on_reload is not None:
            self.on_reload(today)


class InteractionTableModel(RowTableModel[InteractionRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(
                    _("When"),
                    lambda x: fmt.date(x.at.date()),
                    value=lambda x: x.at,
                    numeric=True,
                    searchable=False,
                ),
                Column(_("Customer"), lambda x: x.customer_name),
                Column(_("How"), lambda x: channel_text(x.channel), shrinks=False),
                Column(_("Outcome"), lambda x: outcome_text(x.outcome), shrinks=False),
                Column(_("Invoice"), lambda x: x.invoice_number, shrinks=False),
                Column(_("Notes"), lambda x: x.notes, weight=3),
            ],
            parent,
        )


class FollowupFilter(SearchProxyModel):
    """Search, plus one customer and a range of dates (of a follow-up's due date or an
    interaction's day)."""

    def __init__(self, day_of_row: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._day_of_row = day_of_row
        self.customer_id: int | None = None
        self.span: tuple[dt.date, dt.date] | None = None

    def set_filters(self, customer_id: int | None, span: tuple[dt.date, dt.date] | None) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self.customer_id, self.span = customer_id, span
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.customer_id, self.span = customer_id, span
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RowTableModel)
        row = model.row_at(source_row)
        if self.customer_id is not None and row.customer_id != self.customer_id:
            return False
        if self.span is not None and not self.span[0] <= self._day_of_row(row) <= self.span[1]:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
