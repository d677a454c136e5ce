"""Which column of a contacts file holds what: recognised headers and the user's choices.

Every tool names its columns differently ("E-mail 1 - Value", "E-mail Address",
"email", "Courriel"). Headers are compared with case, spaces, punctuation and
accents removed, against the names Google Contacts, Outlook and hand-made
spreadsheets use. What is not recognised is left unmapped and listed, so the
preview can let the user say what it holds; the plan reads rows only through a
:class:`ColumnMapping`, so the user's choice and the detected one work the same.

Several columns may hold the same field (Outlook's "Business Phone" and "Mobile
Phone", Google's "Phone 1" and "Phone 2"): the import then picks the best value.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from diva_desk.i18n import _


class Field(StrEnum):
    """A piece of a customer that a column can hold."""

    NAME = "name"
    GIVEN_NAME = "given_name"
    MIDDLE_NAME = "middle_name"
    FAMILY_NAME = "family_name"
    ORGANISATION = "organisation"
    CONTACT = "contact"
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    STREET = "street"
    CITY = "city"
    REGION = "region"
    POSTAL_CODE = "postal_code"
    COUNTRY = "country"
    CODE = "code"
    CURRENCY = "currency"
    TERMS = "terms"
    NOTES = "notes"

    @property
    def label(self) -> str:
        """The field's name as the mapping step of the preview shows it."""
        return _field_labels()[self]


def _field_labels() -> dict[Field, str]:
    return {
        Field.NAME: _("Name"),
        Field.GIVEN_NAME: _("First name"),
        Field.MIDDLE_NAME: _("Middle name"),
        Field.FAMILY_NAME: _("Last name"),
        Field.ORGANISATION: _("Company"),
        Field.CONTACT: _("Contact person"),
        Field.EMAIL: _("Email"),
        Field.PHONE: _("Phone"),
        Field.ADDRESS: _("Address"),
        Field.STREET: _("Street"),
        Field.CITY: _("City"),
        Field.REGION: _("Province or state"),
        Field.POSTAL_CODE: _("Postal code"),
        Field.COUNTRY: _("Country"),
        Field.CODE: _("Customer code"),
        Field.CURRENCY: _("Currency"),
        Field.TERMS: _("Payment terms (days)"),
        Field.NOTES: _("Notes"),
    }


#: Fields any one of which gives a row a name; a mapping without one cannot import.
NAME_FIELDS = frozenset(
    {Field.NAME, Field.GIVEN_NAME, Field.FAMILY_NAME, Field.ORGANISATION, Field.CONTACT}
)

# Normalised header -> field. Normalised: accents, case, spaces and punctuation
# removed, so "E-mail Address", "e-mail address" and "EMAIL_ADDRESS" are one name.
# The numbered Google/Outlook variants are matched by the patterns below instead.
ALIASES: dict[str, Field] = {
    **dict.fromkeys(
        [
            "name",
            "fullname",
            "displayname",
            "customer",
            "customername",
            "client",
            "clientname",
            "nom",
            "nomcomplet",
        ],
        Field.NAME,
    ),
    **dict.fromkeys(["givenname", "firstname", "first", "forename", "prenom"], Field.GIVEN_NAME),
    **dict.fromkeys(["middlename", "additionalname", "middle"], Field.MIDDLE_NAME),
    **dict.fromkeys(
        ["familyname", "lastname", "surname", "last", "nomdefamille"], Field.FAMILY_NAME
    ),
    **dict.fromkeys(
        [
            "company",
            "companyname",
            "organization",
            "organisation",
            "organizationname",
            "organisationname",
            "org",
            "business",
            "businessname",
            "entreprise",
            "societe",
            "compagnie",
        ],
        Field.ORGANISATION,
    ),
    **dict.fromkeys(
        ["contact", "contactname", "contactperson", "person", "attention", "attn"], Field.CONTACT
    ),
    **dict.fromkeys(
        ["email", "mail", "emailaddress", "mailaddress", "courriel", "adressecourriel"],
        Field.EMAIL,
    ),
    **dict.fromkeys(
        [
            "phone",
            "telephone",
            "tel",
            "phonenumber",
            "telephonenumber",
            "mobile",
            "cell",
            "cellphone",
            "mobilephone",
            "businessphone",
            "workphone",
            "homephone",
            "primaryphone",
            "companymainphone",
            "mainphone",
            "otherphone",
            "cellulaire",
        ],
        Field.PHONE,
    ),
    **dict.fromkeys(
        [
            "address",
            "fulladdress",
            "mailingaddress",
            "postaladdress",
            "formattedaddress",
            "adresse",
            "billingaddress",
        ],
        Field.ADDRESS,
    ),
    **dict.fromkeys(
        ["street", "streetaddress", "addressline1", "addressline2", "rue"], Field.STREET
    ),
    **dict.fromkeys(["city", "town", "ville"], Field.CITY),
    **dict.fromkeys(
        ["state", "province", "region", "stateprovince", "provincestate", "county"], Field.REGION
    ),
    **dict.fromkeys(["postalcode", "postcode", "zip", "zipcode", "codepostal"], Field.POSTAL_CODE),
    **dict.fromkeys(["country", "countryregion", "pays"], Field.COUNTRY),
    **dict.fromkeys(
        ["code", "customercode", "clientcode", "accountcode", "customerid", "clientid"],
        Field.CODE,
    ),
    **dict.fromkeys(["currency", "devise", "curr"], Field.CURRENCY),
    **dict.fromkeys(
        ["terms", "paymentterms", "termsdays", "netdays", "paymenttermsdays", "conditions"],
        Field.TERMS,
    ),
    **dict.fromkeys(["notes", "note", "comments", "comment", "remarks"], Field.NOTES),
}

