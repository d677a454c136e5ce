"""The billing cycle in words, and the dates it means for an invoice sent today."""

from __future__ import annotations

import datetime as dt

import pytest

from diva_desk.core.customers.billing_text import (
    billing_cycle_text,
    billing_outlook,
    cutoff_text,
    day_of_month_text,
    expected_payment_text,
    next_cutoff_near,
    ordinal,
)
from diva_desk.i18n import set_language

TODAY = dt.date(2026, 11, 23)  # a Monday


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en_CA")


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (30, "30th"),
    ],
)
def test_english_ordinals(day: int, text: str) -> None:
    assert ordinal(day) == text


def test_31_is_the_last_day_of_the_month() -> None:
    assert day_of_month_text(31) == "the last day of the month"
    assert day_of_month_text(20) == "the 20th"


def test_cycle_in_words_names_accounts_payable() -> None:
    assert (
        billing_cycle_text(20, (31, 15), "Pat")
        == "Invoices must reach Pat in accounts payable by the 20th; they pay on the 15th "
        "and the last day of the month."
    )
    assert (
        billing_cycle_text(25, (30,))
        == "Invoices must reach their accounts payable by the 25th; they pay on the 30th."
    )
    assert billing_cycle_text(None, (1, 15, 31)) == (
        "They pay suppliers on the 1st, the 15th and the last day of the month."
    )
    assert billing_cycle_text(3, ()) == "Invoices must reach their accounts payable by the 3rd."
    assert billing_cycle_text(None, ()).startswith("No billing cycle recorded")


def test_outlook_after_this_months_cutoff() -> None:
    # Cut-off the 20th has passed on Nov 23: next is Dec 20. Net 30 from Nov 23 is Dec 23;
    # processed in the Dec 20 cycle but not due until Dec 23, paid on the next run: Dec 31.
    outlook = billing_outlook(TODAY, 20, (15, 31), 30)
    assert outlook.next_cutoff == dt.date(2026, 12, 20)
    assert outlook.days_to_cutoff == 27
    assert not outlook.cutoff_is_near
    assert outlook.due_date == dt.date(2026, 12, 23)
    assert outlook.expected_payment == dt.date(2026, 12, 31)
    assert cutoff_text(outlook) == "Next cut-off: Dec 20, 2026, in 27 days."
    assert expected_payment_text(outlook) == (
        "Sent today, an invoice is due Dec 23, 2026 and should be paid on Dec 31, 2026."
    )


def test_outlook_just_before_the_cutoff_is_near() -> None:
    outlook = billing_outlook(TODAY, 25, (30,), 0)
    assert outlook.next_cutoff == dt.date(2026, 11, 25)
    assert outlook.cutoff_is_near
    assert cutoff_text(outlook) == "Next cut-off: Nov 25, 2026, in 2 days."
    # Due on receipt, processed by the 25th, paid on the 30th run.
    assert outlook.expected_payment == dt.date(2026, 11, 30)


def test_cutoff_today_still_counts() -> None:
    outlook = billing_outlook(TODAY, 23, (), 30)
    assert outlook.days_to_cutoff == 0
    assert cutoff_text(outlook).startswith("The cut-off is today")
    assert expected_payment_text(outlook) == (
        "Sent today, an invoice is due Dec 23, 2026 and should be paid that day."
    )


def test_no_cycle_means_paid_on_the_due_date() -> None:
    outlook = billing_outlook(TODAY, None, (), 15)
    assert outlook.next_cutoff is None
    assert cutoff_text(outlook) == ""
    assert outlook.expected_payment == outlook.due_date == dt.date(2026, 12, 8)


def test_list_mark_within_five_days_only() -> None:
    assert next_cutoff_near(TODAY, 28) == dt.date(2026, 11, 28)  # 5 days
    assert next_cutoff_near(TODAY, 29) is None  # 6 days
    assert next_cutoff_near(TODAY, 23) == TODAY
    assert next_cutoff_near(TODAY, None) is None
    # A 31st cut-off in November is the 30th.
    assert next_cutoff_near(dt.date(2026, 11, 26), 31) == dt.date(2026, 11, 30)


@pytest.mark.parametrize(("day", "text"), [(1, "1er"), (2, "2"), (3, "3"), (21, "21"), (22, "22")])
def test_french_ordinals_whatever_the_windows_language(day: int, text: str) -> None:
    # The window is English here: the French rule and the French spelling go together.
    assert ordinal(day, "fr_CA") == text


def test_a_language_without_ordinals_writes_the_number() -> None:
    assert ordinal(2, "de_DE") == "2"
