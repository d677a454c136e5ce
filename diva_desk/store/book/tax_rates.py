"""The tax rates the business charges, offered as a pick list on every invoice line.

A new book starts with the Canadian sales taxes, so the first invoice needs no set-up;
a setting remembers that they were offered once, so a business that deletes the
ones it never charges does not see them come back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.money import RATE_PLACES
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db

_SEEDED_KEY = "tax_rates_seeded"
_MAX_RATE = Decimal(100)


@dataclass(frozen=True)
class TaxRateRow:
    """A tax as the lines carry it; the empty name with a zero rate means "no tax"."""

    name: str
    rate: Decimal

    @property
    def label(self) -> str:
        """``HST 13%`` (``TVH 13 %`` in French) for the pick list; ``No tax`` for none.

        The rate is written by i18n.format.percent, as on the invoice PDF, so the
        editor and the printed invoice show the same text.
        """
        if not self.name and not self.rate:
            return _("No tax")
        return f"{self.name} {fmt.percent(self.rate)}"


#: Offered once in a new book. Nova Scotia's HST is 14 % since 1 April 2025.
CANADIAN_DEFAULTS: tuple[TaxRateRow, ...] = (
    TaxRateRow("HST", Decimal("13")),
    TaxRateRow("GST", Decimal("5")),
    TaxRateRow("QST", Decimal("9.975")),
    TaxRateRow("HST", Decimal("15")),
    TaxRateRow("HST", Decimal("14")),
    TaxRateRow("", Decimal("0")),
)


def tax_rates() -> list[TaxRateRow]:
    """The business's tax rates in their order; the Canadian defaults on first use."""
    with db.atomic():
        if not m.Setting.select().where(m.Setting.key == _SEEDED_KEY).exists():
            if not m.TaxRate.select().exists():
                _replace(CANADIAN_DEFAULTS)
            m.Setting.replace(key=_SEEDED_KEY, value="1").execute()
    query = m.TaxRate.select().order_by(m.TaxRate.position, m.TaxRate.id)
    return [TaxRateRow(row.name, row.rate) for row in query]


def save_tax_rates(rows: Sequence[TaxRateRow]) -> None:
    """Replace the list (lines already written keep the name and rate they were given)."""
    cleaned = [TaxRateRow(row.name.strip(), row.rate) for row in rows]
    seen: set[tuple[str, Decimal]] = set()
    for position, row in enumerate(cleaned, start=1):
        if not isinstance(row.rate, Decimal) or not row.rate.is_finite():
            raise BadInput(_("Tax rate {n}: the rate is not a number.").format(n=position))
        if row.rate < 0 or row.rate >= _MAX_RATE:
            raise BadInput(
                _("Tax rate {n}: the rate must be at least 0 and below 100 %.").format(n=position)
            )
        if row.rate != row.rate.quantize(Decimal(1).scaleb(-RATE_PLACES)):
            raise BadInput(
                _("Tax rate {n}: a rate has at most {places} decimal places.").format(
                    n=position, places=RATE_PLACES
                )
            )
        if not row.name and row.rate:
            raise BadInput(_("Tax rate {n}: give the tax a name.").format(n=position))
        key = (row.name, row.rate)
        if key in seen:
            raise BadInput(
                _("Tax rate {n}: {label} is listed twice.").format(n=position, label=row.label)
            )
        seen.add(key)
    with db.atomic():
        _replace(cleaned)
        m.Setting.replace(key=_SEEDED_KEY, value="1").execute()


def _replace(rows: Sequence[TaxRateRow]) -> None:
    m.TaxRate.delete().execute()
    for position, row in enumerate(rows):
        m.TaxRate.create(name=row.name, rate=row.rate, position=position)
