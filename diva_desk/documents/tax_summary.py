"""The tax summary of an invoice (and of a quote, drawn with the invoice's parts): each
tax on a row of its own, with the business's registration number for it under it."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from diva_desk.core.invoices.tax_names import tax_label
from diva_desk.core.papers import InvoiceDocument
from diva_desk.documents import blocks, style
from diva_desk.documents.invoice_figures import Figures
from diva_desk.documents.tables import Table
from diva_desk.i18n import _


def tax_summary(doc: InvoiceDocument, f: Figures, width: float) -> list[Flowable]:
    """Each tax on a row of its own, and under it, across the table, the business's
    registration number for that tax (what the customer claims its input tax credit with)."""
    if not f.totals.taxes:
        return []
    rows: list[list[object]] = [blocks.head(_("Tax"), _("Rate"), _("On"), _("Tax"), numeric_from=1)]
    number_rows: list[int] = []
    rates = [f.rate(tax.rate) for tax in f.totals.taxes]
    for tax, rate in zip(f.totals.taxes, rates, strict=True):
        rows.append(
            [
                style.paragraph(style.text(tax_label(tax.name)), style.CELL),
                style.paragraph(rate, style.CELL_RIGHT),
                style.paragraph(f.money(tax.base), style.CELL_RIGHT),
                style.paragraph(f.money(tax.amount), style.CELL_RIGHT),
            ]
        )
        if number := doc.business.registration_for(tax.name):
            text = _("{tax} registration no. {number}").format(
                tax=tax_label(tax.name), number=number
            )
            small = f'<font size="7" color="#{style.MUTED.hexval()[2:]}">{style.text(text)}</font>'
            number_rows.append(len(rows))
            rows.append([style.paragraph(small, style.CELL), "", "", ""])
    # A rate such as "14,975 %" must stay on one line: its column is as wide as the
    # widest rate (and its heading), the amounts share what is left.
    rate_width = max(
        blocks.cell_width(_("Rate"), style.HEAD_RIGHT),
        *(blocks.cell_width(rate, style.CELL_RIGHT) for rate in rates),
    )
    rate_width = max(rate_width, width * 0.16)
    rest = width - rate_width
    table = Table(
        rows, colWidths=[rest * 0.24, rate_width, rest * 0.40, rest * 0.36], hAlign="LEFT"
    )
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=1))
    # The number row belongs to the tax above it: no rule between them, little room.
    for row in number_rows:
        table.setStyle(
            [
                ("SPAN", (0, row), (-1, row)),
                ("LINEBELOW", (0, row - 1), (-1, row - 1), 0.6, colors.white),
                ("TOPPADDING", (0, row), (-1, row), 0),
            ]
        )
    return [style.paragraph(style.text(_("Tax summary").upper()), style.LABEL), Spacer(1, 3), table]
