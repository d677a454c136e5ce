"""The three lists of the window: customers, invoices and open follow-ups.

Each model is fed by one store query (aggregated in SQL) and shows amounts and
dates only through ``i18n.format``; each column sorts by the true value.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtGui import QColor

from diva_desk.core.invoices import InvoiceStatus
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.followups import FollowupRow, open_followups
from diva_desk.store.queries import CustomerRow, InvoiceRow, customer_rows, invoice_rows
from diva_desk.ui import style
from diva_desk.ui.table_models import Column, RowTableModel


def status_text(status: InvoiceStatus) -> str:
    """The word a person reads for an invoice's status."""
    return {
        InvoiceStatus.DRAFT: _("Draft"),
        InvoiceStatus.SENT: _("Sent"),
        InvoiceStatus.PARTLY_PAID: _("Partly paid"),
        InvoiceStatus.PAID: _("Paid"),
        InvoiceStatus.OVERDUE: _("Overdue"),
        InvoiceStatus.VOID: _("Void"),
    }[status]


def _zero_muted(amount: Decimal, colour: QColor | None = None) -> QColor | None:
    return style.MUTED if amount == 0 else colour


class CustomerTableModel(RowTableModel[CustomerRow]):
    """Who owes what; the money comes right after the name, contact details after it."""

    def __init__(self, parent: Any = None) -> None:
        def archived(row: CustomerRow) -> QColor | None:
            return style.MUTED if row.archived else None

        super().__init__(
            [
                Column(_("Code"), lambda r: r.code, tint=archived, shrinks=False),
                Column(_("Name"), lambda r: r.name, tint=archived, weight=2),
                Column(
                    _("Balance"),
                    lambda r: fmt.money(r.balance, r.currency),
                    value=lambda r: r.balance,
                    numeric=True,
                    searchable=False,
                    tint=lambda r: _zero_muted(r.balance),
                ),
                Column(
                    _("Overdue"),
                    lambda r: fmt.money(r.overdue, r.currency),
                    value=lambda r: r.overdue,
                    numeric=True,
                    searchable=False,
                    tint=lambda r: _zero_muted(r.overdue, style.OVERDUE),
                ),
                Column(
                    _("Open since"),
                    lambda r: fmt.date(r.oldest_open_date),
                    value=lambda r: r.oldest_open_date,
                    numeric=True,
                    searchable=False,
                    tip=_("Issue date of the oldest invoice not fully paid"),
                ),
                Column(_("Contact"), lambda r: r.contact_name, tint=archived),
                Column(_("Phone"), lambda r: r.phone, tint=archived, shrinks=False),
                Column(_("Email"), lambda r: r.email, tint=archived),
            ],
            parent,
        )

    def reload(self, today: dt.date) -> None:
        self.set_rows(customer_rows(today))


def _status_tint(row: InvoiceRow) -> QColor | None:
    if row.status is InvoiceStatus.OVERDUE:
        return style.OVERDUE
    if row.status is InvoiceStatus.PAID:
        return style.SETTLED
    if row.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        return style.MUTED
    return None


class InvoiceTableModel(RowTableModel[InvoiceRow]):
    def __init__(self, parent: Any = None) -> None:
        def overdue(row: InvoiceRow) -> QColor | None:
            return style.OVERDUE if row.status is InvoiceStatus.OVERDUE else None

        def void(row: InvoiceRow) -> QColor | None:
            return style.MUTED if row.status is InvoiceStatus.VOID else None

        super().__init__(
            [
                Column(_("Number"), lambda r: r.number, tint=void, shrinks=False),
                Column(_("Customer"), lambda r: r.customer_name, tint=void, weight=2),
                Column(
                    _("Issued"),
                    lambda r: fmt.date(r.issue_date),
                    value=lambda r: r.issue_date,
                    numeric=True,
                    searchable=False,
                ),
                Column(
                    _("Due"),
                    lambda r: fmt.date(r.due_date),
                    value=lambda r: r.due_date,
                    numeric=True,
                    searchable=False,
                    tint=overdue,
                ),
                Column(
                    _("Total"),
                    lambda r: fmt.money(r.total, r.currency),
                    value=lambda r: r.total,
                    numeric=True,
                    searchable=False,
                    tint=void,
                ),
                Column(
                    _("Balance"),
                    lambda r: fmt.money(r.balance, r.currency),
                    value=lambda r: r.balance,
                    numeric=True,
                    searchable=False,
                    tint=lambda r: _zero_muted(r.balance, overdue(r)),
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


class FollowupTableModel(RowTableModel[FollowupRow]):
    def __init__(self, parent: Any = None) -> None:
        self._today = dt.date.today()

        def late(row: FollowupRow) -> QColor | None:
            return style.OVERDUE if row.due_date < self._today else None

        super().__init__(
            [
                Column(
                    _("Due"),
                    lambda r: fmt.date(r.due_date),
                    value=lambda r: r.due_date,
                    numeric=True,
                    searchable=False,
                    tint=late,
                ),
                Column(_("Customer"), lambda r: r.customer_name),
                Column(_("Reason"), lambda r: r.reason, weight=2),
                Column(_("Invoice"), lambda r: r.invoice_number, shrinks=False),
            ],
            parent,
        )

    def reload(self, today: dt.date) -> None:
        self._today = today
        self.set_rows(open_followups())
