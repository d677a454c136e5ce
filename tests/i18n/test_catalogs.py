"""The shipped catalogs: compiled from their .po, plural forms from Babel, French complete.

The compiled ``.mo`` files are committed (docs/translations.md): a catalog edited
without ``pybabel compile`` fails here, by content, not by file dates (a checkout
sets every file's date).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

import diva_desk
from diva_desk.i18n import DOMAIN, translations_dir

PACKAGE = Path(diva_desk.__file__).parent
FOLDER = translations_dir()
PO_FILES = sorted(FOLDER.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
#: ``{name}``, ``{}``, ``%s``, ``%(name)s`` and ``$name``: what the code fills in.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([^)]+\))?[sdif]|\$\{?[A-Za-z_]\w*\}?")
#: A mnemonic: ``&`` before a letter (``&&`` is a plain ampersand).
MNEMONIC = re.compile(r"(?<!&)&(?=[^&\s])")


def _catalog(po: Path) -> Catalog:
    with po.open("rb") as source:
        return read_po(source, domain=DOMAIN)


def _texts(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _translated(catalog: Catalog) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each translated message (what gettext will answer), by its English."""
    return {
        _texts(m.id): _texts(m.string)
        for m in catalog
        if m.id and not m.fuzzy and all(_texts(m.string))
    }


def test_there_is_a_french_canada_catalog() -> None:
    assert FOLDER / "fr_CA" / "LC_MESSAGES" / f"{DOMAIN}.po" in PO_FILES


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.parts[-3])
def test_each_compiled_catalog_says_what_its_po_says(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"{po.parts[-3]}: run pybabel compile (docs/translations.md)"
    with mo.open("rb") as compiled:
        shipped = _translated(read_mo(compiled))
    fresh = io.BytesIO()
    write_mo(fresh, _catalog(po))  # what pybabel compile makes of the .po now
    fresh.seek(0)
    assert shipped == _translated(read_mo(fresh)), (
        f"{mo} is older than its .po: run pybabel compile (docs/translations.md)"
    )


@pytest.mark.parametrize("po", PO_FILES, ids=lambda p: p.parts[-3])
def test_plural_forms_are_babels_for_the_language(po: Path) -> None:
    catalog = _catalog(po)
    assert catalog.plural_forms == Catalog(locale=catalog.locale).plural_forms


def _source_messages() -> dict[str, tuple[str, ...]]:
    """Every message marked in the code now (what pybabel extract would write)."""
    found: dict[str, tuple[str, ...]] = {}
    keywords = {"_": None, "ngettext": (1, 2)}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(PACKAGE), [("**.py", "python")], keywords=keywords
    ):
        ids = (message,) if isinstance(message, str) else tuple(message)
        found[ids[0]] = ids
    return found


def _problems(ids: tuple[str, ...], message: Message | None, nplurals: int) -> str | None:
    if message is None:
        return "missing from the catalog (pybabel update)"
    if message.fuzzy:
        return "fuzzy"
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    if len(ids) > 1 and len(strings) != nplurals:
        return f"needs {nplurals} plural forms"
    if not all(strings):
        return "not translated"
    wanted = sorted(PLACEHOLDER.findall(ids[-1]))
    allowed = set(wanted) | set(PLACEHOLDER.findall(ids[0]))
    # The last form (the many) keeps every placeholder; the one form may say
    # "un appel" instead of "{count} appel", never one the code does not fill.
    if sorted(PLACEHOLDER.findall(strings[-1])) != wanted or not all(
        set(PLACEHOLDER.findall(text)) <= allowed for text in strings
    ):
        return f"placeholders differ: {wanted} in English"
    if MNEMONIC.search(ids[0]) and not all(MNEMONIC.search(text) for text in strings):
        return "lost its & mnemonic"
    return None


def test_every_message_is_translated_into_french() -> None:
    """Not fuzzy, every plural form, the same placeholders, the & mnemonic kept."""
    catalog = _catalog(FOLDER / "fr_CA" / "LC_MESSAGES" / f"{DOMAIN}.po")
    problems = {}
    for msgid, ids in _source_messages().items():
        problem = _problems(ids, catalog.get(msgid), catalog.num_plurals)
        if problem:
            problems[msgid] = problem
    assert not problems, f"{len(problems)} French messages to fix, e.g. " + repr(
        dict(list(problems.items())[:10])
    )


def test_the_french_check_finds_what_it_must() -> None:
    catalog = Catalog(locale="fr_CA")
    catalog.add("&Save", "Enregistrer")
    catalog.add("Due {date}", "Échéance {jour}")
    catalog.add("Paid", "Payé", flags=["fuzzy"])
    catalog.add(("{n} call", "{n} calls"), ("{n} appel", "{n} appels", ""))
    catalog.add(("{n} day", "{n} days"), ("un jour", "{n} jours", "{n} jours"))
    catalog.add(("{n} week", "{n} weeks"), ("{n} semaine", "{n} semaines", "des semaines"))
    catalog.add("Total", "Total")
    n = catalog.num_plurals
    assert _problems(("&Save",), catalog.get("&Save"), n) == "lost its & mnemonic"
    assert _problems(("Due {date}",), catalog.get("Due {date}"), n).startswith("placeholders")
    assert _problems(("Paid",), catalog.get("Paid"), n) == "fuzzy"
    assert _problems(("{n} call", "{n} calls"), catalog.get("{n} call"), n) == "not translated"
    assert _problems(("Unknown",), catalog.get("Unknown"), n).startswith("missing")
    assert _problems(("Total",), catalog.get("Total"), n) is None
    assert _problems(("{n} day", "{n} days"), catalog.get("{n} day"), n) is None
    week = _problems(("{n} week", "{n} weeks"), catalog.get("{n} week"), n)
    assert week.startswith("placeholders")
