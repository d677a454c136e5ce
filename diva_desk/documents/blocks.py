"""Pieces every document shares: the letterhead, the customer's address, tables."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable, Mapping, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    Paragraph,
    Spacer,
    TableStyle,
)

from diva_desk.core.invoices.instructions import instructions_for_all
from diva_desk.core.records import Business, Customer
from diva_desk.documents import style
from diva_desk.documents.fonts import REGULAR, register_fonts
from diva_desk.documents.tables import Table
from diva_desk.i18n import _

log = logging.getLogger(__name__)

LOGO_MAX_WIDTH = 55 * mm
LOGO_MAX_HEIGHT = 20 * mm


def _table_style(commands: Sequence[tuple[object, ...]]) -> TableStyle:
    """A table style whose plain-string cells (even empty ones) use the embedded font.

    Without this ReportLab sets empty cells in Helvetica, which then sits in the
    PDF as a font nobody sees and the viewer has to substitute.
    """
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def logo_image(logo: bytes | None) -> Image | None:
    """The business's logo scaled into a modest box, or ``None``.

    A logo ReportLab cannot read is left off with a warning in the log: the invoice
    still has to go out.
    """
    if not logo:
        return None
    try:
        width, height = ImageReader(io.BytesIO(logo)).getSize()
    except Exception:
        log.warning("The business logo is not a PNG or JPEG image; left off the document")
        return None
    scale = min(LOGO_MAX_WIDTH / width, LOGO_MAX_HEIGHT / height, 1.0)
    image = Image(io.BytesIO(logo), width=width * scale, height=height * scale)
    image.hAlign = "LEFT"
    return image


def business_block(business: Business, logo: bytes | None) -> list[Flowable]:
    """Who is writing: logo, name, address, how to reach them, tax numbers."""
    parts: list[Flowable] = []
    image = logo_image(logo)
    if image is not None:
        parts += [image, Spacer(1, 6)]
    parts.append(style.paragraph(style.text(business.name), style.BUSINESS_NAME))
    contact = style.lines(business.address, business.email, business.phone)
    if contact:
        parts.append(style.paragraph(contact, style.SMALL))
    if business.tax_numbers.strip():
        parts.append(Spacer(1, 2))
        parts.append(style.paragraph(style.text(business.tax_numbers), style.SMALL))
    return parts


def letterhead(business: Business, logo: bytes | None, right: Sequence[Flowable]) -> Table:
    """The business on the left, the document's title and key facts on the right."""
    table = Table(
        [[business_block(business, logo), list(right)]],
        colWidths=["55%", "45%"],
    )
    table.setStyle(
        _table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def customer_block(customer: Customer) -> list[Flowable]:
    """The customer's name, contact and address, as on an envelope."""
    return [
        style.paragraph(style.text(customer.name), style.CELL_BOLD),
        style.paragraph(style.lines(customer.contact_name, customer.address), style.BODY),
    ]


def accounts_payable_block(customer: Customer) -> list[Flowable]:
    """Who pays the bills there, when the customer told us."""
    details = style.lines(customer.ap_contact_name, customer.ap_email, customer.ap_phone)
    if not details:
        return []
    return [
        style.paragraph(_("Accounts payable").upper(), style.LABEL),
        style.paragraph(details, style.BODY),
    ]


def facts_table(rows: Sequence[tuple[str, str]]) -> Table:
    """Label/value pairs right-aligned under a title (number, dates, PO)."""
    data = [
        [
            style.paragraph(style.text(label), style.LABEL_RIGHT),
            style.paragraph(value, style.CELL_RIGHT),
        ]
        for label, value in rows
    ]
    table = Table(data, colWidths=["55%", "45%"], hAlign="RIGHT")
    table.setStyle(
        _table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


#: The left and right padding of a data table's cells.
CELL_PADDING = 5


def cell_width(markup: str, paragraph_style: ParagraphStyle) -> float:
    """The column width a data-table cell needs to keep ``markup`` on one line.

    ReportLab splits a word wider than its column letter by letter, so a narrow
    column would print "9.97" on one line and "5 %" on the next.
    """
    register_fonts()
    return _min_width(markup, paragraph_style) + 2 * CELL_PADDING + 1


def _min_width(markup: str, paragraph_style: ParagraphStyle) -> float:
    """``Paragraph(markup, paragraph_style).minWidth()``, without parsing plain text.

    Most cells measured are an amount or a date with no markup at all: for those the
    widest space-separated word in the style's font is what the paragraph would say,
    and building a paragraph only to ask was a tenth of an invoice's time.
    """
    if not markup:
        return 0
    if style.PLAIN.fullmatch(markup):
        font, size = paragraph_style.fontName, paragraph_style.fontSize
        return max(stringWidth(word, font, size) for word in markup.split(" "))
    return Paragraph(markup, paragraph_style).minWidth()


def unbroken(text: str) -> str:
    """``text`` as markup with no-break spaces: measured, it gives its whole width."""
    return style.printed(text.replace(" ", "\u00a0"))


def needed_width(cell: object) -> float:
    """The width a paragraph cell needs to stay on one line (0 for anything else)."""
    if not isinstance(cell, Paragraph):
        return 0
    return cell_width(unbroken(cell.getPlainText()), cell.style)


def column_widths(
    rows: Sequence[Sequence[object]], columns: Iterable[int], least: Sequence[float]
) -> list[float]:
    """Each of ``columns`` as wide as its widest data cell on one line, at least ``least``.

    The heading row (``rows[0]``) may still break between its words, so it only
    asks for its longest word. An amount then never breaks mid-number.
    """
    widths = []
    for column, floor in zip(columns, least, strict=True):
        head = rows[0][column]
        heading = 0.0
        if isinstance(head, Paragraph):
            heading = cell_width(style.printed(head.getPlainText()), head.style)
        cells = max((needed_width(row[column]) for row in rows[1:]), default=0)
        widths.append(max(floor, heading, cells))
    return widths


def fitted_style(
    paragraph_style: ParagraphStyle, markups: Iterable[str], width: float, padding: float = 8
) -> ParagraphStyle:
    """``paragraph_style``, set smaller if need be so each of ``markups`` fits one line.

    For a large figure in a band (cells padded ``padding`` each side) of ``width``.
    """
    register_fonts()
    room = width - 2 * padding - 1
    widest = max((Paragraph(m, paragraph_style).minWidth() for m in markups), default=0)
    if widest <= room:
        return paragraph_style
    scale = room / widest
    return ParagraphStyle(
        f"{paragraph_style.name}-fitted",
        parent=paragraph_style,
        fontSize=paragraph_style.fontSize * scale * 0.98,
        leading=paragraph_style.leading * scale,
    )


def data_table_style(
    rows: int, *, numeric_from: int, total_row: bool = False, padding: float = 4
) -> TableStyle:
    """A header band in the accent colour, hairlines between rows, numbers right.

    ``padding`` is the room above and below each cell's text.
    """
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), style.ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, style.RULE),
    ]
    if total_row and rows > 1:
        commands += [
            ("LINEABOVE", (0, rows - 1), (-1, rows - 1), 0.8, style.ACCENT),
            ("LINEBELOW", (0, rows - 1), (-1, rows - 1), 0, style.RULE),
            ("BACKGROUND", (0, rows - 1), (-1, rows - 1), style.ACCENT_LIGHT),
        ]
    return _table_style(commands)


