"""The money picture in one import: aging, top debtors, DSO and the monthly trends.

The Reports view and the ``aging`` command read everything from here. Each figure
is one SQL aggregate (or two, for DSO) whatever the size of the book; the modules
behind this one say how each is reckoned:

* store.aging: receivables aging per customer and per currency as of any day, and
  the customers who owe the most with their oldest open invoice;
* store.dso and core.dso: days sales outstanding by the count-back method over
  the last 3 and 12 months, and per month end for a trend;
* store.trends: invoiced vs collected, average days to pay, promises kept vs
  broken and deposits asked vs received, per month.
"""

from __future__ import annotations

from diva_desk.store.reports.aging import (
    AgingReport,
    AgingRow,
    TopDebtor,
    aging_report,
    aging_reports,
    top_debtors,
)
from diva_desk.store.reports.dso import (
    LONG_WINDOW_MONTHS,
    SHORT_WINDOW_MONTHS,
    Dso,
    days_sales_outstanding,
    dso_on,
    dso_trend,
    receivables_from,
    trend_ends,
)
from diva_desk.store.reports.trends import (
    DaysToPay,
    DepositMonth,
    MonthFlow,
    PromiseMonth,
    days_to_pay_by_month,
    deposits_by_month,
    money_by_month,
    promises_by_month,
)

__all__ = [
    "LONG_WINDOW_MONTHS",
    "SHORT_WINDOW_MONTHS",
    "AgingReport",
    "AgingRow",
    "DaysToPay",
    "DepositMonth",
    "Dso",
    "MonthFlow",
    "PromiseMonth",
    "TopDebtor",
    "aging_report",
    "aging_reports",
    "days_sales_outstanding",
    "days_to_pay_by_month",
    "deposits_by_month",
    "dso_on",
    "dso_trend",
    "money_by_month",
    "promises_by_month",
    "receivables_from",
    "top_debtors",
    "trend_ends",
]
