"""Scripts that sound like a person: names, notes to self, one line per invoice, open problems.

Each test here is something the owner would hear themself say wrongly on the phone
if it broke: "Hi Dr.,", "it's Lakeshore Pixel Studio from Lakeshore Pixel Studio",
"call Jasmine back" read to Jasmine, "1 days", a payment plan pitched while the
customer is still waiting for a reprint.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from diva_desk.core.calls import (
    Call,
    DraftInvoice,
    EscalationStep,
    FollowupFacts,
    Reason,
    ReasonKind,
    Situation,
    calls_for,
    reason_text,
)
from diva_desk.core.calls.talking_points import ScriptContext, script_for
from diva_desk.core.customers.history import RatingKind
from diva_desk.core.customers.spoken_names import address_name
from diva_desk.store.calls.talking_points import built_in_templates
from tests.core.calls.calls_helpers import FRI, MON, NEXT_MON, THU, WED, customer, days, invoice

DAY = dt.date(2026, 11, 23)
CONTEXT = ScriptContext("Priya Raman", "Lakeshore Pixel Studio", "en_CA", DAY)
BUILT_IN = built_in_templates("en_CA")


def _call(*reasons: Reason, contact: str = "Pat Jones", total: str = "4520.00") -> Call:
    return Call(
        customer_id=1, customer="ACME", customer_name="Acme Ltd.", contact_name=contact,
        phone="", currency="CAD", rating=RatingKind.SLOW, archived=False, reasons=reasons,
        amount_at_stake=Decimal(total), score=Decimal(1), total_owed=Decimal(total),
    )  # fmt: skip


def _overdue(
    number: str, amount: str, days_late: int, step: EscalationStep, iid: int = 1
) -> Reason:
    return Reason(
        ReasonKind.OVERDUE, Decimal(amount), "CAD", days_late, DAY - days(days_late), number,
        iid, step=step,
    )  # fmt: skip


def _followup(note: str, invoice_id: int | None = None, amount: str = "0", **kw: object) -> Reason:
    number = f"INV-{1000 + invoice_id}" if invoice_id else None
    return Reason(
        ReasonKind.FOLLOWUP, Decimal(amount), "CAD", 0, DAY, number, invoice_id, note=note, **kw
    )  # fmt: skip


def _lines(call: Call, context: ScriptContext = CONTEXT) -> list[str]:
    return script_for(call, BUILT_IN, BUILT_IN, context).lines


# --- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, greeting",
    [
        ("Dr. Aisha Rahman", "Dr. Rahman"),
        ("Dr Aisha Rahman", "Dr Rahman"),
        ("Mme Élodie Tremblay", "Mme Tremblay"),
        ("prof. Ada Lovelace King", "prof. King"),
        ("  Jasmine   Clarke ", "Jasmine"),
        ("Dr.", ""),
        ("   ", ""),
    ],
)
def test_a_title_is_said_with_the_last_name_and_never_alone(name: str, greeting: str) -> None:
    assert address_name(name) == greeting


def test_a_doctor_is_greeted_and_thanked_by_title_and_last_name() -> None:
    call = _call(
        _overdue("INV-1042", "395.50", 8, EscalationStep.FRIENDLY), contact="Dr. Aisha Rahman"
    )
    lines = _lines(call)
    assert lines[0].startswith("Hi Dr. Rahman, it's Priya from Lakeshore Pixel Studio.")
    assert lines[-1].startswith("Thanks so much, Dr. Rahman. I'll make a note")
    assert not any(".." in line for line in lines)


def test_a_blank_contact_is_greeted_without_a_name() -> None:
    lines = _lines(_call(_overdue("INV-1042", "100.00", 8, EscalationStep.FRIENDLY), contact="   "))
    assert lines[0] == "Hi there, it's Priya from Lakeshore Pixel Studio. Have you got a minute?"
    assert lines[-1] == "Thanks so much. I'll make a note of it. Have a great day!"
    set_date = _lines(
        _call(_overdue("INV-1042", "100.00", 20, EscalationStep.SET_DATE), contact="")
    )
    assert (
        set_date[-1] == "So we're agreed: I'll note that date. Thank you, I really appreciate it."
    )


@pytest.mark.parametrize("owner", ["", "   "])
def test_without_an_owner_name_the_business_speaks_once(owner: str) -> None:
    context = ScriptContext(owner, "Lakeshore Pixel Studio", "en_CA", DAY)
    lines = _lines(_call(_overdue("INV-1042", "100.00", 8, EscalationStep.FRIENDLY)), context)
    assert lines[0] == "Hi Pat, it's Lakeshore Pixel Studio. Have you got a minute?"
    nobody = ScriptContext(" ", " ", "en_CA", DAY)
    lines = _lines(_call(_overdue("INV-1042", "100.00", 8, EscalationStep.FRIENDLY)), nobody)
    assert lines[0] == "Hi Pat. Have you got a minute?"


def test_a_name_ending_in_a_full_stop_never_gives_two() -> None:
    call = _call(_overdue("INV-1042", "100.00", 8, EscalationStep.FRIENDLY), contact="")
    rewrite = {**BUILT_IN, "overdue_1_friendly": "[opening]\nHello $contact_name.\n[close]\nBye."}
    [hello, _bye] = script_for(call, rewrite, BUILT_IN, CONTEXT).lines
    assert hello == "Hello Acme Ltd."


# --- several invoices, plural days, the day to ask for ----------------------------------


def test_each_invoice_has_its_own_line_and_the_ask_is_said_once() -> None:
    call = _call(
        _overdue("INV-1042", "4000.00", 20, EscalationStep.SET_DATE, 1),
        _overdue("INV-1050", "520.00", 16, EscalationStep.SET_DATE, 2),
    )
    lines = _lines(call)
    assert lines[1:4] == [
        "INV-1042 for $4,000.00 was due on Nov 3, so it's now 20 days past due.",
        "INV-1050 for $520.00 was due on Nov 7, so it's now 16 days past due.",
        "Can we settle on a date I can expect the payment? What date works for you?",
    ]


def test_one_day_is_one_day() -> None:
    lines = _lines(_call(_overdue("INV-1042", "100.00", 1, EscalationStep.SET_DATE)))
    assert "so it's now 1 day past due." in lines[1]
    final = _lines(_call(_overdue("INV-1042", "100.00", 1, EscalationStep.FINAL)))
    assert "unpaid since Nov 22, 1 day." in final[1]
    assert not any("1 days" in line for line in lines + final)


def test_the_cheque_in_the_mail_gets_a_real_date_three_working_days_ahead() -> None:
    # Monday Nov 23 -> Thursday Nov 26; from Thursday it skips the weekend to Tuesday.
    monday = " ".join(_lines(_call(_overdue("INV-1042", "100.00", 20, EscalationStep.SET_DATE))))
    assert "If it's not here by Thu, Nov 26, can we agree" in monday
    thursday = ScriptContext(
        "Priya Raman", "Lakeshore Pixel Studio", "en_CA", dt.date(2026, 11, 26)
    )
    later = " ".join(
        _lines(_call(_overdue("INV-1042", "100.00", 20, EscalationStep.SET_DATE)), thursday)
    )
    assert "by Tue, Dec 1," in later
    assert "Friday" not in monday + later


# --- notes to self ------------------------------------------------------------------------


def test_follow_up_reasons_are_notes_to_self_never_read_out() -> None:
    call = _call(
        _overdue("INV-1001", "100.00", 8, EscalationStep.FRIENDLY),
        _followup("Try again: left a voicemail on Nov 20, 2026."),
        _followup("Ask about the PO number", 1),
    )
    script = script_for(call, BUILT_IN, BUILT_IN, CONTEXT)
    assert script.notes == (
        "Try again: left a voicemail on Nov 20, 2026",
        "Ask about the PO number",
    )
    assert script.note == "Try again: left a voicemail on Nov 20, 2026; Ask about the PO number"
    spoken = " ".join(script.lines)
    assert "voicemail" not in spoken and "PO number" not in spoken
    assert "Why you planned" not in spoken
    assert script.lines[0].startswith("Hi Pat, it's Priya") and "Have you got a minute?" in spoken


def test_a_follow_up_a_promise_already_speaks_for_is_not_noted() -> None:
    broken = Reason(
        ReasonKind.BROKEN_PROMISE, Decimal("1689.35"), "CAD", 4, DAY - days(4), "INV-1001", 1,
        made_on=DAY - days(12),
    )  # fmt: skip
    call = _call(broken, _followup("Promised payment did not arrive: call Pat back", 1, "1689.35"))
    script = script_for(call, BUILT_IN, BUILT_IN, CONTEXT)
    assert script.notes == ()
    assert "call Pat back" not in " ".join(script.lines)


def test_a_call_made_only_of_a_retry_opens_neutrally() -> None:
    script = script_for(
        _call(_followup("Try again: no answer on Nov 20, 2026"), total="0"),
        BUILT_IN,
        BUILT_IN,
        CONTEXT,
    )
    assert script.notes == ("Try again: no answer on Nov 20, 2026",)
    assert (
        script.lines[0] == "Hi Pat, it's Priya from Lakeshore Pixel Studio. Have you got a minute?"
    )
    spoken = " ".join(script.lines)
    assert "get back to you" not in spoken and "no answer" not in spoken
    assert "$0" not in spoken


# --- an open problem ----------------------------------------------------------------------


def _disputed_situation(followup_due: dt.date) -> Situation:
    return Situation(
        (customer(),),
        invoices=(invoice(1, due=MON - days(100), total="529.97"),),
        followups=(
            FollowupFacts(
                5, 1, followup_due, "Ask whether the reprint settles it", 1, "INV-1001", True
            ),
        ),
        disputes=frozenset({(1, 1)}),
    )


def test_an_open_problem_holds_the_overdue_calls_until_its_follow_up() -> None:
    assert calls_for(MON, _disputed_situation(FRI)) == []
    plain = Situation((customer(),), invoices=(invoice(1, due=MON - days(100), total="529.97"),))
    [escalated] = calls_for(MON, plain)
    assert escalated.reasons[0].step is EscalationStep.FINAL


def test_an_open_problem_leads_its_call_and_asks_whether_it_is_settled() -> None:
    situation = _disputed_situation(THU)
    with_another = Situation(
        situation.customers,
        invoices=(*situation.invoices, invoice(2, due=THU + days(2), total="300.00")),
        followups=situation.followups,
        disputes=situation.disputes,
    )
    [call] = calls_for(THU, with_another)
    lead = call.reasons[0]
    assert (lead.kind, lead.problem, lead.amount) == (ReasonKind.FOLLOWUP, True, Decimal("529.97"))
    assert not any(r.kind is ReasonKind.OVERDUE for r in call.reasons)
    assert reason_text(lead, "en_CA") == (
        "Ask whether the reprint settles it — open problem on INV-1001, $529.97"
    )
    script = script_for(call, BUILT_IN, BUILT_IN, CONTEXT)
    spoken = " ".join(script.lines)
    assert "the problem we talked about last time" in script.lines[0]
    assert "Is it resolved now" in spoken
    assert "new work on hold" not in spoken and "split it into a few payments" not in spoken
    assert script.notes == ("Ask whether the reprint settles it",)


def test_a_problem_about_the_customer_as_a_whole_holds_all_their_invoices() -> None:
    situation = Situation(
        (customer(),),
        invoices=(invoice(1, due=MON - days(40)), invoice(2, due=MON - days(10))),
        disputes=frozenset({(1, None)}),
    )
    assert calls_for(MON, situation) == []


# --- a missed cut-off -------------------------------------------------------------------


def test_a_draft_that_missed_its_cut_off_keeps_calling_until_sent() -> None:
    dated_before = DraftInvoice(7, "INV-1007", 1, "CAD", Decimal("800.00"), WED - days(10))
    dated_after = DraftInvoice(8, "INV-1008", 1, "CAD", Decimal("90.00"), THU)
    situation = Situation((customer(invoice_cutoff_day=18),), drafts=(dated_before, dated_after))
    [warned] = calls_for(MON, situation)  # cut-off Wednesday the 18th
    assert [(r.invoice, r.missed) for r in warned.reasons] == [
        ("INV-1007", False),
        ("INV-1008", False),
    ]
    [call] = calls_for(NEXT_MON, situation)
    [missed] = call.reasons
    assert (missed.invoice, missed.kind, missed.missed) == ("INV-1007", ReasonKind.CUTOFF, True)
    assert (missed.date, missed.days) == (WED, 5)
    assert reason_text(missed, "en_CA") == (
        "Draft INV-1007 ($800.00): cut-off passed on Nov 18, 2026 (5 days ago) — "
        "send it now so it makes the next cycle"
    )
    spoken = " ".join(script_for(call, BUILT_IN, BUILT_IN, CONTEXT).lines)
    assert "before your Nov 18 cut-off, so I'm sending it today" in spoken
    # Next month's warning takes over from the missed one.
    [december] = calls_for(dt.date(2026, 12, 14), situation)
    assert [(r.date, r.missed) for r in december.reasons] == [
        (dt.date(2026, 12, 18), False),
        (dt.date(2026, 12, 18), False),
    ]
