"""CAMT.053 (ISO 20022 ``BkToCstmrStmt``): the statement European banks give.

Read with the standard library's XML parser by local element names, so every version
of the message reads the same (001.02 to 001.08 are the ones in use; later ones keep
the same names). A file that declares a DOCTYPE is refused: no bank statement has one,
and entity tricks live there. Each booked entry (``Ntry``) is one line: its ``Amt`` and
``Ccy``, ``CdtDbtInd`` for the sign, ``BookgDt`` (else ``ValDt``) for the date,
``AcctSvcrRef``, else ``NtryRef``, else the transaction's ``TxId`` for the id, and the
payer's name (``Dbtr/Nm``), the remittance text (``RmtInf/Ustrd`` or a structured
creditor reference) as the description. A batch entry whose transactions each carry an
amount is read as those transactions, since each may pay a different invoice. Pending
entries (``Sts`` PDNG) are left out: they are not yet money in the account.
"""

from __future__ import annotations

import contextlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Decimal

from diva_desk.bank.lines import Found, bank_lines, clean_description
from diva_desk.bank.statement import BadStatement, Statement
from diva_desk.bank.values import Unreadable, amount, parse_date
from diva_desk.core.text_files import decode_text
from diva_desk.errors import BadInput
from diva_desk.i18n import _

_MARKS = (b"BkToCstmrStmt", b"camt.05")
_NOT_PROVIDED = "NOTPROVIDED"
_XML_ENCODING = re.compile(rb"<\?xml[^>]*encoding=", re.I)


