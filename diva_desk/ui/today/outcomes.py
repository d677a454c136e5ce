"""What came of a call: the outcome buttons under every card, their words and tips."""

from __future__ import annotations

from enum import StrEnum

from diva_desk.i18n import _, ngettext


class OutcomeKind(StrEnum):
    """What came of a call: one button each under every card."""

    PROMISED = "promised"
    PLAN = "plan"
    PROBLEM = "problem"
    RECEIVED = "received"
    PAID = "paid"
    VOICEMAIL = "voicemail"
    NO_ANSWER = "no_answer"
    SNOOZE = "snooze"


def outcome_label(kind: OutcomeKind) -> str:
    """The button's text, with its mnemonic (active on the card that has the focus)."""
    return {
        OutcomeKind.PROMISED: _("&Promised to pay…"),
        OutcomeKind.PLAN: _("Payment p&lan…"),
        OutcomeKind.PROBLEM: _("Pro&blem or dispute…"),
        OutcomeKind.RECEIVED: _("Received and happ&y"),
        OutcomeKind.PAID: _("Pa&id…"),
        OutcomeKind.VOICEMAIL: _("Left voice&mail"),
        OutcomeKind.NO_ANSWER: _("&No answer"),
        OutcomeKind.SNOOZE: _("Snoo&ze…"),
    }[kind]


def outcome_tip(kind: OutcomeKind, retry_days: int) -> str:
    retry = ngettext(
        "The call comes back in {n} working day.",
        "The call comes back in {n} working days.",
        retry_days,
    ).format(n=retry_days)
    return {
        OutcomeKind.PROMISED: _("Reached: they promised an amount by a date (a follow-up is set)"),
        OutcomeKind.PLAN: _("Reached: agree a payment plan in installments"),
        OutcomeKind.PROBLEM: _("Reached: there is a problem or a dispute; note it and follow up"),
        OutcomeKind.RECEIVED: _("Reached: they have the invoice and are happy with the work"),
        OutcomeKind.PAID: _("Record the payment they made"),
        OutcomeKind.VOICEMAIL: _("You left a message. {retry}").format(retry=retry),
        OutcomeKind.NO_ANSWER: _("Nobody answered. {retry}").format(retry=retry),
        OutcomeKind.SNOOZE: _("Not today: put the call off to a date"),
    }[kind]


#: Outcomes where the customer was reached and something was agreed: tinted, and first.
REACHED = frozenset(
    {OutcomeKind.PROMISED, OutcomeKind.PLAN, OutcomeKind.PROBLEM, OutcomeKind.RECEIVED}
)
