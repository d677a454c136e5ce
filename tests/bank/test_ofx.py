"""OFX and QFX downloads, version 1 (SGML) and 2 (XML), written by the tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from diva_desk.bank.reading import parse_statement, read_statement
from diva_desk.bank.statement import BadStatement

SGML_HEADER = (
    "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\n"
    "CHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n"
)


def sgml(transactions: str, *, account: str = "000123456789", currency: str = "CAD") -> str:
    """An OFX 1 bank statement as banks write it: element tags left unclosed."""
    return (
        SGML_HEADER + "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>"
        "<DTSERVER>20261118<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\r\n"
        "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\r\n"
        f"<STMTRS><CURDEF>{currency}<BANKACCTFROM><BANKID>003<ACCTID>{account}"
        "<ACCTTYPE>CHECKING</BANKACCTFROM>\r\n"
        f"<BANKTRANLIST><DTSTART>20261101<DTEND>20261118\r\n{transactions}</BANKTRANLIST>\r\n"
        "<LEDGERBAL><BALAMT>1000.00<DTASOF>20261118</LEDGERBAL></STMTRS>"
        "</STMTTRNRS></BANKMSGSRSV1></OFX>\r\n"
    )


def trn(fitid: str, posted: str, amount: str, name: str = "", memo: str = "", kind="CREDIT"):
    parts = [f"<STMTTRN><TRNTYPE>{kind}<DTPOSTED>{posted}"]
    if amount:
        parts.append(f"<TRNAMT>{amount}")
    if fitid:
        parts.append(f"<FITID>{fitid}")
    if name:
        parts.append(f"<NAME>{name}")
    if memo:
        parts.append(f"<MEMO>{memo}")
    return "".join(parts) + "</STMTTRN>\r\n"


def test_ofx1_sgml_bank_statement() -> None:
    text = sgml(
        trn("9001", "20261117120000[-5:EST]", "1250.00", "E-TRANSFER ACME SONS", "INV-0042")
        + trn("9002", "20261117", "-4.75", "TIM HORTONS #123", kind="POS")
    )
    statement = parse_statement(text.encode("cp1252"), "rbc.ofx")
    assert statement.account == "000123456789"
    assert statement.currency == "CAD"
    first, second = statement.lines
    assert first.transaction == "9001"
    assert first.date == date(2026, 11, 17)
    assert first.amount == Decimal("1250.00") and first.is_credit
    assert first.description == "E-TRANSFER ACME SONS INV-0042"
    assert second.amount == Decimal("-4.75") and not second.is_credit


def test_ofx2_xml_credit_card_statement() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" '
        'NEWFILEUID="NONE"?>\n'
        "<OFX><CREDITCARDMSGSRSV1><CCSTMTTRNRS><TRNUID>1</TRNUID>"
        "<STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS><CCSTMTRS>"
        "<CURDEF>USD</CURDEF><CCACCTFROM><ACCTID>4500XXXXXXXX1234</ACCTID></CCACCTFROM>"
        "<BANKTRANLIST><DTSTART>20261101</DTSTART><DTEND>20261130</DTEND>"
        "<STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20261103000000.000</DTPOSTED>"
        "<TRNAMT>300.5</TRNAMT><FITID>A-1</FITID><NAME>Café Crème &amp; Fils</NAME>"
        "<MEMO>Payment</MEMO></STMTTRN>"
        "</BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>\n"
    )
    statement = parse_statement(text.encode("utf-8"), "card.qfx")
    assert statement.account == "4500XXXXXXXX1234"
    assert statement.currency == "USD"
    (line,) = statement.lines
    assert (line.transaction, line.date, line.amount) == (
        "A-1",
        date(2026, 11, 3),
        Decimal("300.5"),
    )
    assert line.description == "Café Crème & Fils Payment"


def test_qfx_with_intu_elements_and_a_missing_header_is_read(tmp_path: Path) -> None:
    """Quicken's QFX adds <INTU.BID>; some banks drop the header lines altogether."""
    body = sgml(trn("77", "20261105", "80.00", "DEPOT MOBILE")).split("\r\n\r\n", 1)[1]
    body = body.replace("<SONRS>", "<SONRS><INTU.BID>00012")
    path = tmp_path / "download.qfx"
    path.write_bytes(body.encode("ascii"))
    (line,) = read_statement(path).lines
    assert (line.transaction, line.amount) == ("77", Decimal("80.00"))


def test_real_world_sloppiness_is_forgiven() -> None:
    """Lower-case tags, an unescaped &, a date without time, a trailing junk line."""
    text = sgml(trn("5", "20261110", "+25.00", "A & W", "tip")).replace("<MEMO>", "<memo>")
    statement = parse_statement(text.encode("cp1252") + b"\x1a\r\nEND OF FILE\r\n", "x.ofx")
    (line,) = statement.lines
    assert line.description == "A & W tip"
    assert line.amount == Decimal("25.00")


