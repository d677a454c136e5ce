"""Reading contact files as their tools write them: encodings, headers, vCards, line numbers."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from diva_desk.contacts import ContactFormat, Field, decode_contacts, read_contacts
from diva_desk.contacts.drafts import draft_from_row
from diva_desk.contacts.text import decode_text
from diva_desk.errors import BadInput


def drafts(path: Path) -> dict[int, object]:
    contacts = read_contacts(path)
    return {row.line: draft_from_row(row, contacts.mapping) for row in contacts.rows}


@pytest.mark.parametrize(
    "data, encoding",
    [
        ("Zoë Bélanger, Groß, ü".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Zoë Bélanger, Groß, ü".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Zoë Bélanger, Groß, ü".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Zoë Bélanger, Groß, ü".encode("utf-16-be"), "utf-16"),
        ("Zoë Bélanger, Groß, ü".encode("utf-16-le"), "utf-16-le"),
        ("Zoë Bélanger, Groß, ü".encode("cp1252"), "cp1252"),
    ],
)
def test_every_encoding_the_tools_write_gives_the_same_text(data: bytes, encoding: str) -> None:
    text, found = decode_text(data)
    assert text == "Zoë Bélanger, Groß, ü"
    assert found == encoding


def test_windows_text_with_bytes_cp1252_lacks_falls_back_to_latin1() -> None:
    text, encoding = decode_text(b"Caf\xe9 \x81")
    assert (text, encoding) == ("Café \x81", "latin-1")


def test_google_contacts_export_is_understood(data: Path) -> None:
    contacts = read_contacts(data / "google-contacts.csv")
    assert contacts.format is ContactFormat.CSV
    mapping = contacts.mapping
    assert mapping.fields[mapping.headers.index("E-mail 1 - Value")] is Field.EMAIL
    assert mapping.fields[mapping.headers.index("Organization 1 - Name")] is Field.ORGANISATION
    assert mapping.fields[mapping.headers.index("Phone 2 - Value")] is Field.PHONE
    # Type columns, titles and birthdays are not customer fields: the user sees them listed.
    for header in ("Phone 1 - Type", "Organization 1 - Title", "Birthday", "Group Membership"):
        assert header in mapping.unmapped

    rows = drafts(data / "google-contacts.csv")
    # The Berlin address spans lines 3-5 inside quotes, so the next record starts on 6.
    assert sorted(rows) == [2, 3, 6, 7, 8]
    gross = rows[3]
    assert (gross.name, gross.contact_name) == ("Groß & Söhne GmbH", "Jürgen Groß")
    assert gross.phone == "+49 30 1234567"  # the Work number, not the Mobile one listed first
    assert gross.address == "Hauptstraße 5\n10115 Berlin\nDeutschland"
    marc = rows[6]
    # No organisation: the person is the customer; Google's " ::: " lists give the first value.
    assert (marc.name, marc.contact_name) == ("Marc Tremblay", "Marc Tremblay")
    assert (marc.email, marc.phone) == ("marc@tremblay.example", "(514) 555-0143")
    assert rows[8].address == "12 Queen St E\nToronto ON M5C 1R6\nCanada"


def test_newer_google_export_with_bom_keeps_accents(data: Path) -> None:
    contacts = read_contacts(data / "google-new-bom.csv")
    assert contacts.encoding == "utf-8-sig"
    assert contacts.mapping.headers[0] == "First Name"  # no BOM glued to the first header
    rows = drafts(data / "google-new-bom.csv")
    assert rows[2].name == "Nørrebro Kaffe ApS"
    assert rows[2].contact_name == "Søren Ødegård"
    assert rows[2].phone == "+45 33 12 34 56"  # "Work" label beats "Mobile"
    assert rows[3].name == "François Xavier L'Écuyer"


def test_outlook_utf16_tab_separated_export(data: Path) -> None:
    assert (data / "outlook-utf16.csv").read_bytes()[:2] == codecs.BOM_UTF16_LE
    contacts = read_contacts(data / "outlook-utf16.csv")
    assert contacts.encoding == "utf-16"
    mapping = contacts.mapping
    assert mapping.fields[mapping.headers.index("E-mail Address")] is Field.EMAIL
    assert mapping.fields[mapping.headers.index("Business Country/Region")] is Field.COUNTRY
    for header in ("E-mail Display Name", "Business Fax", "Pager", "Job Title", "Account"):
        assert mapping.fields[mapping.headers.index(header)] is None

    rows = drafts(data / "outlook-utf16.csv")
    hans = rows[2]
    assert (hans.name, hans.contact_name) == ("Müller Bäckerei GmbH", "Hans Müller")
    assert hans.phone == "+49 711 1234567"  # Business Phone, not the fax or the mobile
    assert hans.address == "Königstraße 12\nStuttgart 70173\nDeutschland"
    assert hans.notes == "Zahlt pünktlich"
    aoife = rows[3]
    assert aoife.name == "Aoife Ní Bhriain"
    assert aoife.phone == "613 555 0124"  # a mobile before a home line
    assert aoife.address == "44 Rideau St\nOttawa ON K1N 5W8\nCanada"


def test_outlook_comma_separated_utf16_reads_the_same(data: Path, tmp_path: Path) -> None:
    text = (data / "outlook-utf16.csv").read_bytes().decode("utf-16")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path = tmp_path / "outlook-comma.csv"
    path.write_bytes(codecs.BOM_UTF16_LE + out.getvalue().encode("utf-16-le"))
    assert drafts(path)[2].name == "Müller Bäckerei GmbH"
    assert drafts(path)[3].address == "44 Rideau St\nOttawa ON K1N 5W8\nCanada"


def test_latin1_spreadsheet_with_semicolons(data: Path) -> None:
    contacts = read_contacts(data / "spreadsheet-latin1.csv")
    assert contacts.encoding == "cp1252"
    assert contacts.mapping.unmapped == ()
    rows = drafts(data / "spreadsheet-latin1.csv")
    assert rows[2].name == "Müller Straßenbau"
    assert rows[2].contact_name == "Jürgen Müller"
    assert rows[3].address == "12, rue Saint-Jean\nQuébec QC G1R 1N4"
    # A contact column that is blank means no contact, not the company's name again.
    assert (rows[5].name, rows[5].contact_name) == ("Café Noël", "")


def test_vcard_3_folded_lines_and_phone_types(data: Path) -> None:
    contacts = read_contacts(data / "contacts-v3.vcf")
    assert contacts.format is ContactFormat.VCARD
    rows = drafts(data / "contacts-v3.vcf")
    assert sorted(rows) == [1, 13, 28, 37]  # each card's BEGIN:VCARD line
    zoe = rows[1]
    assert (zoe.name, zoe.contact_name) == ("Café Crème « Chez Zoë » Inc.", "Zoë Bélanger-Côté")
    assert zoe.phone == "(514) 555-0140"  # WORK,VOICE beats the preferred CELL
    assert zoe.address == "4321 rue Saint-Denis\nMontréal QC H2J 2K9\nCanada"
    gross = rows[13]
    assert gross.email == "juergen.gross@gross-soehne.example"  # unfolded mid-word
    assert gross.phone == "+49 151 23456789"  # a cell before a home line; never the fax
    assert gross.notes == (
        "Bevorzugt Überweisung, Rechnungen bitte an die Buchhaltung schicken. Die Buchhaltung "
        "zahlt am 15. und am Monatsende – größere Beträge nur nach Rücksprache."
    )
    kaffe = rows[28]
    # A company's own card: the company is the customer and there is no person.
    assert (kaffe.name, kaffe.contact_name, kaffe.phone) == (
        "Nørrebro Kaffe ApS",
        "",
        "+45 33 12 34 56",
    )
    assert (rows[37].name, rows[37].phone) == ("François L'Écuyer", "418 555 0111")


def test_vcard_4_and_a_damaged_card(data: Path) -> None:
    contacts = read_contacts(data / "contacts-v4.vcf")
    assert [r.line for r in contacts.rows] == [1, 12, 17, 21]
    assert contacts.rows[2].problem == "the card could not be read"
    ana = draft_from_row(contacts.rows[0], contacts.mapping)
    assert (ana.name, ana.contact_name) == ("Núñez & Hijos S.L.", "Ana Núñez")
    assert ana.phone == "tel:+34-91-123-4567"  # work, though the cell is PREF
    assert ana.address == "Calle Mayor 1\nMadrid 28013\nEspaña"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"  \r\n\r\n", "is empty"),
        (b"Name,Email\r\n", "no contacts"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "not a text file"),
    ],
)
def test_files_that_hold_no_contacts_are_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_bytes(content)
    with pytest.raises(BadInput, match=message) as caught:
        read_contacts(path)
    assert str(path) in str(caught.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such file"):
        read_contacts(tmp_path / "nope.vcf")


def test_bytes_from_a_dropped_file() -> None:
    contacts = decode_contacts(codecs.BOM_UTF8 + "Nom,Courriel\nÉlodie,e@x.example\n".encode())
    assert contacts.mapping.fields == (Field.NAME, Field.EMAIL)
    assert contacts.rows[0].cells == ("Élodie", "e@x.example")


def test_a_name_column_alone_names_the_customer_and_no_contact(tmp_path: Path) -> None:
    path = tmp_path / "clients.csv"
    path.write_text(
        "Name,Email\nGarçon Café,bonjour@garcon.example\n",
        encoding="utf-8",
    )
    rows = drafts(path)
    # The call list must not say "ask for Garçon Café".
    assert (rows[2].name, rows[2].contact_name) == ("Garçon Café", "")


def test_first_and_last_name_columns_still_give_the_contact(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("First name,Last name\nMarc,Tremblay\n", encoding="utf-8")
    rows = drafts(path)
    assert (rows[2].name, rows[2].contact_name) == ("Marc Tremblay", "Marc Tremblay")


def test_a_vcard_person_without_an_organisation_is_also_the_contact(tmp_path: Path) -> None:
    path = tmp_path / "people.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marc Tremblay\r\nN:Tremblay;Marc;;;\r\n"
        "END:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Garçon Café\r\nN:;;;;\r\nORG:Garçon Café\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    rows = drafts(path)
    assert (rows[1].name, rows[1].contact_name) == ("Marc Tremblay", "Marc Tremblay")
    # A company's own card: nobody to ask for.
    assert (rows[6].name, rows[6].contact_name) == ("Garçon Café", "")
