"""From what a file says to ``BankLine``s: the transaction ids, the bank's or a digest.

OFX and CAMT.053 give each transaction the bank's own id. Most CSVs give none, so a
line without one gets a stable digest: the SHA-256 of the account, the date, the amount,
the description and the occurrence of that same line in the file (the first coffee of
the day is 1, an identical second coffee 2). Two identical lines are then two
transactions, and the same download read twice gives the same ids, so importing it
again records nothing new. The digest is written ``sha256:`` and its first 32 hex digits.

A bank id seen twice in one file for the same date, amount and description is the same
transaction listed twice (overlapping statements in one download) and is kept once; a
bank id reused for a different transaction gets ``/2``, ``/3``... so each stays unique.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from diva_desk.bank.statement import BankLine
from diva_desk.core.money import decimal_text


@dataclass(frozen=True)
class Found:
    """A transaction as read, before it has its id."""

    date: date
    amount: Decimal
    description: str
    #: The bank's id, or "" where the file gives none.
    bank_id: str = ""


def clean_description(*parts: str) -> str:
    """The parts joined by one space, blanks and repeats dropped, spaces collapsed."""
    seen: list[str] = []
    for part in parts:
        text = " ".join((part or "").split())
        if text and text not in seen:
            seen.append(text)
    return " ".join(seen)


def digest(account: str, found: Found, occurrence: int) -> str:
    fields = (
        account,
        found.date.isoformat(),
        decimal_text(found.amount),
        found.description,
        str(occurrence),
    )
    return "sha256:" + hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()[:32]


def bank_lines(account: str, found: Iterable[Found]) -> tuple[BankLine, ...]:
    """Each transaction with its id, in the file's order."""
    lines: list[BankLine] = []
    occurrences: Counter[tuple[date, Decimal, str]] = Counter()
    by_id: dict[str, list[Found]] = {}
    for item in found:
        if item.bank_id:
            same_id = by_id.setdefault(item.bank_id, [])
            if item in same_id:
                continue  # listed twice: one transaction
            same_id.append(item)
            transaction = item.bank_id
            if len(same_id) > 1:
                transaction = f"{item.bank_id}/{len(same_id)}"
        else:
            key = (item.date, item.amount, item.description)
            occurrences[key] += 1
            transaction = digest(account, item, occurrences[key])
        lines.append(BankLine(transaction, item.date, item.amount, item.description))
    return tuple(lines)