def plain_table_style() -> TableStyle:
    """A table used only to place blocks side by side: no padding, no lines."""
    return _table_style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )


def totals_table_style(strong_rows: Sequence[int]) -> TableStyle:
    """Label and amount pairs with hairlines; the total gets a stronger rule above."""
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, style.RULE),
    ]
    for row in strong_rows:
        commands.append(("LINEABOVE", (0, row), (-1, row), 0.8, style.ACCENT))
    return _table_style(commands)


def band_style() -> TableStyle:
    """The solid accent band that carries the balance due."""
    return _table_style(
        [
            ("BACKGROUND", (0, 0), (-1, -1), style.ACCENT),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, 0), 8),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ]
    )


def head(*labels: str, numeric_from: int) -> list[Paragraph]:
    """A header row; labels from column ``numeric_from`` on are right-aligned."""
    return [
        style.paragraph(style.text(label), style.HEAD_RIGHT if i >= numeric_from else style.HEAD)
        for i, label in enumerate(labels)
    ]


def section(title: str) -> Paragraph:
    return style.paragraph(style.text(title), style.SECTION)


#: A section heading over a long table: not kept with the whole table (which would
#: push a table that fits on a fresh page there, leaving this page a third empty).
_SECTION_OVER_TABLE = ParagraphStyle("section-over-table", parent=style.SECTION, keepWithNext=0)


def table_section(title: str) -> list[Flowable]:
    """A heading for a table that may split: it starts a new page only when there is
    no room under it for the table's header and a few rows."""
    return [CondPageBreak(30 * mm), style.paragraph(style.text(title), _SECTION_OVER_TABLE)]


def footer_line(business: Business) -> str:
    """Plain text for the footer (drawn directly, so no markup and no escaping)."""
    return "  ·  ".join(p for p in (business.name, business.email, business.phone) if p.strip())


def how_to_pay(
    business: Business, by_currency: Mapping[str, str], currencies: Iterable[str]
) -> list[Flowable]:
    """ "How to pay" and the instructions for the document's currencies, or nothing.

    Each currency gets its own text when the business has one (else the general
    one); texts that differ go under their currency codes.
    """
    texts = instructions_for_all(business.payment_instructions, by_currency, currencies)
    if not texts:
        return []
    parts: list[Flowable] = [
        style.paragraph(style.text(_("How to pay").upper()), style.LABEL),
        Spacer(1, 3),
    ]
    for currency, text in texts:
        if currency:
            parts.append(style.paragraph(style.text(currency), style.CELL_BOLD))
        parts += [style.paragraph(style.text(text), style.BODY), Spacer(1, 3)]
    return parts[:-1]
