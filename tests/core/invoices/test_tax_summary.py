"""The tax collected in a period: per name, each invoice's tax rounded as it printed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.core.invoices.tax_summary import tax_summary
from diva_desk.core.records import InvoiceLine, LineTax

D = Decimal
GST, QST, HST = LineTax("GST", D(5)), LineTax("QST", D("9.975")), LineTax("HST", D(13))
START, END = dt.date(2026, 7, 1), dt.date(2026, 9, 30)


def line(price: str, *taxes: LineTax) -> InvoiceLine:
    return InvoiceLine("Work", D(1), D(price), taxes=taxes)


def test_each_invoice_counts_the_tax_it_printed_and_currencies_stay_apart() -> None:
    summary = tax_summary(
        START,
        END,
        [
            # GST 0.5 -> 0.50, QST 0.99750 -> 1.00 (rounded per invoice, as printed)
            ("CAD", [line("10.00", GST, QST)]),
            ("CAD", [line("10.00", GST, QST)]),
            ("CAD", [line("100.00", HST), line("50.00")]),  # 50.00 untaxed
            ("CAD", [line("200.00", LineTax("HST", D(15)))]),
            ("USD", [line("70.00")]),
        ],
    )
    cad, usd = summary.currencies
    assert (cad.currency, cad.invoices, cad.sales) == ("CAD", 4, D("370.00"))
    figures = {t.name: (t.rates, t.taxable, t.collected) for t in cad.taxes}
    assert figures == {
        "GST": ((D(5),), D("20.00"), D("1.00")),
        "QST": ((D("9.975"),), D("20.00"), D("2.00")),
        "HST": ((D(13), D(15)), D("300.00"), D("43.00")),
    }
    assert [t.name for t in cad.taxes] == ["GST", "QST", "HST"]
    assert cad.collected == D("46.00")
    assert (usd.currency, usd.sales, usd.taxes, usd.collected) == ("USD", D("70.00"), (), D("0"))


def test_a_period_without_invoices_has_no_figures() -> None:
    assert tax_summary(START, END, []).currencies == ()
