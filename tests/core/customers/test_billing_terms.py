"""Due dates, the customer's billing cycle, and when the money should really arrive."""

from __future__ import annotations

import datetime as dt

import pytest

from diva_desk.core.customers.terms import BillingCycle, due_date_for, expected_payment_date

d = dt.date

#: The product's example: invoices must reach accounts payable by the 20th; they pay
#: on the 15th and on the last day of the month.
ACME = BillingCycle(cutoff_day=20, payment_run_days=(15, 31))


@pytest.mark.parametrize(
    ("issue", "terms", "due"),
    [
        (d(2026, 11, 23), 30, d(2026, 12, 23)),
        (d(2026, 12, 15), 30, d(2027, 1, 14)),  # across the new year
        (d(2026, 1, 31), 30, d(2026, 3, 2)),  # days, not "same day next month"
        (d(2028, 2, 1), 30, d(2028, 3, 2)),  # leap year: February has 29 days
        (d(2026, 11, 23), 0, d(2026, 11, 23)),  # due on receipt
        (d(2026, 11, 23), 7, d(2026, 11, 30)),
    ],
)
def test_due_date_is_issue_date_plus_terms_days(issue: dt.date, terms: int, due: dt.date) -> None:
    assert due_date_for(issue, terms) == due


# --- next_cutoff ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("cutoff", "on_or_after", "expected"),
    [
        (20, d(2026, 11, 10), d(2026, 11, 20)),
        (20, d(2026, 11, 20), d(2026, 11, 20)),  # the cut-off day itself is in time
        (20, d(2026, 11, 21), d(2026, 12, 20)),
        (20, d(2026, 12, 21), d(2027, 1, 20)),  # December rolls over into January
        (31, d(2026, 4, 10), d(2026, 4, 30)),  # 31 means the month's last day
        (31, d(2027, 2, 1), d(2027, 2, 28)),
        (31, d(2028, 2, 1), d(2028, 2, 29)),  # leap year
        (31, d(2028, 2, 29), d(2028, 2, 29)),
        (31, d(2026, 12, 31), d(2026, 12, 31)),
        (30, d(2026, 1, 31), d(2026, 2, 28)),  # missed January's 30th; February has no 30th
        (30, d(2026, 3, 1), d(2026, 3, 30)),
        (1, d(2026, 12, 2), d(2027, 1, 1)),
    ],
)
def test_next_cutoff(cutoff: int, on_or_after: dt.date, expected: dt.date) -> None:
    assert BillingCycle(cutoff_day=cutoff).next_cutoff(on_or_after) == expected


def test_no_cutoff_means_no_cutoff_date() -> None:
    assert BillingCycle().next_cutoff(d(2026, 11, 10)) is None
    assert BillingCycle(payment_run_days=(15,)).next_cutoff(d(2026, 11, 10)) is None


# --- next_payment_run -----------------------------------------------------------


@pytest.mark.parametrize(
    ("runs", "on_or_after", "expected"),
    [
        ((15, 31), d(2026, 11, 1), d(2026, 11, 15)),
        ((15, 31), d(2026, 11, 15), d(2026, 11, 15)),  # a run day itself counts
        ((15, 31), d(2026, 11, 16), d(2026, 11, 30)),  # 31 = last day of November
        ((31, 15), d(2026, 11, 16), d(2026, 11, 30)),  # given unsorted
        ((31, 15), d(2026, 11, 2), d(2026, 11, 15)),  # unsorted: must not skip the 15th
        ((28, 5, 12), d(2026, 11, 13), d(2026, 11, 28)),
        ((15, 31), d(2026, 12, 31), d(2026, 12, 31)),
        ((15,), d(2026, 12, 16), d(2027, 1, 15)),  # December rolls over into January
        ((31,), d(2028, 2, 1), d(2028, 2, 29)),  # leap year
        ((31,), d(2027, 2, 1), d(2027, 2, 28)),
        ((31,), d(2027, 1, 31), d(2027, 1, 31)),
        ((30, 31), d(2027, 2, 10), d(2027, 2, 28)),  # both clamp to the 28th
        ((29,), d(2027, 2, 28), d(2027, 2, 28)),  # no 29th in 2027: its last day instead
        ((1,), d(2026, 11, 2), d(2026, 12, 1)),
    ],
)
def test_next_payment_run(runs: tuple[int, ...], on_or_after: dt.date, expected: dt.date) -> None:
    assert BillingCycle(payment_run_days=runs).next_payment_run(on_or_after) == expected


def test_no_run_days_means_no_run_date() -> None:
    assert BillingCycle(cutoff_day=20).next_payment_run(d(2026, 11, 10)) is None


def test_run_days_may_be_a_list() -> None:
    # The store may hand over whatever sequence it read.
    assert BillingCycle(payment_run_days=[31, 15]).next_payment_run(d(2026, 11, 3)) == d(
        2026, 11, 15
    )


# --- expected_payment_date: the product's example --------------------------------


