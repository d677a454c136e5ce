"""What a search box compares: text folded for case and accents, phone numbers as digits.

One meaning for every list, whether it filters rows in Python or asks SQL to:
"montreal" finds "Montréal", and "416-555-0114" finds "416 555 0114".
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, for searching."""
    if text.isascii():  # the same answer, without decomposing every letter
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# What people type between a phone number's digits.
_PHONE_PUNCTUATION = re.compile(r"[\s().\-/]+")


def phone_digits(text: str) -> str | None:
    """``"+1 (416) 555-0114"`` -> ``"4165550114"``; None when ``text`` is not only a number.

    The North American country code is dropped (it is written one way and dialled
    another); the digits found in the list's text are compared as substrings, so
    a stored "+1 416 555 0114" is still found.
    """
    bare = _PHONE_PUNCTUATION.sub("", text)
    if bare.startswith("+1"):
        bare = bare[2:]
    elif bare.startswith("+"):
        bare = bare[1:]
    return bare if bare.isascii() and bare.isdigit() else None


def search_terms(text: str) -> tuple[list[str], str | None]:
    """The folded words typed, and the whole text as a phone number's digits when it is one.

    "(416) 555-0114" is one number, not two words; "555 0114" still works as words.
    """
    words = fold(text).split()
    return words, (phone_digits(text) if len(words) > 1 else None)


def needles(word: str) -> tuple[str, ...]:
    """What a field may contain for ``word`` to match it: the word, or its digits."""
    digits = phone_digits(word)
    return (word, digits) if digits and digits != word else (word,)
