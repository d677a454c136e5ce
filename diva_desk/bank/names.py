"""Names on a bank line, made comparable: a customer's name, or a sender learned for them.

Banks write names in capitals, without accents, with the legal form dropped and words
run together ("ACME SONS" for "Acme & Sons Ltd."). Both sides are normalised the same
way (accents and case folded, punctuation and legal forms dropped) and compared word
window by word window with ``rapidfuzz``, so a name is found inside a longer line but
never inside another word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

#: A name this close (0–100, rapidfuzz's ratio) to a run of words on the line is found there.
NAME_SCORE = 90
#: Close enough to be offered as a candidate for review, never to be matched.
LIKELY_SCORE = 75

#: Words that do not tell one business from another: legal forms and joining words.
_FORMS_TEXT = (
    "ltd ltee limited limitee inc incorporated corp corporation co company cie llc llp lp "
    "plc enr sarl sas sa gmbh and et the le la les"
)
_FORMS = frozenset(_FORMS_TEXT.split())
#: What banks write around an e-transfer or deposit, never part of who sent it.
_BANK_TEXT = (
    "interac e etransfer transfer trf etrf emt email money autodeposit auto deposit from de "
    "par payment paiement pmt virement received recu credit cr mobile online branch ref "
    "reference memo msg message inv invoice facture fact no num number for pour deposited to "
    "chequing savings account dn"
)
_BANK_WORDS = frozenset(_BANK_TEXT.split())
_NOT_A_WORD = re.compile(r"[^0-9a-z]+")
#: A sender of more words than this is a message, not a name: it is not learned.
_SENDER_WORDS = 4


def words(text: str) -> list[str]:
    """The text's words, accents and case folded, punctuation and legal forms dropped."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return [w for w in _NOT_A_WORD.split(plain.replace("&", " ")) if w and w not in _FORMS]


def normalised(text: str) -> str:
    """The name as compared: ``"Acme & Sons Ltd."`` is ``"acme sons"``."""
    return " ".join(words(text))


def sender_name(description: str) -> str:
    """Who sent the money, as far as the line says: the words left once the bank's own
    words, numbers and invoice numbers are taken out; "" when that is not a name."""
    left = [w for w in words(description) if w not in _BANK_WORDS and not _has_digit(w)]
    return " ".join(left) if 0 < len(left) <= _SENDER_WORDS else ""


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _windows(line_words: list[str], sizes: Iterable[int]) -> set[str]:
    found = set()
    for size in sizes:
        for start in range(len(line_words) - size + 1):
            found.add(" ".join(line_words[start : start + size]))
    return found


def scores(description: str, names: Mapping[object, str], cutoff: int) -> dict[object, float]:
    """Each name (already :func:`normalised`) found on the line at ``cutoff`` or better,
    with its best score, by key.

    A name of k words is looked for in every run of k - 1 to k + 1 words of the line,
    so "ACMESONS" still finds "acme sons"; a run is compared whole with the name.
    """
    line_words = [w for w in words(description) if not _has_digit(w)]
    if not line_words or not names:
        return {}
    lengths = {len(name.split()) for name in names.values() if name}
    sizes = {s for k in lengths for s in (k - 1, k, k + 1) if 1 <= s <= len(line_words)}
    best: dict[object, float] = {}
    for window in _windows(line_words, sorted(sizes)):
        for _name, score, key in process.extract(
            window, names, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            if score > best.get(key, -1):
                best[key] = score
    return best
