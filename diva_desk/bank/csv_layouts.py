"""The CSV layouts of the Canadian banks' downloads: one table, read by ``csv_statement``.

Each layout says where the date, the description and the amount are, and how to tell
the layout from the file: by its header row, or, for the banks whose CSV has none (TD,
CIBC, Scotiabank, Desjardins), by the shape of every row (the number of columns, the
form of the date, which columns hold amounts). docs/bank-statements.md lists each
layout with where it was learnt from. Column numbers count from 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from diva_desk.bank.values import MDY, YMD

ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
SLASH_YMD = re.compile(r"^\d{4}/\d{1,2}/\d{1,2}$")
SLASH_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
COMPACT_DATE = re.compile(r"^\d{8}$")
#: A card number as the banks print it: digits with the middle masked.
CARD_NUMBER = re.compile(r"^'?\d{4}[\d*xX ]{6,}\d{4}$")


@dataclass(frozen=True)
class Layout:
    bank: str
    #: Which download of the bank's this is, for the documentation and errors.
    kind: str
    #: The header's column names (compared without case, spaces or quotes); empty for a
    #: headerless CSV, which is then recognised from its rows.
    header: tuple[str, ...]
    date: int
    #: The form every date in the column has; a row whose date does not fit is not
    #: this layout (headerless) or an error (with a header).
    date_form: re.Pattern[str]
    #: YMD, MDY or DMY where the bank's order is known; None: settled from the rows.
    date_order: str | None
    description: tuple[int, ...]
    #: One signed amount column, or a debit (money out) and a credit (money in) column.
    amount: int | None = None
    debit: int | None = None
    credit: int | None = None
    #: Columns that together name the account.
    account: tuple[int, ...] = ()
    #: A column holding the bank's own id for the line, if the bank gives one.
    bank_id: int | None = None
    #: Signed amount columns named by currency (RBC's CAD$ and USD$).
    currency_columns: tuple[tuple[int, str], ...] = ()
    #: Card downloads where a purchase is positive: turned round, money in is positive.
    charges_positive: bool = False
    #: Headerless: how many columns a row has (the fewest and the most).
    columns: tuple[int, int] = (0, 0)
    #: Headerless: columns that must hold an amount or nothing.
    amounts: tuple[int, ...] = ()
    #: Headerless: a column and the form it must have (CIBC's card number).
    shapes: tuple[tuple[int, re.Pattern[str]], ...] = field(default=())


LAYOUTS: tuple[Layout, ...] = (
    Layout(
        bank="RBC Royal Bank",
        kind="accounts and credit cards",
        header=(
            "account type",
            "account number",
            "transaction date",
            "cheque number",
            "description 1",
            "description 2",
            "cad$",
            "usd$",
        ),
        date=2,
        date_form=SLASH_DATE,
        date_order=MDY,
        description=(4, 5, 3),
        account=(0, 1),
        currency_columns=((6, "CAD"), (7, "USD")),
    ),
    Layout(
        bank="BMO",
        kind="bank account",
        header=(
            "first bank card",
            "transaction type",
            "date posted",
            "transaction amount",
            "description",
        ),
        date=2,
        date_form=COMPACT_DATE,
        date_order=YMD,
        description=(4,),
        amount=3,
        account=(0,),
    ),
    Layout(
        bank="BMO",
        kind="Mastercard",
        header=(
            "item #",
            "card #",
            "transaction date",
            "posting date",
            "transaction amount",
            "description",
        ),
        date=3,
        date_form=COMPACT_DATE,
        date_order=YMD,
        description=(5,),
        amount=4,
        account=(1,),
        charges_positive=True,
    ),
    Layout(
        bank="Tangerine",
        kind="credit card",
        header=("transaction date", "transaction", "name", "memo", "amount"),
        date=0,
        date_form=SLASH_DATE,
        date_order=MDY,
        description=(2, 3),
        amount=4,
    ),
    Layout(
        bank="Tangerine",
        kind="chequing and savings",
        header=("date", "transaction", "name", "memo", "amount"),
        date=0,
        date_form=SLASH_DATE,
        date_order=MDY,
        description=(2, 3),
        amount=4,
    ),
    # --- no header: recognised from the rows -------------------------------------------
    Layout(
        bank="Desjardins",
        kind="AccèsD account",
        header=(),
        date=3,
        date_form=SLASH_YMD,
        date_order=YMD,
        description=(5,),
        debit=7,
        credit=8,
        account=(0, 1, 2),
        bank_id=4,
        columns=(14, 20),
        amounts=(7, 8, 13),
    ),
    Layout(
        bank="CIBC",
        kind="credit card",
        header=(),
        date=0,
        date_form=ISO_DATE,
        date_order=YMD,
        description=(1,),
        debit=2,
        credit=3,
        account=(4,),
        columns=(5, 5),
        amounts=(2, 3),
        shapes=((4, CARD_NUMBER),),
    ),
    Layout(
        bank="CIBC",
        kind="bank account",
        header=(),
        date=0,
        date_form=ISO_DATE,
        date_order=YMD,
        description=(1,),
        debit=2,
        credit=3,
        columns=(4, 4),
        amounts=(2, 3),
    ),
    Layout(
        bank="TD Canada Trust",
        kind="accounts and Visa",
        header=(),
        date=0,
        date_form=SLASH_DATE,
        date_order=MDY,
        description=(1,),
        debit=2,
        credit=3,
        columns=(5, 5),
        amounts=(2, 3, 4),
    ),
    Layout(
        bank="Scotiabank",
        kind="bank account",
        header=(),
        date=0,
        date_form=SLASH_DATE,
        date_order=MDY,
        description=(4, 3),
        amount=1,
        columns=(5, 5),
        amounts=(1,),
        shapes=((2, re.compile(r"^-?$")),),
    ),
    Layout(
        bank="Scotiabank",
        kind="credit card",
        header=(),
        date=0,
        date_form=SLASH_DATE,
        date_order=MDY,
        description=(1,),
        amount=2,
        columns=(3, 3),
        amounts=(2,),
    ),
)

#: The banks whose CSV is read, for the sentence refusing an unknown CSV.
KNOWN_BANKS = tuple(dict.fromkeys(layout.bank for layout in LAYOUTS))
