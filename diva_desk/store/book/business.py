"""The business profile: one row, id 1, with the logo beside it.

The logo is not part of the interchange record (core.records.Business), so it is
read and written on its own: :func:`get_logo` and :func:`save_logo`.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping, Sequence
from decimal import Decimal

from diva_desk.core import records
from diva_desk.core.business_rules import next_number_problem
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n.format import number
from diva_desk.store.book import models
from diva_desk.store.book.db import db
from diva_desk.store.book.settings import save_payment_instructions_by_currency
from diva_desk.store.book.tax_groups import TaxGroupRow, save_tax_groups
from diva_desk.store.book.tax_rates import (
    TaxRateRow,
    save_tax_rates,
    save_tax_registrations,
    tax_registrations,
)


class Unchanged(enum.Enum):
    """A value left as the book has it (for a setting where None means "none")."""

    UNCHANGED = "unchanged"


UNCHANGED = Unchanged.UNCHANGED

#: A logo larger than this is refused: it is printed a few centimetres wide, and
#: every invoice PDF embeds it again.
_MEGABYTE = 1024 * 1024
MAX_LOGO_BYTES = 2 * _MEGABYTE
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"

# The highest number after the prefix among invoices that hold a number from the
# counter: sent and void ones, and drafts imported with a real number (they keep it
# when sent). Numbers with anything but digits after the prefix are not the counter's.
_HIGHEST_USED = """
    SELECT MAX(CAST(substr(number, :length + 1) AS INTEGER)) FROM invoice
    WHERE substr(number, 1, :length) = :prefix
      AND length(number) > :length
      AND substr(number, :length + 1) NOT GLOB '*[^0-9]*'
      AND NOT (state = 'draft' AND substr(number, 1, 6) = 'DRAFT-')
"""


def business_currency() -> str:
    """The business's currency: what a customer or invoice without one is billed in."""
    currency = models.Business.select(models.Business.currency).where(models.Business.id == 1)
    return currency.scalar() or records.DEFAULT_CURRENCY


def get_business() -> records.Business | None:
    row = models.Business.get_or_none(models.Business.id == 1)
    if row is None:
        return None
    return records.Business(
        **{f.name: getattr(row, f.name) for f in _COLUMNS},
        tax_registrations=tax_registrations(),
    )


#: The record's fields that are columns of the business row (the numbers have a table).
_COLUMNS = tuple(f for f in dataclasses.fields(records.Business) if f.name != "tax_registrations")
_TERMS = ("late_fee_percent_per_month", "late_fee_grace_days")


def save_business(business: records.Business) -> None:
    """Create or replace the profile (the logo, not part of the record, is kept, and so
    are the tax registration numbers: save_business_settings replaces those).

    Refuses (BadInput) a next invoice number at or below one already used with the
    same prefix: the counter must never hand out a number twice.
    """
    with db.atomic():
        problem = next_number_problem(
            str(business.next_invoice_number), business.invoice_prefix, highest_invoice_number
        )
        if problem:
            raise BadInput(problem)
        # The late-interest terms have their own page (store.late_fees.terms): the
        # profile's form does not hold them, so saving it leaves them as they are.
        values = {f.name: getattr(business, f.name) for f in _COLUMNS if f.name not in _TERMS}
        if models.Business.get_or_none(models.Business.id == 1) is None:
            models.Business.create(id=1, **values)
        else:
            models.Business.update(**values).where(models.Business.id == 1).execute()


def highest_invoice_number(prefix: str) -> int | None:
    """The highest N of an invoice numbered ``prefix`` + N (digits), or None if none is."""
    params = {"prefix": prefix, "length": len(prefix)}
    value = db.execute_sql(_HIGHEST_USED, params).fetchone()[0]
    return None if value is None else int(value)


def get_logo() -> bytes | None:
    logo = models.Business.select(models.Business.logo).where(models.Business.id == 1).scalar()
    return bytes(logo) if logo else None


def logo_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be the logo (too large, not PNG or JPEG), or None."""
    if len(data) > MAX_LOGO_BYTES:
        return _("This image is {size} MB; choose one of at most {most} MB.").format(
            size=number((Decimal(len(data)) / _MEGABYTE).quantize(Decimal("0.1"))),
            most=number(MAX_LOGO_BYTES // _MEGABYTE),
        )
    if not (data.startswith(_PNG) or data.startswith(_JPEG)):
        return _("This file is not a PNG or JPEG image; choose one that is.")
    return None


def save_logo(data: bytes | None) -> None:
    """Set the logo printed on every document (PNG or JPEG bytes), or remove it (None)."""
    if data is not None and (problem := logo_problem(data)):
        raise BadInput(problem)
    with db.atomic():
        if models.Business.get_or_none(models.Business.id == 1) is None:
            raise BadInput(_("Fill in the business profile before adding a logo."))
        models.Business.update(logo=data or None).where(models.Business.id == 1).execute()


def has_customers() -> bool:
    return models.Customer.select().exists()


def save_business_settings(
    business: records.Business,
    *,
    logo: bytes | Unchanged | None = UNCHANGED,
    tax_rates: Sequence[TaxRateRow] | None = None,
    instructions_by_currency: Mapping[str, str] | None = None,
    tax_groups: Sequence[TaxGroupRow] | None = None,
    quote_numbering: tuple[str, int] | None = None,
) -> None:
    """Save the business profile and, where given, the logo, tax rates and payment
    instructions by currency, all in one transaction: all of it is saved or none.

    ``logo`` left out keeps the logo; ``None`` removes it. ``tax_rates``, ``tax_groups``
    and ``instructions_by_currency`` left out (None) keep what the book has; the
    business's tax registration numbers are part of ``business``.
    """
    with db.atomic():
        save_business(business)
        save_tax_registrations(business.tax_registrations)
        if not isinstance(logo, Unchanged):
            save_logo(logo)
        if tax_rates is not None:
            save_tax_rates(tax_rates)
        if tax_groups is not None:
            save_tax_groups(tax_groups)
        if instructions_by_currency is not None:
            save_payment_instructions_by_currency(instructions_by_currency)
        if quote_numbering is not None:
            prefix, next_number = quote_numbering
            models.Business.update(quote_prefix=prefix, next_quote_number=next_number).where(
                models.Business.id == 1
            ).execute()


def quote_numbering() -> tuple[str, int]:
    """The quote prefix and the next quote number (schema step STEP_QUOTES)."""
    row = (
        models.Business.select(models.Business.quote_prefix, models.Business.next_quote_number)
        .where(models.Business.id == 1)
        .tuples()
        .first()
    )
    return (row[0], row[1]) if row else ("Q-", 1)
