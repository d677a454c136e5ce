"""Which currency a money column's minor units are in.

The book keeps each amount as whole minor units of its row's own currency (see
``store.models``): an invoice's deposit and total, and its payments, are in the
invoice's currency; a promise or installment in its invoice's currency, or else its
customer's. Every read and write converts with ``core.money.from_minor`` and
``to_minor`` and the currency found here or selected in the same query.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from babel.numbers import list_currencies

from diva_desk.core.currencies import MAX_PLACES, minor_places
from diva_desk.store.book import models as m

#: SQL for the currency of a promise or payment plan row aliased ``{row}``.
OWNER_CURRENCY = (
    "COALESCE((SELECT currency FROM invoice WHERE id = {row}.invoice_id), "
    "(SELECT currency FROM customer WHERE id = {row}.customer_id))"
)


def invoice_currencies(invoice_ids: Collection[int]) -> dict[int, str]:
    """Each invoice's currency, by id."""
    ids = sorted(set(invoice_ids))
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        query = m.Invoice.select(m.Invoice.id, m.Invoice.currency).where(
            m.Invoice.id.in_(ids[start : start + 500])
        )
        found.update(query.tuples())
    return found


def invoice_currency(invoice_id: int) -> str:
    return m.Invoice.get_by_id(invoice_id).currency


def owner_currency(customer_id: int, invoice_id: int | None) -> str:
    """A promise's or plan's currency: its invoice's, or else its customer's."""
    if invoice_id is not None:
        return invoice_currency(invoice_id)
    return m.Customer.get_by_id(customer_id).currency


@cache
def face_value_sql(amount: str, currency: str) -> str:
    """SQL for ``amount`` (minor units) in hundredths of its currency's unit.

    For ordering or weighting amounts of several currencies at face value (the book
    keeps no exchange rates): 1000 yen and 1000 dollars weigh the same, as they did
    when every amount was kept in cents.
    """
    scales = sorted(
        (code, 10 ** (MAX_PLACES - minor_places(code)))
        for code in list_currencies()
        if minor_places(code) < MAX_PLACES
    )
    cases = " ".join(f"WHEN '{code}' THEN {scale}" for code, scale in scales)
    return f"({amount} * CASE {currency} {cases} ELSE 1 END)"