# Google's "Phone 1 - Value", Outlook's "Business Street", "E-mail 2 Address" and the
# like: an optional group word or number, then the field word.
_GROUP = r"(?:address|business|work|home|other|company|primary)?\d*"
_PATTERNS: tuple[tuple[re.Pattern[str], Field], ...] = tuple(
    (re.compile(pattern), field)
    for pattern, field in (
        (r"e?mail\d*(?:value|address)?", Field.EMAIL),
        (rf"{_GROUP}(?:phone|telephone|mobile|cell)\d*(?:value|number)?", Field.PHONE),
        (r"organi[sz]ation\d*name", Field.ORGANISATION),
        (r"address\d*formatted", Field.ADDRESS),
        (rf"{_GROUP}(?:street|addressline)\d*(?:address)?", Field.STREET),
        (rf"{_GROUP}(?:city|town)", Field.CITY),
        (rf"{_GROUP}(?:region|state|province)", Field.REGION),
        (rf"{_GROUP}(?:postalcode|postcode|zipcode|zip)", Field.POSTAL_CODE),
        (rf"{_GROUP}(?:countryregion|country)", Field.COUNTRY),
    )
)


def normalise_header(header: str) -> str:
    """``"E-mail 1 - Value"`` -> ``"email1value"``: what is left to compare."""
    decomposed = unicodedata.normalize("NFKD", header.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def field_for_header(header: str) -> Field | None:
    """The field a column with this header holds, or None when it is not recognised."""
    key = normalise_header(header)
    if key in ALIASES:
        return ALIASES[key]
    for pattern, field in _PATTERNS:
        if pattern.fullmatch(key):
            return field
    return None


@dataclass(frozen=True)
class SourceRow:
    """One record of a contacts file: where it starts and its cells, one per header.

    ``problem`` is set when the record could not be read at all (a damaged vCard);
    the plan reports it as an invalid row with that reason.
    """

    line: int
    cells: tuple[str, ...]
    problem: str = ""


@dataclass(frozen=True)
class ColumnMapping:
    """Which field each column holds (None: not imported), by column position."""

    headers: tuple[str, ...]
    fields: tuple[Field | None, ...]

    def __post_init__(self) -> None:
        if len(self.headers) != len(self.fields):
            raise ValueError("one field (or None) per header")

    @classmethod
    def detect(cls, headers: tuple[str, ...] | list[str]) -> ColumnMapping:
        """The mapping the headers suggest; unrecognised columns are left unmapped."""
        headers = tuple(headers)
        return cls(headers, tuple(field_for_header(h) for h in headers))

    @property
    def detected(self) -> dict[int, Field]:
        """Mapped columns by position (headers may repeat, positions do not)."""
        return {i: f for i, f in enumerate(self.fields) if f is not None}

    @property
    def unmapped(self) -> tuple[str, ...]:
        """Headers of the columns nothing is read from, for the user to map."""
        return tuple(h for h, f in zip(self.headers, self.fields, strict=True) if f is None)

    @property
    def gives_name(self) -> bool:
        """Whether any column can name a customer; without one nothing can be imported."""
        return any(f in NAME_FIELDS for f in self.fields)

    def columns(self, field: Field) -> list[int]:
        return [i for i, f in enumerate(self.fields) if f is field]

    def with_field(self, column: int | str, field: Field | None) -> ColumnMapping:
        """This mapping with one column (by position or header) holding ``field``."""
        index = self.headers.index(column) if isinstance(column, str) else column
        fields = list(self.fields)
        fields[index] = field
        return ColumnMapping(self.headers, tuple(fields))
