"""Payment terms and the customer's billing cycle.

Habit 1, be proactive: an invoice is paid when the customer's accounts-payable
department runs it, not on the date printed on it. A customer may have a monthly
cut-off day (invoices that reach them by then are paid in that month's cycle) and
payment-run days (the days of the month they pay suppliers).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

#: In payment-run days, 31 stands for the last day of the month.
LAST_DAY = 31


def due_date_for(issue_date: dt.date, terms_days: int) -> dt.date:
    return issue_date + dt.timedelta(days=terms_days)


def day_in_month(year: int, month: int, day: int) -> dt.date:
    """That day of the month, or the month's last day when the month is shorter."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


@dataclass(frozen=True)
class BillingCycle:
    cutoff_day: int | None = None
    payment_run_days: Sequence[int] = ()

    def next_cutoff(self, on_or_after: dt.date) -> dt.date | None:
        """The first cut-off date on or after a day (a 31st cut-off is each month's end)."""
        if self.cutoff_day is None:
            return None
        cutoff = day_in_month(on_or_after.year, on_or_after.month, self.cutoff_day)
        if cutoff < on_or_after:
            year, month = _next_month(on_or_after.year, on_or_after.month)
            cutoff = day_in_month(year, month, self.cutoff_day)
        return cutoff

    def next_payment_run(self, on_or_after: dt.date) -> dt.date | None:
        """The first payment-run day on or after a day."""
        if not self.payment_run_days:
            return None
        year, month = on_or_after.year, on_or_after.month
        for _ in range(2):
            runs = sorted(day_in_month(year, month, d) for d in self.payment_run_days)
            for run in runs:
                if run >= on_or_after:
                    return run
            year, month = _next_month(year, month)
        raise AssertionError("a payment run always falls within two months")  # pragma: no cover


def expected_payment_date(arrival: dt.date, due_date: dt.date, cycle: BillingCycle) -> dt.date:
    """When the money should arrive for an invoice that reaches the customer on ``arrival``.

    An invoice that arrives by the cut-off (the cut-off day itself is in time) is
    processed in that month's cycle; one that arrives after it waits for the next
    month's cut-off. Accounts payable then pays it on the first payment-run day that
    is on or after both the end of its cycle and its due date. A run on the cut-off
    day itself counts: "in by the 30th, paid on the last day" must pay a November
    invoice on 30 November, not a month later. Without a cut-off the cycle is the
    arrival itself (nobody pays an invoice they have not received); without
    payment-run days they pay on the later of that and the due date.
    """
    processed = cycle.next_cutoff(arrival) or arrival
    earliest = max(processed, due_date)
    return cycle.next_payment_run(earliest) or earliest


def misses_cutoff(arrival: dt.date, cycle: BillingCycle) -> bool:
    """Whether an invoice reaching the customer on ``arrival`` is too late for that month's cycle.

    The cut-off day itself is in time; a customer without a cut-off never makes one wait.
    """
    if cycle.cutoff_day is None:
        return False
    return arrival > day_in_month(arrival.year, arrival.month, cycle.cutoff_day)
