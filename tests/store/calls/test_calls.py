"""The call list from a real book: built in a fixed number of queries, as the rules say."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import peewee
import pytest

from diva_desk.core.calls import ReasonKind
from diva_desk.core.calls.script_templates import TEMPLATE_NAMES
from diva_desk.demo import demo_contents
from diva_desk.interchange import import_text
from diva_desk.store.book.db import db
from diva_desk.store.calls.call_list import calls_json, calls_today, scripts_for
from diva_desk.store.calls.talking_points import SETTING_PREFIX, save_template
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.invoices.unpaid import forget_unpaid

MONDAY = dt.date(2026, 11, 23)
#: A placeholder left unfilled: "$name" or "${name}" (a "$" before a digit is money).
UNFILLED = re.compile(r"\$\{?[A-Za-z_]|\{[a-z_]+\}")


def _invoice(number: str, customer: str, due: str, amount: str, **kw: Any) -> dict:
    issue = kw.pop("issue_date", (dt.date.fromisoformat(due) - dt.timedelta(30)).isoformat())
    return {
        "number": number, "customer": customer, "issue_date": issue, "due_date": due,
        "status": kw.pop("status", "sent"), "sent_date": issue, "received_confirmed_date": issue,
        "currency": "CAD",
        "lines": [{"description": "Design", "quantity": "1", "unit_price": amount}],
        **kw,
    }  # fmt: skip


def _customer(code: str, name: str, contact: str, **kw: Any) -> dict:
    return {"code": code, "name": name, "contact_name": contact, "phone": "+1 416 555 0100",
            "currency": "CAD", **kw}  # fmt: skip


def _import(**sections: Any) -> None:
    document = {
        "format": "diva-desk",
        "version": 1,
        "business": {"name": "Lakeshore Pixel Studio", "owner_name": "Priya Raman"},
        **sections,
    }
    import_text(json.dumps(document))


def test_paid_void_draft_archived_and_contacted_today(book: peewee.Database) -> None:
    _import(
        customers=[
            _customer("PAID", "Paid Up Inc.", "Ann Lee"),
            _customer("VOID", "Void Co.", "Bo Chan"),
            _customer("DRAFT", "Draft Ltd.", "Cy Diaz"),
            _customer("GONE", "Gone Away Ltd.", "Dee Ewing", archived=True),
            _customer("CALLED", "Called Today Ltd.", "Ed Fox"),
        ],
        invoices=[
            _invoice("INV-1", "PAID", "2026-10-01", "500.00"),
            _invoice("INV-2", "VOID", "2026-10-01", "500.00", status="void"),
            _invoice("INV-3", "DRAFT", "2026-10-01", "500.00", status="draft"),
            _invoice("INV-4", "GONE", "2026-10-01", "700.00"),
            _invoice("INV-5", "CALLED", "2026-10-01", "900.00"),
        ],
        payments=[{"invoice": "INV-1", "date": "2026-10-05", "amount": "500.00"}],
        interactions=[
            {"customer": "CALLED", "at": "2026-11-23T09:15:00", "channel": "call",
             "outcome": "promised", "notes": "Paying Friday"},
        ],
    )  # fmt: skip
    calls = calls_today(MONDAY)
    assert [c.customer for c in calls] == ["GONE"]
    assert calls[0].reasons[0].kind is ReasonKind.OVERDUE
    # The day before the call was made, that customer was still on the list.
    assert {c.customer for c in calls_today(MONDAY - dt.timedelta(days=3))} == {"GONE", "CALLED"}


def test_partial_payment_keeps_a_promise_and_the_rest_is_overdue(book: peewee.Database) -> None:
    _import(
        customers=[_customer("ACME", "Acme Ltd.", "Pat Jones")],
        invoices=[_invoice("INV-1", "ACME", "2026-10-01", "2000.00")],
        payments=[{"invoice": "INV-1", "date": "2026-11-18", "amount": "500.00"}],
        promises=[{"customer": "ACME", "invoice": "INV-1", "made_on": "2026-11-10",
                   "promised_date": "2026-11-20", "amount": "500.00"}],
    )  # fmt: skip
    [call] = calls_today(MONDAY)
    assert [(r.kind, r.amount, r.days) for r in call.reasons] == [
        (ReasonKind.OVERDUE, Decimal("1500.00"), 53)
    ]
    document = calls_json(MONDAY, [call])
    assert document["calls"][0]["amount_at_stake"] == "1500.00"


def test_plan_with_a_missed_installment_from_the_book(book: peewee.Database) -> None:
    _import(
        customers=[_customer("BREW", "Riverside Brewing", "Sean MacLeod")],
        invoices=[_invoice("INV-1", "BREW", "2026-08-01", "900.00")],
        payment_plans=[{"customer": "BREW", "invoice": "INV-1", "agreed_on": "2026-10-01",
                        "installments": [{"due_date": "2026-10-15", "amount": "300.00"},
                                         {"due_date": "2026-11-15", "amount": "300.00"},
                                         {"due_date": "2026-12-15", "amount": "300.00"}]}],
        payments=[{"invoice": "INV-1", "date": "2026-10-14", "amount": "300.00"}],
    )  # fmt: skip
    [call] = calls_today(MONDAY)
    assert [(r.kind, r.amount, r.days) for r in call.reasons] == [
        (ReasonKind.INSTALLMENT_MISSED, Decimal("300.00"), 8)
    ]


def _demo_book() -> None:
    add_contents(demo_contents(MONDAY))


def test_every_script_on_the_demo_book_is_filled_in(book: peewee.Database) -> None:
    _demo_book()
    calls = calls_today(MONDAY)
    assert len(calls) >= 10
    kinds = {r.kind for c in calls for r in c.reasons}
    assert {ReasonKind.OVERDUE, ReasonKind.BROKEN_PROMISE, ReasonKind.DEPOSIT_DUE} <= kinds
    scripts = scripts_for(calls, MONDAY)
    for call in calls:
        script = scripts[call.customer]
        assert not script.problems
        text = "\n".join(script.lines)
        assert not UNFILLED.search(text), text
        assert call.contact_name.split()[0] in script.lines[0]
        assert "Priya" in script.lines[0]
        for reason in call.reasons:
            if reason.invoice and reason.kind is not ReasonKind.FOLLOWUP:
                assert reason.invoice in text
        assert sum(line.startswith("If they say") for line in script.lines) == 4


def test_every_template_renders_on_the_demo_book(book: peewee.Database) -> None:
    """Each built-in template is used by some call over a month of demo days."""
    _demo_book()
    used: set[str] = set()
    from diva_desk.core.calls.script_templates import template_name

    for offset in range(0, 60):
        day = MONDAY + dt.timedelta(days=offset - 30)
        calls = calls_today(day)
        for call, script in zip(calls, scripts_for(calls, day).values(), strict=True):
            assert not UNFILLED.search("\n".join(script.lines))
            used |= {template_name(r) for r in call.reasons}
    assert used >= set(TEMPLATE_NAMES) - {"installment_missed", "promise_due"}


def test_a_broken_rewrite_falls_back_with_a_clear_problem(book: peewee.Database) -> None:
    _demo_book()
    broken = "[opening]\nHi $contact_firstname!\n[reason]\n$invoice is late."
    problem = save_template("overdue_3_payment_plan", broken)
    assert problem is not None and problem.placeholder == "contact_firstname"
    # One written by hand into the book (a settings page bug, an old version) is caught too.
    db.execute_sql(
        "INSERT INTO setting (key, value) VALUES (?, ?)",
        (SETTING_PREFIX + "overdue_3_payment_plan", broken),
    )
    calls = calls_today(MONDAY)
    scripts = scripts_for(calls, MONDAY)
    plan = next(c for c in calls if any(r.step and r.step.value == 3 for r in c.reasons))
    script = scripts[plan.customer]
    [problem] = script.problems
    assert problem.template == "overdue_3_payment_plan"
    assert "$contact_firstname" in problem.message
    assert "let's split it into a few payments" in "\n".join(script.lines)


def test_a_good_rewrite_replaces_the_built_in_text(book: peewee.Database) -> None:
    _demo_book()
    rewrite = "[opening]\nHello $contact_first_name, $$ talk."
    assert save_template("overdue_3_payment_plan", rewrite) is None
    calls = calls_today(MONDAY)
    plan = next(c for c in calls if any(r.step and r.step.value == 3 for r in c.reasons))
    lines = scripts_for([plan], MONDAY)[plan.customer].lines
    assert lines == [f"Hello {plan.contact_name.split()[0]}, $ talk."]


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *args: Any) -> None:
        self.count += 1


def _statements_for(day: dt.date) -> int:
    """Statements for the call list and every call's talking points, as the Today panel asks."""
    forget_unpaid()  # as on the Today panel's worker: no invoices still owing known yet
    counter = _Counter()
    raw = db.connection()
    raw.set_trace_callback(counter)
    try:
        scripts_for(calls_today(day), day)
    finally:
        raw.set_trace_callback(None)
    return counter.count


