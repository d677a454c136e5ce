"""The tax rates the business charges, offered as a pick list on every invoice line, and
the business's registration number for each tax.

A new book starts with the Canadian sales taxes, so the first invoice needs no set-up;
a setting remembers that they were offered once, so a business that deletes the
ones it never charges does not see them come back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.money import RATE_PLACES
from diva_desk.core.text_limits import limit_problem
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


#: Offered once in a new book (docs/taxes.md): HST 13 % in Ontario, 15 % in New
#: Brunswick, Newfoundland and Labrador and Prince Edward Island, 14 % in Nova Scotia
#: since 1 April 2025; GST 5 % elsewhere, with Québec's QST 9.975 %, British Columbia's
#: and Manitoba's PST 7 % and Saskatchewan's PST 6 % charged beside it (tax_groups).
CANADIAN_DEFAULTS: tuple[TaxRateRow, ...] = (
    TaxRateRow("HST", Decimal("13")),
    TaxRateRow("GST", Decimal("5")),
    TaxRateRow("QST", Decimal("9.975")),
    TaxRateRow("HST", Decimal("15")),
    TaxRateRow("HST", Decimal("14")),
    TaxRateRow("PST", Decimal("7")),
    TaxRateRow("PST", Decimal("6")),
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


# --- registration numbers (business.tax_registrations) -------------------------------


def tax_registrations() -> tuple[r.TaxRegistration, ...]:
    """The business's number for each tax, in the owner's order."""
    query = m.TaxRegistration.select().order_by(m.TaxRegistration.position, m.TaxRegistration.id)
    return tuple(r.TaxRegistration(row.tax, row.number) for row in query)


def registrations_problem(registrations: Sequence[r.TaxRegistration]) -> str | None:
    """Why these numbers cannot be saved (a blank, a tax named twice), or None."""
    seen: set[str] = set()
    for n, registration in enumerate(registrations, start=1):
        if not registration.tax.strip():
            return _("Tax number {n}: name the tax it is for.").format(n=n)
        if not registration.number.strip():
            return _("Tax number {n}: give the number.").format(n=n)
        if problem := limit_problem("tax_name", registration.tax.strip()):
            return _("Tax number {n}: {problem}").format(n=n, problem=problem)
        if problem := limit_problem("number", registration.number.strip()):
            return _("Tax number {n}: {problem}").format(n=n, problem=problem)
        if registration.tax.strip() in seen:
            return _("Tax number {n}: {tax} has a number already.").format(
                n=n, tax=registration.tax.strip()
            )
        seen.add(registration.tax.strip())
    return None


def save_tax_registrations(registrations: Sequence[r.TaxRegistration]) -> None:
    """Replace the numbers (BadInput, and nothing changed, if one is wrong)."""
    if problem := registrations_problem(registrations):
        raise BadInput(problem)
    with db.atomic():
        m.TaxRegistration.delete().execute()
        for position, registration in enumerate(registrations):
            m.TaxRegistration.create(
                position=position,
                tax=registration.tax.strip(),
                number=registration.number.strip(),
            )
