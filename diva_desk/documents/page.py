"""Pages: the frame, the footer with "Page n of m", the PAID/VOID mark, and the build.

"Page n of m" needs the page count before the first page is final, so the canvas
keeps every finished page and draws the footers when the document is saved (the
two-pass alternative would lay the whole story out twice).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from diva_desk.core.plain_text import clean_line
from diva_desk.documents import style
from diva_desk.documents.fonts import BOLD, REGULAR, is_covered, register_fonts
from diva_desk.documents.strange_text import fit, printable
from diva_desk.i18n import _
from diva_desk.i18n.format import number


@dataclass(frozen=True)
class Mark:
    """A large stamp across every page (PAID, VOID, DRAFT)."""

    label: str
    color: Color


class NumberedCanvas(Canvas):
    """A canvas that holds its pages back until it knows how many there are."""

    def __init__(
        self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        count = len(self._pages)
        for index, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, index, count)
            super().showPage()
        super().save()


def _draw_line(
    canvas: Canvas, x: float, y: float, value: str, font: str, size: float, width: float
) -> None:
    """User text on one line from ``x`` at baseline ``y``, cut short to ``width``.

    Text the embedded face covers is drawn as before (the same bytes); text with an
    emoji or a CJK character goes through a paragraph so its fallback font is used.
    """
    line = fit(printable(value, one_line=True), font, size, width)
    if all(is_covered(char) for char in line):
        canvas.drawString(x, y, line)
        return
    line_style = ParagraphStyle(
        "page-line", fontName=font, fontSize=size, leading=size, textColor=style.MUTED
    )
    para = Paragraph(style.printed(line), line_style)
    _, height = para.wrap(width + size, size * 4)
    para.drawOn(canvas, x, y - height + size * 0.78)


def _draw_footer(
    canvas: Canvas,
    page: int,
    pages: int,
    *,
    left: str,
    locale: str,
    width: float,
    height: float,
    running_head: str = "",
) -> None:
    y = style.MARGIN - 6
    canvas.saveState()
    if running_head and page > 1:
        # A continuation page says whose it is, in case it is separated from the first.
        top = height - style.MARGIN + 10
        canvas.setFillColor(style.MUTED)
        canvas.setFont(BOLD, 8)
        _draw_line(canvas, style.MARGIN, top, running_head, BOLD, 8, width - 2 * style.MARGIN)
    canvas.setStrokeColor(style.RULE)
    canvas.setLineWidth(0.5)
    canvas.line(style.MARGIN, y + 10, width - style.MARGIN, y + 10)
    canvas.setFillColor(style.MUTED)
    canvas.setFont(REGULAR, 7.5)
    numbering = _("Page {page} of {pages}").format(
        page=number(page, locale=locale), pages=number(pages, locale=locale)
    )
    room = width - 2 * style.MARGIN - canvas.stringWidth(numbering, REGULAR, 7.5) - 12
    _draw_line(canvas, style.MARGIN, y, left, REGULAR, 7.5, room)
    canvas.drawRightString(width - style.MARGIN, y, numbering)
    canvas.restoreState()


def _draw_mark(canvas: Canvas, doc: BaseDocTemplate, mark: Mark) -> None:
    """The stamp goes under the content, tilted, faint enough to read through."""
    width, height = doc.pagesize
    canvas.saveState()
    canvas.translate(width / 2, height / 2)
    canvas.rotate(30)
    size = 96
    text_width = canvas.stringWidth(mark.label, BOLD, size)
    canvas.setFillColor(mark.color)
    canvas.setStrokeColor(mark.color)
    canvas.setFillAlpha(0.13)
    canvas.setStrokeAlpha(0.22)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(0, -size * 0.35, mark.label)
    canvas.setLineWidth(5)
    pad = 22
    canvas.roundRect(
        -text_width / 2 - pad, -size * 0.35 - pad, text_width + 2 * pad, size * 0.72 + 2 * pad, 14
    )
    canvas.restoreState()


def build_pdf(
    story: Sequence[Flowable],
    *,
    locale: str,
    page_locale: str,
    title: str,
    author: str,
    footer_left: str,
    mark: Mark | None = None,
    running_head: str = "",
) -> bytes:
    """Lay ``story`` out on pages and return the PDF.

    ``locale`` formats the page numbers; ``page_locale`` (the business's) picks
    Letter or A4. ``running_head`` is printed at the top of every page after the
    first (whose letterhead already says it). The output is byte-for-byte
    reproducible for the same input.
    """
    register_fonts()
    buffer = io.BytesIO()
    pagesize = style.page_size_for(page_locale)
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=style.MARGIN,
        rightMargin=style.MARGIN,
        topMargin=style.MARGIN,
        bottomMargin=style.MARGIN + style.FOOTER_HEIGHT - 6,
        title=clean_line(title),
        author=clean_line(author),
        creator="Diva Desk",
        invariant=1,
        initialFontName=REGULAR,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template = PageTemplate(id="page", frames=[frame])
    if mark is not None:
        template.onPage = partial(_draw_mark, mark=mark)
    doc.addPageTemplates([template])
    footer = partial(
        _draw_footer,
        left=footer_left,
        locale=locale,
        width=pagesize[0],
        height=pagesize[1],
        running_head=running_head,
    )
    doc.build(list(story), canvasmaker=partial(NumberedCanvas, footer=footer))
    return buffer.getvalue()
