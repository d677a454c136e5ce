"""The import preview and the import itself, against a book that already has customers."""

from __future__ import annotations

from pathlib import Path

import peewee
import pytest

from diva_desk.contacts import (
    ColumnMapping,
    Field,
    KnownCustomer,
    Match,
    SourceRow,
    apply_plan,
    plan_import,
    read_contacts,
)
from diva_desk.contacts.values import code_base, normalise_phone, parse_terms, unique_code
from diva_desk.core.records import BookContents, Customer
from diva_desk.errors import BadInput
from diva_desk.store.book import models
from diva_desk.store.contents.writing import add_contents, read_contents


def plan_for(path: Path):
    contacts = read_contacts(path)
    return plan_import(contacts.rows, contacts.mapping)


def book_names() -> list[str]:
    return sorted(c.name for c in models.Customer.select())


def test_google_plan_flags_duplicates_of_the_book(prepared_book: peewee.Database, data: Path):
    plan = plan_for(data / "google-contacts.csv")
    assert [(p.line, p.customer.name) for p in plan.creates] == [
        (3, "Groß & Söhne GmbH"),
        (6, "Marc Tremblay"),
        (8, "Atelier Émilie"),
    ]
    gross = plan.creates[0].customer
    assert gross.code == "GROSSSOH"
    assert gross.currency == "CAD"  # the business currency
    assert gross.phone == "+49 30 1234567"
    assert plan.creates[1].customer.phone == "+1 514 555 0143"
    assert plan.creates[2].customer.phone == "+1 416 555 0199 ext. 12"

    zoe, pat = plan.duplicates
    # Same email in another letter case, under a different company name.
    assert (zoe.line, zoe.match, zoe.of_code, zoe.of_line) == (2, Match.EMAIL, "CAFE", None)
    assert (pat.line, pat.of_code) == (7, "ACME")
    assert [(s.line, s.reason) for s in plan.skipped] == [
        (2, "duplicate: same email as CAFE (Café Crème Inc.), already in the book"),
        (7, "duplicate: same email as ACME (Acme Ltd.), already in the book"),
    ]
    assert plan.invalid == ()


def test_nothing_is_written_until_the_plan_is_applied(prepared_book: peewee.Database, data: Path):
    plan = plan_for(data / "outlook-utf16.csv")
    assert book_names() == ["Acme Ltd.", "Café Crème Inc."]
    created = apply_plan(plan)
    assert [c.name for c in created] == ["Müller Bäckerei GmbH", "Aoife Ní Bhriain"]
    assert book_names() == [
        "Acme Ltd.",
        "Aoife Ní Bhriain",
        "Café Crème Inc.",
        "Müller Bäckerei GmbH",
    ]
    stored = {c.code: c for c in read_contents().customers}
    hans = stored["MULLERBA"]
    assert hans.contact_name == "Hans Müller"
    assert hans.email == "hans@mueller-baeckerei.example"
    assert hans.address == "Königstraße 12\nStuttgart 70173\nDeutschland"
    assert stored["AOIFENIB"].phone == "+1 613 555 0124"
    # The Outlook row for "ACME LTD." matched Acme by name and was not added again.
    assert [(d.line, d.match, d.of_code) for d in plan.duplicates] == [(4, Match.NAME, "ACME")]


def test_importing_the_same_file_twice_adds_nobody(prepared_book: peewee.Database, data: Path):
    apply_plan(plan_for(data / "contacts-v3.vcf"))
    count = models.Customer.select().count()
    again = plan_for(data / "contacts-v3.vcf")
    assert again.creates == ()
    assert {d.of_line for d in again.duplicates} == {None}
    assert apply_plan(again) == ()
    assert models.Customer.select().count() == count


def test_broken_rows_are_reported_with_line_and_reason(book: peewee.Database, data: Path):
    plan = plan_for(data / "broken-rows.csv")
    assert [(p.line, p.customer.name) for p in plan.creates] == [
        (2, "Moreau Design"),
        (9, "Chez Lou"),
    ]
    # A phone no library can read is kept as typed, not a reason to skip the row.
    assert plan.creates[1].customer.phone == "call me maybe"
    assert [(s.line, s.reason) for s in plan.skipped] == [
        (3, "the email address “not-an-email” is not valid"),
        (4, "no name: the row names neither a company nor a person"),
        (6, "duplicate: same email as line 2 (Moreau Design)"),
        (7, "the email address “tom@@shop.example” is not valid"),
        (8, "no name: the row names neither a company nor a person"),
    ]


def test_spreadsheet_codes_currencies_and_terms(prepared_book: peewee.Database, data: Path):
    plan = plan_for(data / "spreadsheet-latin1.csv")
    created = {p.customer.code: p.customer for p in plan.creates}
    assert sorted(created) == ["BOUCHER", "CAFENOEL", "MULLER"]
    assert (created["MULLER"].currency, created["MULLER"].terms_days) == ("EUR", 30)
    # Not a number the phone library can place in Canada: kept as typed.
    assert created["MULLER"].phone == "0711 555 1234"
    assert (created["BOUCHER"].currency, created["BOUCHER"].terms_days) == ("CAD", 0)
    assert (created["CAFENOEL"].currency, created["CAFENOEL"].terms_days) == ("CAD", 15)
    assert [(i.line, i.reason) for i in plan.invalid] == [
        (6, "the code acme is already used by Acme Ltd."),
        (7, "“francs” is not a currency code"),
    ]


