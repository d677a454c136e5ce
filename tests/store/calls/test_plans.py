"""A plan on the customer's page and the morning list tell the same story."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee

from diva_desk.core import records as r
from diva_desk.core.calls import ReasonKind
from diva_desk.core.calls.plans import InstallmentStatus, split_into_installments
from diva_desk.store.book import models as m
from diva_desk.store.calls import outcomes as o
from diva_desk.store.calls.call_list import calls_today
from diva_desk.store.calls.plans import payment_plans
from diva_desk.store.contents.writing import add_contents

AGREED = dt.date(2026, 11, 2)  # a Monday


def test_installments_met_missed_and_upcoming_match_the_call_list(book: peewee.Database) -> None:
    add_contents(
        r.BookContents(
            customers=(r.Customer(code="ACME", name="Acme Ltd."),),
            invoices=(
                r.Invoice(
                    number="INV-1", customer="ACME", issue_date=dt.date(2026, 9, 1),
                    due_date=dt.date(2026, 10, 1),
                    lines=(r.InvoiceLine("Work", unit_price=Decimal("900.00")),),
                ),
            ),
        )
    )  # fmt: skip
    acme, invoice = m.Customer.get(code="ACME").id, m.Invoice.get(number="INV-1").id
    # 300.00 every two weeks: Nov 9, Nov 23, Dec 7.
    plan = split_into_installments(Decimal("900.00"), 3, dt.date(2026, 11, 9), "biweekly", "CAD")
    o.agreed_payment_plan(acme, invoice, plan, "", dt.datetime.combine(AGREED, dt.time(10)))
    o.paid(acme, invoice, Decimal("300.00"), None, "", dt.datetime(2026, 11, 9, 11))
    o.paid(acme, invoice, Decimal("100.00"), None, "", dt.datetime(2026, 11, 20, 11))

    (view,) = payment_plans(dt.date(2026, 11, 25), customer_id=acme)
    assert view.invoice_number == "INV-1" and view.paid_since_agreed == Decimal("400.00")
    assert [(s.status, str(s.left)) for s in view.installments] == [
        (InstallmentStatus.MET, "0.00"),
        (InstallmentStatus.MISSED, "200.00"),
        (InstallmentStatus.UPCOMING, "300.00"),
    ]
    assert not view.finished
    missed = [
        reason
        for call in calls_today(dt.date(2026, 11, 25))
        for reason in call.reasons
        if reason.kind is ReasonKind.INSTALLMENT_MISSED
    ]
    assert [(x.date, x.amount) for x in missed] == [(dt.date(2026, 11, 23), Decimal("200.00"))]
    assert payment_plans(dt.date(2026, 11, 25), invoice_id=invoice) == [view]
    assert payment_plans(dt.date(2026, 11, 1), customer_id=acme) == []  # not agreed yet
