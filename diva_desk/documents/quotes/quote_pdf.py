"""The quote as a PDF: plainly a quote, not a bill.

It is drawn with the invoice's own parts (documents.invoice: the letterhead, the
addresses, the lines, the tax summary, the notes), so lines and totals look the same
on both. What differs is what it asks: no balance due and no pay-by date, but the
quote's total, the date it is valid until, and the deposit that confirms the booking
("A 40% deposit of $2,000.00 confirms the booking."), in the customer's language.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from diva_desk.core.invoices.tax_names import tax_label
from diva_desk.core.money import ZERO
from diva_desk.core.papers import InvoiceDocument, QuoteDocument
from diva_desk.core.quotes.states import QuoteStatus, quote_deposit, quote_status
from diva_desk.core.records import Invoice, InvoiceState
from diva_desk.documents import blocks, style
from diva_desk.documents.invoice import (
    Figures,
    addresses,
    line_items,
    notes_section,
    tax_summary,
)
from diva_desk.documents.page import Mark, build_pdf
from diva_desk.documents.tables import Table
from diva_desk.i18n import _


def quote_mark(status: QuoteStatus) -> Mark | None:
    """An answered or lapsed quote says so across the page; so does a draft."""
    marks = {
        QuoteStatus.DRAFT: (_("DRAFT"), style.MUTED),
        QuoteStatus.ACCEPTED: (_("ACCEPTED"), style.PAID_MARK),
        QuoteStatus.DECLINED: (_("DECLINED"), style.VOID_MARK),
        QuoteStatus.EXPIRED: (_("EXPIRED"), style.VOID_MARK),
    }
    found = marks.get(status)
    return None if found is None else Mark(*found)


def _as_invoice_document(doc: QuoteDocument) -> InvoiceDocument:
    """The quote in the shape the invoice's parts draw (never printed as an invoice)."""
    quote = doc.quote
    invoice = Invoice(
        number=quote.number,
        customer=quote.customer,
        issue_date=quote.issue_date,
        due_date=quote.valid_until or quote.issue_date,
        lines=quote.lines,
        currency=quote.currency,
        state=InvoiceState.SENT,
        notes=quote.notes,
    )
    return InvoiceDocument(
        business=doc.business, customer=doc.customer, invoice=invoice, today=doc.today
    )


def _header(doc: QuoteDocument, f: Figures) -> Flowable:
    quote = doc.quote
    facts = [
        (_("Quote number"), style.text(quote.number)),
        (_("Date"), f.date(quote.issue_date)),
    ]
    if quote.valid_until is not None:
        facts.append((_("Valid until"), f.date(quote.valid_until)))
    right = [
        style.paragraph(style.text(_("Quote").upper()), style.TITLE),
        Spacer(1, 6),
        blocks.facts_table(facts),
    ]
    return blocks.letterhead(doc.business, doc.logo, right)


def deposit_sentence(doc: QuoteDocument, f: Figures) -> str:
    """``A 40% deposit of $2,000.00 confirms the booking.``; empty without a deposit."""
    quote = doc.quote
    deposit = quote_deposit(quote.lines, quote.deposit_percent, quote.currency)
    if deposit <= ZERO:
        return ""
    return _("A {percent} deposit of {amount} confirms the booking.").format(
        percent=f.rate(quote.deposit_percent), amount=f.money(deposit)
    )


def _totals(doc: QuoteDocument, f: Figures, width: float) -> list[Flowable]:
    """Subtotal, each tax and the quote's total; then what confirms it and until when."""
    rows: list[tuple[str, str, bool]] = [(style.text(_("Subtotal")), f.money(f.totals.net), False)]
    for tax in f.totals.taxes:
        rows.append(
            (style.text(tax_label(tax.name)) + " " + f.rate(tax.rate), f.money(tax.amount), False)
        )
    rows.append((style.text(_("Quote total")), f.money(f.totals.total), True))
    data = [
        [
            style.paragraph(label, style.CELL_BOLD if strong else style.CELL),
            style.paragraph(value, style.CELL_BOLD_RIGHT if strong else style.CELL_RIGHT),
        ]
        for label, value, strong in rows
    ]
    table = Table(data, colWidths=[width * 0.62, width * 0.38], hAlign="RIGHT")
    table.setStyle(blocks.totals_table_style([len(rows) - 1]))
    said = [deposit_sentence(doc, f)]
    if doc.quote.valid_until is not None:
        said.append(
            _("This quote is valid until {date}.").format(date=f.date(doc.quote.valid_until))
        )
    band = Table(
        [[style.paragraph(text, style.BALANCE_NOTE)] for text in said if text],
        colWidths=[width],
        hAlign="RIGHT",
    )
    band.setStyle(blocks.band_style())
    return [table, Spacer(1, 8), band]


def _summary(
    doc: QuoteDocument, f: Figures, invoice_doc: InvoiceDocument, width: float
) -> Flowable:
    left_width, gap = width * 0.46, width * 0.06
    right_width = width - left_width - gap
    table = Table(
        [[tax_summary(invoice_doc, f, left_width), "", _totals(doc, f, right_width)]],
        colWidths=[left_width, gap, right_width],
    )
    table.setStyle(blocks.plain_table_style())
    return KeepTogether([table])


def quote_story(doc: QuoteDocument, width: float) -> tuple[list[Flowable], Figures]:
    invoice_doc = _as_invoice_document(doc)
    f = Figures(invoice_doc)
    story: list[Flowable] = [
        _header(doc, f),
        Spacer(1, 10 * mm),
        addresses(invoice_doc, width, _("Prepared for")),
        Spacer(1, 7 * mm),
        line_items(invoice_doc, f, width),
        Spacer(1, 6 * mm),
        _summary(doc, f, invoice_doc, width),
        *notes_section(doc.quote.notes),
    ]
    return story, f


@style.in_customer_language
def quote_pdf(doc: QuoteDocument) -> bytes:
    """The quote as PDF bytes, ready to save, print or send."""
    width = style.content_width(doc.business.locale)
    story, f = quote_story(doc, width)
    title = _("Quote {number}").format(number=doc.quote.number)
    today = doc.today or dt.date.today()
    status = quote_status(doc.quote.state, doc.quote.valid_until, today)
    return build_pdf(
        story,
        locale=f.locale,
        page_locale=doc.business.locale,
        title=title,
        author=doc.business.name,
        footer_left=blocks.footer_line(doc.business) + "  ·  " + title,
        mark=quote_mark(status),
        running_head=title + "  ·  " + doc.customer.name,
    )
