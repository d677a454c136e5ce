"""One row of a contacts file, read through a column mapping, as the raw customer it names.

Nothing is checked here: the plan decides what is valid. What happens here is
choosing among several columns for one field (the best phone, the first email,
the business address before the home one) and deciding who the customer is.

The customer is the organisation when there is one, else the person; the contact
is the person. A spreadsheet that has both a name and a contact column means the
name to be the customer's and the contact to be the person's (and a blank contact
is no contact). Without a contact column, the person is the one the first and last
name columns give, or the name beside an organisation (Google's "Name" next to
"Organization 1 - Name"); a name column on its own names the customer and nobody
to ask for, so the call list never says "ask for Garçon Café". (A vCard's FN is a
person's name: the vCard reader maps it as the contact.)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from diva_desk.contacts.mapping import (
    ALIASES,
    ColumnMapping,
    Field,
    SourceRow,
    field_for_header,
    normalise_header,
)
from diva_desk.contacts.values import best_phone, format_address, person_name, type_words

#: Google packs several values in one cell: "+1 416 555 0100 ::: +1 647 555 0101".
_MULTI = " ::: "
_ADDRESS_PARTS = (Field.STREET, Field.CITY, Field.REGION, Field.POSTAL_CODE, Field.COUNTRY)
# The field words at the end of a grouped address header, longest first.
_PART_WORDS = (
    "streetaddress",
    "addressline",
    "countryregion",
    "postalcode",
    "formatted",
    "postcode",
    "province",
    "zipcode",
    "country",
    "address",
    "region",
    "street",
    "state",
    "city",
    "town",
    "zip",
)


@dataclass(frozen=True)
class ContactDraft:
    """What one row says about a customer, as typed (before any check)."""

    line: int
    name: str
    contact_name: str
    email: str
    phone: str
    address: str
    code: str
    currency: str
    terms: str
    notes: str


def draft_from_row(row: SourceRow, mapping: ColumnMapping) -> ContactDraft:
    def cell(index: int) -> str:
        if index >= len(row.cells):
            return ""
        # Line breaks inside quoted cells arrive as the writer's (CRLF from Windows).
        return row.cells[index].replace("\r\n", "\n").replace("\r", "\n").strip()

    def first(field: Field) -> str:
        for index in mapping.columns(field):
            value = cell(index).split(_MULTI)[0].strip()
            if value:
                return value
        return ""

    def joined(field: Field, separator: str) -> str:
        return separator.join(v for v in (cell(i) for i in mapping.columns(field)) if v)

    types = _type_columns(mapping.headers)
    phone = best_phone(
        (type_words(cell(types[i]) if i in types else mapping.headers[i]), cell(i).split(_MULTI)[0])
        for i in mapping.columns(Field.PHONE)
    )
    email = first(Field.EMAIL)
    parts = person_name(first(Field.GIVEN_NAME), first(Field.MIDDLE_NAME), first(Field.FAMILY_NAME))
    name, organisation, contact = first(Field.NAME), first(Field.ORGANISATION), first(Field.CONTACT)
    if mapping.columns(Field.CONTACT):
        # With a contact column, "name" is the customer's and the person is the contact.
        person = contact or parts
    else:
        person = parts or (name if organisation else "")
    customer = organisation or name or person
    if organisation and person.casefold() == organisation.casefold():
        person = ""  # a company's own card: no person to ask for
    return ContactDraft(
        line=row.line,
        name=customer,
        contact_name=person,
        email=email,
        phone=phone,
        address=_address(mapping, cell, types),
        code=first(Field.CODE),
        currency=first(Field.CURRENCY),
        terms=first(Field.TERMS),
        notes=joined(Field.NOTES, "\n"),
    )


def _type_columns(headers: tuple[str, ...]) -> dict[int, int]:
    """Google's "Phone 1 - Value" -> the position of its "Phone 1 - Type" (or "- Label")."""
    positions = {normalise_header(h): i for i, h in reversed(list(enumerate(headers)))}
    pairs = {}
    for index, header in enumerate(headers):
        match = re.fullmatch(r"\s*(.*?\d+)\s*-\s*(.+?)\s*", header)
        if match is None:
            continue
        prefix = normalise_header(match.group(1))
        for word in ("type", "label"):
            if prefix + word in positions and positions[prefix + word] != index:
                pairs[index] = positions[prefix + word]
                break
    return pairs


def _group(header: str) -> str:
    """What an address column belongs to: "Business Street 2" -> "business", "City" -> ""."""
    key = normalise_header(header)
    if field_for_header(header) is None or key in ALIASES:
        return ""
    key = key.rstrip("0123456789")
    for suffix in _PART_WORDS:
        if key.endswith(suffix):
            return key.removesuffix(suffix)
    return key


def _address(mapping: ColumnMapping, cell: Callable[[int], str], types: dict[int, int]) -> str:
    """The first non-empty address, work or business ones first.

    A whole address in one column wins over one assembled from parts of the same
    group; parts are assembled into envelope lines.
    """
    groups: dict[str, dict[Field, list[str]]] = defaultdict(lambda: defaultdict(list))
    order: list[str] = []
    work: set[str] = set()
    for index, field in enumerate(mapping.fields):
        if field is not Field.ADDRESS and field not in _ADDRESS_PARTS:
            continue
        group = _group(mapping.headers[index])
        if group not in order:
            order.append(group)
        words = type_words(mapping.headers[index])
        if index in types:
            words |= type_words(cell(types[index]))
        if words & {"work", "business", "office"}:
            work.add(group)
        value = cell(index).split(_MULTI)[0].strip()
        if value:
            groups[group][field].append(value)
    for group in sorted(order, key=lambda g: (g not in work, order.index(g))):
        values = groups.get(group)
        if not values:
            continue
        if values.get(Field.ADDRESS):
            return values[Field.ADDRESS][0]
        text = format_address(
            "\n".join(values.get(Field.STREET, [])),
            *(" ".join(values.get(f, [])) for f in _ADDRESS_PARTS[1:]),
        )
        if text:
            return text
    return ""
