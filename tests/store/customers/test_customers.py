"""One customer in a real book: create, edit, archive, delete, and their history."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.core.customers.history import RatingKind
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.invoices.totals import InvoiceStatus
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents
from diva_desk.store.customers.listing import (
    code_in_use,
    code_taken,
    create_customer,
    customer_list,
    delete_customer,
    get_customer,
    set_archived,
    update_customer,
)
from diva_desk.store.customers.timeline import EntryKind, customer_history

TODAY = dt.date(2026, 11, 23)
WORK = (r.InvoiceLine(description="Work", unit_price=Decimal("1000.00")),)


def _invoice(number: str, issued: dt.date, due: dt.date, **kw: object) -> r.Invoice:
    return r.Invoice(
        number=number, customer="ACME", issue_date=issued, due_date=due, lines=WORK, **kw
    )


HISTORY = r.BookContents(
    customers=(
        r.Customer(
            code="ACME",
            name="Acme Ltd.",
            ap_contact_name="Pat",
            invoice_cutoff_day=25,
            payment_run_days=(15, 31),
        ),
    ),
    invoices=(
        _invoice("INV-1", dt.date(2026, 8, 1), dt.date(2026, 8, 31)),
        _invoice("INV-2", dt.date(2026, 9, 1), dt.date(2026, 10, 1)),
        _invoice("INV-3", dt.date(2026, 11, 1), dt.date(2026, 12, 1)),
    ),
    payments=(
        r.Payment(invoice="INV-1", date=dt.date(2026, 9, 15), amount=Decimal("1000.00")),
        r.Payment(invoice="INV-2", date=dt.date(2026, 10, 20), amount=Decimal("400.00")),
    ),
    promises=(
        r.Promise(
            customer="ACME",
            invoice="INV-2",
            made_on=dt.date(2026, 10, 5),
            promised_date=dt.date(2026, 10, 20),
            amount=Decimal("400.00"),
        ),
        r.Promise(
            customer="ACME",
            invoice="INV-2",
            made_on=dt.date(2026, 11, 2),
            promised_date=dt.date(2026, 11, 13),
            amount=Decimal("600.00"),
        ),
    ),
    payment_plans=(
        r.PaymentPlan(
            customer="ACME",
            invoice="INV-2",
            agreed_on=dt.date(2026, 11, 16),
            installments=(
                r.Installment(dt.date(2026, 11, 30), Decimal("300.00")),
                r.Installment(dt.date(2026, 12, 31), Decimal("300.00")),
            ),
        ),
    ),
    interactions=(
        r.Interaction(
            customer="ACME",
            at=dt.datetime(2026, 11, 16, 10, 30),
            channel=r.Channel.CALL,
            outcome=r.Outcome.PLAN,
            notes="Agreed two instalments",
            invoice="INV-2",
        ),
        r.Interaction(customer="ACME", at=dt.datetime(2026, 10, 5, 9, 0), channel=r.Channel.CALL),
    ),
    followups=(r.Followup(customer="ACME", due_date=TODAY, reason="Check the plan"),),
)


def _id(code: str) -> int:
    return m.Customer.get(m.Customer.code == code).id


def test_create_read_and_update_every_field(book: peewee.SqliteDatabase) -> None:
    customer = r.Customer(
        code="ZED",
        name="Zed & Co",
        contact_name="Zoë",
        email="zoe@zed.ca",
        phone="514 555 0199",
        address="1 Rue Principale\nMontréal",
        currency="USD",
        language="fr_CA",
        terms_days=15,
        ap_contact_name="Lee",
        ap_email="ap@zed.ca",
        ap_phone="514 555 0100",
        invoice_cutoff_day=20,
        payment_run_days=(15, 31),
        deposit_percent=Decimal("12.5"),
        preferred_payment_method=r.PaymentMethod.CARD,
        notes="Prefers French",
    )
    customer_id = create_customer(customer)
    assert get_customer(customer_id) == customer

    changed = r.Customer(code="ZED2", name="Zed and Company", deposit_percent=Decimal(0))
    update_customer(customer_id, changed)
    assert get_customer(customer_id) == changed
    assert m.Customer.get_by_id(customer_id).name == "Zed and Company"


def test_codes_are_unique_ignoring_case(book: peewee.SqliteDatabase) -> None:
    acme = create_customer(r.Customer(code="ACME", name="Acme"))
    assert code_taken("acme")
    assert not code_taken("ACME", except_id=acme)
    # The message names the code as the other customer has it, not as typed.
    assert code_in_use(" acme ") == "ACME"
    assert code_in_use("acme", except_id=acme) is None
    with pytest.raises(BadInput, match="already has the code ACME"):
        create_customer(r.Customer(code="acme", name="Another Acme"))
    beta = create_customer(r.Customer(code="BETA", name="Beta"))
    with pytest.raises(BadInput):
        update_customer(beta, r.Customer(code="Acme", name="Beta"))
    assert get_customer(beta).code == "BETA"


def test_a_customer_with_invoices_is_archived_never_deleted(book: peewee.SqliteDatabase) -> None:
    add_contents(HISTORY)
    acme = _id("ACME")
    with pytest.raises(BadInput, match="archive"):
        delete_customer(acme)
    assert m.Customer.select().count() == 1
    set_archived(acme, True)
    assert get_customer(acme).archived
    rows = customer_list(TODAY)
    assert rows[0].archived and rows[0].balance == Decimal("1600.00")  # still collected
    set_archived(acme, False)
    assert not get_customer(acme).archived


def test_a_customer_without_invoices_is_deleted_with_their_notes(
    book: peewee.SqliteDatabase,
) -> None:
    add_contents(
        r.BookContents(
            customers=(r.Customer(code="OOPS", name="Typo"), r.Customer(code="KEEP", name="Kept")),
            followups=(r.Followup(customer="OOPS", due_date=TODAY, reason="Call"),),
            interactions=(r.Interaction(customer="OOPS", at=dt.datetime(2026, 11, 1, 9)),),
            promises=(
                r.Promise(
                    customer="OOPS", made_on=TODAY, promised_date=TODAY, amount=Decimal("1.00")
                ),
            ),
        )
    )
    delete_customer(_id("OOPS"))
    assert [c.code for c in m.Customer.select()] == ["KEEP"]
    assert m.Followup.select().count() == m.Interaction.select().count() == 0
    assert m.Promise.select().count() == 0
    with pytest.raises(BadInput, match="no longer"):
        get_customer(12345)


def test_history_is_one_timeline_newest_first(book: peewee.SqliteDatabase) -> None:
    add_contents(HISTORY)
    history = customer_history(_id("ACME"), TODAY)
    kinds = [(e.kind, e.day) for e in history.entries]
    assert kinds == [
        (EntryKind.PLAN, dt.date(2026, 11, 16)),
        (EntryKind.INTERACTION, dt.date(2026, 11, 16)),
        (EntryKind.PROMISE, dt.date(2026, 11, 2)),
        (EntryKind.INVOICE, dt.date(2026, 11, 1)),
        (EntryKind.PAYMENT, dt.date(2026, 10, 20)),
        (EntryKind.PROMISE, dt.date(2026, 10, 5)),
        (EntryKind.INTERACTION, dt.date(2026, 10, 5)),
        (EntryKind.PAYMENT, dt.date(2026, 9, 15)),
        (EntryKind.INVOICE, dt.date(2026, 9, 1)),
        (EntryKind.INVOICE, dt.date(2026, 8, 1)),
    ]
    # Kept: 400 came on the promised date. Broken: nothing came by Nov 13.
    promises = [e.promise_status for e in history.entries if e.kind is EntryKind.PROMISE]
    assert promises == [PromiseStatus.BROKEN, PromiseStatus.KEPT]
    invoices = {e.invoice_number: e for e in history.entries if e.kind is EntryKind.INVOICE}
    assert invoices["INV-1"].status is InvoiceStatus.PAID
    assert invoices["INV-2"].status is InvoiceStatus.OVERDUE
    assert invoices["INV-2"].balance == Decimal("600.00")
    plan = history.entries[0]
    assert (plan.installments, plan.amount, plan.due_date) == (
        2,
        Decimal("600.00"),
        dt.date(2026, 12, 31),
    )

    assert history.balance == {"CAD": Decimal("1600.00")}
    assert history.overdue == {"CAD": Decimal("600.00")}
    assert history.oldest_open is not None and history.oldest_open.number == "INV-2"
    assert history.last_contact is not None
    assert history.last_contact.at == dt.datetime(2026, 11, 16, 10, 30)
    assert history.last_contact.notes == "Agreed two instalments"


def test_list_rows_carry_rating_and_a_near_cutoff(book: peewee.SqliteDatabase) -> None:
    add_contents(HISTORY)
    add_contents(r.BookContents(customers=(r.Customer(code="NEW", name="New Co"),)))
    rows = {row.code: row for row in customer_list(TODAY)}
    # A promise broken on Nov 13: risky, whatever else.
    assert rows["ACME"].rating is RatingKind.RISKY
    assert "broke a promise" in rows["ACME"].rating_reason
    assert rows["ACME"].suggested_terms == "Ask for cash or card payment up front"
    assert rows["ACME"].cutoff_soon == dt.date(2026, 11, 25)
    assert rows["NEW"].rating is RatingKind.NEW
    assert rows["NEW"].cutoff_soon is None
