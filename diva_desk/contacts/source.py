"""A contacts file read into rows and a suggested column mapping, before any check."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from diva_desk.contacts.csv_source import read_csv
from diva_desk.contacts.mapping import ColumnMapping, SourceRow
from diva_desk.contacts.text import decode_text, read_text
from diva_desk.contacts.vcard_source import looks_like_vcard, read_vcards, vcard_mapping
from diva_desk.errors import BadInput
from diva_desk.i18n import _


class ContactFormat(StrEnum):
    CSV = "csv"
    VCARD = "vcard"


@dataclass(frozen=True)
class ContactFile:
    """What the preview starts from: the rows, and how their columns were understood.

    For a CSV file the user may change ``mapping`` (see ``ColumnMapping.with_field``)
    before planning; a vCard's columns are fixed.
    """

    format: ContactFormat
    encoding: str
    rows: tuple[SourceRow, ...]
    mapping: ColumnMapping


def read_contacts(path: Path) -> ContactFile:
    """Read a CSV or vCard file (the content decides which, not the name).

    Raises ``BadInput``, naming the file, when it is missing, not text, empty or
    holds no contact at all.
    """
    text, encoding = read_text(path)
    try:
        return parse_contacts(text, encoding)
    except BadInput as exc:
        raise BadInput(f"{path}: {exc}") from None


def parse_contacts(text: str, encoding: str = "utf-8") -> ContactFile:
    """The same as :func:`read_contacts` for text already in hand."""
    if looks_like_vcard(text):
        rows = read_vcards(text)
        if not rows:
            raise BadInput(_("the file holds no contact cards"))
        return ContactFile(ContactFormat.VCARD, encoding, tuple(rows), vcard_mapping())
    headers, rows = read_csv(text)
    if not rows:
        raise BadInput(_("the file has a header row but no contacts"))
    return ContactFile(ContactFormat.CSV, encoding, tuple(rows), ColumnMapping.detect(headers))


def decode_contacts(data: bytes) -> ContactFile:
    """Contacts from bytes (a file dropped on the window, say)."""
    text, encoding = decode_text(data)
    if not text.strip():
        raise BadInput(_("the file is empty"))
    return parse_contacts(text, encoding)
