"""How to pay, per currency: a Seattle client is not told to send an Interac e-Transfer.

The business has one general text (``Business.payment_instructions``) and may have
a text for any currency. A document in a currency with a text of its own prints
that one; otherwise the general one. Kept apart from the business record so the
profile's table is unchanged (the book keeps them as settings; interchange v2 will
carry them as ``business.payment_instructions_by_currency``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def instructions_for(general: str, by_currency: Mapping[str, str], currency: str) -> str:
    """The text for ``currency``, else the general one, trimmed ("" when there is none)."""
    return (by_currency.get(currency, "").strip() or general).strip()


def instructions_for_all(
    general: str, by_currency: Mapping[str, str], currencies: Iterable[str]
) -> list[tuple[str, str]]:
    """What a document in several currencies prints: ``(currency, text)`` per distinct text.

    A statement owed in CAD and USD with one text for both prints it once (currency
    ""); with different texts, each goes under its currency, in the order given.
    """
    texts: dict[str, list[str]] = {}
    for currency in dict.fromkeys(currencies):
        text = instructions_for(general, by_currency, currency)
        if text:
            texts.setdefault(text, []).append(currency)
    if len(texts) <= 1:
        return [("", text) for text in texts]
    return [(", ".join(codes), text) for text, codes in texts.items()]
