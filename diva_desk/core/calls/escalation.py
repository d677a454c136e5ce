"""Which step of the overdue calls an invoice has reached (habits 4 and 5).

Five named steps, gentlest first. Age alone moves an invoice along; history moves
it faster: a reminder already given, a partial payment (cash is tight), a missed
installment, a broken promise. Each step is the *least* the facts call for, so a
customer who broke two promises gets the final call however young the invoice.
"""

from __future__ import annotations

from dataclasses import dataclass

from diva_desk.core.calls.model import EscalationStep
from diva_desk.i18n import _

#: Step 2 from this many days past due: a friendly nudge had its chance.
SET_DATE_AFTER_DAYS = 15
#: Step 3 from this many days past due: six weeks late is a cash problem, not an
#: oversight. Sooner (from SET_DATE_AFTER_DAYS) when they paid only part of the
#: invoice or missed an installment: that is what "cash is tight" looks like.
PAYMENT_PLAN_AFTER_DAYS = 45
#: Step 4 from this many days past due: two months without money means talk face to face.
MEET_AFTER_DAYS = 60
#: Step 4 after this many missed payments (broken promises plus missed installments).
MEET_AFTER_MISSES = 2
#: Step 5 from this many days past due: the owner should not keep working unpaid.
FINAL_AFTER_DAYS = 90
#: Step 5 after this many broken promises: words no longer mean money.
FINAL_AFTER_BROKEN_PROMISES = 2

#: A broken promise counts toward the steps for this many days after its date.
BROKEN_PROMISE_MEMORY_DAYS = 180

STEP_COUNT = len(EscalationStep)


@dataclass(frozen=True)
class OverdueHistory:
    """What the customer did about this invoice and about their word."""

    days_overdue: int
    #: Something was paid on the invoice, but not all of it.
    partly_paid: bool = False
    #: The owner already reached out about this invoice since it fell due.
    reminded: bool = False
    #: The customer's broken promises (any invoice) of the last BROKEN_PROMISE_MEMORY_DAYS.
    broken_promises: int = 0
    #: The customer's payment-plan installments whose date passed unpaid.
    missed_installments: int = 0


def escalation_step(history: OverdueHistory) -> EscalationStep:
    days = history.days_overdue
    misses = history.broken_promises + history.missed_installments
    if days >= FINAL_AFTER_DAYS or history.broken_promises >= FINAL_AFTER_BROKEN_PROMISES:
        return EscalationStep.FINAL
    if days >= MEET_AFTER_DAYS or history.broken_promises or misses >= MEET_AFTER_MISSES:
        return EscalationStep.MEET
    if (
        days >= PAYMENT_PLAN_AFTER_DAYS
        or history.missed_installments
        or (history.partly_paid and days >= SET_DATE_AFTER_DAYS)
    ):
        return EscalationStep.PAYMENT_PLAN
    if days >= SET_DATE_AFTER_DAYS or history.reminded:
        return EscalationStep.SET_DATE
    return EscalationStep.FRIENDLY


def step_name(step: EscalationStep) -> str:
    names = {
        EscalationStep.FRIENDLY: _("friendly reminder"),
        EscalationStep.SET_DATE: _("ask for a set date"),
        EscalationStep.PAYMENT_PLAN: _("propose a payment plan"),
        EscalationStep.MEET: _("ask to sit down and meet"),
        EscalationStep.FINAL: _("final call before stopping work"),
    }
    return names[step]


def step_label(step: EscalationStep) -> str:
    """``Step 3 of 5: propose a payment plan``, as the UI and the scripts show it."""
    return _("Step {n} of {count}: {name}").format(
        n=int(step), count=STEP_COUNT, name=step_name(step)
    )
