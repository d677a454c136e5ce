"""The morning call list, Qt-free: rules, escalation and ranking (see rules.py)."""

from diva_desk.core.calls.escalation import OverdueHistory, escalation_step, step_label, step_name
from diva_desk.core.calls.model import (
    Call,
    CallSettings,
    CustomerFacts,
    DraftInvoice,
    EscalationStep,
    FollowupFacts,
    InstallmentFacts,
    OpenInvoice,
    PlanFacts,
    PromiseFacts,
    QuoteFacts,
    Reason,
    ReasonKind,
    Situation,
)
from diva_desk.core.calls.rules import KIND_ORDER, calls_for
from diva_desk.core.calls.texts import reason_text
from diva_desk.core.calls.workdays import horizon, is_working_day, next_working_day

__all__ = [
    "KIND_ORDER",
    "Call",
    "CallSettings",
    "CustomerFacts",
    "DraftInvoice",
    "EscalationStep",
    "FollowupFacts",
    "InstallmentFacts",
    "OpenInvoice",
    "OverdueHistory",
    "PlanFacts",
    "PromiseFacts",
    "QuoteFacts",
    "Reason",
    "ReasonKind",
    "Situation",
    "calls_for",
    "escalation_step",
    "horizon",
    "is_working_day",
    "next_working_day",
    "reason_text",
    "step_label",
    "step_name",
]
