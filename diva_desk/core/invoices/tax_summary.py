"""The sales tax collected in a period, per tax name, for filing a return.

Each invoice's tax is what it printed: summed per name over its lines and rounded once
per name (core.invoices.totals); the period's figure for a name is the sum of those.
Under each name, the taxable sales: the net of the lines that carried it. Money in
different currencies is never added: one set of figures per currency.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.invoices.totals import invoice_totals
from diva_desk.core.money import ZERO
from diva_desk.core.records import InvoiceLine


@dataclass(frozen=True)
class TaxCollected:
    name: str
    #: Every rate the name was charged at in the period, lowest first (HST 13 and 15).
    rates: tuple[Decimal, ...]
    #: The net of the lines that carried this tax (what the tax was charged on).
    taxable: Decimal
    collected: Decimal


@dataclass(frozen=True)
class CurrencyTaxes:
    currency: str
    invoices: int
    #: The net of every invoice issued: taxed, zero-rated and untaxed sales alike.
    sales: Decimal
    taxes: tuple[TaxCollected, ...]

    @property
    def collected(self) -> Decimal:
        return sum((t.collected for t in self.taxes), ZERO)


@dataclass(frozen=True)
class TaxSummary:
    start: dt.date
    end: dt.date
    currencies: tuple[CurrencyTaxes, ...]


def tax_summary(
    start: dt.date, end: dt.date, invoices: Iterable[tuple[str, Iterable[InvoiceLine]]]
) -> TaxSummary:
    """The figures of ``invoices`` (currency and lines of each one issued in the period).

    Currencies in alphabetical order, taxes in the order their names first appear.
    """
    counts: dict[str, int] = {}
    sales: dict[str, Decimal] = {}
    taxable: dict[str, dict[str, Decimal]] = {}
    collected: dict[str, dict[str, Decimal]] = {}
    rates: dict[str, dict[str, set[Decimal]]] = {}
    for currency, lines in invoices:
        lines = tuple(lines)
        totals = invoice_totals(lines, currency)
        counts[currency] = counts.get(currency, 0) + 1
        sales[currency] = sales.get(currency, ZERO) + totals.net
        own_taxable = taxable.setdefault(currency, {})
        own_collected = collected.setdefault(currency, {})
        own_rates = rates.setdefault(currency, {})
        for tax in totals.taxes:
            own_taxable[tax.name] = own_taxable.get(tax.name, ZERO) + tax.base
            own_collected[tax.name] = own_collected.get(tax.name, ZERO) + tax.amount
        for line in lines:
            for tax in line.taxes:
                if tax.name and tax.rate:
                    own_rates.setdefault(tax.name, set()).add(tax.rate)
    return TaxSummary(
        start=start,
        end=end,
        currencies=tuple(
            CurrencyTaxes(
                currency=currency,
                invoices=counts[currency],
                sales=sales[currency],
                taxes=tuple(
                    TaxCollected(
                        name=name,
                        rates=tuple(sorted(rates[currency][name])),
                        taxable=taxable[currency][name],
                        collected=collected[currency][name],
                    )
                    for name in collected[currency]
                ),
            )
            for currency in sorted(counts)
        ),
    )
