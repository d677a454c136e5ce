"""The sales tax collected in a period, out of the book: to CSV and to PDF.

The CSV follows the aging export's rules (exports.aging): UTF-8 with a byte-order
mark, text cells a spreadsheet would run as a formula neutralised, amounts as plain
decimals ("3343.50") so the sheet can add them up, written beside the file and renamed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diva_desk.core.money import decimal_text, money_text
from diva_desk.core.spreadsheet import neutralised
from diva_desk.documents.tax_report import tax_report_pdf
from diva_desk.i18n import _
from diva_desk.saved_files import write_csv
from diva_desk.store.invoices.documents import letterhead
from diva_desk.store.taxes.collected import tax_summary_for


def tax_pdf(start: dt.date, end: dt.date) -> bytes:
    business, logo = letterhead()
    return tax_report_pdf(business, logo, tax_summary_for(start, end))


def tax_csv(path: Path, start: dt.date, end: dt.date) -> int:
    """Write the period's figures to ``path``: a row per currency and tax, then a row of
    each currency's sales and total tax (its tax column empty). Returns the tax rows."""
    summary = tax_summary_for(start, end)
    headers = [
        _("From"),
        _("To"),
        _("Currency"),
        _("Tax"),
        _("Rates (%)"),
        _("Taxable sales"),
        _("Tax collected"),
        _("Invoices"),
    ]
    period = [start.isoformat(), end.isoformat()]
    rows: list[list[str]] = []
    for c in summary.currencies:
        for t in c.taxes:
            rates = " ".join(decimal_text(rate) for rate in t.rates)
            rows.append(
                [
                    *period,
                    c.currency,
                    neutralised(t.name),
                    rates,
                    money_text(t.taxable, c.currency),
                    money_text(t.collected, c.currency),
                    "",
                ]
            )
    taxes = len(rows)
    for c in summary.currencies:
        rows.append(
            [
                *period,
                c.currency,
                "",
                "",
                money_text(c.sales, c.currency),
                money_text(c.collected, c.currency),
                str(c.invoices),
            ]
        )
    write_csv(path, headers, rows)
    return taxes
