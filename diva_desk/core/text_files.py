"""Text files as their writer meant them, whatever encoding the tool that wrote them chose.

Contact lists and bank statements come from tools that disagree about encodings:
Google and most banks write UTF-8, Excel's "CSV UTF-8" adds a byte-order mark, Outlook
writes UTF-16 with a mark, and older spreadsheets and bank sites save in the Windows
code page ("DÉPÔT", "Coopérative"). A name with an accent must arrive as it was typed,
so the bytes decide, in this order: a byte-order mark; UTF-16 without a mark (every
other byte NUL); strict UTF-8 (which almost never decodes text written in another
encoding); else Windows-1252, the superset of Latin-1 that Windows tools actually write.
"""

from __future__ import annotations

import codecs

from diva_desk.errors import BadInput
from diva_desk.i18n import _

_BOMS = (
    # UTF-32 first: its little-endian mark begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(BadInput):
    """The bytes hold NUL characters: a binary file (a spreadsheet, a photo), not text."""


def detect_encoding(data: bytes) -> str:
    """The codec name that decodes ``data`` as its writer meant it."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    sample = data[:4000]
    if len(sample) >= 4:
        # ASCII text in UTF-16 has a NUL in every other byte; nothing else does.
        even_nuls = sample[0::2].count(0) / len(sample[0::2])
        odd_nuls = sample[1::2].count(0) / len(sample[1::2])
        if odd_nuls > 0.4 and even_nuls < 0.1:
            return "utf-16-le"
        if even_nuls > 0.4 and odd_nuls < 0.1:
            return "utf-16-be"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a file and the encoding it was read as.

    Raises ``BadInput`` for a damaged UTF-8/16/32 file, and ``NotText`` for bytes that
    are not text at all, since no encoding makes those into what the caller wants (the
    caller says what to save instead).
    """
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "cp1252":
            raise BadInput(
                _("the file is not readable text (it looks like {encoding} but is damaged)").format(
                    encoding=encoding.upper()
                )
            ) from None
        # Five bytes have no character in Windows-1252; Latin-1 gives every byte one.
        encoding, text = "latin-1", data.decode("latin-1")
    if "\x00" in text:
        raise NotText(_("the file is not a text file"))
    return text, encoding
