"""Read a bank statement file, whatever bank and format it came from.

The format is sniffed from the content, not the name: a download saved as
``statement.txt`` is read as what it is. OFX and QFX (version 1 SGML or 2 XML), then
CAMT.053 (ISO 20022 XML), then the CSV exports of the Canadian banks
(docs/bank-statements.md lists them). Anything else, or a broken file, raises
``BadStatement`` with one sentence; nothing is written anywhere.
"""

from __future__ import annotations

from pathlib import Path

from diva_desk.bank.camt import looks_like_camt, read_camt
from diva_desk.bank.csv_statement import read_csv
from diva_desk.bank.ofx import looks_like_ofx, read_ofx
from diva_desk.bank.statement import BadStatement, Statement
from diva_desk.i18n import _

#: Larger than a decade of daily transactions; a file this size is not a statement.
MAX_BYTES = 50 * 1024 * 1024


def read_statement(path: Path) -> Statement:
    """The statement in the file at ``path``; raises ``BadStatement`` (one sentence)."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise BadStatement(_("{file} is a folder, not a file").format(file=path))
        if size > MAX_BYTES:
            raise BadStatement(_too_large(path.name, size))
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadStatement(_("{file}: no such file").format(file=path)) from None
    except PermissionError:
        raise BadStatement(
            _("{file} cannot be read (permission denied)").format(file=path)
        ) from None
    except OSError as exc:
        raise BadStatement(
            _("Cannot read {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    return parse_statement(data, path.name)


def _too_large(name: str, size: int) -> str:
    return _(
        "{file} is {megabytes} MB, too large for a bank statement (the limit is 50 MB)."
    ).format(
        file=name, megabytes=-(-size // (1024 * 1024))
    )  # rounded up: never "50 MB, over 50 MB"


def parse_statement(data: bytes, name: str) -> Statement:
    """The statement in ``data`` (the bytes of the file called ``name``)."""
    if len(data) > MAX_BYTES:
        raise BadStatement(_too_large(name, len(data)))
    if not data.strip():
        raise BadStatement(_("{file} is empty.").format(file=name))
    # UTF-16 files sniffed as their ASCII letters: byte-order marks and NULs dropped.
    head = data[:4096].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe")
    if looks_like_ofx(head):
        return read_ofx(data)
    if looks_like_camt(head):
        return read_camt(data)
    if head.lstrip(b" \t\r\n").startswith(b"<"):
        raise BadStatement(
            _(
                "{file} is not a bank statement Diva Desk can read "
                "(OFX, QFX, CAMT.053 or a bank's CSV)."
            ).format(file=name)
        )
    return read_csv(data)
