"""A promise from the call to its end: due on its date, broken the next working day.

Kept or broken comes from one place (core.promises.promise_status), read both by the
call list and by the customer's rating; this follows one small book through a week.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee

from diva_desk.core import records as r
from diva_desk.core.calls import ReasonKind
from diva_desk.core.customers.history import RatingKind
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.store.book import models as m
from diva_desk.store.calls import outcomes as o
from diva_desk.store.calls.call_list import calls_today, scripts_for
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.customers.history import customer_standing, promise_outcomes

WED, THU, FRI = dt.date(2026, 11, 18), dt.date(2026, 11, 19), dt.date(2026, 11, 20)
SAT, NEXT_MON = dt.date(2026, 11, 21), dt.date(2026, 11, 23)


def _book() -> tuple[int, int]:
    issue, due = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
    add_contents(
        r.BookContents(
            business=r.Business(name="Lakeshore Pixel Studio", owner_name="Priya Raman"),
            customers=(
                r.Customer(code="ACME", name="Acme Ltd.", contact_name="Pat Jones"),
                r.Customer(code="BETA", name="Beta Foods", contact_name="Sam Wu"),
            ),
            invoices=tuple(
                r.Invoice(
                    number=number, customer=code, issue_date=issue, due_date=due,
                    sent_date=issue, received_confirmed_date=issue,
                    lines=(r.InvoiceLine("Brand refresh", unit_price=Decimal("1000.00")),),
                )
                for number, code in (("INV-1", "ACME"), ("INV-2", "BETA"))
            ),
        )
    )  # fmt: skip
    return m.Customer.get(code="ACME").id, m.Customer.get(code="BETA").id


def _reasons(day: dt.date) -> dict[str, list[ReasonKind]]:
    return {call.customer: [x.kind for x in call.reasons] for call in calls_today(day)}


def test_a_partly_paid_promise_is_broken_the_next_working_day_with_its_own_script(
    book: peewee.Database,
) -> None:
    acme, beta = _book()
    inv1, inv2 = m.Invoice.get(number="INV-1").id, m.Invoice.get(number="INV-2").id
    wed = dt.datetime.combine(WED, dt.time(9))
    o.promised_to_pay(acme, inv1, Decimal("1000.00"), FRI, "", wed)
    o.promised_to_pay(beta, inv2, Decimal("1000.00"), FRI, "", wed)
    # Acme sends part of it; Beta pays it all on the promised day.
    o.paid(acme, inv1, Decimal("400.00"), None, "", dt.datetime.combine(THU, dt.time(9)))
    m.Payment.create(invoice=inv2, date=FRI, amount_minor=100000)  # $1,000.00

    friday = {c.customer: c for c in calls_today(FRI)}
    # Beta paid in full: neither its promise nor the follow-up about the paid invoice calls.
    assert set(friday) == {"ACME"}
    due = next(x for x in friday["ACME"].reasons if x.kind is ReasonKind.PROMISE_DUE)
    assert due.amount == Decimal("600.00")

    # Saturday is a day off: the list shown is Monday's, and the promise is broken.
    for day in (SAT, NEXT_MON):
        assert _reasons(day)["ACME"][0] is ReasonKind.BROKEN_PROMISE
        assert "BETA" not in _reasons(day)
    call = next(c for c in calls_today(NEXT_MON) if c.customer == "ACME")
    script = " ".join(scripts_for([call], NEXT_MON)[call.customer].lines)
    assert "On Nov 18 you said $600.00 would be paid by Nov 20" in script
    assert "What happened?" in script

    # The rating reads the same derivation: one broken promise, one kept.
    statuses = {pid: out.status for pid, out in promise_outcomes(NEXT_MON).items()}
    assert sorted(statuses.values()) == [PromiseStatus.BROKEN, PromiseStatus.KEPT]
    acme_standing = customer_standing(acme, NEXT_MON)
    assert acme_standing is not None
    assert acme_standing.stats.promises_broken == 1
    assert acme_standing.rating.kind is RatingKind.RISKY
    assert "promise" in acme_standing.rating.reason
