"""What customers owe on a day, aged: the rows of the aging report as plain data.

The store fills these (store.aging, in SQL); the aging command, the PDF and CSV
exports and the Reports view read them. They live in the core so the documents
can print them without reaching into the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.reports.aging import AgingBucket, AgingTotals


@dataclass(frozen=True)
class AgingRow:
    """Open balances of one customer (or of everyone, for a total) in one currency."""

    currency: str
    aging: AgingTotals
    #: The earliest due date among the open invoices counted here.
    oldest_due_date: dt.date
    #: ``None`` on a currency total.
    customer_id: int | None = None
    code: str = ""
    name: str = ""

    @property
    def total(self) -> Decimal:
        return self.aging.total

    def bucket(self, bucket: AgingBucket) -> Decimal:
        return self.aging.buckets[bucket]


@dataclass(frozen=True)
class AgingReport:
    """The aging as of a day: a total per currency and a row per customer and currency.

    Customers owing nothing on that day are left out.
    """

    as_of: dt.date
    #: One row per currency owed, by currency code.
    totals: tuple[AgingRow, ...]
    #: One row per customer and currency owed, by customer name.
    customers: tuple[AgingRow, ...]

    def total_owed(self) -> Mapping[str, Decimal]:
        """The grand total per currency, as the status bar shows it."""
        return {row.currency: row.total for row in self.totals}
