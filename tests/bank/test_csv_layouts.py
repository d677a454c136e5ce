"""The Canadian banks' CSV downloads, each layout written by the test itself."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from diva_desk.bank.reading import parse_statement
from diva_desk.bank.statement import BadStatement, Statement


def read(text: str, encoding: str = "utf-8") -> Statement:
    return parse_statement(text.encode(encoding), "download.csv")


def money_in(statement: Statement) -> list[tuple[date, Decimal, str]]:
    return [(line.date, line.amount, line.description) for line in statement.lines]


def test_rbc_with_its_header_and_currency_columns() -> None:
    statement = read(
        '"Account Type","Account Number","Transaction Date","Cheque Number",'
        '"Description 1","Description 2","CAD$","USD$"\n'
        'Chequing,01234-5678901,11/17/2026,,"E-TRANSFER - AUTODEPOSIT","ACME SONS",1250.00,\n'
        "Chequing,01234-5678901,11/18/2026,1042,CHEQUE,,-300.00,\n"
    )
    assert statement.account == "Chequing-01234-5678901"
    assert statement.currency == "CAD"
    assert money_in(statement) == [
        (date(2026, 11, 17), Decimal("1250.00"), "E-TRANSFER - AUTODEPOSIT ACME SONS"),
        (date(2026, 11, 18), Decimal("-300.00"), "CHEQUE 1042"),
    ]


def test_rbc_usd_account() -> None:
    statement = read(
        "Account Type,Account Number,Transaction Date,Cheque Number,Description 1,"
        "Description 2,CAD$,USD$\nSavings,09999-1234567,1/5/2026,,DEPOSIT,,,75.10\n"
    )
    assert statement.currency == "USD"
    assert statement.lines[0].amount == Decimal("75.10")


def test_rbc_export_of_two_accounts_is_refused_by_name() -> None:
    text = (
        "Account Type,Account Number,Transaction Date,Cheque Number,Description 1,"
        "Description 2,CAD$,USD$\n"
        "Chequing,01234-5678901,1/5/2026,,DEPOSIT,,10.00,\n"
        "Visa,4516XXXXXXXX1234,1/6/2026,,PAYMENT,,-10.00,\n"
    )
    with pytest.raises(BadStatement, match=r"2 accounts \(Chequing-01234-5678901, Visa-4516"):
        read(text)


def test_bmo_bank_account_after_its_preamble() -> None:
    statement = read(
        "Following data is valid as of 20261118094501 (Year/Month/Day/Hour/Minute/Second)\n"
        "\n\n"
        "First Bank Card,Transaction Type,Date Posted, Transaction Amount,Description\n"
        "\n"
        "'500766**********1234',CREDIT,20261117,1250.00,[DN]ACME SONS INTERAC E-TRF\n"
        "'500766**********1234',DEBIT,20261117,-4.75,[DN]TIM HORTONS\n"
    )
    assert statement.account == "500766**********1234"
    assert money_in(statement)[0] == (
        date(2026, 11, 17),
        Decimal("1250.00"),
        "[DN]ACME SONS INTERAC E-TRF",
    )


def test_bmo_mastercard_turns_charges_round() -> None:
    statement = read(
        "Item #,Card #,Transaction Date,Posting Date,Transaction Amount,Description\n"
        "1,'5191230000001234',20261101,20261102,45.00,STAPLES\n"
        "2,'5191230000001234',20261103,20261103,-200.00,PAYMENT RECEIVED - THANK YOU\n"
    )
    assert [line.amount for line in statement.lines] == [Decimal("-45.00"), Decimal("200.00")]


@pytest.mark.parametrize("date_column", ["Date", "Transaction date"])
def test_tangerine(date_column: str) -> None:
    statement = read(
        f"{date_column},Transaction,Name,Memo,Amount\n"
        "11/17/2026,OTHER,INTERAC e-Transfer From: ACME SONS,Deposited to Chequing,1250\n"
        "11/13/2026,DEBIT,Hydro,,-80.25\n"
    )
    assert money_in(statement) == [
        (
            date(2026, 11, 17),
            Decimal("1250"),
            "INTERAC e-Transfer From: ACME SONS Deposited to Chequing",
        ),
        (date(2026, 11, 13), Decimal("-80.25"), "Hydro"),
    ]


def test_td_without_header_debit_and_credit_columns() -> None:
    statement = read(
        "11/17/2026,E-TRANSFER ***Xyz,,1250.00,3410.55\n"
        "11/17/2026,TIM HORTONS #1234,4.75,,2160.55\n"
        "11/03/2026,SEND E-TFR ***Abc,1000.00,,2165.30\n"
    )
    assert statement.account == "" and statement.currency is None
    assert money_in(statement) == [
        (date(2026, 11, 17), Decimal("1250.00"), "E-TRANSFER ***Xyz"),
        (date(2026, 11, 17), Decimal("-4.75"), "TIM HORTONS #1234"),
        (date(2026, 11, 3), Decimal("-1000.00"), "SEND E-TFR ***Abc"),
    ]


def test_cibc_credit_card_and_bank_account_without_header() -> None:
    card = read(
        "2026-11-17,PAYMENT THANK YOU/PAIEMENT MERCI,,500.00,4500********1234\n"
        '2026-11-15,"STAPLES #12, TORONTO",45.20,,4500********1234\n'
    )
    assert card.account == "4500********1234"
    assert [line.amount for line in card.lines] == [Decimal("500.00"), Decimal("-45.20")]
    bank = read("2026-11-17,E-TRANSFER ACME SONS,,1250.00\n2026-11-18,FEE,1.50,\n")
    assert [line.amount for line in bank.lines] == [Decimal("1250.00"), Decimal("-1.50")]


def test_scotiabank_account_and_card_without_header() -> None:
    account = read(
        '11/17/2026,1250.00,"-","Deposit","ACME SONS E-TRANSFER"\n'
        '11/18/2026,-12.00,"-","Service Charge","MONTHLY FEE"\n'
    )
    assert money_in(account)[0] == (
        date(2026, 11, 17),
        Decimal("1250.00"),
        "ACME SONS E-TRANSFER Deposit",
    )
    card = read('11/17/2026,"PAYMENT-THANK YOU",300.00\n11/18/2026,"COSTCO",-88.10\n')
    assert [line.amount for line in card.lines] == [Decimal("300.00"), Decimal("-88.10")]


def test_desjardins_in_the_windows_code_page_with_its_line_numbers() -> None:
    def row(line: str, when: str, description: str, out: str, into: str, balance: str) -> str:
        cells = f'"815","0123456","EOP","{when}",{line},"{description}","",{out},{into}'
        return cells + f',"","","","",{balance}\n'

    statement = read(
        row("00041", "2026/11/17", "Dépôt direct /COOPÉRATIVE ACME", "", "1250.00", "3410.55")
        + row(
            "00042",
            "2026/11/18",
            "Paiement facture - AccèsD Internet /HYDRO",
            "80.25",
            "",
            "3330.30",
        ),
        encoding="cp1252",
    )
    assert statement.account == "815-0123456-EOP"
    first, second = statement.lines
    assert (first.transaction, first.description) == ("00041", "Dépôt direct /COOPÉRATIVE ACME")
    assert first.amount == Decimal("1250.00") and second.amount == Decimal("-80.25")


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8-sig", b""), ("utf-16", b""), ("cp1252", b""), ("latin-1", b"")],
)
def test_any_encoding(encoding: str, prefix: bytes) -> None:
    text = "Date,Transaction,Name,Memo,Amount\n11/17/2026,OTHER,DÉPÔT Coopérative,,12.50\n"
    statement = parse_statement(prefix + text.encode(encoding), "t.csv")
    assert statement.lines[0].description == "DÉPÔT Coopérative"


def test_identical_lines_are_two_transactions_and_reading_again_gives_the_same_ids() -> None:
    text = "11/17/2026,COFFEE,3.50,,100.00\n11/17/2026,COFFEE,3.50,,96.50\n"
    first, again = read(text), read(text)
    ids = [line.transaction for line in first.lines]
    assert len(set(ids)) == 2
    assert ids == [line.transaction for line in again.lines]


def test_an_unknown_csv_names_its_columns_and_the_banks_known() -> None:
    with pytest.raises(BadStatement) as refused:
        read("When,Who,How much\n2026-11-17,Acme,12.00\n")
    message = str(refused.value)
    assert "“When”, “Who”, “How much”" in message
    for bank in ("RBC", "TD", "BMO", "Scotiabank", "CIBC", "Desjardins", "Tangerine"):
        assert bank in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Date,Transaction,Name,Memo,Amount\n11/17/2026,X,A,,12.x0\n",
            "Row 2: “12.x0” is not an amount.",
        ),
        (
            "Date,Transaction,Name,Memo,Amount\n11/32/2026,X,A,,12.00\n",
            "Row 2: “11/32/2026” is not a date.",
        ),
        ("Date,Transaction,Name,Memo,Amount\n11/17/2026,X,A,,\n", "Row 2 has no amount."),
        ("Date,Transaction,Name,Memo,Amount\n,X,A,,1\n", "Row 2 has no date."),
    ],
)
def test_a_row_that_cannot_be_read_is_named(text: str, expected: str) -> None:
    with pytest.raises(BadStatement) as refused:
        read(text)
    assert str(refused.value) == expected


def test_a_headerless_row_that_alone_does_not_fit_is_named() -> None:
    text = (
        "11/17/2026,E-TRANSFER,,1250.00,3410.55\n"
        "11/17/2026,TIM HORTONS,4.75,,2160.55\n"
        "11/18/2026,COFF"
    )
    with pytest.raises(
        BadStatement, match=r"Row 3 \(11/18/2026, COFF\) does not have the columns of the TD"
    ):
        read(text)
