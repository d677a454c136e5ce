"""The invoice as a PDF: what the customer's accounts-payable clerk keys in and pays.

Everything the clerk needs to approve it sits where they look for it: who it is
from (with tax numbers), who it is for, number, dates, PO, the lines, the taxes,
and one large figure, the balance due, with the due date and how to pay.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from diva_desk.core.invoices.pay_links import link_for_invoice
from diva_desk.core.invoices.payment_methods import payment_method_label
from diva_desk.core.invoices.tax_names import tax_label
from diva_desk.core.invoices.totals import (
    InvoiceStatus,
    line_net,
)
from diva_desk.core.money import ZERO, normalized
from diva_desk.core.papers import InvoiceDocument
from diva_desk.core.records import Invoice
from diva_desk.documents import blocks, style
from diva_desk.documents.interest import late_interest
from diva_desk.documents.invoice_figures import Figures
from diva_desk.documents.page import Mark, build_pdf
from diva_desk.documents.pay_link import pay_link_block
from diva_desk.documents.tables import LongTable, Table
from diva_desk.documents.tax_summary import tax_summary
from diva_desk.i18n import _
from diva_desk.i18n.format import date


def status_mark(status: InvoiceStatus) -> Mark | None:
    """PAID and VOID are stamped across the page; so is DRAFT, lest one be sent."""
    if status is InvoiceStatus.PAID:
        return Mark(_("PAID"), style.PAID_MARK)
    if status is InvoiceStatus.VOID:
        return Mark(_("VOID"), style.VOID_MARK)
    if status is InvoiceStatus.DRAFT:
        return Mark(_("DRAFT"), style.MUTED)
    return None


def _header(doc: InvoiceDocument, f: Figures) -> Flowable:
    inv = doc.invoice
    facts = [
        (_("Invoice number"), style.text(inv.number)),
        (_("Issue date"), f.date(inv.issue_date)),
        (_("Due date"), f.date(inv.due_date)),
    ]
    if inv.po_number.strip():
        facts.append((_("PO number"), style.text(inv.po_number)))
    right = [
        style.paragraph(style.text(_("Invoice").upper()), style.TITLE),
        Spacer(1, 6),
        blocks.facts_table(facts),
    ]
    return blocks.letterhead(doc.business, doc.logo, right)


def _addresses(doc: InvoiceDocument, width: float, heading: str | None = None) -> Flowable:
    bill_to = [
        style.paragraph(style.text((heading or _("Bill to")).upper()), style.LABEL),
        *blocks.customer_block(doc.customer),
    ]
    table = Table(
        [[bill_to, blocks.accounts_payable_block(doc.customer)]],
        colWidths=[width * 0.55, width * 0.45],
    )
    table.setStyle(blocks.plain_table_style())
    return table


#: The narrowest the quantity, unit price, tax and amount columns are drawn.
_LEAST_NUMERIC = (14 * mm, 20 * mm, 16 * mm, 22 * mm)
#: Line items are set a little tighter than other tables (3 pt above and below):
#: a 120-line invoice then takes four pages, not five.
_LINE_PADDING = 3


_needed = blocks.needed_width
_unbroken = blocks.unbroken


def _line_items(doc: InvoiceDocument, f: Figures, width: float) -> Flowable:
    rows: list[list[object]] = [
        blocks.head(
            _("Description"), _("Quantity"), _("Unit price"), _("Tax"), _("Amount"), numeric_from=1
        )
    ]
    taxes: list[str] = []
    for line in doc.invoice.lines:
        # Each tax of the line on its own line of the cell: "GST 5 %" over "QST 9.975 %".
        charged = [tax for tax in line.taxes if tax.name and tax.rate]
        tax = "<br/>".join(style.text(tax_label(t.name)) + " " + f.rate(t.rate) for t in charged)
        taxes += [style.text(tax_label(t.name)) + "\u00a0" + f.rate(t.rate) for t in charged]
        rows.append(
            [
                style.paragraph(style.text(line.description), style.CELL),
                style.paragraph(f.formats.number(normalized(line.quantity)), style.CELL_RIGHT),
                style.paragraph(f.formats.price(line.unit_price, f.currency), style.CELL_RIGHT),
                style.paragraph(tax, style.CELL_RIGHT),
                style.paragraph(f.money(line_net(line, f.currency)), style.CELL_RIGHT),
            ]
        )
    # The numbers take the room they need (measured, with their headings) and the
    # description takes the rest, so short descriptions stay on one line and a long
    # invoice fills its pages. The tax column stops at 40 mm: a name too long for
    # that still breaks at its space, never inside the rate.
    numeric = [max(_needed(row[column]) for row in rows) for column in range(1, len(rows[0]))]
    widest_tax = max((blocks.cell_width(tax, style.CELL_RIGHT) for tax in set(taxes)), default=0)
    numeric[2] = min(max(numeric[2], widest_tax), 40 * mm)
    numeric = [max(w, least) for w, least in zip(numeric, _LEAST_NUMERIC, strict=True)]
    table = LongTable(rows, colWidths=[width - sum(numeric), *numeric], repeatRows=1, splitByRow=1)
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=1, padding=_LINE_PADDING))
    return table


def _totals(doc: InvoiceDocument, f: Figures, width: float) -> list[Flowable]:
    """Subtotal, each tax, total, the deposit and what came in, then the balance."""
    inv = doc.invoice
    # (label markup, amount markup, emphasised)
    rows: list[tuple[str, str, bool]] = [(style.text(_("Subtotal")), f.money(f.totals.net), False)]
    for tax in f.totals.taxes:
        rows.append(
            (style.text(tax_label(tax.name)) + " " + f.rate(tax.rate), f.money(tax.amount), False)
        )
    rows.append((style.text(_("Total")), f.money(f.totals.total), True))
    if inv.deposit_amount > ZERO:
        # The due date goes with what is still owed of the deposit, or, once it is
        # all in, stays beside the amount asked.
        asked = style.text(_("Deposit requested"))
        if f.deposit_due <= ZERO:
            asked += _small_due(inv, f)
        rows.append((asked, f.money(inv.deposit_amount), False))
        rows.append((style.text(_("Deposit received")), f.money(f.deposits), False))
        if f.deposit_due > ZERO:
            still = style.text(_("Deposit still due")) + _small_due(inv, f)
            rows.append((still, f.money(f.deposit_due), False))
    if f.paid > ZERO:
        # Positive, under a label that says it is taken off: no "-$500.00" to puzzle over.
        rows.append((style.text(_("Less payments received")), f.money(f.paid), False))
    data = [
        [
            style.paragraph(label, style.CELL_BOLD if strong else style.CELL),
            style.paragraph(value, style.CELL_BOLD_RIGHT if strong else style.CELL_RIGHT),
        ]
        for label, value, strong in rows
    ]
    table = Table(data, colWidths=[width * 0.62, width * 0.38], hAlign="RIGHT")
    strong_rows = [i for i, row in enumerate(rows) if row[2]]
    table.setStyle(blocks.totals_table_style(strong_rows))
    return [table, Spacer(1, 8), _balance_band(inv, f, width)]


#: The balance band's cell padding beyond the data tables' (blocks.band_style: 8 each side).
_BAND_PADDING = 3


def balance_note(status: InvoiceStatus, due_date: dt.date, locale: str) -> str:
    """Under the balance: when it is due; thanks once paid; nothing on a void invoice.

    "Due by" under a $0.00 balance would ask for money nobody owes.
    """
    if status is InvoiceStatus.PAID:
        return _("Paid — thank you")
    if status is InvoiceStatus.VOID:
        return ""
    return _("Due by {date}").format(date=date(due_date, locale=locale))


def _small_due(inv: Invoice, f: Figures) -> str:
    """``due Dec 1, 2026`` in small grey type under a label, or nothing without a date."""
    if not inv.deposit_due_date:
        return ""
    due = _("due {date}").format(date=date(inv.deposit_due_date, locale=f.locale))
    return f'<br/><font size="7.5" color="#{style.MUTED.hexval()[2:]}">{style.text(due)}</font>'


def _balance_band(inv: Invoice, f: Figures, width: float) -> Table:
    """The one figure that matters, large, with when it is due (or that it is settled)."""
    figure = f.money(f.balance)
    # A six-figure balance must not break over two lines: its column takes up to
    # two thirds of the band, and past that the figure is set smaller.
    # "Balance due" keeps its line too: the figure gets what the label leaves.
    label = style.text(_("Balance due"))
    label_width = blocks.cell_width(_unbroken(_("Balance due")), style.BALANCE_LABEL)
    label_width += 2 * _BAND_PADDING
    needed = blocks.cell_width(figure, style.BALANCE) + 2 * _BAND_PADDING
    figure_width = min(max(width * 0.6, needed), width * 0.66, width - label_width)
    figure_style = style.BALANCE
    if needed > figure_width:
        scale = (figure_width - 2 * _BAND_PADDING - 1) / (needed - 2 * _BAND_PADDING - 1)
        figure_style = ParagraphStyle(
            "balance-fitted",
            parent=style.BALANCE,
            fontSize=style.BALANCE.fontSize * scale * 0.98,
            leading=style.BALANCE.leading * scale,
        )
    rows: list[list[object]] = [
        [
            style.paragraph(label, style.BALANCE_LABEL),
            style.paragraph(figure, figure_style),
        ]
    ]
    note = balance_note(f.status, inv.due_date, f.locale)
    if note:
        rows.append(["", style.paragraph(style.text(note), style.BALANCE_NOTE)])
    table = Table(rows, colWidths=[width - figure_width, figure_width], hAlign="RIGHT")
    table.setStyle(blocks.band_style())
    return table


def _summary(doc: InvoiceDocument, f: Figures, width: float) -> Flowable:
    """Taxes and how to pay on the left, totals and balance on the right, on one page."""
    left_width, gap = width * 0.46, width * 0.06
    right_width = width - left_width - gap
    left = tax_summary(doc, f, left_width)
    how = blocks.how_to_pay(doc.business, doc.instructions_by_currency, [doc.invoice.currency])
    inv = doc.invoice
    link = link_for_invoice(
        doc.business.payment_link, inv.payment_link, inv.number, f.balance, f.currency
    )
    how += pay_link_block([] if link is None else [link], f.formats, left_width, gap=bool(how))
    if how and left:
        left.append(Spacer(1, 5 * mm))
    left += how
    table = Table(
        [[left, "", _totals(doc, f, right_width)]],
        colWidths=[left_width, gap, right_width],
    )
    table.setStyle(blocks.plain_table_style())
    return KeepTogether([table])


def _payments(doc: InvoiceDocument, f: Figures, width: float) -> list[Flowable]:
    if not doc.payments:
        return []
    rows: list[list[object]] = [
        blocks.head(_("Date"), _("Method"), _("Reference"), _("Amount"), numeric_from=3)
    ]
    for payment in sorted(doc.payments, key=lambda p: p.date):
        method = payment_method_label(payment.method)
        if payment.is_deposit:
            method = (method + " · " if method else "") + _("deposit")
        rows.append(
            [
                style.paragraph(f.date(payment.date), style.CELL),
                style.paragraph(style.text(method), style.CELL),
                style.paragraph(style.text(payment.reference), style.CELL),
                style.paragraph(f.money(payment.amount), style.CELL_RIGHT),
            ]
        )
    table = Table(
        rows, colWidths=[width * 0.22, width * 0.25, width * 0.33, width * 0.2], repeatRows=1
    )
    table.setStyle(blocks.data_table_style(len(rows), numeric_from=3))
    return [blocks.section(_("Payments received")), table]


def _notes(notes: str) -> list[Flowable]:
    if not notes.strip():
        return []
    return [
        KeepTogether(
            [blocks.section(_("Notes")), style.paragraph(style.text(notes.strip()), style.BODY)]
        )
    ]


def invoice_story(doc: InvoiceDocument, width: float) -> tuple[list[Flowable], Figures]:
    f = Figures(doc)
    story: list[Flowable] = [
        _header(doc, f),
        Spacer(1, 10 * mm),
        _addresses(doc, width),
        Spacer(1, 7 * mm),
        _line_items(doc, f, width),
        Spacer(1, 6 * mm),
        _summary(doc, f, width),
        *_payments(doc, f, width),
        *_notes(doc.invoice.notes),
        *late_interest.terms_note(doc.business, doc.customer, doc.invoice),
    ]
    return story, f


@style.in_customer_language
def invoice_pdf(doc: InvoiceDocument) -> bytes:
    """The invoice as PDF bytes, ready to save, print or attach to an email."""
    width = style.content_width(doc.business.locale)
    story, f = invoice_story(doc, width)
    title = _("Invoice {number}").format(number=doc.invoice.number)
    return build_pdf(
        story,
        locale=f.locale,
        page_locale=doc.business.locale,
        title=title,
        author=doc.business.name,
        footer_left=blocks.footer_line(doc.business) + "  ·  " + title,
        mark=status_mark(f.status),
        running_head=title + "  ·  " + doc.customer.name,
    )


# The quote (documents/quotes) draws its addresses, lines, taxes and notes with these:
# one way of drawing an invoice's parts.
addresses = _addresses
line_items = _line_items
notes_section = _notes
