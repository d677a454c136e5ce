"""The lists a person picks from in forms: languages and formats, and currencies."""

from __future__ import annotations

from babel import Locale

from diva_desk.core.currencies import BOOK_CURRENCIES
from diva_desk.i18n import format as fmt

#: Languages and formats the app knows (messages fall back to English without a catalog).
LOCALES = ("en_CA", "fr_CA", "en_US", "en_GB", "fr_FR")


def currency_choices(current: str) -> list[tuple[str, str]]:
    """Common currencies as ``Canadian Dollar (CAD)``, plus ``current`` when it is another."""
    codes = list(BOOK_CURRENCIES)
    if current and current not in codes:
        codes.insert(0, current)
    return [(f"{fmt.currency_name(code)} ({code})", code) for code in codes]


def locale_name(code: str) -> str:
    """``English (Canada)``, ``Français (Canada)``: each in its own language."""
    name = Locale.parse(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]
