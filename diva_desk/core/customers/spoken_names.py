"""How a script addresses people: "Hi Jasmine", "Hi Dr. Rahman", never "Hi Dr.,".

A contact written "Dr. Aisha Rahman" is greeted with the title and the last name,
as people with a title usually expect on a business call; everyone else by their
first name. Names are typed by hand and imported from other programs, so an empty
or blank name is normal, not an error: the script then speaks without one (see
talking_points, which removes the name and the comma before it, or says "there").
"""

from __future__ import annotations

import re
from functools import lru_cache

from diva_desk.i18n import _

#: Titles that are not a first name (compared without case and without a final dot):
#: English and French, the book locales the app ships with.
HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "m", "mme", "mlle"})


def clean_name(name: str | None) -> str:
    """The name with surrounding and repeated spaces removed; ``""`` for none."""
    return " ".join((name or "").split())


def is_honorific(word: str) -> bool:
    return word.rstrip(".").casefold() in HONORIFICS


def address_name(name: str | None) -> str:
    """How to greet the person: ``Jasmine``, ``Dr. Rahman``; ``""`` when there is no name.

    The title keeps the spelling it was written with ("Dr." or "Dr", "Mme"); a name
    that is only a title ("Dr.") gives ``""``, since "Hi Dr." says nothing.
    """
    words = clean_name(name).split()
    titles = []
    while words and is_honorific(words[0]):
        titles.append(words.pop(0))
    if not words:
        return ""
    if titles:
        return f"{titles[0]} {words[-1]}"
    return words[0]


def first_name(name: str | None) -> str:
    """The first word that is not a title: how the owner names themself ("it's Priya")."""
    words = [w for w in clean_name(name).split() if not is_honorific(w)]
    return words[0] if words else ""


#: Markers for a name the book does not have, filled in place of the placeholder and
#: taken out by :func:`spoken_text` together with the words that only served it.
NO_CONTACT = "\x00contact\x00"
NO_OWNER = "\x00owner\x00"
NO_BUSINESS = "\x00business\x00"

#: "Thanks, <nobody>." -> "Thanks."; "Thank you, <nobody>, I ..." -> "Thank you, I ..."
_NO_CONTACT = re.compile(rf",\s*{NO_CONTACT}")


def _introduction() -> str:
    # Translators: how the talking points say who is calling ("Hi Pat, it's Priya from
    # Lakeshore Studio"), written exactly as in your talking points (French: "c'est
    # {owner} de {business}"). When the book has no owner's or business name, these
    # words are taken out with it: "it's Lakeshore Studio", "it's Priya", "Hi Pat."
    return _("it's {owner} from {business}")


@lru_cache(maxsize=8)
def _no_names(introduction: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """What to take out of a line when the owner's or the business's name is missing.

    Built from the introduction's words in a language, not written per language:
    for "it's {owner} from {business}", "Hi Pat, it's <nobody> from <nothing>." ->
    "Hi Pat."; "it's <nobody> from Lakeshore" -> "it's Lakeshore"; "it's Priya from
    <nothing>" -> "it's Priya". What follows the business's name is the line's own
    (its full stop stays). A translation that does not name both, owner first, gives
    nothing: the markers alone are then taken out.
    """
    before, owner, rest = introduction.partition("{owner}")
    between, business, _after = rest.partition("{business}")
    if not (owner and business):
        return ()
    before, between = re.escape(before), re.escape(between)
    return (
        (re.compile(rf",?\s*{before}{NO_OWNER}{between}{NO_BUSINESS}"), ""),
        (re.compile(rf"{NO_OWNER}{between}"), ""),
        (re.compile(rf"{between}{NO_BUSINESS}"), ""),
    )


#: Two full stops where a name ends with one ("Acme Ltd." + "."), but not an ellipsis.
_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def spoken_text(text: str) -> str:
    """A filled line made to read well when a name is missing or ends with a full stop."""
    if "\x00" in text:
        # In the language being spoken, then in English (a template not yet translated).
        for introduction in dict.fromkeys((_introduction(), "it's {owner} from {business}")):
            for pattern, replacement in _no_names(introduction):
                text = pattern.sub(replacement, text)
        text = _NO_CONTACT.sub("", text)
        # "Hi <nobody>, it's Priya" -> "Hi there, it's Priya"
        text = text.replace(NO_CONTACT, _("there"))
        text = text.replace(NO_OWNER, "").replace(NO_BUSINESS, "")
        text = re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"  +", " ", text)).strip()
    return _DOUBLE_STOP.sub(".", text)
