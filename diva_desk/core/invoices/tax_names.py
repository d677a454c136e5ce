"""Canada's sales taxes by the names each language gives them: GST is TPS in French."""

from __future__ import annotations

from diva_desk.i18n import _


def tax_label(name: str) -> str:
    """The tax as the language being written calls it.

    The names Canada's sales taxes go by in English (GST, HST, QST, PST) print as
    TPS, TVH, TVQ and TVP on a French page; any other name prints as the owner typed
    it. The book, its exports and the registration numbers keep the name as typed.
    """
    known = {
        # Translators: Canada's Goods and Services Tax (TPS in French).
        "GST": _("GST"),
        # Translators: Canada's Harmonized Sales Tax (TVH in French).
        "HST": _("HST"),
        # Translators: Québec Sales Tax (TVQ in French).
        "QST": _("QST"),
        # Translators: a province's Provincial Sales Tax (TVP in French).
        "PST": _("PST"),
    }
    return known.get(name.strip(), name)
