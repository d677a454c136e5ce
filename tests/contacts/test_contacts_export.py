"""The customer list out to CSV: opens in a spreadsheet, accents intact, no formulas run."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import peewee

from diva_desk.contacts import export_customers_csv, plan_import, read_contacts
from diva_desk.core.records import (
    BookContents,
    Business,
    Customer,
    Invoice,
    InvoiceLine,
    InvoiceState,
)
from diva_desk.store.contents.writing import add_contents

TODAY = dt.date(2026, 11, 23)


def rows_of(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)  # so Excel reads UTF-8, not the Windows code page
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_formula_cells_are_neutralised(book: peewee.Database, tmp_path: Path) -> None:
    add_contents(
        BookContents(
            business=Business(name="Diva", currency="CAD", default_terms_days=30),
            customers=(
                Customer(
                    code="EVIL",
                    name='=HYPERLINK("http://x.example","Click")',
                    contact_name="@SUM(A1:A9)",
                    email="evil@x.example",
                    phone="+1 416 555 0100",
                    address="-2+3",
                    notes="x",
                ),
                Customer(code="TAB", name="\tTabbed", contact_name="\rReturn"),
            ),
        )
    )
    path = tmp_path / "customers.csv"
    assert export_customers_csv(path, today=TODAY) == 2
    header, *rows = rows_of(path)
    evil, tab = ({r[0]: r for r in rows}[code] for code in ("EVIL", "TAB"))
    assert header == [
        "Code",
        "Name",
        "Contact",
        "Email",
        "Phone",
        "Address",
        "Currency",
        "Terms",
        "Balance",
        "Rating",
    ]
    assert evil[1] == '\'=HYPERLINK("http://x.example","Click")'
    assert evil[2] == "'@SUM(A1:A9)"
    assert evil[4] == "'+1 416 555 0100"
    assert evil[5] == "'-2+3"
    assert evil[7:] == ["30", "0.00", "New"]  # business terms; plain amounts a sum can use
    assert tab[1:3] == ["'\tTabbed", "'\rReturn"]


def test_accents_balances_and_round_trip(book: peewee.Database, tmp_path: Path) -> None:
    add_contents(
        BookContents(
            business=Business(name="Diva", currency="CAD"),
            customers=(
                Customer(
                    code="CAFE",
                    name="Café Crème « Chez Zoë » Inc.",
                    contact_name="Zoë Bélanger-Côté",
                    email="zoe@cafecreme.example",
                    address="4321 rue Saint-Denis\nMontréal QC",
                    terms_days=15,
                ),
                Customer(code="GROSS", name="Groß & Söhne", currency="EUR"),
                Customer(code="OLD", name="Old Archived Co", archived=True),
            ),
            invoices=(
                Invoice(
                    number="INV-1",
                    customer="CAFE",
                    issue_date=dt.date(2026, 10, 1),
                    due_date=dt.date(2026, 10, 31),
                    state=InvoiceState.SENT,
                    lines=(InvoiceLine("Logo", Decimal("2"), Decimal("1260.25")),),
                ),
            ),
        )
    )
    path = tmp_path / "customers.csv"
    assert export_customers_csv(path, today=TODAY) == 2  # the archived one is left out
    _header, cafe, gross = rows_of(path)
    assert cafe[:3] == ["CAFE", "Café Crème « Chez Zoë » Inc.", "Zoë Bélanger-Côté"]
    assert cafe[5] == "4321 rue Saint-Denis\nMontréal QC"
    assert cafe[7:9] == ["15", "2520.50"]
    assert gross[1] == "Groß & Söhne" and gross[6] == "EUR"
    assert export_customers_csv(path, today=TODAY, include_archived=True, codes={"OLD"}) == 1

    # The exported file is one the contacts import reads back, names and all.
    export_customers_csv(path, today=TODAY)
    contacts = read_contacts(path)
    plan = plan_import(contacts.rows, contacts.mapping, existing=[], currency="CAD")
    assert [(c.code, c.name, c.contact_name) for c in plan.customers] == [
        ("CAFE", "Café Crème « Chez Zoë » Inc.", "Zoë Bélanger-Côté"),
        ("GROSS", "Groß & Söhne", ""),
    ]
    assert plan.customers[0].address == "4321 rue Saint-Denis\nMontréal QC"
    assert plan.customers[1].currency == "EUR"


def test_neutralised_cells_come_back_whole_on_import(book: peewee.Database, tmp_path: Path) -> None:
    add_contents(
        BookContents(
            business=Business(name="Diva", currency="CAD"),
            customers=(
                Customer(
                    code="EVIL",
                    name="=1+2 Consulting",
                    contact_name="@Pat",
                    phone="+1 647 555 0101",
                    address="-2 Front St",
                ),
                Customer(code="CLOCK", name="'Round the Clock Diner", phone="'+1 416"),
            ),
        )
    )
    path = tmp_path / "customers.csv"
    export_customers_csv(path, today=TODAY)
    assert "'+1 647 555 0101" in path.read_text(encoding="utf-8-sig")  # safe in a spreadsheet
    contacts = read_contacts(path)
    plan = plan_import(contacts.rows, contacts.mapping, existing=[], currency="CAD")
    evil, clock = sorted(plan.customers, key=lambda c: c.code != "EVIL")
    assert (evil.name, evil.contact_name, evil.address) == (
        "=1+2 Consulting",
        "@Pat",
        "-2 Front St",
    )
    assert evil.phone == "+1 647 555 0101"
    # Only one apostrophe, and only the one before = + - @, is taken off.
    assert clock.name == "'Round the Clock Diner"
    assert clock.phone == "'+1 416"
