"""The invoices list: number, customer, dates, amounts and status, each sorting by value."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QColor

from diva_desk.core.invoices.totals import InvoiceStatus
from diva_desk.i18n import _
from diva_desk.store.invoices.lists import InvoiceRow, invoice_rows
from diva_desk.ui.common import style
from diva_desk.ui.common.labels import status_text
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.table_models import (
    Column,
    RowTableModel,
    date_column,
    money_column,
    zero_muted,
)


def _status_tint(row: InvoiceRow) -> QColor | None:
    if row.status is InvoiceStatus.OVERDUE:
        return style.colour(Tone.OVERDUE)
    if row.status is InvoiceStatus.PAID:
        return style.colour(Tone.SETTLED)
    if row.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        return style.colour(Tone.FAINT)
    return None


class InvoiceTableModel(RowTableModel[InvoiceRow]):
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

    def reload(self, today: dt.date) -> None:
        self.set_rows(invoice_rows(today))
