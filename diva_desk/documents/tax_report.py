"""The sales tax collected in a period, as PDF: the figures a tax return asks for.

The owner's page, for their accountant or their own filing: per currency, each tax
name with its rates, the taxable sales under it and the tax collected, then the
period's sales of every invoice and the total tax; registration numbers beside each
tax, as the invoices print them. docs/taxes.md says which return lines they feed.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from diva_desk.core.invoices.tax_names import tax_label
from diva_desk.core.invoices.tax_summary import CurrencyTaxes, TaxSummary
from diva_desk.core.records import Business
from diva_desk.documents import blocks, style
from diva_desk.documents.page import build_pdf
from diva_desk.documents.tables import LongTable
from diva_desk.i18n import _, ngettext


def _header(
    business: Business, logo: bytes | None, summary: TaxSummary, f: style.Formats
) -> Flowable:
    facts = [(_("From"), f.date(summary.start)), (_("To"), f.date(summary.end))]
    right = [
        Paragraph(style.text(_("Sales tax collected").upper()), style.TITLE),
        Spacer(1, 6),
        blocks.facts_table(facts),
    ]
    return blocks.letterhead(business, logo, right)


def _currency_table(
    business: Business, figures: CurrencyTaxes, f: style.Formats, width: float
) -> list[Flowable]:
    money = lambda amount: f.money(amount, figures.currency)  # noqa: E731
    rows: list[list[object]] = [
        blocks.head(_("Tax"), _("Rates"), _("Taxable sales"), _("Tax collected"), numeric_from=1)
    ]
    for tax in figures.taxes:
        name = style.text(tax_label(tax.name))
        if number := business.registration_for(tax.name):
            muted = style.MUTED.hexval()[2:]
            label = _("registration no. {number}").format(number=number)
            name += f'<br/><font size="7" color="#{muted}">{style.text(label)}</font>'
        rates = ", ".join(f.rate(rate) for rate in tax.rates)
        rows.append(
            [
                Paragraph(name, style.CELL),
                Paragraph(rates, style.CELL_RIGHT),
                Paragraph(money(tax.taxable), style.CELL_RIGHT),
                Paragraph(money(tax.collected), style.CELL_RIGHT),
            ]
        )
    invoices = ngettext("{count} invoice", "{count} invoices", figures.invoices).format(
        count=f.number(figures.invoices)
    )
    total = _("All sales ({invoices})").format(invoices=invoices)
    rows.append(
        [
            Paragraph(style.text(total), style.CELL_BOLD),
            Paragraph("", style.CELL_RIGHT),
            Paragraph(money(figures.sales), style.CELL_BOLD_RIGHT),
            Paragraph(money(figures.collected), style.CELL_BOLD_RIGHT),
        ]
    )
    amount = 34 * mm
    table = LongTable(
        rows, colWidths=[width - 2 * amount - 30 * mm, 30 * mm, amount, amount], repeatRows=1
    )
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=1, total_row=True))
    return [table]


def tax_report_pdf(business: Business, logo: bytes | None, summary: TaxSummary) -> bytes:
    """The period's tax per name as PDF bytes, in the business's locale and paper size."""
    locale = business.locale
    f = style.Formats(locale)
    width = style.content_width(locale)
    story: list[Flowable] = [_header(business, logo, summary, f), Spacer(1, 10 * mm)]
    if not summary.currencies:
        story.append(Paragraph(style.text(_("No invoice was issued in this period.")), style.BODY))
    several = len(summary.currencies) > 1
    for figures in summary.currencies:
        if several:
            name = style.fmt.currency_name(figures.currency, locale)
            story.append(Paragraph(style.text(f"{name} ({figures.currency})"), style.SECTION))
        story += _currency_table(business, figures, f, width)
        story.append(Spacer(1, 6 * mm))
    story.append(
        Paragraph(
            style.text(
                _(
                    "Invoices issued in the period and sent; void invoices and drafts are "
                    "left out. Each invoice's tax is as it printed: summed per tax and "
                    "rounded once. Input tax credits and refunds are not tracked here."
                )
            ),
            style.SMALL,
        )
    )
    period = _("{start} to {end}").format(start=f.date(summary.start), end=f.date(summary.end))
    return build_pdf(
        story,
        locale=locale,
        page_locale=locale,
        title=_("Sales tax collected, {period}").format(period=period),
        author=business.name,
        footer_left=blocks.footer_line(business)
        + "  ·  "
        + _("Sales tax {period}").format(period=period),
    )
