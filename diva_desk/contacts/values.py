"""Cleaning up one contact's values: phones, emails, names, terms and customer codes.

Choices, with the reasons:

* A phone number that ``phonenumbers`` recognises is written the way the book
  writes them ("+1 416 555 0100"); one it does not (an extension in words, a
  fictional number) is kept exactly as typed. A number the owner can read and dial
  is worth keeping even when a library cannot parse it, so it never skips a row.
* An email address that is not one is a reason to skip the row: reminders would go
  nowhere, and the owner is better told now than when the first reminder bounces.
* Of several phone numbers, the work number is the one to call about an invoice,
  then a main or voice line, then a mobile; fax and pager numbers are never chosen.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable

import phonenumbers
from babel.numbers import list_currencies
from email_validator import EmailNotValidError, validate_email

#: Where a phone number without a country code is assumed to be.
DEFAULT_REGION = "CA"
#: A generated customer code has at most this many characters.
CODE_LENGTH = 8
#: The code given to a customer whose name has no letter or digit to build one from.
FALLBACK_CODE = "CUST"

_WORK = {"work", "business", "office"}
_MAIN = {"main", "voice", "primary", "pref"}
_CELL = {"cell", "mobile", "iphone", "cellular"}
_HOME = {"home", "personal"}
_NEVER = {"fax", "pager", "telex", "tty", "textphone"}

# Legal forms dropped before a code is made, so "Acme Ltd." becomes ACME.
_LEGAL_FORMS = {
    "INC",
    "LTD",
    "LTEE",
    "LLC",
    "LLP",
    "CORP",
    "CO",
    "GMBH",
    "AG",
    "SA",
    "SARL",
    "SAS",
    "PLC",
    "BV",
    "THE",
    "AND",
    "ET",
}


def type_words(text: str) -> set[str]:
    """``"WORK,VOICE"``, ``"* Mobile"``, ``"Business Phone"`` -> their lower-case words."""
    return {w for w in re.split(r"[^a-z]+", text.casefold()) if w}


def phone_rank(types: Iterable[str]) -> int | None:
    """Lower is better; None for a number nobody answers (fax, pager)."""
    words = {w.casefold() for w in types}
    if words & _NEVER:
        return None
    if words & _WORK:
        return 0
    if words & _HOME:
        return 3
    if words & _CELL:
        return 2
    # An untyped number is a voice line: vCard's default type for TEL is "voice".
    return 1


def best_phone(candidates: Iterable[tuple[Iterable[str], str]]) -> str:
    """The number to call from (types, number) pairs; ties go to the first listed."""
    ranked = []
    for position, (types, number) in enumerate(candidates):
        number = number.strip()
        rank = phone_rank(types)
        if number and rank is not None:
            ranked.append((rank, position, number))
    return min(ranked)[2] if ranked else ""


def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """The number in the book's international form, or as typed when it is not recognised."""
    typed = " ".join(text.split())
    if typed.casefold().startswith("tel:"):
        typed = typed[4:]
    try:
        number = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        return typed
    if not phonenumbers.is_valid_number(number):
        return typed
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return formatted.replace("-", " ")


def tel_uri(text: str, region: str = DEFAULT_REGION) -> str:
    """The ``tel:`` URI to dial (RFC 3966): ``tel:+1-416-555-0100;ext=23``.

    An extension ("ext. 23", "x23") becomes ``;ext=``, never more digits on the
    number. A number ``phonenumbers`` cannot read keeps its digits and leading plus.
    """
    typed = " ".join(text.split())
    try:
        number = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and phonenumbers.is_possible_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)
    return "tel:" + "".join(c for c in typed if c.isdigit() or c == "+")


def checked_email(text: str) -> str:
    """The address, tidied; raises ``ValueError`` when it cannot be an email address."""
    try:
        return validate_email(text.strip(), check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from None


def person_name(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p.strip())


def name_key(name: str) -> str:
    """Names that differ only in case or spacing are the same customer."""
    return " ".join(name.casefold().split())


def parse_terms(text: str) -> int:
    """Days of credit from "30", "Net 30", "30 days" or "due on receipt"; ValueError else."""
    key = text.strip().casefold()
    if key in {"due on receipt", "on receipt", "cod", "cash", "immediate", "0"}:
        return 0
    match = re.fullmatch(r"(?:net\s*|n)?(\d{1,3})(?:\s*(?:days?|d|jours?))?", key)
    if match is None:
        raise ValueError(text)
    return int(match.group(1))


def parse_currency(text: str) -> str:
    """An ISO 4217 code in any letter case; ValueError for anything else."""
    code = text.strip().upper()
    if code not in _known_currencies():
        raise ValueError(text)
    return code


_CURRENCIES: set[str] = set()


def _known_currencies() -> set[str]:
    if not _CURRENCIES:
        _CURRENCIES.update(list_currencies())
    return _CURRENCIES


def format_address(street: str, city: str, region: str, postal_code: str, country: str) -> str:
    """Address parts as the lines of an envelope: street, "city region code", country."""
    town = person_name(city, region, postal_code)
    return "\n".join(line for line in (street.strip(), town, country.strip()) if line)


# Letters that carry no accent to strip, so NFKD leaves them whole.
_TRANSLITERATE = str.maketrans(
    {"Ø": "O", "Æ": "AE", "Œ": "OE", "Ł": "L", "Đ": "D", "Þ": "TH", "Ð": "D", "ẞ": "SS"}
)


def code_base(name: str) -> str:
    """The letters and digits of a name, upper case, without accents or legal forms."""
    words = []
    for word in name.upper().translate(_TRANSLITERATE).split():
        decomposed = unicodedata.normalize("NFKD", word)
        cleaned = "".join(c for c in decomposed if c.isascii() and c.isalnum())
        if cleaned:
            words.append(cleaned)
    kept = [w for w in words if w not in _LEGAL_FORMS] or words
    return "".join(kept)[:CODE_LENGTH] or FALLBACK_CODE


def unique_code(name: str, taken: Collection[str]) -> str:
    """A code for ``name`` not in ``taken`` (compared in upper case): ACME, ACME2, ACME3..."""
    return CodeMaker(taken).code_for(name)


class CodeMaker:
    """Codes for many names against one growing set of taken codes, in linear time.

    Trying ACME2, ACME3, ... afresh for every name costs n tries for the n-th "Acme"
    (16,000 rows of one company's branches took most of a minute). Each run of
    candidates (a prefix and a count of digits: ACMEWID2-9, ACMEWI10-99, ...) keeps
    where it stopped, so no candidate is tried twice: the tries are at most the codes
    made plus the codes already taken. ``taken`` is read live, so the caller adds each
    code it keeps (or any other) and the next one avoids it.
    """

    def __init__(self, taken: Collection[str]) -> None:
        self.taken = taken
        #: Candidate codes tried so far (what the planning costs; the tests count it).
        self.tries = 0
        self._next: dict[tuple[str, int], int] = {}

    def code_for(self, name: str) -> str:
        base = code_base(name)
        self.tries += 1
        if base.upper() not in self.taken:
            return base
        digits = 1
        while True:
            # The suffix takes the base's last letters: ACMEWIDG, ACMEWID2, ACMEWI10.
            prefix = base[: max(CODE_LENGTH - digits, 0)]
            run = (prefix, digits)
            number = self._next.get(run, 2 if digits == 1 else 10 ** (digits - 1))
            while number < 10**digits:
                candidate = f"{prefix}{number}"
                number += 1
                self.tries += 1
                if candidate not in self.taken:
                    self._next[run] = number
                    return candidate
            self._next[run] = number
            digits += 1
