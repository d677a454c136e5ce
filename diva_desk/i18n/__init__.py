"""Languages: every user-visible string goes through ``_()``; formats through i18n.format.

Catalogs live in ``resources/translations/<locale>/LC_MESSAGES/diva_desk.mo``. A
language without a catalog falls back to the English source strings.
"""

from __future__ import annotations

import gettext as _gettext

from diva_desk.resources_path import resource_path

DOMAIN = "diva_desk"
_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_locale = "en_CA"


def set_language(locale: str) -> None:
    """Use ``locale`` (e.g. ``fr_CA``) for messages and for money and date formats."""
    global _translation, _locale
    _locale = locale
    _translation = _gettext.translation(
        DOMAIN,
        localedir=str(resource_path("translations")),
        languages=[locale, locale.split("_")[0]],
        fallback=True,
    )


def current_locale() -> str:
    return _locale


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)
