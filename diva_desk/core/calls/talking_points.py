"""Talking points: the owner's short script for a call, from editable templates.

Templates are plain text (resources/talking_points/<locale>/<name>.txt, or the
owner's rewrite kept in the book), in the format core.calls.script_templates reads.

A call with several reasons speaks once: the lead reason's template gives the
opening, the answers to the usual replies and the close; each reason gives its own
``[reason]`` lines (one per invoice, with its own amount, date and days), and each
template its ``[ask]`` once for all its reasons. A template that does not parse,
or names a value that does not exist, becomes a :class:`TemplateProblem` naming
the template and the culprit; the script then uses the built-in text for that
template, so the call list never breaks.

What a follow-up is about is the owner's note to self ("call Jasmine back", "try
again: left a voicemail"): it is never read to the customer but kept apart in
:attr:`Script.notes`. A plain follow-up speaks only when nothing else is on the
call, with a neutral opening; one about an open problem leads the call.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from diva_desk.core.calls import formats as fmt
from diva_desk.core.calls.escalation import step_label
from diva_desk.core.calls.model import Call, CallSettings, Reason, ReasonKind
from diva_desk.core.calls.script_templates import (
    EXTRA_PLACEHOLDERS,
    TemplateProblem,
    parse_template,
    template_name,
)
from diva_desk.core.calls.texts import missed_installments
from diva_desk.core.calls.workdays import add_working_days
from diva_desk.core.customers.spoken_names import (
    NO_BUSINESS,
    NO_CONTACT,
    NO_OWNER,
    address_name,
    clean_name,
    first_name,
    spoken_text,
)
from diva_desk.core.money import ZERO
from diva_desk.i18n import _, ngettext

#: Dates this close to the list's day are said as "Nov 20", without the year.
SPOKEN_DATE_DAYS = 200
#: ``$ask_date``, the day to ask for ("if it's not here by Wed, Nov 25"): this
#: many working days after the list's day, time enough for a cheque in the post.
ASK_DATE_WORKING_DAYS = 3

#: The sections the lead reason's template gives to the whole call.
_LEAD_SECTIONS = ("replies", "close")

#: Follow-ups about these reasons on the same invoice say nothing the reason does not
#: ("call Jasmine back" under her broken promise, "send it before the cut-off").
_COVERING_KINDS = frozenset(
    {
        ReasonKind.CUTOFF,
        ReasonKind.PROMISE_DUE,
        ReasonKind.BROKEN_PROMISE,
        ReasonKind.INSTALLMENT_DUE,
        ReasonKind.INSTALLMENT_MISSED,
    }
)


@dataclass(frozen=True)
class TalkingPoint:
    section: str
    text: str


@dataclass(frozen=True)
class Script:
    #: What to say, in order.
    points: tuple[TalkingPoint, ...]
    #: Templates that were broken; the built-in text was used in their place.
    problems: tuple[TemplateProblem, ...] = ()
    #: The owner's notes to self (what the follow-ups are about): read, never said.
    notes: tuple[str, ...] = ()

    @property
    def lines(self) -> list[str]:
        """The spoken lines (the notes to self are not among them)."""
        return [p.text for p in self.points]

    @property
    def note(self) -> str:
        """The notes to self as one line: ``A; B``."""
        return "; ".join(self.notes)


@dataclass(frozen=True)
class ScriptContext:
    """What the scripts need about the book itself."""

    owner_name: str
    business_name: str
    locale: str
    #: The day of the list: dates within SPOKEN_DATE_DAYS of it are said without the year.
    day: dt.date | None = None
    #: The day ``$ask_date`` names; by default ASK_DATE_WORKING_DAYS working days
    #: (weekends skipped) after ``day``. The store counts the owner's days off too.
    ask_date: dt.date | None = None


def ask_date_for(day: dt.date, settings: CallSettings | None = None) -> dt.date:
    """The day ``$ask_date`` names on ``day``'s list."""
    return add_working_days(day, ASK_DATE_WORKING_DAYS, settings or CallSettings())


def script_for(
    call: Call,
    templates: Mapping[str, str],
    built_in: Mapping[str, str],
    context: ScriptContext,
) -> Script:
    """The talking points for ``call``.

    ``templates`` are the texts in use (the owner's rewrites over the built-in
    ones); ``built_in`` are the shipped texts, used where a rewrite is broken.
    """
    groups: dict[str, list[Reason]] = {}
    for reason in call.reasons:
        groups.setdefault(template_name(reason), []).append(reason)
    # A plain follow-up is a note to self; it speaks only when it is all there is.
    spoken = [name for name in groups if name != ReasonKind.FOLLOWUP.value] or list(groups)
    problems: list[TemplateProblem] = []
    parsed = {}
    for name in spoken:
        try:
            parsed[name] = _parsed(name, templates.get(name, built_in[name]))
        except TemplateProblem as problem:
            problems.append(problem)
            parsed[name] = _parsed(name, built_in[name])
    lead = spoken[0]
    values = {name: template_values(call, groups[name], context) for name in spoken}
    points = _section(parsed[lead], "opening", values[lead])
    for name in spoken:
        for reason in groups[name]:
            one = values[name] if len(groups[name]) == 1 else None
            points += _section(
                parsed[name], "reason", one or template_values(call, [reason], context)
            )
        points += _section(parsed[name], "ask", values[name])
    for section in _LEAD_SECTIONS:
        points += _section(parsed[lead], section, values[lead])
    unique = tuple(dict.fromkeys(points))  # two reasons may say the same words
    return Script(unique, tuple(problems), followup_notes(call.reasons))


