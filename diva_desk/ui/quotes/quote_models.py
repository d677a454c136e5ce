"""The Quotes tab's list: number, customer, dates, status, total and the invoice it became."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QColor

from diva_desk.core.quotes.states import QuoteStatus
from diva_desk.i18n import _
from diva_desk.store.quotes.quote_list import QuoteRow, quote_rows
from diva_desk.ui.common import style
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.table_models import (
    Column,
    RowTableModel,
    date_column,
    money_column,
)


def status_text(status: QuoteStatus) -> str:
    return {
        QuoteStatus.DRAFT: _("Draft"),
        QuoteStatus.SENT: _("Sent"),
        QuoteStatus.ACCEPTED: _("Accepted"),
        QuoteStatus.DECLINED: _("Declined"),
        QuoteStatus.EXPIRED: _("Expired"),
    }[status]


def _status_tint(row: QuoteRow) -> QColor | None:
    if row.status is QuoteStatus.ACCEPTED:
        return style.colour(Tone.SETTLED)
    if row.status in (QuoteStatus.DECLINED, QuoteStatus.EXPIRED):
        return style.colour(Tone.FAINT)
    return None


class QuoteTableModel(RowTableModel[QuoteRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(_("Number"), lambda r: r.number, shrinks=False),
                Column(_("Customer"), lambda r: r.customer_name, weight=2),
                date_column(_("Date"), "issue_date"),
                date_column(_("Valid until"), "valid_until"),
                Column(
                    _("Status"),
                    lambda r: status_text(r.status),
                    value=lambda r: list(QuoteStatus).index(r.status),
                    tint=_status_tint,
                    shrinks=False,
                ),
                money_column(_("Total"), "total"),
                Column(_("Invoice"), lambda r: r.invoice or "", shrinks=False),
            ],
            parent,
        )

    def reload(self, today: dt.date) -> None:
        self.set_rows(quote_rows(today))
