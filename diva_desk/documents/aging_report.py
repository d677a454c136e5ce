"""The aging report as PDF: who owes what on a day, and how long past due.

It is the owner's page, for their accountant, their bank or the desk drawer, so it
wears the same letterhead, palette and type as the invoices and statements. One
table per currency (amounts in two currencies are never added), a row per
customer, the buckets a collector thinks in, and a total row at the bottom of each.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from diva_desk.core.papers import AgingDocument
from diva_desk.core.reports.aging import AgingBucket, bucket_label
from diva_desk.core.reports.receivables import AgingRow
from diva_desk.documents import blocks, style
from diva_desk.documents.page import build_pdf
from diva_desk.documents.tables import LongTable
from diva_desk.i18n import _, speaking

#: Width of each amount column; the customer's name takes what is left. Seven
#: columns on portrait paper: the amounts are set a size smaller than on a statement
#: and the cells padded less, so five-figure amounts stay on one line.
_AMOUNT_WIDTH = 22 * mm
_AMOUNT = ParagraphStyle("aging-amount", parent=style.CELL_RIGHT, fontSize=7.5, leading=10)
_AMOUNT_BOLD = ParagraphStyle(
    "aging-amount-bold", parent=style.CELL_BOLD_RIGHT, fontSize=7.5, leading=10
)
_TIGHT = [("LEFTPADDING", (1, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
#: A currency's heading may end a page: its table is long and splits anyway, and
#: keeping the two together would push the whole table off the first page.
_CURRENCY_HEADING = ParagraphStyle("aging-currency", parent=style.SECTION, keepWithNext=0)


def _header(doc: AgingDocument, f: style.Formats) -> Flowable:
    report = doc.report
    facts = [(_("As of"), f.date(report.as_of))]
    owing = len({row.customer_id for row in report.customers})
    facts.append((_("Customers owing"), f.number(owing)))
    right = [
        Paragraph(style.text(_("Aging report").upper()), style.TITLE),
        Spacer(1, 6),
        blocks.facts_table(facts),
    ]
    return blocks.letterhead(doc.business, doc.logo, right)


def _amounts(row: AgingRow, f: style.Formats, *, total_row: bool) -> list[Paragraph]:
    """The buckets and the total; an empty bucket of a customer is a dash, easier to scan."""
    cell = _AMOUNT_BOLD if total_row else _AMOUNT
    cells = [
        Paragraph(f.money(row.bucket(b), row.currency) if total_row or row.bucket(b) else "—", cell)
        for b in AgingBucket
    ]
    return [*cells, Paragraph(f.money(row.total, row.currency), _AMOUNT_BOLD)]


def _currency_table(
    total: AgingRow, customers: list[AgingRow], f: style.Formats, width: float
) -> list[Flowable]:
    labels = [bucket_label(b) for b in AgingBucket]
    rows: list[list[object]] = [blocks.head(_("Customer"), *labels, _("Total"), numeric_from=1)]
    for row in customers:
        name = (
            f"{style.text(row.name)}<br/>"
            f'<font size="7" color="#{style.MUTED.hexval()[2:]}">{style.text(row.code)}</font>'
        )
        rows.append(
            [
                Paragraph(name, style.CELL),
                *_amounts(row, f, total_row=False),
            ]
        )
    label = _("Total {currency}").format(currency=total.currency)
    rows.append(
        [
            Paragraph(style.text(label), style.CELL_BOLD),
            *_amounts(total, f, total_row=True),
        ]
    )
    widths = [width - 6 * _AMOUNT_WIDTH] + [_AMOUNT_WIDTH] * 6
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=1, total_row=True))
    table.setStyle(_TIGHT)
    return [table]


def aging_report_pdf(doc: AgingDocument) -> bytes:
    """The aging report as PDF bytes, in the business's locale and paper size."""
    with speaking(doc.business.locale):  # the owner's report, in the owner's language
        return _aging_report_pdf(doc)


def _aging_report_pdf(doc: AgingDocument) -> bytes:
    report = doc.report
    locale = doc.business.locale
    f = style.Formats(locale)
    width = style.content_width(locale)
    story: list[Flowable] = [_header(doc, f), Spacer(1, 10 * mm)]
    if not report.totals:
        note = _("Nothing is owed on {date}.").format(
            date=style.fmt.date(report.as_of, locale=locale)
        )
        story.append(Paragraph(style.text(note), style.BODY))
    several = len(report.totals) > 1
    for total in report.totals:
        customers = [row for row in report.customers if row.currency == total.currency]
        if several:
            heading = f"{style.fmt.currency_name(total.currency, locale)} ({total.currency})"
            story.append(Paragraph(style.text(heading), _CURRENCY_HEADING))
        story += _currency_table(total, customers, f, width)
        story.append(Spacer(1, 6 * mm))
    story.append(
        Paragraph(
            style.text(
                _(
                    "Current is not yet due; the other columns are days past the due date. "
                    "Customers owing nothing are left out."
                )
            ),
            style.SMALL,
        )
    )
    date = style.fmt.date(report.as_of, locale=locale)
    return build_pdf(
        story,
        locale=locale,
        page_locale=locale,
        title=_("Aging report as of {date}").format(date=date),
        author=doc.business.name,
        footer_left=blocks.footer_line(doc.business)
        + "  ·  "
        + _("Aging {date}").format(date=date),
    )
