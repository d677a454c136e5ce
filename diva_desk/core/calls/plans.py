"""Payment plans: splitting a balance into installments, and checking a schedule.

Habit 3: when a customer is short of cash, a plan they can keep beats a promise
they cannot. The plan dialog offers an even split (this module) or amounts typed
by hand (checked here), and the rules (core.calls) call about each installment.

An even split is in whole minor units (cents, yen): every installment gets the balance
divided by the count, rounded *down* to the unit, and the units left over go on the **last**
installment (100.00 in 3 is 33.33, 33.33, 33.34). The customer starts with the
smaller, round amounts, and the plan still adds up to the balance exactly.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from diva_desk.core.calls.kinds import plan_state
from diva_desk.core.calls.model import InstallmentFacts, PlanFacts
from diva_desk.core.money import ZERO, fits_currency, from_minor, to_minor
from diva_desk.core.records import Installment
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.i18n.format import places_rule

#: A plan longer than this is a typo (or a loan, which this app does not do).
MAX_INSTALLMENTS = 60


class Frequency(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"


class InstallmentStatus(StrEnum):
    """What became of an installment, derived from payments (never stored)."""

    MET = "met"
    MISSED = "missed"
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class InstallmentState:
    due_date: dt.date
    amount: Decimal
    #: What is still unpaid of this installment (zero once met).
    left: Decimal
    status: InstallmentStatus


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (Jan 31 + 1 = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def installment_dates(first_date: dt.date, count: int, frequency: Frequency) -> list[dt.date]:
    """Monthly dates keep the first date's day of the month (clamped, never drifting)."""
    if frequency is Frequency.MONTHLY:
        return [add_months(first_date, n) for n in range(count)]
    step = dt.timedelta(weeks=1 if frequency is Frequency.WEEKLY else 2)
    return [first_date + step * n for n in range(count)]


def split_into_installments(
    balance: Decimal,
    count: int,
    first_date: dt.date,
    frequency: Frequency | str,
    currency: str,
) -> list[Installment]:
    """An even split of ``balance`` into ``count`` installments; odd minor units on the last.

    Raises ``ValueError`` for a balance that is not a positive amount in the currency's
    minor units, or a count below one or above :data:`MAX_INSTALLMENTS`, or more
    installments than minor units (cents, yen).
    """
    frequency = Frequency(frequency)
    if balance <= ZERO or not fits_currency(balance, currency):
        raise ValueError(f"cannot split {balance}: not a positive amount in {currency}")
    if not 1 <= count <= MAX_INSTALLMENTS:
        raise ValueError(f"cannot split into {count} installments")
    cents = to_minor(balance, currency)
    if count > cents:
        raise ValueError(f"cannot split {balance} into {count} installments of at least a unit")
    share = cents // count
    amounts = [share] * (count - 1) + [cents - share * (count - 1)]
    dates = installment_dates(first_date, count, frequency)
    return [
        Installment(due, from_minor(amount, currency))
        for due, amount in zip(dates, amounts, strict=True)
    ]


def check_custom_installments(
    balance: Decimal, installments: Sequence[Installment], currency: str
) -> str | None:
    """Why a schedule typed by hand cannot be saved, in a sentence; ``None`` when it can.

    It must have at least one installment, every amount above zero in cents, the
    dates in order (one per day at most), and add up exactly to the balance.
    """
    if not installments:
        return _("Add at least one installment.")
    if len(installments) > MAX_INSTALLMENTS:
        return _("A plan can have at most {count} installments.").format(count=MAX_INSTALLMENTS)
    for n, inst in enumerate(installments, start=1):
        if inst.amount <= ZERO:
            return _("Installment {n}: the amount must be more than zero.").format(n=n)
        if not fits_currency(inst.amount, currency):
            return _("Installment {n}: {rule}.").format(n=n, rule=places_rule(currency))
        if n > 1 and inst.due_date <= installments[n - 2].due_date:
            return _("Installment {n}: its date must come after installment {previous}'s.").format(
                n=n, previous=n - 1
            )
    total = sum((inst.amount for inst in installments), ZERO)
    if total != balance:
        return _("The installments add up to {total}, not the balance of {balance}.").format(
            total=fmt.money(total, currency), balance=fmt.money(balance, currency)
        )
    return None


def installment_status(
    installments: Sequence[Installment], paid_since_agreed: Decimal, today: dt.date
) -> list[InstallmentState]:
    """Each installment met, missed or upcoming as of ``today``.

    Payments since the plan was agreed pay the installments in date order: the same
    allocation the call list uses (core.calls.kinds.plan_state), so the plan dialog
    and the morning list never disagree about what is paid. An installment not fully
    paid is missed once its date has passed (the list calls about it on the next
    working day, when a payment over the weekend has had its chance).
    """
    facts = PlanFacts(
        id=0,
        customer_id=0,
        agreed_on=today,
        installments=tuple(InstallmentFacts(i.due_date, i.amount) for i in installments),
        paid_since_agreed=paid_since_agreed,
    )
    unpaid = plan_state(facts).unpaid
    ordered = sorted(installments, key=lambda i: i.due_date)
    # Installments are paid in date order, so the unpaid ones are the last ones.
    met = len(ordered) - len(unpaid)
    states = [
        InstallmentState(i.due_date, i.amount, ZERO, InstallmentStatus.MET) for i in ordered[:met]
    ]
    for inst, (_due, left) in zip(ordered[met:], unpaid, strict=True):
        status = InstallmentStatus.MISSED if inst.due_date < today else InstallmentStatus.UPCOMING
        states.append(InstallmentState(inst.due_date, inst.amount, left, status))
    return states


#: The plan the sit-down meeting opens with: the balance in three monthly installments,
#: the first two weeks out (time to arrange the money, soon enough to keep momentum).
PROPOSED_COUNT = 3
PROPOSED_FIRST_AFTER_DAYS = 14


def proposed_plan(balance: Decimal, today: dt.date, currency: str) -> list[Installment]:
    """A first proposal to talk over; empty when nothing is owed."""
    if balance <= ZERO:
        return []
    count = min(PROPOSED_COUNT, to_minor(balance, currency))
    first = today + dt.timedelta(days=PROPOSED_FIRST_AFTER_DAYS)
    return split_into_installments(balance, count, first, Frequency.MONTHLY, currency)
