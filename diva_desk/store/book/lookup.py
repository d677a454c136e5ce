"""Finding a customer code or an invoice number as a person types it on the command line.

Codes and numbers are stored as written (``HOLLIS``, ``INV-1042``); typing
``hollis`` or ``inv-1042`` should still find them, as long as that is not a
guess: when exactly one is the same but for case, it is the one meant.
"""

from __future__ import annotations

import peewee

from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m


def _resolve(field: peewee.Field, typed: str, several: str) -> str:
    if field.model.select().where(field == typed).exists():
        return typed
    found = [
        row[0]
        for row in field.model.select(field)
        .where(peewee.fn.lower(field) == typed.lower())
        .order_by(field)
        .limit(5)
        .tuples()
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise BadInput(several.format(typed=typed, found=", ".join(found)))
    return typed  # the loader says it is not in the book, in its own words


def customer_code(typed: str) -> str:
    """The stored code ``typed`` means: itself, or the one code equal to it but for case."""
    return _resolve(
        m.Customer.code,
        typed.strip(),
        _("{typed} matches several customer codes ({found}): type the code exactly"),
    )


def invoice_number(typed: str) -> str:
    """The stored number ``typed`` means: itself, or the one number equal to it but for case."""
    return _resolve(
        m.Invoice.number,
        typed.strip(),
        _("{typed} matches several invoice numbers ({found}): type the number exactly"),
    )


def quote_number(typed: str) -> str:
    """The stored quote number ``typed`` means (``q-3`` is ``Q-3``)."""
    return _resolve(
        m.Quote.number,
        typed.strip(),
        _("{typed} matches several quote numbers ({found}): type the number exactly"),
    )
