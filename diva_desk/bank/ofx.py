"""OFX and QFX statements, version 1 (SGML) and 2 (XML), through ofxtools' parser.

ofxtools' ``OFXTree`` is strict where real bank downloads are not: it refuses a missing
or incomplete header, a lower-case tag, a trailing line after ``</OFX>``, and its model
conversion refuses a date without seconds or an aggregate the spec did not foresee. So
the header is read here (only for the character set), the body from ``<OFX>`` to the
last ``</OFX>`` goes through ofxtools' ``TreeBuilder`` (its SGML-and-XML tokenizer), and
the few elements a statement needs are read from the tree leniently, each value checked
with a sentence that names the transaction when it cannot be read. An ``&`` left
unescaped by the bank is read as the ``&`` it means.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ofxtools.Parser import ParseError, TreeBuilder

from diva_desk.bank.lines import Found, bank_lines, clean_description
from diva_desk.bank.statement import BadStatement, Statement
from diva_desk.bank.values import Unreadable, amount, parse_date
from diva_desk.core.text_files import NotText, decode_text
from diva_desk.i18n import _

_OPEN = re.compile(rb"<OFX>", re.I)
_CLOSE = re.compile(r"</OFX\s*>", re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9._]*)\s*>")
_HEADER_FIELD = re.compile(r"^\s*([A-Z]+)\s*:\s*(\S*)\s*$", re.M)
_XML_ENCODING = re.compile(r"""<\?xml[^>]*encoding=["']([\w.-]+)["']""", re.I)
_CHARSETS = {"1252": "cp1252", "ISO-8859-1": "latin-1", "8859-1": "latin-1"}
#: What a transaction without name or memo says it is (OFX TRNTYPE).
_KINDS = {
    "DEP": "DEPOSIT",
    "DIRECTDEP": "DIRECT DEPOSIT",
    "DIRECTDEBIT": "DIRECT DEBIT",
    "XFER": "TRANSFER",
    "SRVCHG": "SERVICE CHARGE",
    "INT": "INTEREST",
    "DIV": "DIVIDEND",
    "POS": "POINT OF SALE",
    "REPEATPMT": "REPEATING PAYMENT",
}


def looks_like_ofx(head: bytes) -> bool:
    """Whether the file's first bytes say OFX (an SGML header, ``<?OFX``, or ``<OFX>``)."""
    upper = head.replace(b"\x00", b"").upper()
    return b"OFXHEADER" in upper or b"<?OFX" in upper or b"<OFX>" in upper


def _declared(header: str) -> str | None:
    """The codec the header names (SGML CHARSET, XML encoding), if it names one."""
    if match := _XML_ENCODING.search(header):
        return match[1]
    fields = dict(_HEADER_FIELD.findall(header.upper()))
    return _CHARSETS.get(fields.get("CHARSET", ""))


def _text(data: bytes) -> str:
    """The file decoded as its header says, else as its bytes say (UTF-16 has NULs)."""
    declared = None
    if b"\x00" not in data[:400]:
        opened = _OPEN.search(data, 0, 4000)
        declared = _declared(data[: opened.start() if opened else 4000].decode("ascii", "replace"))
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a header that lies: the bytes decide
    try:
        return decode_text(data)[0]
    except NotText:
        raise BadStatement(_("The OFX file holds binary data, not text.")) from None


def _body(data: bytes) -> str:
    text = _text(data)
    begin = text.upper().find("<OFX>")
    if begin < 0:
        raise BadStatement(_("The file says OFX but holds no <OFX> element."))
    ends = list(_CLOSE.finditer(text, begin))
    if not ends:
        raise BadStatement(
            _(
                "The OFX file ends before its closing </OFX> tag: it was cut short; "
                "download it again."
            )
        )
    body = text[begin : ends[-1].end()]
    return _TAG.sub(lambda m: f"<{m[1]}{m[2].upper()}>", body)


def _tree(body: str) -> ET.Element:
    builder = TreeBuilder()
    try:
        builder.feed(body)
        root = builder.close()
    except (ParseError, ET.ParseError, AssertionError, IndexError) as exc:
        # ofxtools' message quotes the whole document after " in "; keep what went wrong
        # and where.
        detail = str(exc).split(" in ", 1)[0].split(" - position", 1)[0][:80]
        at = re.search(r"position=\[(\d+):", str(exc))
        raise BadStatement(
            _("The OFX file is malformed near character {position}: {problem}.").format(
                position=int(at[1]) + 1 if at else 1, problem=detail
            )
        ) from None
    if root is None:
        raise BadStatement(_("The file says OFX but holds no <OFX> element."))
    return root


_ENTITY = re.compile(r"&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _unescape(text: str) -> str:
    """XML's five entities and character references; any other ``&`` is the bank's own."""

    def one(match: re.Match[str]) -> str:
        name = match[1]
        if name.startswith("#"):
            code = int(name[2:], 16) if name[1:2] in "xX" else int(name[1:])
            return chr(code) if 0 < code < 0x110000 else match[0]
        return _ENTITIES[name]

    return _ENTITY.sub(one, text)


def _value(element: ET.Element, path: str) -> str:
    found = element.find(path)
    if found is None or found.text is None:
        return ""
    return _unescape(found.text.strip())


def _statements(root: ET.Element) -> list[ET.Element]:
    statements = [el for el in root.iter() if el.tag in ("STMTRS", "CCSTMTRS")]
    if statements:
        return statements
    if any(el.tag == "INVSTMTRS" for el in root.iter()):
        raise BadStatement(
            _(
                "The OFX file is an investment statement; only bank and credit card "
                "statements are read."
            )
        )
    for status in root.iter("STATUS"):
        if _value(status, "CODE") not in ("", "0"):
            message = _value(status, "MESSAGE") or _value(status, "CODE")
            raise BadStatement(
                _("The OFX file holds no statement; the bank says: {message}.").format(
                    message=message.rstrip(".")
                )
            )
    raise BadStatement(_("The OFX file holds no bank or credit card statement (no <STMTRS>)."))


def _account(statement: ET.Element) -> str:
    return _value(statement, "BANKACCTFROM/ACCTID") or _value(statement, "CCACCTFROM/ACCTID")


def _found(transaction: ET.Element, number: int) -> Found:
    bank_id = _value(transaction, "FITID")
    where = (
        _("Transaction {number} ({id})").format(number=number, id=bank_id)
        if bank_id
        else _("Transaction {number}").format(number=number)
    )
    posted = _value(transaction, "DTPOSTED") or _value(transaction, "DTUSER")
    if not posted:
        raise BadStatement(_("{where} has no date (DTPOSTED).").format(where=where))
    try:
        day = parse_date(posted)
    except Unreadable:
        raise BadStatement(
            _("{where}: “{value}” is not a date.").format(where=where, value=posted)
        ) from None
    written = _value(transaction, "TRNAMT")
    if not written:
        raise BadStatement(_("{where} has no amount (TRNAMT).").format(where=where))
    try:
        money = amount(written)
    except Unreadable:
        raise BadStatement(
            _("{where}: “{value}” is not an amount.").format(where=where, value=written)
        ) from None
    kind = _value(transaction, "TRNTYPE").upper()
    description = clean_description(
        _value(transaction, "NAME") or _value(transaction, "PAYEE/NAME"),
        _value(transaction, "MEMO"),
    )
    if not description:
        check = _value(transaction, "CHECKNUM")
        description = clean_description(_KINDS.get(kind, kind) or "TRANSACTION", check)
    return Found(day, money, description, bank_id)


def read_ofx(data: bytes) -> Statement:
    """The statement in an OFX or QFX download; raises ``BadStatement``."""
    root = _tree(_body(data))
    statements = _statements(root)
    accounts = list(dict.fromkeys(_account(statement) for statement in statements))
    if len(accounts) > 1:
        raise BadStatement(
            _(
                "The file holds transactions of {count} accounts ({accounts}); "
                "download one account at a time."
            ).format(count=len(accounts), accounts=", ".join(a or "?" for a in accounts))
        )
    currencies = {_value(s, "CURDEF").upper() for s in statements} - {""}
    if len(currencies) > 1:
        raise BadStatement(
            _("The file mixes currencies ({currencies}) for one account.").format(
                currencies=", ".join(sorted(currencies))
            )
        )
    found = [
        _found(transaction, number)
        for number, transaction in enumerate(
            (t for s in statements for t in s.iter("STMTTRN")), start=1
        )
    ]
    return Statement(accounts[0], next(iter(currencies), None), bank_lines(accounts[0], found))
