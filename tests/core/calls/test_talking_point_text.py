"""Talking points with any text: any template the owner types is read or refused in
one sentence, and any customer, contact, owner or business name fills a script."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diva_desk.core.calls import Call, EscalationStep, Reason, ReasonKind
from diva_desk.core.calls.script_templates import TemplateProblem, check_template
from diva_desk.core.calls.talking_points import ScriptContext, script_for
from diva_desk.core.customers.history import RatingKind
from diva_desk.store.calls.talking_points import built_in_templates

#: 1,000 cases and more with DIVA_DESK_FUZZ=1; a quick sample in the everyday suite.
EXAMPLES = 1000 if os.environ.get("DIVA_DESK_FUZZ") == "1" else 100
DAY = dt.date(2026, 11, 23)
BUILT_IN = built_in_templates("en_CA")
CALL = Call(
    customer_id=1, customer="ACME", customer_name="Acme Ltd.", contact_name="Pat Jones",
    phone="", currency="CAD", rating=RatingKind.SLOW, archived=False,
    reasons=(Reason(ReasonKind.OVERDUE, Decimal("40.00"), "CAD", 20, DAY - dt.timedelta(days=20),
                    "INV-1", step=EscalationStep.SET_DATE),),
    amount_at_stake=Decimal("40.00"), score=Decimal(1), total_owed=Decimal("40.00"),
)  # fmt: skip

#: Template-ish text: sections, placeholders, stray dollars and braces, any letters.
_pieces = st.sampled_from(
    ["[opening]", "[close]", "[ask]", "[nope]", "$contact_first_name", "${amount}", "$", "${",
     "$$", "\n", "#", " ", "{", "}"]
)  # fmt: skip
_templates = st.lists(st.one_of(_pieces, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_templates)
def test_any_typed_template_is_read_or_refused_in_a_sentence(text):
    problem = check_template("overdue_2_set_date", text)
    assert problem is None or (isinstance(problem, TemplateProblem) and str(problem).strip())


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    customer=st.text(max_size=200),
    contact=st.text(max_size=200),
    owner=st.text(max_size=200),
    business=st.text(max_size=200),
    template=_templates,
)
def test_any_names_and_any_owner_template_fill_a_script(
    customer, contact, owner, business, template
):
    call = dataclasses.replace(CALL, customer_name=customer, contact_name=contact)
    texts = {**BUILT_IN, "overdue_2_set_date": template}
    script = script_for(call, texts, BUILT_IN, ScriptContext(owner, business, "en_CA", DAY))
    assert script.lines
    assert all(isinstance(line, str) for line in script.lines)
