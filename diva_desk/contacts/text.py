"""Contact files as text, whatever encoding the tool that wrote them chose.

The bytes are decoded by ``diva_desk.core.text_files`` (the rule bank statements follow
too); this module adds what a contacts import says when a file cannot be read.
"""

from __future__ import annotations

from pathlib import Path

from diva_desk.core.text_files import NotText, detect_encoding
from diva_desk.core.text_files import decode_text as _decode_text
from diva_desk.errors import BadInput
from diva_desk.i18n import _

__all__ = ["decode_text", "detect_encoding", "read_text"]


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a contacts file and the encoding it was read as.

    Raises ``BadInput`` for bytes that are not text at all (a spreadsheet saved as
    .xlsx, a photo), since no encoding makes those into contacts.
    """
    try:
        return _decode_text(data)
    except NotText:
        raise BadInput(_("the file is not a text file (save it as CSV or vCard)")) from None


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
