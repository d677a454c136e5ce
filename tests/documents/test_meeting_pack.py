"""The sit-down meeting pack: one page per customer with the facts, a plan and an agenda."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import peewee
import pytest

from diva_desk.core import records as r
from diva_desk.core.customers.promises import PromiseStatus
from diva_desk.core.papers import (
    MAX_OPEN_INVOICES,
    CustomerPack,
    MeetingPackDocument,
    PaidLine,
    PromiseLine,
)
from diva_desk.documents.letters.meeting_pack import meeting_pack_pdf
from diva_desk.errors import BadInput
from diva_desk.store.book import models as m
from diva_desk.store.calls import outcomes as o
from diva_desk.store.calls.letters import meeting_pack_document
from diva_desk.store.contents.writing import add_contents

TODAY = dt.date(2026, 11, 23)


def _line(amount: str) -> tuple[r.InvoiceLine, ...]:
    return (r.InvoiceLine("Brand refresh", Decimal("1"), Decimal(amount)),)


def _book() -> None:
    """Acme: INV-7 (900.00, due Oct 1, 300.00 paid) and INV-9 (600.00, due Dec 10) open;
    INV-3 paid in full. One promise kept, one broken. Owed: 600.00 + 600.00 = 1,200.00."""

    def invoice(number: str, issue: dt.date, amount: str) -> r.Invoice:
        return r.Invoice(number=number, customer="ACME", issue_date=issue,
                         due_date=issue + dt.timedelta(days=30), lines=_line(amount))  # fmt: skip

    add_contents(
        r.BookContents(
            business=r.Business(name="Lakeshore Pixel Studio", owner_name="Priya Raman"),
            customers=(
                r.Customer(
                    code="ACME",
                    name="Acme Bakery Ltd.",
                    contact_name="Pat Jones",
                    phone="+1 416 555 0100",
                ),
            ),
            invoices=(
                invoice("INV-3", dt.date(2026, 6, 1), "450.00"),
                invoice("INV-7", dt.date(2026, 9, 1), "900.00"),
                invoice("INV-9", dt.date(2026, 11, 10), "600.00"),
            ),
            payments=(
                r.Payment("INV-3", dt.date(2026, 7, 3), Decimal("450.00")),
                r.Payment("INV-7", dt.date(2026, 10, 16), Decimal("300.00")),
            ),
            promises=(
                r.Promise(
                    "ACME", dt.date(2026, 6, 29), dt.date(2026, 7, 3), Decimal("450.00"), "INV-3"
                ),
                r.Promise(
                    "ACME", dt.date(2026, 11, 2), dt.date(2026, 11, 13), Decimal("600.00"), "INV-7"
                ),
            ),
        )
    )


def test_the_pack_from_the_book_has_the_facts_a_plan_and_the_agenda(
    book: peewee.Database,
    pdf_pages: Callable[[bytes], list[str]],
    flat: Callable[[str], str],
) -> None:
    _book()
    doc = meeting_pack_document("ACME", TODAY)
    (pack,) = doc.packs
    assert [p.status for p in pack.promises] == [PromiseStatus.BROKEN, PromiseStatus.KEPT]
    assert (pack.promises_kept, pack.promises_broken) == (1, 1)
    # 1,200.00 in three monthly installments from two weeks out, odd cents last.
    assert [(i.due_date, str(i.amount)) for i in pack.proposed_plan] == [
        (dt.date(2026, 12, 7), "400.00"),
        (dt.date(2027, 1, 7), "400.00"),
        (dt.date(2027, 2, 7), "400.00"),
    ]
    pages = pdf_pages(meeting_pack_pdf(doc))
    assert len(pages) == 1
    text = flat(pages[0])
    for expected in (
        "MEETING PACK", "Acme Bakery Ltd.", "Pat Jones", "+1 416 555 0100",
        "Total owed $1,200.00",
        "INV-7 Sep 1, 2026 Oct 1, 2026 53 $300.00 $600.00",
        "INV-9 Nov 10, 2026 Dec 10, 2026 — $0.00 $600.00",
        "Oct 16, 2026 INV-7 $300.00", "Jul 3, 2026 INV-3 $450.00",
        "1 kept, 1 not kept", "Nov 13, 2026 $600.00 Not kept", "Jul 3, 2026 $450.00 Kept",
        "Proposed payment plan", "Dec 7, 2026 $400.00", "Feb 7, 2027 $400.00",
        "Total $1,200.00",
        "Thank them for their business", "Agree the facts", "Hear what is going on",
        "Agree a plan they can keep", "Confirm the next step",
        "Notes and what we agreed",
    ):  # fmt: skip
        assert expected in text, expected
    assert "INV-3 Jun" not in text  # paid in full: not an open invoice


def test_a_promise_made_in_a_call_shows_up_in_the_pack(book: peewee.Database) -> None:
    _book()
    acme = m.Customer.get(code="ACME").id
    o.promised_to_pay(acme, None, Decimal("200.00"), dt.date(2026, 11, 27), "",
                      dt.datetime(2026, 11, 23, 9))  # fmt: skip
    pack = meeting_pack_document("ACME", TODAY).packs[0]
    assert pack.promises[0].promised_date == dt.date(2026, 11, 27)
    assert pack.promises[0].status is PromiseStatus.PENDING


def test_an_unknown_customer_is_named(book: peewee.Database) -> None:
    _book()
    with pytest.raises(BadInput, match="NOPE"):
        meeting_pack_document("NOPE", TODAY)


def test_one_page_per_customer_even_with_a_long_history(
    business: r.Business,
    customer: r.Customer,
    make_invoice: Callable[..., r.Invoice],
    pdf_pages: Callable[[bytes], list[str]],
    flat: Callable[[str], str],
) -> None:
    invoices = [
        make_invoice(f"INV-{n}", issue=dt.date(2026, 1, 1) + dt.timedelta(days=9 * n),
                     due=dt.date(2026, 1, 31) + dt.timedelta(days=9 * n), lines=_line("100.00"))
        for n in range(25)
    ]  # fmt: skip
    history = [
        PaidLine(dt.date(2025, 1, 1) + dt.timedelta(days=n), f"OLD-{n}", Decimal("50.00"), "CAD")
        for n in range(20)
    ]
    promises = [
        PromiseLine(dt.date(2025, 1, 1), dt.date(2025, 2, n + 1), Decimal("10.00"), "CAD",
                    PromiseStatus.KEPT)
        for n in range(15)
    ]  # fmt: skip
    busy = CustomerPack(customer, invoices, history=history, promises=promises, promises_kept=15)
    quiet = CustomerPack(
        r.Customer(code="QUIET", name="Quiet Books & Co.", contact_name="Sam <Lee>"), ()
    )
    pages = pdf_pages(meeting_pack_pdf(MeetingPackDocument(business, (busy, quiet), TODAY)))
    assert len(pages) == 2
    first, second = flat(pages[0]), flat(pages[1])
    assert f"and {25 - MAX_OPEN_INVOICES} more" in first
    assert "$2,500.00" in first
    assert "Quiet Books & Co." in second and "Sam <Lee>" in second
    assert "Nothing is owed today." in second and "No plan needed." in second
    assert "Acme" not in second


def test_the_promises_kept_and_not_kept_agree_with_their_counts_in_french(
    book: peewee.Database,
    pdf_pages: Callable[[bytes], list[str]],
    flat: Callable[[str], str],
    catalog: Callable[..., None],
) -> None:
    import dataclasses

    _book()
    doc = meeting_pack_document("ACME", TODAY)
    # A French-speaking customer: the page speaks French whatever the window's language.
    customer = dataclasses.replace(doc.packs[0].customer, language="fr_CA")
    pack = dataclasses.replace(doc.packs[0], customer=customer, promises_kept=2)
    catalog(
        "fr_CA",
        {
            "{kept}, {broken}": "{kept}, {broken}",
            ("{count} kept", "{count} kept"): ("{count} tenue", "{count} tenues", "{count} tenues"),
            ("{count} not kept", "{count} not kept"): (
                "{count} non tenue",
                "{count} non tenues",
                "{count} non tenues",
            ),
        },
    )
    text = flat(pdf_pages(meeting_pack_pdf(dataclasses.replace(doc, packs=(pack,))))[0])
    assert "2 tenues, 1 non tenue" in text
