"""The talking-point templates: their names, their sections, and the check of one.

Templates are plain text (resources/talking_points/<locale>/<name>.txt, or the
owner's rewrite kept in the book). The format, kept simple enough to edit in any
text editor:

* ``[opening]``, ``[reason]``, ``[ask]``, ``[replies]`` and ``[close]`` start the
  five sections; every other non-blank line is one talking point of the section
  above it; lines starting with ``#`` are comments.
* Values are filled with Python's ``string.Template``: ``$contact_first_name`` or
  ``${contact_first_name}``; ``$$`` is a plain dollar sign. (Chosen over
  ``str.format`` because braces and attribute access cannot appear, so a typo can
  only ever be an unknown name, which is reported by name.)

A template that does not parse, or names a value that does not exist, raises a
:class:`TemplateProblem` naming the template and the culprit.
"""

from __future__ import annotations

import re
import string

from diva_desk.core.calls.model import EscalationStep, Reason, ReasonKind
from diva_desk.i18n import _

SECTIONS = ("opening", "reason", "ask", "replies", "close")
#: Filled in every template.
COMMON_PLACEHOLDERS = frozenset(
    {
        "customer_name",
        "contact_name",
        "contact_first_name",
        "owner_name",
        "owner_first_name",
        "business_name",
        "invoice",
        "amount",
        "date",
        "days",
        "days_text",
        "ask_date",
        "total_owed",
    }
)
_STEP_NAMES = {
    EscalationStep.FRIENDLY: "overdue_1_friendly",
    EscalationStep.SET_DATE: "overdue_2_set_date",
    EscalationStep.PAYMENT_PLAN: "overdue_3_payment_plan",
    EscalationStep.MEET: "overdue_4_meet",
    EscalationStep.FINAL: "overdue_5_final",
}
_OVERDUE_EXTRA = frozenset({"due_date", "step"})
#: The values each template has beyond the common ones: its date under its own name.
EXTRA_PLACEHOLDERS: dict[str, frozenset[str]] = {
    ReasonKind.DEPOSIT_DUE.value: frozenset({"deposit_due_date"}),
    ReasonKind.DELIVERY_CHECKIN.value: frozenset({"sent_date"}),
    ReasonKind.DUE_SOON.value: frozenset({"due_date"}),
    ReasonKind.CUTOFF.value: frozenset({"cutoff_date"}),
    "cutoff_missed": frozenset({"cutoff_date"}),
    ReasonKind.PROMISE_DUE.value: frozenset({"promised_date", "made_on"}),
    ReasonKind.BROKEN_PROMISE.value: frozenset({"promised_date", "made_on"}),
    ReasonKind.INSTALLMENT_DUE.value: frozenset({"installment_date", "plan_date"}),
    ReasonKind.INSTALLMENT_MISSED.value: frozenset(
        {"installment_date", "plan_date", "missed_installments"}
    ),
    ReasonKind.FOLLOWUP.value: frozenset({"followup_reason"}),
    "followup_problem": frozenset({"followup_reason"}),
    ReasonKind.QUOTE_EXPIRING.value: frozenset({"quote", "valid_until"}),
    **{name: _OVERDUE_EXTRA for name in _STEP_NAMES.values()},
}
#: Every template, by name: one per reason kind, one per overdue escalation step.
TEMPLATE_NAMES: tuple[str, ...] = tuple(EXTRA_PLACEHOLDERS)
#: Templates for a variant of a reason kind, with the Reason fields that choose them.
TEMPLATE_VARIANTS: dict[str, tuple[ReasonKind, dict[str, bool]]] = {
    "cutoff_missed": (ReasonKind.CUTOFF, {"missed": True}),
    "followup_problem": (ReasonKind.FOLLOWUP, {"problem": True}),
}
_SECTION_LINE = re.compile(r"^\[(?P<name>[^\]]*)\]\s*$")


class TemplateProblem(Exception):
    """A template that cannot be used, and why, in words the owner can act on."""

    def __init__(self, template: str, message: str, placeholder: str | None = None) -> None:
        super().__init__(message)
        self.template = template
        self.placeholder = placeholder
        self.message = message


def template_name(reason: Reason) -> str:
    if reason.kind is ReasonKind.OVERDUE:
        return _STEP_NAMES[reason.step or EscalationStep.FRIENDLY]
    if reason.kind is ReasonKind.CUTOFF and reason.missed:
        return "cutoff_missed"
    if reason.kind is ReasonKind.FOLLOWUP and reason.problem:
        return "followup_problem"
    return reason.kind.value


def placeholders_for(name: str) -> frozenset[str]:
    return COMMON_PLACEHOLDERS | EXTRA_PLACEHOLDERS.get(name, frozenset())


def parse_template(name: str, text: str) -> dict[str, list[string.Template]]:
    """The template's sections, each a list of lines; raises TemplateProblem."""
    known = placeholders_for(name)
    sections: dict[str, list[string.Template]] = {}
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        header = _SECTION_LINE.match(line)
        if header:
            current = header["name"].strip().lower()
            if current not in SECTIONS:
                raise TemplateProblem(
                    name,
                    _(
                        'Template "{name}", line {line}: unknown section [{section}] '
                        "(use {sections})"
                    ).format(
                        name=name,
                        line=number,
                        section=header["name"],
                        sections=", ".join(f"[{s}]" for s in SECTIONS),
                    ),
                )
            sections.setdefault(current, [])
            continue
        if current is None:
            raise TemplateProblem(
                name,
                _(
                    'Template "{name}", line {line}: text before the first section '
                    "(start with [opening])"
                ).format(name=name, line=number),
            )
        sections[current].append(checked_line(name, number, line, known))
    if not any(sections.values()):
        raise TemplateProblem(name, _('Template "{name}" is empty').format(name=name))
    return sections


def check_template(name: str, text: str) -> TemplateProblem | None:
    """None when ``text`` is a usable template for ``name``; else what is wrong with it."""
    try:
        parse_template(name, text)
    except TemplateProblem as problem:
        return problem
    return None


def checked_line(name: str, number: int, line: str, known: frozenset[str]) -> string.Template:
    """One line of a template, its placeholders checked against ``known``.

    Shared with the email templates (diva_desk.mail.templates), so both kinds of text
    the owner rewrites are checked by one rule and report a mistake in the same words.
    """
    template = string.Template(line)
    for match in template.pattern.finditer(line):
        if match["invalid"] is not None:
            start = match.start()
            snippet = line[start : start + 12]
            raise TemplateProblem(
                name,
                _(
                    'Template "{name}", line {line}: "{snippet}" is not a placeholder '
                    "(write $$ for a dollar sign)"
                ).format(name=name, line=number, snippet=snippet),
                placeholder=snippet,
            )
        placeholder = match["named"] or match["braced"]
        if placeholder is not None and placeholder not in known:
            raise TemplateProblem(
                name,
                _(
                    'Template "{name}", line {line}: unknown placeholder ${placeholder} '
                    "(known: {known})"
                ).format(
                    name=name,
                    line=number,
                    placeholder=placeholder,
                    known=", ".join(f"${k}" for k in sorted(known)),
                ),
                placeholder=placeholder,
            )
    return template
