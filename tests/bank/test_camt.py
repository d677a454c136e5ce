"""CAMT.053 statements (ISO 20022), written by the tests in several versions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from diva_desk.bank.reading import parse_statement
from diva_desk.bank.statement import BadStatement


def entry(
    amount: str = "1250.00",
    indicator: str = "CRDT",
    ref: str = "REF-1",
    booked: str = "<Dt>2026-11-17</Dt>",
    details: str = "<TxDtls><RltdPties><Dbtr><Nm>Acme &amp; Sons</Nm></Dbtr></RltdPties>"
    "<RmtInf><Ustrd>Invoice INV-0042</Ustrd></RmtInf></TxDtls>",
    currency: str = "EUR",
    status: str = "<Sts>BOOK</Sts>",
) -> str:
    return (
        f'<Ntry><Amt Ccy="{currency}">{amount}</Amt><CdtDbtInd>{indicator}</CdtDbtInd>'
        f"{status}<BookgDt>{booked}</BookgDt><ValDt><Dt>2026-11-18</Dt></ValDt>"
        f"<AcctSvcrRef>{ref}</AcctSvcrRef><NtryDtls>{details}</NtryDtls></Ntry>"
    )


def statement(entries: str, account: str = "DE89370400440532013000") -> str:
    return (
        f"<Stmt><Id>S1</Id><Acct><Id><IBAN>{account}</IBAN></Id><Ccy>EUR</Ccy></Acct>"
        f"{entries}</Stmt>"
    )


def camt(statements: str, version: str = "02") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}">'
        f"<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>{statements}</BkToCstmrStmt>"
        "</Document>"
    ).encode()


@pytest.mark.parametrize("version", ["02", "04", "08"])
def test_camt053_entries_in_every_version(version: str) -> None:
    data = camt(statement(entry() + entry("4.75", "DBIT", "REF-2", details="")), version=version)
    read = parse_statement(data, "statement.xml")
    assert read.account == "DE89370400440532013000"
    assert read.currency == "EUR"
    first, second = read.lines
    assert (first.transaction, first.date, first.amount) == (
        "REF-1",
        date(2026, 11, 17),
        Decimal("1250.00"),
    )
    assert first.description == "Acme & Sons Invoice INV-0042"
    assert second.amount == Decimal("-4.75") and second.description == "DEBIT"


def test_version_8_names_the_party_inside_pty_and_the_status_inside_cd() -> None:
    details = (
        "<TxDtls><Refs><TxId>T-9</TxId></Refs><RltdPties><Dbtr><Pty><Nm>Café Crème</Nm></Pty>"
        "</Dbtr></RltdPties><RmtInf><Strd><CdtrRefInf><Ref>RF18INV0043</Ref></CdtrRefInf>"
        "</Strd></RmtInf></TxDtls>"
    )
    data = camt(
        statement(
            entry(
                ref="",
                details=details,
                status="<Sts><Cd>BOOK</Cd></Sts>",
                booked="<DtTm>2026-11-17T10:00:00</DtTm>",
            )
            + entry(ref="P", status="<Sts><Cd>PDNG</Cd></Sts>")
        ),
        version="08",
    )
    (line,) = parse_statement(data, "s.xml").lines
    assert line.transaction == "T-9"
    assert line.description == "Café Crème RF18INV0043"
    assert line.date == date(2026, 11, 17)


def test_a_batch_entry_is_read_as_its_transactions() -> None:
    def tx(ref: str, amount: str, name: str) -> str:
        return (
            f'<TxDtls><Refs><AcctSvcrRef>{ref}</AcctSvcrRef></Refs><Amt Ccy="EUR">{amount}</Amt>'
            f"<RltdPties><Dbtr><Nm>{name}</Nm></Dbtr></RltdPties></TxDtls>"
        )

    data = camt(
        statement(entry("300.00", details=tx("B1", "100.00", "A") + tx("B2", "200.00", "B")))
    )
    lines = parse_statement(data, "s.xml").lines
    assert [(line.transaction, line.amount, line.description) for line in lines] == [
        ("B1", Decimal("100.00"), "A"),
        ("B2", Decimal("200.00"), "B"),
    ]


def test_several_statements_of_one_account_are_read_together_and_of_two_refused() -> None:
    two = camt(statement(entry(ref="A")) + statement(entry(ref="B")))
    assert [line.transaction for line in parse_statement(two, "s.xml").lines] == ["A", "B"]
    other = camt(statement(entry(ref="A")) + statement(entry(ref="B"), account="FR7630006"))
    with pytest.raises(BadStatement, match=r"2 accounts \(DE89370400440532013000, FR7630006\)"):
        parse_statement(other, "s.xml")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (camt(statement(entry()))[:-40], "not well-formed XML at line 2"),
        (camt(statement(entry(amount="12,x")))[:], "Entry 1 (REF-1): “12,x” is not an amount."),
        (
            camt(statement(entry(booked="<Dt>2026-02-30</Dt>"))),
            "Entry 1 (REF-1): “2026-02-30” is not a date.",
        ),
        (camt(statement(entry(indicator="XX"))), "neither credit nor debit"),
        (camt(""), "holds no statement"),
        (
            b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">&a;</Document>',
            "DOCTYPE",
        ),
        (
            b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">'
            b"<BkToCstmrDbtCdtNtfctn/></Document>",
            "not a CAMT.053 bank statement (it holds BkToCstmrDbtCdtNtfctn)",
        ),
        (b"<html><body>Login</body></html>", "not a bank statement Diva Desk can read"),
    ],
)
def test_broken_camt_is_refused_with_one_sentence(data: bytes, expected: str) -> None:
    with pytest.raises(BadStatement) as refused:
        parse_statement(data, "s.xml")
    assert expected in str(refused.value)


def test_camt_in_utf16_and_in_an_undeclared_windows_code_page() -> None:
    text = camt(statement(entry(details="<TxDtls><AddtlTxInf>x</AddtlTxInf></TxDtls>"))).decode()
    text = text.replace("Acme &amp; Sons", "Coopérative")
    utf16 = parse_statement(text.encode("utf-16"), "s.xml")
    assert utf16.lines[0].amount == Decimal("1250.00")
    undeclared = text.replace('<?xml version="1.0" encoding="UTF-8"?>\n', "").replace(
        "<AddtlTxInf>x</AddtlTxInf>",
        "<RltdPties><Dbtr><Nm>Coopérative DÉPÔT</Nm></Dbtr></RltdPties>",
    )
    (line,) = parse_statement(undeclared.encode("cp1252"), "s.xml").lines
    assert line.description == "Coopérative DÉPÔT"
