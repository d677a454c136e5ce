"""Cards of a vCard file (versions 3.0 and 4.0) as rows with fixed columns.

The file is cut into cards here, at each BEGIN:VCARD line, so every card keeps the
line number it starts on and one damaged card is reported on its own instead of
stopping the whole file; ``vobject`` then reads each card (unfolding continued
lines, unescaping values). The rows have one column per field, so the plan reads
a vCard through the same :class:`ColumnMapping` as a CSV file.
"""

from __future__ import annotations

import re
from typing import Any

import vobject

from diva_desk.contacts.mapping import ColumnMapping, Field, SourceRow
from diva_desk.contacts.values import best_phone, format_address, person_name, type_words
from diva_desk.i18n import _

#: The columns every card becomes, in this order. FN names a person (vCard's KIND
#: is "individual" unless it says otherwise), so it is the contact; the customer is
#: the organisation, or that person when the card has no ORG.
VCARD_FIELDS = (
    Field.CONTACT,
    Field.ORGANISATION,
    Field.EMAIL,
    Field.PHONE,
    Field.ADDRESS,
    Field.NOTES,
)


def looks_like_vcard(text: str) -> bool:
    """A card begins within the first lines (some tools write a comment line first)."""
    lines = re.split(r"\r\n|\r|\n", text, maxsplit=20)[:20]
    return any(line.strip().upper() == "BEGIN:VCARD" for line in lines)


def vcard_mapping() -> ColumnMapping:
    return ColumnMapping(tuple(f.label for f in VCARD_FIELDS), VCARD_FIELDS)


def read_vcards(text: str) -> list[SourceRow]:
    """One row per card, starting at its BEGIN:VCARD line."""
    rows = []
    for line, card_text in _cards(text):
        try:
            card = vobject.readOne(card_text)
            cells = _cells(card)
        except Exception:  # vobject raises several kinds (ParseError, ValueError...)
            rows.append(SourceRow(line, ("",) * len(VCARD_FIELDS), _("the card could not be read")))
            continue
        rows.append(SourceRow(line, cells))
    return rows


def _cards(text: str) -> list[tuple[int, str]]:
    """(line number of BEGIN:VCARD, the card's text) for each card in the file."""
    cards: list[tuple[int, str]] = []
    start, lines = 0, []
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        marker = line.strip().upper()
        if marker == "BEGIN:VCARD":
            if start:  # a card without END:VCARD: keep what it had, the reader refuses it
                cards.append((start, "\r\n".join(lines)))
            start, lines = number, [line.strip()]
        elif start:
            lines.append(line)
            if marker == "END:VCARD":
                cards.append((start, "\r\n".join(lines) + "\r\n"))
                start, lines = 0, []
    if start:
        cards.append((start, "\r\n".join(lines)))
    return cards


def _values(card: Any, name: str) -> list[Any]:
    return list(card.contents.get(name, []))


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value if _text(v))
    return str(value or "").strip()


def _types(prop: Any) -> set[str]:
    """TYPE=WORK,VOICE (3.0), TYPE="work,voice" (4.0) and bare WORK (2.1), in words."""
    words: set[str] = set()
    for value in prop.params.get("TYPE", []):
        words |= type_words(value)
    for value in getattr(prop, "singletonparams", []):
        words |= type_words(value)
    if "PREF" in prop.params:
        words.add("pref")
    return words


def _cells(card: Any) -> tuple[str, ...]:
    person = _text(_values(card, "fn")[0].value) if _values(card, "fn") else ""
    if not person and _values(card, "n"):
        n = _values(card, "n")[0].value
        person = person_name(_text(n.given), _text(n.additional), _text(n.family))
    orgs = _values(card, "org")
    organisation = ""
    if orgs:
        value = orgs[0].value
        # ORG is "company;department;..."; the company is the customer.
        organisation = _text(value[0] if isinstance(value, list) and value else value)

    emails = _values(card, "email")
    preferred = [e for e in emails if "pref" in _types(e)]
    email = _text((preferred or emails)[0].value) if emails else ""

    phones = _values(card, "tel")
    phone = best_phone((_types(t), _text(t.value)) for t in phones)

    address = ""
    addresses = sorted(_values(card, "adr"), key=lambda a: not (_types(a) & {"work"}))
    for adr in addresses:
        a = adr.value
        street = "\n".join(p for p in (_text(a.box), _text(a.street), _text(a.extended)) if p)
        address = format_address(
            street, _text(a.city), _text(a.region), _text(a.code), _text(a.country)
        )
        if address:
            break

    notes = "\n".join(_text(n.value) for n in _values(card, "note") if _text(n.value))
    return (person, organisation, email, phone, address, notes)
