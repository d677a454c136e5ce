"""Scripts read from real books: the demo over many days, blank names, an open problem."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import peewee

from diva_desk.core.calls import ReasonKind
from diva_desk.core.records import Outcome
from diva_desk.demo import demo_contents
from diva_desk.interchange import import_text
from diva_desk.store.calls.call_list import calls_today, scripts_for
from diva_desk.store.calls.outcomes import promised_to_pay, reported_problem
from diva_desk.store.contents.writing import add_contents

MONDAY = dt.date(2026, 11, 23)
UNFILLED = re.compile(r"\$\{?[A-Za-z_]|\{[a-z_]+\}")
#: What a person would never say: two full stops, a title for a name, a note to self.
WRONG = re.compile(
    r"(?<!\.)\.\.(?!\.)|\b(?:Dr|Mr|Mrs|Ms|Mme)\.?,|\b1 days\b|Why you planned|"
    r"Try again:|\bit's ([^,.]+) from \1\b"
)


def test_the_demo_scripts_sound_like_a_person_on_every_day(book: peewee.Database) -> None:
    add_contents(demo_contents(MONDAY))
    seen_notes = 0
    greeted = set()
    for offset in range(-20, 60, 2):
        day = MONDAY + dt.timedelta(days=offset)
        calls = calls_today(day)
        scripts = scripts_for(calls, day)
        for call in calls:
            script = scripts[call.customer]
            text = "\n".join(script.lines)
            assert not WRONG.search(text), (day, call.customer, WRONG.search(text))
            assert not UNFILLED.search(text), (day, call.customer)
            for note in script.notes:
                seen_notes += 1
                assert note not in text
            greeted.add(script.lines[0].split(",")[0])
    assert seen_notes > 0
    assert "Hi Dr. Rahman" in greeted and "Hi Dr. Grant" in greeted


def _import(owner: str, contact: str, **sections: Any) -> None:
    document = {
        "format": "diva-desk",
        "version": 1,
        "business": {"name": "Lakeshore Pixel Studio", "owner_name": owner},
        "customers": [
            {"code": "ACME", "name": "Acme Ltd.", "contact_name": contact, "currency": "CAD"}
        ],
        "invoices": [
            {
                "number": "INV-1", "customer": "ACME", "issue_date": "2026-09-01",
                "due_date": "2026-10-01", "status": "sent", "sent_date": "2026-09-01",
                "received_confirmed_date": "2026-09-01", "currency": "CAD",
                "lines": [{"description": "Menus", "quantity": "1", "unit_price": "529.97"}],
            }
        ],
        **sections,
    }  # fmt: skip
    import_text(json.dumps(document))


def test_blank_names_in_the_book_make_a_script_not_a_crash(book: peewee.Database) -> None:
    _import(owner=" ", contact="   ")
    [call] = calls_today(MONDAY)
    assert call.contact_name == ""
    lines = scripts_for([call], MONDAY)[call.customer].lines
    assert lines[0].startswith("Hi there, it's Lakeshore Pixel Studio. I wanted to talk about")
    assert not any("Lakeshore Pixel Studio from" in line for line in lines)


def _ids() -> tuple[int, int]:
    from diva_desk.store.book import models as m

    return m.Customer.get().id, m.Invoice.get().id


def test_a_reported_problem_holds_the_escalation_until_it_is_settled(
    book: peewee.Database,
) -> None:
    _import(owner="Priya Raman", contact="Kenji Watanabe")
    customer_id, invoice_id = _ids()
    [before] = calls_today(MONDAY)
    assert before.reasons[0].kind is ReasonKind.OVERDUE and before.reasons[0].step.value == 3
    friday = dt.date(2026, 11, 27)
    reported_problem(
        customer_id,
        invoice_id,
        "The menus printed too dark; reprint offered",
        friday,
        dt.datetime(2026, 11, 20, 10, 0),
        Outcome.DISPUTE,
    )
    assert calls_today(MONDAY) == []  # held: no "put new work on hold" while it is open
    [call] = calls_today(friday)
    lead = call.reasons[0]
    assert (lead.kind, lead.problem, lead.invoice) == (ReasonKind.FOLLOWUP, True, "INV-1")
    assert [r.kind for r in call.reasons] == [ReasonKind.FOLLOWUP]
    script = scripts_for([call], friday)[call.customer]
    assert script.notes == ("Problem: The menus printed too dark; reprint offered",)
    spoken = " ".join(script.lines)
    assert "Is it resolved now" in spoken
    assert "on hold" not in spoken and "sit down" not in spoken
    # Reached on the day, and they promised to pay: the problem is behind them.
    promised_to_pay(
        customer_id, invoice_id, Decimal("529.97"), dt.date(2026, 12, 4), "",
        dt.datetime(2026, 11, 27, 9, 30),
    )  # fmt: skip
    [after] = calls_today(dt.date(2026, 12, 7))
    assert {r.kind for r in after.reasons} >= {ReasonKind.BROKEN_PROMISE, ReasonKind.OVERDUE}
    assert not any(r.problem for r in after.reasons)


def test_a_draft_past_its_cut_off_still_calls(book: peewee.Database) -> None:
    _import(owner="Priya Raman", contact="Pat Jones")
    draft = {
        "number": "INV-2", "customer": "ACME", "issue_date": "2026-11-10",
        "due_date": "2026-12-10", "status": "draft", "currency": "CAD",
        "lines": [{"description": "Logo", "quantity": "1", "unit_price": "800.00"}],
    }  # fmt: skip
    document = {"format": "diva-desk", "version": 1, "invoices": [draft]}
    from diva_desk.store.book import models as m

    m.Customer.update(invoice_cutoff_day=20).execute()
    import_text(json.dumps(document))
    [call] = calls_today(MONDAY)
    missed = [r for r in call.reasons if r.kind is ReasonKind.CUTOFF]
    assert [(r.invoice, r.missed, r.days) for r in missed] == [("INV-2", True, 3)]
