"""A French script without the owner's or the business's name still sounds like a person.

"c'est Priya de <nothing>" must become "c'est Priya", not "c'est Priya de."; the
words taken out come from the catalog's introduction, not from English words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from diva_desk.core.calls import Call, EscalationStep, Reason, ReasonKind
from diva_desk.core.calls.talking_points import ScriptContext, script_for
from diva_desk.core.customers.history import RatingKind
from diva_desk.core.customers.spoken_names import NO_BUSINESS, NO_OWNER, spoken_text
from diva_desk.store.calls.talking_points import built_in_templates

DAY = dt.date(2026, 11, 23)
#: The opening and close of the fr_CA friendly step, as the translator wrote them.
FRIENDLY_FR = """\
[opening]
Bonjour $contact_first_name, c'est $owner_first_name de $business_name. Avez-vous une minute?
[reason]
Je fais un petit suivi au sujet de $invoice, au montant de $amount.
[close]
Merci beaucoup, $contact_first_name. Je le prends en note. Bonne journée!
"""
INTRODUCTION = {"it's {owner} from {business}": "c'est {owner} de {business}"}


@pytest.fixture
def french(catalog: Callable[..., None]) -> None:
    catalog("fr_CA", INTRODUCTION)


def _call(reason: Reason) -> Call:
    return Call(
        customer_id=1, customer="ACME", customer_name="Acme Ltée", contact_name="Pat Jones",
        phone="", currency="CAD", rating=RatingKind.SLOW, archived=False, reasons=(reason,),
        amount_at_stake=reason.amount, score=Decimal(1), total_owed=reason.amount,
    )  # fmt: skip


def _opening(owner: str, business: str) -> str:
    reason = Reason(
        ReasonKind.OVERDUE, Decimal("100.00"), "CAD", 8, DAY - dt.timedelta(days=8), "INV-1042",
        1, step=EscalationStep.FRIENDLY,
    )  # fmt: skip
    context = ScriptContext(owner, business, "fr_CA", DAY)
    templates = {"overdue_1_friendly": FRIENDLY_FR}
    script = script_for(_call(reason), templates, built_in_templates("en_CA"), context)
    return script.lines[0]


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize(
    ("owner", "business", "said"),
    [
        ("Priya Raman", "Studio Lakeshore", "Bonjour Pat, c'est Priya de Studio Lakeshore."),
        ("", "Studio Lakeshore", "Bonjour Pat, c'est Studio Lakeshore."),
        ("Priya Raman", " ", "Bonjour Pat, c'est Priya."),
        (" ", "", "Bonjour Pat."),
    ],
)
def test_a_missing_name_takes_its_french_words_with_it(
    owner: str, business: str, said: str
) -> None:
    assert _opening(owner, business) == f"{said} Avez-vous une minute?"


@pytest.mark.usefixtures("french")
def test_an_english_template_still_loses_its_english_words_in_french() -> None:
    # A customer speaking French whose template is not translated yet.
    assert spoken_text(f"Hi Pat, it's {NO_OWNER} from Lakeshore.") == "Hi Pat, it's Lakeshore."


def test_without_a_catalog_english_is_unchanged() -> None:
    assert spoken_text(f"Hi Pat, it's {NO_OWNER} from {NO_BUSINESS}. Hello") == "Hi Pat. Hello"
    assert spoken_text(f"it's Priya from {NO_BUSINESS}.") == "it's Priya."