def looks_like_camt(head: bytes) -> bool:
    """Whether the file's first bytes are an ISO 20022 cash management message."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and any(
        mark in head for mark in _MARKS
    )


def _local(root: ET.Element) -> ET.Element:
    """The tree with every namespace dropped from the tags (``{urn:...}Ntry`` → ``Ntry``)."""
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[1]
    return root


def _text(element: ET.Element | None, path: str) -> str:
    if element is None:
        return ""
    found = element.find(path)
    return " ".join((found.text or "").split()) if found is not None else ""


def _first(element: ET.Element | None, *paths: str) -> str:
    for path in paths:
        if (value := _text(element, path)) and value.upper() != _NOT_PROVIDED:
            return value
    return ""


def _parse(data: bytes) -> ET.Element:
    if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data:
        raise BadStatement(_("The XML file declares a DOCTYPE, which no bank statement has."))
    try:
        return _local(ET.fromstring(data))
    except ET.ParseError as exc:
        line, column = exc.position
        if not _XML_ENCODING.search(data[:200]):
            # No declared encoding but not UTF-8 either (a Windows code page): decoded by
            # the bytes, the file may well be whole.
            with contextlib.suppress(ET.ParseError, BadInput):
                return _local(ET.fromstring(decode_text(data)[0].lstrip("\ufeff")))
        raise BadStatement(
            _(
                "The CAMT.053 file is not well-formed XML at line {line}, column {column}: "
                "it may have been cut short; download it again."
            ).format(line=line, column=column + 1)
        ) from None


def _account(statement: ET.Element) -> str:
    return _first(statement, "Acct/Id/IBAN", "Acct/Id/Othr/Id", "Acct/Id/BBAN")


def _where(number: int, bank_id: str) -> str:
    if bank_id:
        return _("Entry {number} ({id})").format(number=number, id=bank_id)
    return _("Entry {number}").format(number=number)


def _amount(element: ET.Element, where: str) -> tuple[Decimal, str]:
    written = element.find("Amt")
    text = (written.text or "").strip() if written is not None else ""
    if not text:
        raise BadStatement(_("{where} has no amount (Amt).").format(where=where))
    try:
        value = amount(text)
    except Unreadable:
        raise BadStatement(
            _("{where}: “{value}” is not an amount.").format(where=where, value=text)
        ) from None
    return value, (written.get("Ccy", "") if written is not None else "").upper()


def _party(details: ET.Element | None, credit: bool) -> str:
    role = "Dbtr" if credit else "Cdtr"
    return _first(details, f"RltdPties/{role}/Nm", f"RltdPties/{role}/Pty/Nm")


def _remittance(details: ET.Element | None) -> list[str]:
    if details is None:
        return []
    texts = [" ".join((u.text or "").split()) for u in details.iterfind("RmtInf/Ustrd")]
    texts += [
        " ".join((ref.text or "").split()) for ref in details.iterfind("RmtInf/Strd/CdtrRefInf/Ref")
    ]
    return texts


def _entries(statement: ET.Element, counter: Iterator[int]) -> Iterator[tuple[Found, str]]:
    for entry in statement.iterfind("Ntry"):
        number = next(counter)
        status = _first(entry, "Sts/Cd", "Sts")
        if status.upper() in ("PDNG", "INFO"):
            continue
        bank_id = _first(entry, "AcctSvcrRef", "NtryRef", "NtryDtls/TxDtls/Refs/TxId")
        where = _where(number, bank_id)
        value, currency = _amount(entry, where)
        indicator = _text(entry, "CdtDbtInd").upper()
        if indicator not in ("CRDT", "DBIT"):
            raise BadStatement(
                _("{where} says neither credit nor debit (CdtDbtInd “{value}”).").format(
                    where=where, value=indicator
                )
            )
        credit = indicator == "CRDT"
        written = _first(entry, "BookgDt/Dt", "BookgDt/DtTm", "ValDt/Dt", "ValDt/DtTm")
        if not written:
            raise BadStatement(_("{where} has no date (BookgDt).").format(where=where))
        try:
            day = parse_date(written)
        except Unreadable:
            raise BadStatement(
                _("{where}: “{value}” is not a date.").format(where=where, value=written)
            ) from None
        details = list(entry.iterfind("NtryDtls/TxDtls"))
        extra = _text(entry, "AddtlNtryInf")
        if len(details) > 1 and all(d.find("Amt") is not None for d in details):
            for index, detail in enumerate(details, start=1):
                part, part_currency = _amount(detail, where)
                part_id = _first(detail, "Refs/AcctSvcrRef", "Refs/TxId", "Refs/EndToEndId")
                if not part_id and bank_id:
                    part_id = f"{bank_id}/{index}"
                text = clean_description(_party(detail, credit), *_remittance(detail))
                text = text or extra or ("CREDIT" if credit else "DEBIT")
                yield (
                    Found(day, abs(part) if credit else -abs(part), text, part_id),
                    part_currency or currency,
                )
            continue
        detail = details[0] if details else None
        text = clean_description(_party(detail, credit), *_remittance(detail)) or extra
        if not text:
            text = _first(entry, "BkTxCd/Domn/Fmly/Cd", "BkTxCd/Prtry/Cd") or (
                "CREDIT" if credit else "DEBIT"
            )
        yield Found(day, abs(value) if credit else -abs(value), text, bank_id), currency


def read_camt(data: bytes) -> Statement:
    """The statement in a CAMT.053 file; raises ``BadStatement``."""
    root = _parse(data)
    message = root if root.tag == "BkToCstmrStmt" else root.find("BkToCstmrStmt")
    if message is None:
        kind = root[0].tag if len(root) else root.tag
        raise BadStatement(
            _(
                "The XML file is not a CAMT.053 bank statement (it holds {kind}); "
                "download the account statement (camt.053) instead."
            ).format(kind=kind)
        )
    statements = list(message.iterfind("Stmt"))
    if not statements:
        raise BadStatement(_("The CAMT.053 file holds no statement (Stmt)."))
    accounts = list(dict.fromkeys(_account(statement) for statement in statements))
    if len(accounts) > 1:
        raise BadStatement(
            _(
                "The file holds transactions of {count} accounts ({accounts}); "
                "download one account at a time."
            ).format(count=len(accounts), accounts=", ".join(a or "?" for a in accounts))
        )
    counter = iter(range(1, 10**9))
    found: list[Found] = []
    currencies = {_text(s, "Acct/Ccy").upper() for s in statements} - {""}
    for statement in statements:
        for item, currency in _entries(statement, counter):
            found.append(item)
            if currency:
                currencies.add(currency)
    if len(currencies) > 1:
        raise BadStatement(
            _("The file mixes currencies ({currencies}) for one account.").format(
                currencies=", ".join(sorted(currencies))
            )
        )
    return Statement(accounts[0], next(iter(currencies), None), bank_lines(accounts[0], found))
