"""The pay link as printed: a QR code a phone opens, beside the link itself, clickable.

Drawn beside the payment instructions (the invoice's summary, the statement's total
due, the reminder's "how to pay"). The code is 26 mm square with its quiet zone, error
correction level M: a phone camera reads it from paper at arm's length, and a 500
character address (the longest a template may be) still has modules of about 0.3 mm.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from diva_desk.core.invoices.pay_links import PayLink
from diva_desk.documents import blocks, style
from diva_desk.documents.tables import Table
from diva_desk.i18n import _

#: The printed side of the QR code, quiet zone included.
QR_SIZE = 26 * mm
_GAP = 4 * mm


def qr_drawing(url: str, size: float = QR_SIZE) -> Drawing:
    """``url`` as a QR code ``size`` points square (its quiet zone inside)."""
    widget = QrCodeWidget(url, barLevel="M", barBorder=4)
    left, bottom, right, top = widget.getBounds()
    scale = [size / (right - left), 0, 0, size / (top - bottom), 0, 0]
    drawing = Drawing(size, size, transform=scale)
    drawing.add(widget)
    return drawing


def link_markup(url: str) -> str:
    """The address as a clickable link, in the accent colour."""
    href = escape(url, {'"': "&quot;"})
    return f'<a href="{href}" color="#{style.ACCENT.hexval()[2:]}">{escape(url)}</a>'


def pay_link_block(
    links: Sequence[PayLink],
    f: style.Formats,
    width: float,
    *,
    amounts: bool = False,
    gap: bool = False,
) -> list[Flowable]:
    """ "Pay online", then each link's QR code with the address beside it; nothing when
    there is no link. ``amounts`` says under each address what it pays (a letter's
    total, where the invoice's own balance band already says it); ``gap`` puts room
    above, after the payment instructions."""
    if not links:
        return []
    parts: list[Flowable] = [Spacer(1, 4 * mm)] if gap else []
    parts += [
        style.paragraph(style.text(_("Pay online").upper()), style.LABEL),
        Spacer(1, 3),
    ]
    text_width = width - QR_SIZE - _GAP
    for link in links:
        words = [
            style.paragraph(style.text(_("Scan the code with a phone, or open:")), style.SMALL),
            Spacer(1, 2),
            style.paragraph(link_markup(link.url), style.CELL),
        ]
        if amounts:
            pays = _("For {amount}").format(amount=f.money(link.amount, link.currency))
            words += [Spacer(1, 2), style.paragraph(style.text(pays), style.SMALL)]
        table = Table(
            [[qr_drawing(link.url), "", words]],
            colWidths=[QR_SIZE, _GAP, text_width],
            hAlign="LEFT",
        )
        table.setStyle(blocks.plain_table_style())
        parts += [table, Spacer(1, 3)]
    return parts[:-1]


def beside_instructions(
    how: list[Flowable], links: Sequence[PayLink], f: style.Formats, width: float
) -> list[Flowable]:
    """A letter's "how to pay" with the pay link beside it, across ``width``: side by side
    the two take the height of the taller, so the letter keeps to its page."""
    pay = pay_link_block(links, f, width * 0.44, amounts=True)
    if not how or not pay:
        return how or pay_link_block(links, f, width, amounts=True)
    table = Table([[how, "", pay]], colWidths=[width * 0.5, width * 0.06, width * 0.44])
    table.setStyle(blocks.plain_table_style())
    return [table]