#: A template's text parsed once, not once per call (the lines are only read, never changed);
#: a broken text raises each time and is not remembered.
_parsed = lru_cache(maxsize=64)(parse_template)


def followup_notes(reasons: Sequence[Reason]) -> tuple[str, ...]:
    """What the follow-ups are about, once each, but those another reason speaks for."""
    covered = {r.invoice_id for r in reasons if r.kind in _COVERING_KINDS and r.invoice_id}
    notes = (
        clean_name(r.note).rstrip(". ;")
        for r in reasons
        if r.kind is ReasonKind.FOLLOWUP and r.invoice_id not in covered
    )
    return tuple(dict.fromkeys(note for note in notes if note))


def _section(
    sections: dict[str, list[string.Template]], section: str, values: Mapping[str, str]
) -> list[TalkingPoint]:
    return [
        TalkingPoint(section, spoken_text(line.substitute(values)))
        for line in sections.get(section, ())
    ]


def template_values(
    call: Call, reasons: Sequence[Reason], context: ScriptContext
) -> dict[str, str]:
    """Every placeholder of the reasons' template, filled and formatted for the locale.

    A missing name is filled with a marker that :func:`spoken_text` takes out of
    the sentence ("Thanks, Pat." becomes "Thanks."; "Hi Pat," becomes "Hi there,").
    """
    locale = context.locale
    first = reasons[0]

    def date(day: dt.date | None) -> str:
        if day is None:
            return ""
        if context.day is not None and abs((day - context.day).days) <= SPOKEN_DATE_DAYS:
            return fmt.month_day(day, locale)
        return fmt.date(day, locale)

    contact = clean_name(call.contact_name)
    owner = clean_name(context.owner_name)
    business = clean_name(context.business_name)
    days = max(r.days for r in reasons)
    day = context.day or dt.date.today()
    ask_date = context.ask_date or ask_date_for(day)
    values = {
        "customer_name": clean_name(call.customer_name),
        "contact_name": contact or clean_name(call.customer_name) or NO_CONTACT,
        "contact_first_name": address_name(contact) or NO_CONTACT,
        "owner_name": owner or NO_OWNER,
        "owner_first_name": first_name(owner) or NO_OWNER,
        "business_name": business or NO_BUSINESS,
        "invoice": _and_list([r.invoice for r in reasons if r.invoice]) or _("the invoice"),
        "amount": _amounts(reasons, locale),
        "date": date(min(r.date for r in reasons)),
        "days": fmt.number(days, locale),
        "days_text": ngettext("{n} day", "{n} days", days).format(n=fmt.number(days, locale)),
        "ask_date": fmt.month(ask_date, "MMMEd", locale),
        "total_owed": fmt.money(call.total_owed, call.currency, locale),
    }
    earliest = date(min(r.date for r in reasons))
    made_on = date(first.made_on)
    extra = {
        "due_date": earliest,
        "step": step_label(first.step) if first.step else "",
        "deposit_due_date": earliest,
        "sent_date": earliest,
        "cutoff_date": earliest,
        "promised_date": earliest,
        "made_on": made_on,
        "installment_date": earliest,
        "plan_date": made_on,
        "missed_installments": missed_installments(
            sum(r.count for r in reasons if r.kind is ReasonKind.INSTALLMENT_MISSED),
            earliest,
            locale,
        ),
        "followup_reason": "; ".join(followup_notes(reasons)),
        "quote": values["invoice"],
        "valid_until": earliest,
    }
    name = template_name(first)
    values.update({key: extra[key] for key in EXTRA_PLACEHOLDERS[name]})
    return values


def _amounts(reasons: Sequence[Reason], locale: str) -> str:
    totals: dict[str, Decimal] = {}
    for reason in reasons:
        totals[reason.currency] = totals.get(reason.currency, ZERO) + reason.amount
    return _and_list([fmt.money(amount, cur, locale) for cur, amount in totals.items()])


def _and_list(items: Sequence[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``; each item once, in order."""
    unique = list(dict.fromkeys(items))
    if len(unique) <= 1:
        return unique[0] if unique else ""
    return _("{items} and {last}").format(items=", ".join(unique[:-1]), last=unique[-1])