def test_vcard_4_plan(book: peewee.Database, data: Path) -> None:
    plan = plan_for(data / "contacts-v4.vcf")
    (ana,) = plan.creates
    assert ana.customer.phone == "+34 911 23 45 67"
    assert [(s.line, s.reason) for s in plan.skipped] == [
        (12, "the email address “ola(at)nordmann.example” is not valid"),
        (17, "the card could not be read"),
        (21, "no name: the row names neither a company nor a person"),
    ]


def test_a_duplicate_the_user_includes_is_created_with_its_own_code(
    prepared_book: peewee.Database, data: Path
) -> None:
    plan = plan_for(data / "google-contacts.csv").including([2])
    assert [p.line for p in plan.creates] == [2, 3, 6, 8]
    apply_plan(plan)
    zoe = models.Customer.get(models.Customer.name == "Café Crème « Chez Zoë » Inc.")
    assert zoe.code == "CAFECREM"
    assert zoe.email == "ZOE@cafecreme.example"  # the domain in lower case, as DNS has it
    assert models.Customer.select().where(models.Customer.code == "CAFE").count() == 1


def test_apply_is_all_or_nothing(prepared_book: peewee.Database, data: Path) -> None:
    plan = plan_for(data / "google-contacts.csv")
    # Someone adds a customer whose code the plan meant for its last row.
    add_contents(BookContents(customers=(Customer(code="ATELIERE", name="Somebody else"),)))
    with pytest.raises(BadInput, match="preview again"):
        apply_plan(plan)
    assert book_names() == ["Acme Ltd.", "Café Crème Inc.", "Somebody else"]


def test_a_user_mapped_column_is_read(book: peewee.Database) -> None:
    mapping = ColumnMapping.detect(["Firma", "Ansprechpartner", "E-Mail", "Telefon"])
    # "E-Mail" is recognised; German company and phone headers are not, until mapped.
    assert mapping.unmapped == ("Firma", "Ansprechpartner", "Telefon")
    with pytest.raises(BadInput, match="no column holds a name"):
        plan_import([], mapping, existing=[])
    mapping = (
        mapping.with_field("Firma", Field.ORGANISATION)
        .with_field(1, Field.CONTACT)
        .with_field("Telefon", Field.PHONE)
    )
    rows = [SourceRow(2, ("Bäckerei Süß", "Jörg", "joerg@suess.example", "0041 44 123 45 67"))]
    (planned,) = plan_import(rows, mapping, existing=[], currency="CHF").creates
    assert planned.customer.name == "Bäckerei Süß"
    assert planned.customer.contact_name == "Jörg"
    assert planned.customer.currency == "CHF"
    assert planned.customer.code == "BACKEREI"


def test_duplicates_by_name_ignore_case_and_spacing() -> None:
    mapping = ColumnMapping.detect(["Company", "Email"])
    rows = [
        SourceRow(2, ("  acme   LTD. ", "")),
        SourceRow(3, ("Zed Co", "zed@zed.example")),
        SourceRow(4, ("ZED  co", "other@zed.example")),
    ]
    plan = plan_import(
        rows, mapping, existing=[KnownCustomer("ACME", "Acme Ltd.", "")], currency="CAD"
    )
    assert [(d.line, d.match, d.of_code, d.of_line) for d in plan.duplicates] == [
        (2, Match.NAME, "ACME", None),
        (4, Match.NAME, "ZED", 3),
    ]


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("(416) 555-0100", "+1 416 555 0100"),
        ("416.555.0100 x22", "+1 416 555 0100 ext. 22"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("555-0100", "555-0100"),  # too short to place: kept as typed
        ("ask at the front desk", "ask at the front desk"),
    ],
)
def test_phone_numbers(typed: str, expected: str) -> None:
    assert normalise_phone(typed) == expected


@pytest.mark.parametrize(
    "text, days", [("30", 30), ("Net 30", 30), ("net30", 30), ("45 days", 45), ("On receipt", 0)]
)
def test_terms(text: str, days: int) -> None:
    assert parse_terms(text) == days


def test_codes() -> None:
    assert code_base("Acme Ltd.") == "ACME"
    assert code_base("Groß & Söhne GmbH") == "GROSSSOH"
    assert code_base("Ærø Øresund") == "AEROORES"
    assert code_base("شركة النور") == "CUST"
    taken = {"ACME", "ACME2", "CAFECREM"}
    assert unique_code("ACME Inc", taken) == "ACME3"
    assert unique_code("Café Crème Inc.", taken) == "CAFECRE2"


def test_an_empty_currency_is_the_businesss_and_one_the_book_cannot_hold_is_named(
    book: peewee.Database, tmp_path: Path
) -> None:
    from diva_desk.core.records import Business

    add_contents(BookContents(business=Business(name="Tokyo Studio", currency="JPY")))
    sheet = tmp_path / "contacts.csv"
    sheet.write_text(
        "Name,Email,Currency\nSato KK,sato@example.jp,\nGulf Trading,gulf@example.kw,KWD\n",
        encoding="utf-8",
    )
    plan = plan_for(sheet)
    assert [(p.customer.name, p.customer.currency) for p in plan.creates] == [("Sato KK", "JPY")]
    assert [(i.line, i.reason) for i in plan.invalid] == [
        (3, "KWD has more decimals than the book can hold")
    ]
