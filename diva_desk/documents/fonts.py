"""The one typeface of every document: DejaVu Sans, embedded, registered once per process.

The PDF base fonts only know Latin-1, so a customer called ``Łódź Café`` or ``Ставка``
would print as boxes. DejaVu Sans covers Latin, Greek, Cyrillic, Arabic and Hebrew
letters and ships with the app (resources/fonts, Bitstream Vera licence).

CJK characters are not in DejaVu; runs of them (Chinese, Japanese kana, Korean
hangul) are set in Droid Sans Fallback, which also ships with the app (Apache 2.0) and
is embedded as a subset like DejaVu. The standard CID fonts are not embedded, so a
customer called ``北京`` vanished in viewers without Asian font packs, including the
app's own preview. Its 3.4 MB face takes several times as long to parse as both DejaVu
faces together, so it is registered the first time a text needs it, not before.

Emoji and symbols neither face has (🎉, the regional letters of a flag such as 🇨🇦)
are set in Symbola, a monochrome face that also ships with the app (its author's
terms allow any use and redistribution). It too is registered only when a text needs
it, and embedded as a subset.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from diva_desk.resources_path import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
#: Fallbacks for characters DejaVu lacks: Hangul, and everything else CJK. One embedded
#: face covers both; the two names stay so the routing reads as before.
CJK_FALLBACK = "DroidSansFallback"
KOREAN_FALLBACK = CJK_FALLBACK
#: The fallback for emoji and symbols that DejaVu and the CJK face lack.
SYMBOL_FALLBACK = "Symbola"

_lock = threading.Lock()
_registered = False
_fallback_registered = False
_covered: frozenset[int] = frozenset()
_symbols: frozenset[int] | None = None


def register_fonts() -> None:
    """Register the fonts with ReportLab unless this process already did.

    Parsing a TrueType file takes a noticeable fraction of a second; a batch of
    invoices should pay it once, not per page. Safe from a background thread.
    """
    global _registered, _covered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        regular = TTFont(REGULAR, str(resource_path("fonts", "DejaVuSans.ttf")))
        bold = TTFont(BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(bold)
        # <b> in a paragraph must pick the bold face, not fall back to Helvetica.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        _covered = frozenset(regular.face.charToGlyph)
        _registered = True


def register_fallback_font() -> None:
    """Register the CJK fallback face unless this process already did (thread-safe)."""
    global _fallback_registered
    if _fallback_registered:
        return
    with _lock:
        if _fallback_registered:
            return
        pdfmetrics.registerFont(
            TTFont(CJK_FALLBACK, str(resource_path("fonts", "DroidSansFallback.ttf")))
        )
        _fallback_registered = True


def _symbol_coverage() -> frozenset[int]:
    """The characters Symbola has, registering it the first time it is asked (thread-safe)."""
    global _symbols
    if _symbols is not None:
        return _symbols
    with _lock:
        if _symbols is None:
            face = TTFont(SYMBOL_FALLBACK, str(resource_path("fonts", "Symbola.ttf")))
            pdfmetrics.registerFont(face)
            _symbols = frozenset(face.face.charToGlyph)
    return _symbols


def is_covered(char: str) -> bool:
    """Whether DejaVu Sans has a glyph for ``char``."""
    if not _registered:
        register_fonts()
    return ord(char) in _covered


def fallback_font(char: str) -> str | None:
    """The embedded fallback font for a character DejaVu lacks, or ``None`` if none has it.

    CJK characters go to the CJK face, emoji and symbols to Symbola. The font it names
    is registered by then, so markup naming it can be laid out.
    """
    code = ord(char)
    font = _fallback_for(code)
    if font is not None:
        register_fallback_font()
        return font
    if code >= 0x2000 and code in _symbol_coverage():
        return SYMBOL_FALLBACK
    return None


def _fallback_for(code: int) -> str | None:
    if 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xAC00 <= code <= 0xD7AF:
        return KOREAN_FALLBACK
    if 0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF:
        return CJK_FALLBACK
    if 0x20000 <= code <= 0x2FFFF:
        return CJK_FALLBACK
    return None
