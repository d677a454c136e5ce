"""A customer's billing cycle in words, and what it means for an invoice sent today.

Habit 1, be proactive: the owner should read, on the customer's page, "Invoices
must reach Pat in accounts payable by the 20th; they pay on the 15th and the last
day of the month", and below it the two dates that matter today: the next
cut-off, and when an invoice sent today should be paid. The dates come from
core.terms, so the words and the arithmetic cannot disagree.

Ordinals ("1st", "22nd") are chosen by the locale's CLDR ordinal rules through
Babel and spelled per language (:data:`ORDINALS`): French says "1er" and "15"
where English says "1st" and "15th". The rule and the spelling come from the same
language, whatever the window's; a catalog cannot do this, since gettext's plural
forms count things and know no "2nd" or "3rd".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from babel import Locale
from babel.lists import format_list

from diva_desk.core.customers.terms import (
    LAST_DAY,
    BillingCycle,
    due_date_for,
    expected_payment_date,
)
from diva_desk.i18n import _, current_locale, ngettext
from diva_desk.i18n import format as fmt

#: The customer list marks a customer whose next cut-off is this close (in days):
#: close enough that an invoice for finished work should go out now, far enough
#: ahead to still get it done.
CUTOFF_WARNING_DAYS = 5


#: A day of the month as an ordinal, by language and CLDR ordinal category (Babel's
#: ``Locale.ordinal_form``); a category not listed is the language's ``other``, and a
#: language not listed writes the plain number. A new language adds its line here.
ORDINALS: dict[str, dict[str, str]] = {
    "en": {"one": "{day}st", "two": "{day}nd", "few": "{day}rd", "other": "{day}th"},
    "fr": {"one": "{day}er", "other": "{day}"},
}


def ordinal(day: int, locale: str | None = None) -> str:
    """``1st``, ``2nd``, ``3rd``, ``11th``, ``22nd`` in English; ``1er``, ``2`` in French."""
    language = Locale.parse(locale or current_locale())
    forms = ORDINALS.get(language.language, {})
    form = forms.get(language.ordinal_form(day), forms.get("other", "{day}"))
    return form.format(day=day)


def day_of_month_text(day: int, locale: str | None = None) -> str:
    """``the 20th``, or ``the last day of the month`` for 31 (which is what 31 means)."""
    if day >= LAST_DAY:
        return _("the last day of the month")
    return _("the {ordinal}").format(ordinal=ordinal(day, locale))


def billing_cycle_text(
    cutoff_day: int | None,
    payment_run_days: Sequence[int],
    ap_contact_name: str = "",
    locale: str | None = None,
) -> str:
    """The cycle as one sentence the owner can read aloud to the customer."""
    locale = locale or current_locale()
    who = (
        _("{name} in accounts payable").format(name=ap_contact_name.strip())
        if ap_contact_name.strip()
        else _("their accounts payable")
    )
    runs = (
        format_list(
            [day_of_month_text(d, locale) for d in sorted(set(payment_run_days))], locale=locale
        )
        if payment_run_days
        else ""
    )
    if cutoff_day is not None and runs:
        return _("Invoices must reach {who} by {cutoff}; they pay on {runs}.").format(
            who=who, cutoff=day_of_month_text(cutoff_day, locale), runs=runs
        )
    if cutoff_day is not None:
        return _("Invoices must reach {who} by {cutoff}.").format(
            who=who, cutoff=day_of_month_text(cutoff_day, locale)
        )
    if runs:
        return _("They pay suppliers on {runs}.").format(runs=runs)
    return _("No billing cycle recorded: they are expected to pay by the due date.")


@dataclass(frozen=True)
class BillingOutlook:
    """What the cycle means for an invoice sent on ``today``."""

    today: dt.date
    #: The next cut-off on or after today, or None without a cut-off day.
    next_cutoff: dt.date | None
    #: The due date printed on an invoice issued today, with the customer's terms.
    due_date: dt.date
    #: When the money should arrive for an invoice sent (and received) today.
    expected_payment: dt.date

    @property
    def days_to_cutoff(self) -> int | None:
        return None if self.next_cutoff is None else (self.next_cutoff - self.today).days

    @property
    def cutoff_is_near(self) -> bool:
        days = self.days_to_cutoff
        return days is not None and days <= CUTOFF_WARNING_DAYS


def billing_outlook(
    today: dt.date,
    cutoff_day: int | None,
    payment_run_days: Sequence[int],
    terms_days: int,
) -> BillingOutlook:
    """The next cut-off and the expected payment date for an invoice sent ``today``.

    An invoice emailed today is taken to reach the customer today.
    """
    cycle = BillingCycle(cutoff_day, tuple(payment_run_days))
    due = due_date_for(today, terms_days)
    return BillingOutlook(
        today=today,
        next_cutoff=cycle.next_cutoff(today),
        due_date=due,
        expected_payment=expected_payment_date(today, due, cycle),
    )


def next_cutoff_near(today: dt.date, cutoff_day: int | None) -> dt.date | None:
    """The next cut-off when it is within :data:`CUTOFF_WARNING_DAYS`, else None."""
    cutoff = BillingCycle(cutoff_day).next_cutoff(today)
    if cutoff is None or (cutoff - today).days > CUTOFF_WARNING_DAYS:
        return None
    return cutoff


def cutoff_text(outlook: BillingOutlook) -> str:
    """``Next cut-off: Wed, Nov 25, 2026, in 2 days.`` (empty without a cut-off day)."""
    days = outlook.days_to_cutoff
    if outlook.next_cutoff is None or days is None:
        return ""
    if days == 0:
        return _("The cut-off is today, {date}: invoices sent today still make it.").format(
            date=fmt.date(outlook.next_cutoff)
        )
    when = ngettext("in {days} day", "in {days} days", days).format(days=fmt.number(days))
    return _("Next cut-off: {date}, {when}.").format(date=fmt.date(outlook.next_cutoff), when=when)


def expected_payment_text(outlook: BillingOutlook) -> str:
    """``Sent today, an invoice is due Dec 23, 2026 and should be paid on Dec 31, 2026.``"""
    if outlook.expected_payment == outlook.due_date:
        return _("Sent today, an invoice is due {due} and should be paid that day.").format(
            due=fmt.date(outlook.due_date)
        )
    return _("Sent today, an invoice is due {due} and should be paid on {paid}.").format(
        due=fmt.date(outlook.due_date), paid=fmt.date(outlook.expected_payment)
    )
