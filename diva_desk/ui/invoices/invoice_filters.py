"""Which invoices the Invoices tab shows, and what the shown ones add up to.

The filters (status, issue-date range, customer) combine with the search box:
a row is shown when it passes both (the SQL is store.invoices.invoice_list's). The
footer adds up exactly the rows shown, one figure per currency (dollars and US
dollars are never added together).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from diva_desk.core.invoices.totals import InvoiceStatus
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt


class StatusFilter(StrEnum):
    ALL = "all"
    DRAFT = "draft"
    UNPAID = "unpaid"
    OVERDUE = "overdue"
    PAID = "paid"
    VOID = "void"


def status_filter_text(choice: StatusFilter) -> str:
    return {
        StatusFilter.ALL: _("All invoices"),
        StatusFilter.DRAFT: _("Drafts"),
        StatusFilter.UNPAID: _("Unpaid"),
        StatusFilter.OVERDUE: _("Overdue"),
        StatusFilter.PAID: _("Paid"),
        StatusFilter.VOID: _("Void"),
    }[choice]


_STATUSES = {
    StatusFilter.DRAFT: {InvoiceStatus.DRAFT},
    # Unpaid: sent and still owed something, late or not.
    StatusFilter.UNPAID: {InvoiceStatus.SENT, InvoiceStatus.PARTLY_PAID, InvoiceStatus.OVERDUE},
    StatusFilter.OVERDUE: {InvoiceStatus.OVERDUE},
    StatusFilter.PAID: {InvoiceStatus.PAID},
    StatusFilter.VOID: {InvoiceStatus.VOID},
}


@dataclass(frozen=True)
class InvoiceFilter:
    status: StatusFilter = StatusFilter.ALL
    #: Issue dates from and to, both included; ``None`` leaves that end open.
    issued_from: dt.date | None = None
    issued_to: dt.date | None = None
    customer_id: int | None = None

    def statuses(self) -> frozenset[InvoiceStatus] | None:
        """The statuses shown; None for every one."""
        if self.status is StatusFilter.ALL:
            return None
        return frozenset(_STATUSES[self.status])


class Period(StrEnum):
    ANY = "any"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    BETWEEN = "between"


def period_text(period: Period) -> str:
    return {
        Period.ANY: _("Any date"),
        Period.THIS_MONTH: _("This month"),
        Period.LAST_MONTH: _("Last month"),
        Period.THIS_QUARTER: _("This quarter"),
        Period.THIS_YEAR: _("This year"),
        Period.LAST_YEAR: _("Last year"),
        Period.BETWEEN: _("Between…"),
    }[period]


def period_range(period: Period, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a named period around ``today``; None for any or between."""
    if period is Period.THIS_MONTH:
        start = today.replace(day=1)
        return start, _month_end(start)
    if period is Period.LAST_MONTH:
        end = today.replace(day=1) - dt.timedelta(days=1)
        return end.replace(day=1), end
    if period is Period.THIS_QUARTER:
        start = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        last_month = start.replace(month=start.month + 2)
        return start, _month_end(last_month)
    if period is Period.THIS_YEAR:
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if period is Period.LAST_YEAR:
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    return None


def _month_end(day: dt.date) -> dt.date:
    following = day.replace(day=28) + dt.timedelta(days=4)
    return following - dt.timedelta(days=following.day)


class Sums(Protocol):
    count: int
    #: Per currency: invoice totals (void ones left out: nobody owes them).
    totals: dict[str, Decimal]
    #: Per currency: what is still owed.
    balances: dict[str, Decimal]


def footer_text(sums: Sums) -> str:
    """ "12 invoices shown — total $9,000.00 · US$500.00 — still owed $1,250.00"."""
    if not sums.count:
        return _("No invoice shown.")
    totals = " · ".join(fmt.money(v, c) for c, v in sums.totals.items()) or _("nothing")
    owed = " · ".join(fmt.money(v, c) for c, v in sums.balances.items() if v) or _("nothing")
    return ngettext(
        "{count} invoice shown — total {totals} — still owed {owed}",
        "{count} invoices shown — total {totals} — still owed {owed}",
        sums.count,
    ).format(count=fmt.number(sums.count), totals=totals, owed=owed)
