"""Languages: every user-visible string goes through ``_()``; formats through i18n.format.

Catalogs live in ``resources/translations/<locale>/LC_MESSAGES/diva_desk.mo``
(docs/translations.md: extract, update, compile). A language without a catalog
falls back to the English source strings.

Two languages can be in use at once: the window's (``set_language``, the owner's
choice) and a document's (``with speaking(locale):``, the customer's). ``speaking``
sets a context variable, so a worker thread rendering a French invoice does not
change the words of the English window around it, and the formats of
i18n.format follow the same language (``current_locale``).
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from diva_desk.resources_path import resource_path

DOMAIN = "diva_desk"
#: The language the messages are written in (the source strings).
SOURCE_LANGUAGE = "en"
#: The languages the window can be shown in, by locale (the owner's choice).
INTERFACE_LANGUAGES = ("en_CA", "fr_CA")
_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_locale = "en_CA"
#: The language a document is being written in, when not the window's: (locale, catalog).
_speaking: ContextVar[tuple[str, _gettext.NullTranslations] | None] = ContextVar(
    "diva_desk_speaking", default=None
)


def translations_dir() -> Path:
    """Where the compiled catalogs are installed."""
    return resource_path("translations")


def _languages(locale: str, folder: Path | None = None) -> list[str]:
    """``fr_FR``, ``fr``, then ``fr_CA``: the country's own first, then the language's.

    The last are the other countries' folders of the same language present in
    ``folder`` (the translations by default): a customer in France reads the
    Québec catalog rather than English.
    """
    locale = locale.replace("-", "_")
    base = locale.split("_")[0]
    chain = [locale, base]
    where = folder if folder is not None else translations_dir()
    if where.is_dir():
        chain += sorted(
            entry.name
            for entry in where.iterdir()
            if entry.name.split("_")[0] == base and entry.name not in chain
        )
    return chain


def language_folders(locale: str, folder: Path) -> list[Path]:
    """The folders under ``folder`` that hold ``locale``'s texts, best first.

    For talking points and email templates: ``fr_CA``, then ``fr``, then another
    French; the caller falls back to English (en_CA) when the list is empty.
    """
    return [folder / name for name in _languages(locale, folder) if (folder / name).is_dir()]


@lru_cache(maxsize=16)
def _catalog(locale: str) -> _gettext.NullTranslations:
    """The messages of ``locale`` (read once; English, or no catalog, gives the source)."""
    return _gettext.translation(
        DOMAIN,
        localedir=str(translations_dir()),
        languages=_languages(locale),
        fallback=True,
    )


def set_language(locale: str) -> None:
    """Use ``locale`` (e.g. ``fr_CA``) for messages and for money and date formats."""
    global _translation, _locale
    _locale = locale
    _translation = _catalog(locale)


@contextmanager
def speaking(locale: str | None) -> Iterator[str]:
    """Within the block, ``_()``, ``ngettext`` and the formats speak ``locale``.

    For this thread (or task) only: the window keeps its own language. ``None``
    or an empty locale keeps the language already in use. Yields the locale used.
    """
    if not locale:
        yield current_locale()
        return
    token = _speaking.set((locale, _catalog(locale)))
    try:
        yield locale
    finally:
        _speaking.reset(token)


def has_catalog(locale: str, folder: Path | None = None) -> bool:
    """Whether messages can be shown in ``locale``'s language.

    English, the language the messages are written in, always can; another
    language only when its catalog is installed (in ``folder``, by default the
    app's translations). A document whose words would stay English should not
    set its dates and amounts in French: one language per page.
    """
    if not locale:
        return False
    if _languages(locale)[1].lower() == SOURCE_LANGUAGE:
        return True
    where = folder if folder is not None else translations_dir()
    found = _gettext.find(DOMAIN, localedir=str(where), languages=_languages(locale, where))
    return found is not None


def current_locale() -> str:
    """The locale being spoken here: a document's (``speaking``), else the window's."""
    spoken = _speaking.get()
    return spoken[0] if spoken is not None else _locale


def interface_locale() -> str:
    """The window's locale, whatever a document in this thread is speaking."""
    return _locale


def same_language(one: str, other: str) -> bool:
    """``fr_CA`` and ``fr_FR`` are the same language; ``en_CA`` and ``fr_CA`` are not."""
    return one.replace("-", "_").split("_")[0] == other.replace("-", "_").split("_")[0]


def _(message: str) -> str:
    spoken = _speaking.get()
    return (spoken[1] if spoken is not None else _translation).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    spoken = _speaking.get()
    return (spoken[1] if spoken is not None else _translation).ngettext(singular, plural, n)
