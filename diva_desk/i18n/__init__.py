"""Languages: every user-visible string goes through ``_()``; formats through i18n.format.

Catalogs live in ``resources/translations/<locale>/LC_MESSAGES/diva_desk.mo``. A
language without a catalog falls back to the English source strings.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

from diva_desk.resources_path import resource_path

DOMAIN = "diva_desk"
#: The language the messages are written in (the source strings).
SOURCE_LANGUAGE = "en"
_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_locale = "en_CA"


def translations_dir() -> Path:
    """Where the compiled catalogs are installed."""
    return resource_path("translations")


def _languages(locale: str) -> list[str]:
    """``fr_CA`` then ``fr``: a catalog for the country first, else for the language."""
    return [locale, locale.replace("-", "_").split("_")[0]]


def set_language(locale: str) -> None:
    """Use ``locale`` (e.g. ``fr_CA``) for messages and for money and date formats."""
    global _translation, _locale
    _locale = locale
    _translation = _gettext.translation(
        DOMAIN,
        localedir=str(translations_dir()),
        languages=_languages(locale),
        fallback=True,
    )


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
    return _gettext.find(DOMAIN, localedir=str(where), languages=_languages(locale)) is not None


def current_locale() -> str:
    return _locale


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)