def test_accents_in_the_windows_code_page_and_in_utf8() -> None:
    text = sgml(trn("1", "20261110", "10.00", "DÉPÔT Coopérative"))
    assert parse_statement(text.encode("cp1252"), "a.ofx").lines[0].description == (
        "DÉPÔT Coopérative"
    )
    utf8 = text.replace("CHARSET:1252", "CHARSET:NONE").replace("USASCII", "UTF-8")
    assert parse_statement(utf8.encode("utf-8"), "b.ofx").lines[0].description == (
        "DÉPÔT Coopérative"
    )


def test_lines_without_fitid_get_stable_distinct_digests() -> None:
    coffee = trn("", "20261110", "-3.50", "COFFEE")
    data = sgml(coffee + coffee + trn("", "20261110", "-3.50", "COFFEE", "2nd shop")).encode()
    first = parse_statement(data, "a.ofx").lines
    again = parse_statement(data, "a.ofx").lines
    ids = [line.transaction for line in first]
    assert len(set(ids)) == 3
    assert all(i.startswith("sha256:") for i in ids)
    assert ids == [line.transaction for line in again]


def test_a_transaction_listed_twice_is_kept_once_and_a_reused_fitid_stays_unique() -> None:
    same = trn("X1", "20261110", "10.00", "A")
    data = sgml(same + same + trn("X1", "20261111", "20.00", "B")).encode()
    ids = [line.transaction for line in parse_statement(data, "a.ofx").lines]
    assert ids == ["X1", "X1/2"]


def test_a_transaction_without_name_or_memo_says_what_kind_it_is() -> None:
    data = sgml(trn("1", "20261110", "10.00", kind="DEP")).encode()
    assert parse_statement(data, "a.ofx").lines[0].description == "DEPOSIT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            sgml(trn("1", "2026-13-45", "1.00", "A")),
            "Transaction 1 (1): “2026-13-45” is not a date.",
        ),
        (sgml(trn("7", "20261110", "1,2x", "A")), "Transaction 1 (7): “1,2x” is not an amount."),
        (sgml(trn("7", "20261110", "", "A")), "Transaction 1 (7) has no amount (TRNAMT)."),
        (sgml(trn("1", "20261110", "1.00")).split("</BANKTRANLIST>")[0], "cut short"),
        (
            SGML_HEADER + "<OFX><INVSTMTMSGSRSV1><INVSTMTRS></INVSTMTRS></INVSTMTMSGSRSV1></OFX>",
            "investment",
        ),
        (
            SGML_HEADER + "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>15500<SEVERITY>ERROR"
            "<MESSAGE>Signon invalid</STATUS></SONRS></SIGNONMSGSRSV1></OFX>",
            "the bank says: Signon invalid.",
        ),
        (SGML_HEADER + "no markup at all", "no <OFX> element"),
    ],
)
def test_broken_ofx_is_refused_with_one_sentence(text: str, expected: str) -> None:
    with pytest.raises(BadStatement) as refused:
        parse_statement(text.encode("cp1252"), "bad.ofx")
    assert expected in str(refused.value)
    assert "\n" not in str(refused.value)


def test_two_accounts_in_one_file_are_refused_by_name() -> None:
    one = sgml(trn("1", "20261110", "1.00", "A"), account="111")
    two = sgml(trn("2", "20261110", "1.00", "B"), account="222")
    stmt = two[two.index("<STMTRS>") : two.index("</STMTRS>") + 9]
    both = one.replace("</STMTRS>", "</STMTRS>" + stmt, 1).replace(
        "</STMTRS>" + stmt, "</STMTRS></STMTTRNRS><STMTTRNRS>" + stmt, 1
    )
    with pytest.raises(BadStatement, match=r"2 accounts \(111, 222\)"):
        parse_statement(both.encode(), "two.ofx")


def test_only_xml_entities_are_unescaped_in_names() -> None:
    data = sgml(trn("1", "20261110", "10.00", "M&LT CONSTRUCTION &amp; B&#233;ton")).encode()
    assert parse_statement(data, "a.ofx").lines[0].description == "M&LT CONSTRUCTION & Béton"


def test_malformed_markup_is_named_by_position_without_quoting_the_file() -> None:
    data = sgml(trn("1", "20261110", "10.00", "A")).replace("</STMTTRN>", "</STMTTRN>junk", 1)
    with pytest.raises(BadStatement) as refused:
        parse_statement(data.encode(), "a.ofx")
    message = str(refused.value)
    assert message.startswith("The OFX file is malformed near character ")
    assert "Tail text 'junk'" in message and "<OFX>" not in message
