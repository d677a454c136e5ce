"""What a bank statement says, whatever file it came from (OFX, a bank's CSV, CAMT.053).

Every reader in this package returns a ``Statement``; matching and recording only ever
see these. Amounts are exact ``Decimal`` in the account's currency, positive for money in
(a credit) and negative for money out (a debit).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from diva_desk.errors import BadInput


class BadStatement(BadInput):
    """The file is not a bank statement this Diva Desk can read; one sentence says why."""


@dataclass(frozen=True)
class BankLine:
    """One transaction on the statement."""

    #: The bank's own id (OFX FITID, CAMT AcctSvcrRef/NtryRef), or a stable digest of the
    #: date, amount and description where the file has none; unique within the account.
    transaction: str
    date: date
    #: Positive: money in (a credit). Negative: money out (a debit).
    amount: Decimal
    #: The payee/name and memo as the bank wrote them, joined with " " (never empty: a line
    #: without either says what kind it is, e.g. "DEPOSIT").
    description: str

    @property
    def is_credit(self) -> bool:
        return self.amount > 0


@dataclass(frozen=True)
class Statement:
    """The transactions of one account, in the order the file gives them."""

    #: The account number as the file gives it ("" where a CSV names none).
    account: str
    #: ISO 4217 code, or None where the file does not say (most CSVs): the book's
    #: customers' currency is then assumed by the caller.
    currency: str | None
    lines: tuple[BankLine, ...]
