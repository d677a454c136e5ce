"""The aging report and the ten who owe the most, as table models for the Reports view.

Rows are store.reports' results as they came: the aging's customer rows, then its
total row for each currency (bold, and kept last whichever way the list is
sorted), and the top debtors with their oldest open invoice.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from diva_desk.core.reports.aging import AgingBucket, bucket_label
from diva_desk.core.reports.receivables import AgingReport, AgingRow
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.reports import TopDebtor
from diva_desk.ui.common import style
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.table_models import (
    Column,
    Index,
    RowTableModel,
    SearchProxyModel,
    date_column,
    money_column,
)

#: The buckets whose money is tinted red: more than two months late.
_LATE = (AgingBucket.DAYS_61_90, AgingBucket.OVER_90)


def is_total(row: AgingRow) -> bool:
    return row.customer_id is None


def _short_title(bucket: AgingBucket) -> str:
    """A narrow column title (the full bucket name is its tooltip): eight columns must fit."""
    return {
        AgingBucket.CURRENT: _("Current"),
        AgingBucket.DAYS_1_30: _("1–30"),
        AgingBucket.DAYS_31_60: _("31–60"),
        AgingBucket.DAYS_61_90: _("61–90"),
        AgingBucket.OVER_90: _("90+"),
    }[bucket]


#: Said for a bucket holding nothing, so the money that is there stands out.
NOTHING = "—"


def _bucket_column(bucket: AgingBucket) -> Column[AgingRow]:
    def text(row: AgingRow) -> str:
        amount = row.bucket(bucket)
        return fmt.money(amount, row.currency) if amount else NOTHING

    def tint(row: AgingRow) -> QColor | None:
        amount = row.bucket(bucket)
        if amount == 0:
            return style.colour(Tone.FAINT)
        return style.colour(Tone.OVERDUE) if bucket in _LATE else None

    return Column(
        _short_title(bucket),
        text,
        value=lambda r: r.bucket(bucket),
        numeric=True,
        searchable=False,
        tint=tint,
        tip=_("Not yet due")
        if bucket is AgingBucket.CURRENT
        else _("{days} past due").format(days=bucket_label(bucket)),
    )


class AgingTableModel(RowTableModel[AgingRow]):
    """One row per customer and currency owing on the day, then a total row per currency."""

    #: The oldest due date, last of the columns.
    OLDEST_COLUMN = 7

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(_("Customer"), self._name, weight=2),
                *(_bucket_column(bucket) for bucket in AgingBucket),
                money_column(_("Total"), "total"),
                date_column(
                    _("Oldest due"),
                    "oldest_due_date",
                    tip=_("Due date of the oldest invoice not fully paid"),
                ),
            ],
            parent,
        )

    @staticmethod
    def _name(row: AgingRow) -> str:
        if is_total(row):
            return _("Total {currency}").format(currency=row.currency)
        return row.name

    def show(self, report: AgingReport) -> None:
        self.set_rows([*report.customers, *report.totals])

    def totals(self) -> dict[str, Decimal]:
        """The total rows' figures per currency, as the table shows them."""
        return {row.currency: row.total for row in self._rows if is_total(row)}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.FontRole
            and index.isValid()
            and is_total(self.row_at(index.row()))
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 0:
            row = self.row_at(index.row())
            if not is_total(row):
                return _("{name} ({code}): press Enter to open").format(
                    name=row.name, code=row.code
                )
        return super().data(index, role)


class TotalsLastProxy(SearchProxyModel):
    """Sorts the aging's customer rows and keeps the currency totals below them."""

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AgingTableModel)
        first, second = model.row_at(left.row()), model.row_at(right.row())
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        if is_total(first) != is_total(second):
            return is_total(second) if ascending else is_total(first)
        if is_total(first):
            # Totals in different currencies do not compare: keep them by currency code.
            return (first.currency < second.currency) == ascending
        return super().lessThan(left, right)


class DebtorTableModel(RowTableModel[TopDebtor]):
    """The customers who owe the most, with the open invoice that has waited longest."""

    #: The oldest invoice's number; its age is the column after it.
    NUMBER_COLUMN = 2

    def __init__(self, parent: Any = None) -> None:
        self.as_of = dt.date.today()
        super().__init__(
            [
                Column(_("Customer"), lambda r: r.name, weight=2),
                money_column(
                    _("Owes"),
                    "balance",
                    tint=lambda r: style.colour(Tone.OVERDUE) if r.overdue else None,
                ),
                Column(
                    _("Oldest"),
                    lambda r: r.oldest_number,
                    shrinks=False,
                    tip=_("Their oldest invoice not fully paid"),
                ),
                Column(
                    _("Late"),
                    self._late_text,
                    value=lambda r: r.oldest_days_past_due(self.as_of),
                    numeric=True,
                    searchable=False,
                    tint=lambda r: (
                        style.colour(Tone.OVERDUE)
                        if r.oldest_days_past_due(self.as_of) > 0
                        else style.colour(Tone.FAINT)
                    ),
                    tip=_("Days the oldest invoice is past its due date"),
                ),
            ],
            parent,
        )

    def _late_text(self, row: TopDebtor) -> str:
        days = row.oldest_days_past_due(self.as_of)
        if days <= 0:
            return _("not yet due")
        return ngettext("{days} day", "{days} days", days).format(days=fmt.number(days))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = self.row_at(index.row())
            return _(
                "{name} owes {owed}, {overdue} of it overdue.\n"
                "Oldest: {number} of {issued}, due {due}, {left} still owed."
            ).format(
                name=row.name,
                owed=fmt.money(row.balance, row.currency),
                overdue=fmt.money(row.overdue, row.currency),
                number=row.oldest_number,
                issued=fmt.date(row.oldest_issue_date),
                due=fmt.date(row.oldest_due_date),
                left=fmt.money(row.oldest_balance, row.currency),
            )
        return super().data(index, role)

    def show(self, as_of: dt.date, debtors: tuple[TopDebtor, ...]) -> None:
        self.as_of = as_of
        self.set_rows(debtors)