def test_in_time_and_already_due_is_paid_on_the_first_run_after_the_cutoff() -> None:
    # Reaches AP on the 10th, due on receipt: not the 15th run (cycle closes on the 20th).
    assert expected_payment_date(d(2026, 11, 10), d(2026, 11, 10), ACME) == d(2026, 11, 30)


def test_in_time_but_not_yet_due_waits_for_the_first_run_on_or_after_the_due_date() -> None:
    # Net 30 from 10 November: due 10 December, paid in the 15 December run.
    assert expected_payment_date(d(2026, 11, 10), d(2026, 12, 10), ACME) == d(2026, 12, 15)
    # Due exactly on a run day: paid that day.
    assert expected_payment_date(d(2026, 11, 10), d(2026, 12, 15), ACME) == d(2026, 12, 15)
    assert expected_payment_date(d(2026, 11, 10), d(2026, 11, 30), ACME) == d(2026, 11, 30)


def test_arriving_on_the_cutoff_day_is_in_time() -> None:
    assert expected_payment_date(d(2026, 11, 20), d(2026, 11, 20), ACME) == d(2026, 11, 30)


def test_arriving_the_day_after_the_cutoff_costs_a_month() -> None:
    assert expected_payment_date(d(2026, 11, 21), d(2026, 11, 21), ACME) == d(2026, 12, 31)


def test_a_late_december_invoice_is_paid_in_january() -> None:
    assert expected_payment_date(d(2026, 12, 21), d(2026, 12, 21), ACME) == d(2027, 1, 31)


def test_a_long_overdue_invoice_that_arrives_late_still_waits_for_the_cycle() -> None:
    assert expected_payment_date(d(2026, 11, 25), d(2026, 11, 1), ACME) == d(2026, 12, 31)


def test_february_month_end_run_in_a_leap_year() -> None:
    assert expected_payment_date(d(2028, 2, 10), d(2028, 2, 10), ACME) == d(2028, 2, 29)
    assert expected_payment_date(d(2027, 2, 10), d(2027, 2, 10), ACME) == d(2027, 2, 28)


def test_cutoff_on_the_31st_means_month_end() -> None:
    cycle = BillingCycle(cutoff_day=31, payment_run_days=(15,))
    # Arriving on 28 February 2027 is in time for February (which ends on the 28th).
    assert expected_payment_date(d(2027, 2, 28), d(2027, 2, 28), cycle) == d(2027, 3, 15)
    assert expected_payment_date(d(2027, 3, 1), d(2027, 3, 1), cycle) == d(2027, 4, 15)


def test_a_run_on_the_cutoff_day_pays_that_cycle() -> None:
    # "In by the 30th, paid on the last day": in November both fall on the 30th, and the
    # customer's own rule says a November invoice is paid then, not on 31 December.
    cycle = BillingCycle(cutoff_day=30, payment_run_days=(31,))
    assert expected_payment_date(d(2026, 11, 29), d(2026, 11, 29), cycle) == d(2026, 11, 30)
    assert expected_payment_date(d(2026, 10, 29), d(2026, 10, 29), cycle) == d(2026, 10, 31)


# --- expected_payment_date: customers who told us less ----------------------------


def test_no_cutoff_and_no_runs_pays_on_the_due_date() -> None:
    cycle = BillingCycle()
    assert expected_payment_date(d(2026, 11, 10), d(2026, 12, 10), cycle) == d(2026, 12, 10)
    assert expected_payment_date(d(2026, 11, 10), d(2026, 11, 10), cycle) == d(2026, 11, 10)


def test_nobody_pays_an_invoice_before_it_reaches_them() -> None:
    # Sent late: due 1 November, arrived 10 November.
    assert expected_payment_date(d(2026, 11, 10), d(2026, 11, 1), BillingCycle()) == d(2026, 11, 10)


def test_runs_only_pay_on_the_first_run_on_or_after_arrival_and_due_date() -> None:
    cycle = BillingCycle(payment_run_days=(31, 15))
    assert expected_payment_date(d(2026, 11, 10), d(2026, 12, 10), cycle) == d(2026, 12, 15)
    assert expected_payment_date(d(2026, 11, 10), d(2026, 11, 10), cycle) == d(2026, 11, 15)
    assert expected_payment_date(d(2026, 11, 16), d(2026, 11, 1), cycle) == d(2026, 11, 30)
    assert expected_payment_date(d(2026, 12, 20), d(2026, 12, 1), cycle) == d(2026, 12, 31)
    assert expected_payment_date(d(2026, 12, 20), d(2027, 1, 2), cycle) == d(2027, 1, 15)


def test_cutoff_only_pays_at_the_close_of_the_cycle_or_the_due_date() -> None:
    cycle = BillingCycle(cutoff_day=20)
    assert expected_payment_date(d(2026, 11, 10), d(2026, 11, 10), cycle) == d(2026, 11, 20)
    assert expected_payment_date(d(2026, 11, 10), d(2026, 12, 10), cycle) == d(2026, 12, 10)
    assert expected_payment_date(d(2026, 11, 21), d(2026, 11, 21), cycle) == d(2026, 12, 20)
