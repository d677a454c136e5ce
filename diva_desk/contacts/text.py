"""Contact files as text, whatever encoding the tool that wrote them chose.

Address books are exported by tools that disagree about encodings: Google writes
UTF-8, Excel's "CSV UTF-8" adds a byte-order mark, Outlook writes UTF-16 with a
mark, and older spreadsheets save in the Windows code page. A name with an accent
must arrive as the person typed it, so the bytes decide, in this order: a
byte-order mark; UTF-16 without a mark (every other byte NUL); strict UTF-8
(which almost never decodes text written in another encoding); else Windows-1252,
the superset of Latin-1 that Windows tools actually write.
"""

from __future__ import annotations

import codecs
from pathlib import Path

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
    """The text of a contacts file and the encoding it was read as.

    Raises ``BadInput`` for bytes that are not text at all (a spreadsheet saved as
    .xlsx, a photo), since no encoding makes those into contacts.
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
        raise BadInput(_("the file is not a text file (save it as CSV or vCard)"))
    return text, encoding


def read_text(path: Path) -> tuple[str, str]:
    """Read and decode a contacts file, with a sentence naming the file when it cannot be."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise BadInput(_("{file}: no such file").format(file=path)) from exc
    except IsADirectoryError as exc:
        raise BadInput(_("{file} is a folder, not a file").format(file=path)) from exc
    except PermissionError as exc:
        raise BadInput(_("{file} cannot be read (permission denied)").format(file=path)) from exc
    try:
        text, encoding = decode_text(data)
    except BadInput as exc:
        raise BadInput(f"{path}: {exc}") from None
    if not text.strip():
        raise BadInput(_("{file} is empty").format(file=path))
    return text, encoding
