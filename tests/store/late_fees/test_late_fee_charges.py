"""Late-interest charges read from a real book, applied as invoices, applied twice, waived."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal as D

import pytest

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.late_fees.applying import apply_charges, waive_charge
from diva_desk.store.late_fees.charges import late_fee_charges

DAY = dt.date(2026, 12, 3)


def _invoice(number: str, customer: str, due: dt.date, amount: str, **kw) -> r.Invoice:
    return r.Invoice(
        number=number,
        customer=customer,
        issue_date=due - dt.timedelta(days=30),
        due_date=due,
        lines=(r.InvoiceLine("Work", D(1), D(amount)),),
        **kw,
    )


@pytest.fixture
def shop(book):
    add_contents(
        r.BookContents(
            business=r.Business(
                name="Diva Design", next_invoice_number=2000, late_fee_percent_per_month=D(2)
            ),
            customers=(
                r.Customer(code="ACME", name="Acme Ltd.", terms_days=15),
                r.Customer(code="NONE", name="Agreed none", late_fee_percent_per_month=D(0)),
                r.Customer(code="OWN", name="Own rate", late_fee_percent_per_month=D("1")),
                r.Customer(code="USD", name="Two currencies"),
            ),
            invoices=(
                _invoice("INV-1001", "ACME", dt.date(2026, 10, 16), "4520.00"),
                _invoice("INV-1002", "NONE", dt.date(2026, 10, 16), "4520.00"),
                _invoice("INV-1003", "OWN", dt.date(2026, 11, 23), "36500.00"),
                _invoice("INV-1004", "USD", dt.date(2026, 12, 1), "36500.00"),
                _invoice("INV-1005", "USD", dt.date(2026, 12, 1), "36500.00", currency="USD"),
                _invoice("INV-1006", "ACME", dt.date(2026, 12, 10), "100.00"),  # not due
                _invoice(
                    "INV-1007", "ACME", dt.date(2026, 10, 1), "50.00", state=r.InvoiceState.DRAFT
                ),
            ),
            payments=(r.Payment("INV-1003", dt.date(2026, 11, 28), D("18250.00")),),
        )
    )


def _found(day: dt.date = DAY) -> dict[tuple[str, str], tuple[str, list]]:
    return {
        (c.code, c.charge.currency): (
            str(c.charge.amount),
            [(i.invoice, i.days, str(i.balance)) for i in c.charge.invoices],
        )
        for c in late_fee_charges(day)
    }


def test_charges_per_customer_and_currency_under_each_ones_rate(shop):
    assert _found() == {
        ("ACME", "CAD"): ("142.66", [("INV-1001", 48, "4520.00")]),
        # 1 % a month: 12.00 a day on 36,500 for 4 days, 6.00 on 18,250 for 6 days.
        ("OWN", "CAD"): ("84.00", [("INV-1003", 10, "18250.00")]),
        ("USD", "CAD"): ("48.00", [("INV-1004", 2, "36500.00")]),
        ("USD", "USD"): ("48.00", [("INV-1005", 2, "36500.00")]),
    }


def test_grace_days_hold_back_invoices_not_late_enough(shop):
    m.Business.update(late_fee_grace_days=10).execute()
    assert set(_found()) == {("ACME", "CAD"), ("OWN", "CAD")}


@contextmanager
def _counting() -> Iterator[list[str]]:
    statements: list[str] = []
    connection = db.connection()
    connection.set_trace_callback(statements.append)
    try:
        yield statements
    finally:
        connection.set_trace_callback(None)


def test_the_charges_take_the_same_few_statements_however_many_invoices(shop):
    with _counting() as few:
        late_fee_charges(DAY)
    more = [
        _invoice(f"X-{n}", "ACME", dt.date(2026, 9, 1) + dt.timedelta(days=n), "10.00")
        for n in range(40)
    ]
    add_contents(r.BookContents(invoices=tuple(more)))
    with _counting() as many:
        late_fee_charges(DAY)
    reads = [s for s in many if s.lstrip().upper().startswith("SELECT")]
    assert len(many) == len(few) and len(reads) <= 4


def test_apply_writes_one_sent_invoice_per_charge_and_twice_charges_nothing(shop):
    made = apply_charges(DAY)
    assert [(c.code, c.currency, str(c.amount)) for c in made] == [
        ("ACME", "CAD", "142.66"),
        ("OWN", "CAD", "84.00"),
        ("USD", "CAD", "48.00"),
        ("USD", "USD", "48.00"),
    ]
    acme = m.Invoice.get(m.Invoice.number == made[0].number)
    assert made[0].number == "INV-2000"
    assert (acme.state, acme.issue_date, acme.late_fee_through) == ("sent", DAY, DAY)
    assert acme.due_date == DAY + dt.timedelta(days=15)  # the customer's terms
    assert acme.total_minor == 14266
    assert [line.description for line in acme.lines] == [
        "Interest on INV-1001, 48 days at 2% a month"
    ]
    assert apply_charges(DAY) == []
    assert _found() == {}
    # The next month charges only the days since: Dec 4 to Jan 3 is 31 days.
    later = _found(dt.date(2027, 1, 3))
    assert later[("ACME", "CAD")][1] == [("INV-1001", 31, "4520.00"), ("INV-1006", 24, "100.00")]


def test_the_charges_bear_no_interest_themselves(shop):
    apply_charges(DAY)
    assert "INV-2000" not in str(_found(dt.date(2027, 6, 1)))


def test_apply_only_the_ticked_ones(shop):
    acme = m.Customer.get(m.Customer.code == "ACME").id
    made = apply_charges(DAY, only={(acme, "CAD")})
    assert [c.code for c in made] == ["ACME"]
    assert ("OWN", "CAD") in _found()


def test_a_waived_charge_is_logged_and_still_counts_as_charged(shop):
    made = apply_charges(DAY)
    number, _logged = waive_charge(made[0].invoice_id, DAY)
    row = m.Invoice.get(m.Invoice.id == made[0].invoice_id)
    assert (number, row.state) == ("INV-2000", "void")
    notes = [i.notes for i in m.Interaction.select().where(m.Interaction.invoice == row.id)]
    assert notes == ["Voided: Late interest waived"]
    assert ("ACME", "CAD") not in _found()
    with pytest.raises(BadInput):
        waive_charge(made[0].invoice_id, DAY)  # already void


def test_only_a_charge_can_be_waived(shop):
    plain = m.Invoice.get(m.Invoice.number == "INV-1001").id
    with pytest.raises(BadInput, match="Only a late-interest charge"):
        waive_charge(plain, DAY)
    assert m.Invoice.get(m.Invoice.id == plain).state == "sent"


def test_rate_zero_for_the_business_charges_nobody_without_their_own(shop):
    m.Business.update(late_fee_percent_per_month=D(0)).execute()
    assert set(_found()) == {("OWN", "CAD")}


def test_a_waiver_can_be_undone_at_once_and_the_review_lists_standing_charges(shop):
    from diva_desk.store.late_fees.applying import unwaive_charge
    from diva_desk.store.late_fees.made import charges_made

    made = apply_charges(DAY)
    assert [row.number for row in charges_made()] == [
        "INV-2003",
        "INV-2002",
        "INV-2001",
        "INV-2000",
    ]
    _number, logged = waive_charge(made[0].invoice_id, DAY)
    assert "INV-2000" not in [row.number for row in charges_made()]
    unwaive_charge(made[0].invoice_id, logged)
    assert m.Invoice.get(m.Invoice.id == made[0].invoice_id).state == "sent"
    assert not m.Interaction.select().where(m.Interaction.id == logged).exists()
    with pytest.raises(BadInput):
        unwaive_charge(made[0].invoice_id, logged)


def test_saving_the_business_profile_keeps_the_late_interest_terms(shop):
    from diva_desk.store.book.business import get_business, save_business_settings

    m.Business.update(late_fee_grace_days=7).execute()
    # The profile's form builds its record afresh, without the terms it does not show.
    save_business_settings(r.Business(name="Diva Design Studio", next_invoice_number=2000))
    business = get_business()
    assert business is not None and business.name == "Diva Design Studio"
    assert (business.late_fee_percent_per_month, business.late_fee_grace_days) == (D(2), 7)
