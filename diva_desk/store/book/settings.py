"""Book settings kept in the ``setting`` table (key -> text), read with a safe default.

A setting travels with the book (unlike window geometry in QSettings): the deposit
the owner asks of new customers is part of how this business works, wherever the
book is opened.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from diva_desk.core.customers.history import DEFAULT_DEPOSIT_PERCENT
from diva_desk.core.money import decimal_text
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models
from diva_desk.store.book.db import db

#: The deposit percent suggested to new and slow customers without one of their own.
SUGGESTED_DEPOSIT_PERCENT = "suggested_deposit_percent"


def get_setting(key: str) -> str | None:
    row = models.Setting.get_or_none(models.Setting.key == key)
    return None if row is None else row.value


def set_setting(key: str, value: str) -> None:
    models.Setting.insert(key=key, value=value).on_conflict_replace().execute()


def suggested_deposit_percent() -> Decimal:
    """The book's setting, or 50 % when it is missing or not a percent from 0 to 100.

    The one place the deposit suggested to new and slow payers is read: the rating's
    suggestion (store.history), the invoice editor's offers and the exports all come
    through here, so changing it in Settings changes what every screen says.
    """
    text = get_setting(SUGGESTED_DEPOSIT_PERCENT)
    if text is None:
        return DEFAULT_DEPOSIT_PERCENT
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return DEFAULT_DEPOSIT_PERCENT
    return value if value.is_finite() and 0 <= value <= 100 else DEFAULT_DEPOSIT_PERCENT


def set_suggested_deposit_percent(percent: Decimal) -> None:
    """Keep the deposit to suggest (0 suggests none); BadInput outside 0 to 100."""
    if not (percent.is_finite() and 0 <= percent <= 100):
        raise BadInput(_("the deposit to suggest must be a percentage from 0 to 100"))
    set_setting(SUGGESTED_DEPOSIT_PERCENT, decimal_text(percent))


#: How to pay in one currency: key ``payment_instructions.USD`` (core.instructions).
PAYMENT_INSTRUCTIONS_PREFIX = "payment_instructions."
_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


def payment_instructions_by_currency() -> dict[str, str]:
    """The business's payment instructions per currency code (only those it has)."""
    rows = models.Setting.select().where(models.Setting.key.startswith(PAYMENT_INSTRUCTIONS_PREFIX))
    found = {row.key[len(PAYMENT_INSTRUCTIONS_PREFIX) :]: row.value for row in rows}
    return {code: text for code, text in sorted(found.items()) if text.strip()}


def save_payment_instructions_by_currency(texts: Mapping[str, str]) -> None:
    """Replace the per-currency instructions with ``texts`` (an empty text removes one).

    BadInput, changing nothing, for a key that is not a three-letter currency code.
    """
    for code in texts:
        if not _CURRENCY_CODE.fullmatch(code):
            raise BadInput(
                _("payment instructions: {code!r} is not a three-letter currency code").format(
                    code=code
                )
            )
    with db.atomic():
        models.Setting.delete().where(
            models.Setting.key.startswith(PAYMENT_INSTRUCTIONS_PREFIX)
        ).execute()
        for code, text in sorted(texts.items()):
            if text.strip():
                set_setting(PAYMENT_INSTRUCTIONS_PREFIX + code, text.strip())


_BOOK_CURRENCIES = """
    SELECT currency FROM business UNION SELECT currency FROM customer
    UNION SELECT currency FROM invoice
"""


def book_currencies() -> list[str]:
    """The currencies the book uses (the business's, its customers', its invoices'), sorted."""
    return sorted({row[0] for row in db.execute_sql(_BOOK_CURRENCIES) if row[0]})
