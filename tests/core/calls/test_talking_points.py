"""Talking points: templates parsed, checked and filled; a broken one never breaks a call."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.calls import Call, EscalationStep, Reason, ReasonKind
from diva_desk.core.calls.script_templates import (
    TEMPLATE_NAMES,
    TemplateProblem,
    check_template,
    parse_template,
    placeholders_for,
)
from diva_desk.core.calls.talking_points import ScriptContext, script_for
from diva_desk.core.customers.history import RatingKind
from diva_desk.i18n import format as fmt
from diva_desk.store.calls.talking_points import built_in_templates

DAY = dt.date(2026, 11, 23)
CONTEXT = ScriptContext("Priya Raman", "Lakeshore Pixel Studio", "en_CA", DAY)


def _call(*reasons: Reason) -> Call:
    return Call(
        customer_id=1, customer="ACME", customer_name="Acme Ltd.", contact_name="Pat Jones",
        phone="", currency="CAD", rating=RatingKind.SLOW, archived=False, reasons=reasons,
        amount_at_stake=Decimal("4520.00"), score=Decimal(1), total_owed=Decimal("4520.00"),
    )  # fmt: skip


def _overdue(number: str, amount: str, days: int, step: EscalationStep) -> Reason:
    return Reason(
        ReasonKind.OVERDUE, Decimal(amount), "CAD", days, DAY - dt.timedelta(days=days),
        number, step=step,
    )  # fmt: skip


@pytest.mark.parametrize(
    "text, culprit",
    [
        ("[opening]\nHi $contact_firstname", "contact_firstname"),
        ("[opening]\nHi ${owner", "${owner"),
        ("[opening]\nThat's $ 40", "$ 40"),
    ],
)
def test_a_broken_template_names_itself_and_the_placeholder(text: str, culprit: str) -> None:
    problem = check_template("due_soon", text)
    assert isinstance(problem, TemplateProblem)
    assert problem.template == "due_soon"
    assert problem.placeholder is not None and problem.placeholder.startswith(culprit[:6])
    assert 'Template "due_soon", line 2' in problem.message


def test_sections_are_checked() -> None:
    assert "unknown section [hello]" in check_template("cutoff", "[hello]\nHi").message
    assert "before the first section" in check_template("cutoff", "Hi\n[opening]").message
    assert "is empty" in check_template("cutoff", "# only a comment\n").message
    # A placeholder of another template is unknown here: $promised_date belongs to promises.
    assert check_template("cutoff", "[reason]\nBy $promised_date") is not None
    assert check_template("promise_due", "[reason]\nBy $promised_date") is None


@pytest.mark.parametrize("name", TEMPLATE_NAMES)
def test_every_built_in_template_parses_and_has_all_five_sections(name: str) -> None:
    sections = parse_template(name, built_in_templates("en_CA")[name])
    assert set(sections) == {"opening", "reason", "ask", "replies", "close"}
    assert len(sections["replies"]) == 4
    used = {
        m["named"] or m["braced"]
        for lines in sections.values()
        for line in lines
        for m in line.pattern.finditer(line.template)
        if m["named"] or m["braced"]
    }
    assert used <= placeholders_for(name)


def test_a_call_speaks_once_with_every_reason() -> None:
    built_in = built_in_templates("en_CA")
    call = _call(
        _overdue("INV-1042", "4000.00", 20, EscalationStep.SET_DATE),
        _overdue("INV-1050", "520.00", 16, EscalationStep.SET_DATE),
    )
    lines = script_for(call, built_in, built_in, CONTEXT).lines
    assert lines[0] == (
        "Hi Pat, it's Priya from Lakeshore Pixel Studio. I'm calling about an invoice. "
        "Is now a good time?"
    )
    # One line per invoice, each with its own amount, due date and days; the ask once.
    for line, (number, amount, due) in zip(
        lines[1:3], [("INV-1042", "4000.00", 3), ("INV-1050", "520.00", 7)], strict=True
    ):
        money = fmt.money(Decimal(amount), "CAD", "en_CA")
        when = fmt.month_day(dt.date(2026, 11, due), "en_CA")
        days = 23 - due
        assert line == f"{number} for {money} was due on {when}, so it's now {days} days past due."
    assert sum(line.startswith("Can we settle on a date") for line in lines) == 1
    assert sum("Hi Pat" in line for line in lines) == 1
    assert lines[-1].startswith("So we're agreed")


def test_a_broken_rewrite_uses_the_built_in_text_and_says_so() -> None:
    built_in = built_in_templates("en_CA")
    texts = {**built_in, "overdue_1_friendly": "[opening]\nHey $nickname"}
    call = _call(_overdue("INV-1042", "100.00", 4, EscalationStep.FRIENDLY))
    script = script_for(call, texts, built_in, CONTEXT)
    assert [p.placeholder for p in script.problems] == ["nickname"]
    assert script.lines[0].startswith("Hi Pat, it's Priya")


def test_amounts_and_dates_follow_the_books_locale() -> None:
    built_in = built_in_templates("en_CA")
    french = ScriptContext("Élodie Tremblay", "Diva Design", "fr_CA", DAY)
    call = _call(_overdue("DD-1040", "4520.00", 20, EscalationStep.SET_DATE))
    lines = script_for(call, built_in, built_in, french).lines
    assert fmt.money(Decimal("4520.00"), "CAD", "fr_CA") in lines[1]
    assert fmt.month_day(dt.date(2026, 11, 3), "fr_CA") in lines[1]
    assert "Élodie" in lines[0]
