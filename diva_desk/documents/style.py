"""The look shared by every document, and the one safe way to put user text on a page.

One accent colour (the deep teal of the app icon), ink that is nearly black, a grey for
labels and a hairline for rules; generous margins; numbers right-aligned.

Page size: Letter where the business's locale is in a country that uses it (the United
States, Canada, Mexico and a few others in the Americas and the Philippines), A4
everywhere else. The business prints and posts the documents, so its country decides,
not the customer's language.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Concatenate, ParamSpec, TypeVar
from xml.sax.saxutils import escape

from babel import Locale, UnknownLocaleError
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from diva_desk.core.records import Business, Customer
from diva_desk.documents.fonts import BOLD, REGULAR, fallback_font, is_covered, register_fonts
from diva_desk.documents.strange_text import droppable, printable
from diva_desk.i18n import format as fmt
from diva_desk.i18n import has_catalog, speaking

ACCENT = colors.HexColor("#1f5f5b")
ACCENT_LIGHT = colors.HexColor("#e8f0ef")
INK = colors.HexColor("#1d2322")
MUTED = colors.HexColor("#66706e")
RULE = colors.HexColor("#d5dddc")
PAID_MARK = colors.HexColor("#1f5f5b")
VOID_MARK = colors.HexColor("#a33a2c")

MARGIN = 20 * mm
FOOTER_HEIGHT = 12 * mm

LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PA", "SV", "NI", "HN", "DO", "PR"}
)


def page_size_for(locale: str) -> tuple[float, float]:
    """Letter for the Americas' Letter countries, A4 for the rest of the world."""
    try:
        territory = Locale.parse(locale).territory
    except (UnknownLocaleError, ValueError, TypeError):
        territory = None
    return LETTER if territory in LETTER_TERRITORIES else A4


def content_width(locale: str) -> float:
    """The width between the margins on this business's paper."""
    return page_size_for(locale)[0] - 2 * MARGIN


def document_locale(business: Business, customer: Customer) -> str:
    """The customer's language if the document can be written in it, else the business's.

    Dates and amounts follow the customer only where the words can too (English,
    or a language with an installed catalog): a page of English labels with
    French dates and amounts reads as a mistake.
    """
    if customer.language and has_catalog(customer.language):
        return customer.language
    return business.locale


_Doc = TypeVar("_Doc")
_Result = TypeVar("_Result")
_Rest = ParamSpec("_Rest")


def in_customer_language(
    draw: Callable[Concatenate[_Doc, _Rest], _Result],
) -> Callable[Concatenate[_Doc, _Rest], _Result]:
    """Draw ``doc`` with its words, dates and amounts in its customer's language.

    ``doc`` has ``business`` and ``customer``; the language is ``document_locale``'s,
    for this thread only (i18n.speaking): the window keeps its own.
    """

    @functools.wraps(draw)
    def drawn(doc: _Doc, *args: _Rest.args, **kwargs: _Rest.kwargs) -> _Result:
        locale = document_locale(doc.business, doc.customer)  # type: ignore[attr-defined]
        with speaking(locale):
            return draw(doc, *args, **kwargs)

    return drawn


#: Below this (Hangul Jamo) fonts.fallback_font never names a font.
_FIRST_FALLBACK = "\u1100"


def text(value: str) -> str:
    """User text as Paragraph markup that prints literally.

    ``Baker & Sons <Ltd>`` must not become a tag or an error; line breaks in an
    address stay line breaks; CJK characters, emoji and symbols the embedded font
    lacks are set in a fallback font instead of printing as empty boxes. Control
    characters are dropped and right-to-left lines put in reading order
    (strange_text.printable).
    """
    return printed(printable(value))


def printed(value: str) -> str:
    """``text`` for a value already made printable (``strange_text.printable``).

    Putting right-to-left text in visual order twice would turn it back again.
    """
    # Paragraphs made from this markup need the fonts (and their bold mapping) known.
    register_fonts()
    if not value or max(value) < _FIRST_FALLBACK:  # no character could need the fallback
        return escape(value).replace("\r\n", "\n").replace("\n", "<br/>")
    parts: list[str] = []
    run: list[str] = []
    run_font: str | None = None

    def flush() -> None:
        if not run:
            return
        chunk = escape("".join(run))
        parts.append(f'<font name="{run_font}">{chunk}</font>' if run_font else chunk)
        run.clear()

    for char in value:
        font = None if char == "\n" or is_covered(char) else fallback_font(char)
        if font is None and char != "\n" and not is_covered(char) and droppable(char):
            continue  # a joiner or variation selector no font here draws
        if font != run_font:
            flush()
            run_font = font
        run.append(char)
    flush()
    return "".join(parts).replace("\r\n", "\n").replace("\n", "<br/>")


#: Markup that is only text: no tags, no entities, no line breaks, single spaces
#: between words (no-break spaces inside them), nothing at either end.
_WORD = r"(?:[^<&\s]|\u00a0)+"
PLAIN = re.compile(rf"{_WORD}(?: {_WORD})*")
_plain_frags: weakref.WeakKeyDictionary[ParagraphStyle, Any] = weakref.WeakKeyDictionary()
_frags_lock = threading.Lock()


