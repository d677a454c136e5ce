"""read_statement and parse_statement: the format from the content, and what is refused."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from diva_desk.bank.reading import MAX_BYTES, parse_statement, read_statement
from diva_desk.bank.statement import BadStatement
from diva_desk.errors import BadInput

OFX = (
    "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\n"
    "COMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n<OFX><BANKMSGSRSV1><STMTTRNRS>"
    "<STMTRS><CURDEF>CAD<BANKACCTFROM><ACCTID>42</BANKACCTFROM><BANKTRANLIST>"
    "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261117<TRNAMT>10.00<FITID>F1<NAME>DÉPÔT</STMTTRN>"
    "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n"
)
CSV = "Date,Transaction,Name,Memo,Amount\n11/17/2026,OTHER,Acme,,10.00\n"


def test_the_format_comes_from_the_content_not_the_name(tmp_path: Path) -> None:
    ofx_named_csv = tmp_path / "statement.csv"
    ofx_named_csv.write_bytes(OFX.encode("cp1252"))
    assert read_statement(ofx_named_csv).lines[0].transaction == "F1"
    csv_named_txt = tmp_path / "export.txt"
    csv_named_txt.write_text(CSV, encoding="utf-8")
    assert read_statement(csv_named_txt).lines[0].amount == Decimal("10.00")


def test_an_ofx_saved_in_utf16_is_read() -> None:
    statement = parse_statement(OFX.encode("utf-16"), "x.ofx")
    assert statement.lines[0].description == "DÉPÔT"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "e.csv is empty."),
        (b"  \r\n\n", "e.csv is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "binary data"),
        (b"Hello, this is a letter.\nBest regards\n", "match no bank layout"),
    ],
)
def test_what_is_not_a_statement_is_refused_in_one_sentence(data: bytes, expected: str) -> None:
    with pytest.raises(BadStatement) as refused:
        parse_statement(data, "e.csv")
    message = str(refused.value)
    assert expected in message and "\n" not in message
    assert isinstance(refused.value, BadInput)  # the command line's exit 2


def test_a_file_over_50_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(BadStatement, match=r"huge.csv is 51 MB, too large for a bank statement"):
        read_statement(huge)


def test_a_missing_file_or_a_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(BadStatement, match="no such file"):
        read_statement(tmp_path / "nope.ofx")
    with pytest.raises(BadStatement, match="is a folder"):
        read_statement(tmp_path)
