"""Contact files with strange text: control characters dropped, over-long fields refused
by row naming the field, and no file of any text crashes the import preview."""

from __future__ import annotations

import csv
import io
import os
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diva_desk.contacts import parse_contacts, plan_import
from diva_desk.core.text_limits import LIMITS
from diva_desk.errors import BadInput

#: 1,000 cases and more with DIVA_DESK_FUZZ=1; a quick sample in the everyday suite.
FUZZ = os.environ.get("DIVA_DESK_FUZZ") == "1"
EXAMPLES = 1000 if FUZZ else 100
FIELDS = ("name", "contact_name", "email", "phone", "address", "notes")


def plan(text: str):
    contacts = parse_contacts(text)
    return plan_import(contacts.rows, contacts.mapping, existing=[], currency="CAD")


def csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Name", "Contact", "Email", "Phone", "Address", "Notes"])
    writer.writerows(rows)
    return out.getvalue()


def assert_clean(customer) -> None:
    for field in FIELDS:
        value = getattr(customer, field)
        lines = LIMITS[field].lines > 1
        allowed = "\t\n\r" if lines else ""
        assert not any(unicodedata.category(c) == "Cc" and c not in allowed for c in value)
        assert len(value) <= LIMITS[field].chars


def test_control_characters_in_a_csv_never_reach_the_customer():
    result = plan(csv_text([["Ac\x07me\x1b", "Pat\x00", "", "", "1 Bay\x0b St", "hi\x7f"]]))
    (created,) = result.creates
    assert (created.customer.name, created.customer.contact_name) == ("Acme", "Pat")
    assert created.customer.address == "1 Bay St"
    assert created.customer.notes == "hi"


def test_a_row_with_an_over_long_name_is_refused_naming_the_field():
    result = plan(csv_text([["N" * 668, "", "", "", "", ""], ["Fine", "", "", "", "", ""]]))
    assert [p.customer.name for p in result.creates] == ["Fine"]
    (bad,) = result.invalid
    assert "the name: at most 200 characters (this has 668)" in bad.reason


def test_a_vcard_with_control_characters_and_a_long_note():
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zo\x07ë\r\nORG:Caf\x1bé\r\n"
        f"NOTE:{'n' * 10_001}\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bell\x07e\r\nEND:VCARD\r\n"
    )
    result = plan(card)
    assert [p.customer.name for p in result.creates] == ["Belle"]
    (bad,) = result.invalid
    assert "the notes: at most 10,000 characters" in bad.reason


_cells = st.one_of(st.text(max_size=20), st.text(min_size=190, max_size=300))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(_cells, min_size=6, max_size=6), min_size=1, max_size=3))
def test_any_csv_text_is_planned_or_refused_by_row(rows):
    text = csv_text(rows)
    try:
        result = plan(text)
    except BadInput:  # a whole file refused, in a sentence (no header, no contact)
        return
    for planned in result.creates:
        assert_clean(planned.customer)
    assert all(row.reason for row in result.invalid)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_cells, note=_cells, org=_cells)
def test_any_vcard_text_is_planned_or_refused_by_row(name, note, org):
    def escaped(value: str) -> str:
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")

    card = (
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{escaped(name)}\r\nORG:{escaped(org)}\r\n"
        f"NOTE:{escaped(note)}\r\nEND:VCARD\r\n"
    )
    try:
        result = plan(card)
    except BadInput:
        return
    for planned in result.creates:
        assert_clean(planned.customer)