class SteadyParagraph(Paragraph):
    """A paragraph that breaks its lines once per width.

    A table asks every cell for its size when it measures its rows and again, at the
    same width, when it draws them: the second time, ReportLab broke the lines all
    over again (a tenth of an invoice's time). The lines depend on the width alone,
    and those of the last wrap are kept (``blPara``), so the same width answers the
    same size from them; the page is the same to the byte.
    """

    #: The last width wrapped to, the size found, and the lines then broken.
    _wrapped: tuple[float, tuple[float, float], object] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        last = self._wrapped
        # Only while the lines of that wrap are still the paragraph's: a split that
        # finds no room drops them, to be broken again where the paragraph lands.
        if last is not None and last[0] == availWidth and self.__dict__.get("blPara") is last[2]:
            return last[1]
        size = super().wrap(availWidth, availHeight)
        lines = self.__dict__.get("blPara")
        self._wrapped = None if lines is None else (availWidth, size, lines)
        return size


def paragraph(markup: str, paragraph_style: ParagraphStyle) -> Paragraph:
    """``Paragraph(markup, paragraph_style)``, without parsing markup that is only text.

    An invoice sets a hundred cells, nearly all an amount, a date or a word; running
    each through ReportLab's markup parser was the largest part of building its story.
    Such text gets the very fragment the parser gives it (one per style, copied), so
    the page is the same to the byte.
    """
    register_fonts()
    if not markup:
        return SteadyParagraph(markup, paragraph_style, frags=[])  # what the parser gives ""
    if PLAIN.fullmatch(markup) is None:
        return SteadyParagraph(markup, paragraph_style)
    template = _plain_frags.get(paragraph_style)
    if template is None:
        (template,) = Paragraph("x", paragraph_style).frags
        with _frags_lock:
            _plain_frags[paragraph_style] = template
    # Lists are the parser's own per fragment: never shared between paragraphs.
    frag = template.clone(text=markup, link=[], us_lines=[])
    return SteadyParagraph(markup, paragraph_style, frags=[frag])


def lines(*values: str) -> str:
    """Several pieces of user text, one per line, skipping the empty ones."""
    return "<br/>".join(text(v) for v in values if v and v.strip())


def unbroken(value: str) -> str:
    """Keep a formatted amount or date on one line.

    CLDR separates thousands with a (narrow) space in many locales (``1 450,00 $``);
    ReportLab would break a narrow column there and print half a number per line.
    """
    return value.replace(" ", "\u00a0").replace("\u202f", "\u00a0")


@dataclass(frozen=True)
class Formats:
    """Amounts, dates and numbers in one document's locale, as safe Paragraph markup."""

    locale: str

    def money(self, amount: Decimal, currency: str) -> str:
        return text(unbroken(fmt.money(amount, currency, locale=self.locale)))

    def price(self, amount: Decimal, currency: str) -> str:
        return text(unbroken(fmt.price(amount, currency, locale=self.locale)))

    def date(self, day: dt.date | None) -> str:
        return text(unbroken(fmt.date(day, locale=self.locale)))

    def number(self, value: Decimal | int) -> str:
        return text(unbroken(fmt.number(value, locale=self.locale)))

    def rate(self, rate: Decimal) -> str:
        return text(unbroken(fmt.percent(rate, locale=self.locale)))


def _style(name: str, **kwargs: object) -> ParagraphStyle:
    """A style from the house defaults, or from ``parent`` when one is given."""
    if "parent" in kwargs:
        return ParagraphStyle(name, **kwargs)  # type: ignore[arg-type]
    base: dict[str, object] = {
        "fontName": REGULAR,
        "fontSize": 9,
        "leading": 12.5,
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    base.update(kwargs)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


BODY = _style("body")
BODY_LETTER = _style("letter", fontSize=10, leading=14, spaceAfter=7)
BODY_TIGHT = _style("letter-tight", fontSize=10, leading=13.5)
BODY_TIGHT_BOLD = _style("letter-tight-bold", parent=BODY_TIGHT, fontName=BOLD)
SUBJECT = _style("subject", fontName=BOLD, fontSize=11, leading=15, textColor=ACCENT, spaceAfter=10)
LETTER_DATE = _style("letter-date", fontSize=10, leading=13.5, alignment=TA_RIGHT)
SMALL = _style("small", fontSize=8, leading=10.5, textColor=MUTED)
LABEL = _style("label", fontName=BOLD, fontSize=7.5, leading=10, textColor=MUTED)
LABEL_RIGHT = _style("label-right", parent=LABEL, alignment=TA_RIGHT)
CELL = _style("cell", fontSize=8.5, leading=11)
CELL_RIGHT = _style("cell-right", parent=CELL, alignment=TA_RIGHT)
CELL_BOLD = _style("cell-bold", parent=CELL, fontName=BOLD)
CELL_BOLD_RIGHT = _style("cell-bold-right", parent=CELL_BOLD, alignment=TA_RIGHT)
HEAD = _style("head", fontName=BOLD, fontSize=8, leading=10, textColor=colors.white)
HEAD_RIGHT = _style("head-right", parent=HEAD, alignment=TA_RIGHT)
BUSINESS_NAME = _style("business", fontName=BOLD, fontSize=15, leading=19, textColor=ACCENT)
TITLE = _style(
    "title", fontName=BOLD, fontSize=22, leading=26, textColor=ACCENT, alignment=TA_RIGHT
)
SECTION = _style(
    "section",
    fontName=BOLD,
    fontSize=10,
    leading=13,
    textColor=ACCENT,
    spaceBefore=10,
    spaceAfter=4,
    keepWithNext=1,
)
BALANCE_LABEL = _style(
    "balance-label", fontName=BOLD, fontSize=11, leading=14, textColor=colors.white
)
BALANCE = _style(
    "balance", fontName=BOLD, fontSize=20, leading=24, textColor=colors.white, alignment=TA_RIGHT
)
BALANCE_NOTE = _style(
    "balance-note", fontSize=8.5, leading=11, textColor=colors.white, alignment=TA_RIGHT
)