def test_a_constant_number_of_queries_whatever_the_book(book: peewee.Database) -> None:
    _import(
        customers=[_customer("A", "A Ltd.", "Al Bo")],
        invoices=[_invoice("INV-1", "A", "2026-10-01", "100.00")],
    )
    _statements_for(MONDAY)  # the connection's first reading sets up its TEMP triggers
    small = _statements_for(MONDAY)
    customers = [_customer(f"C{i}", f"C{i} Ltd.", "Ann Lee") for i in range(300)]
    invoices = [_invoice(f"INV-X{i}", f"C{i % 300}", "2026-10-01", "50.00") for i in range(900)]
    _import(customers=customers, invoices=invoices)
    assert len(calls_today(MONDAY)) == 301
    assert _statements_for(MONDAY) == small
    # One reads which customers speak another language; four find the invoices still
    # owing (store.invoices.unpaid), which the day's totals then share; one the quotes
    # expiring.
    assert small <= 23


@pytest.mark.parametrize("limit", [None, 3])
def test_json_shape(book: peewee.Database, limit: int | None) -> None:
    _demo_book()
    calls = calls_today(MONDAY, limit)
    document = calls_json(MONDAY, calls)
    assert document["date"] == "2026-11-23"
    assert [c["rank"] for c in document["calls"]] == list(range(1, len(calls) + 1))
    for call in document["calls"]:
        assert set(call) == {
            "rank", "customer", "customer_name", "contact_name", "phone", "amount_at_stake",
            "currency", "reasons", "talking_points",
        }  # fmt: skip
        assert re.fullmatch(r"\d+\.\d\d", call["amount_at_stake"])
        for reason in call["reasons"]:
            assert set(reason) == {"kind", "invoice", "amount", "days", "text"}
            assert isinstance(reason["days"], int) and reason["days"] >= 0
    if limit:
        assert len(document["calls"]) == limit
