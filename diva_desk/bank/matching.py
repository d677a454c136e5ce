"""STAND-IN until b-bankmatch is merged: the dataclasses of the agreed API only."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from diva_desk.bank.statement import BankLine, Statement
from diva_desk.i18n import _


@dataclass(frozen=True)
class Allocation:
    invoice: str
    customer: str
    amount: Decimal


@dataclass(frozen=True)
class MatchedLine:
    line: BankLine
    allocations: tuple[Allocation, ...]
    how: str


@dataclass(frozen=True)
class ReviewLine:
    line: BankLine
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class BankPlan:
    file: str
    account: str
    currency: str
    matched: tuple[MatchedLine, ...]
    review: tuple[ReviewLine, ...]
    ignored: int
    already_imported: int


def how_label(how: str) -> str:
    return {
        "invoice number": _("by invoice number"),
        "name and amount": _("by name and amount"),
        "sender name": _("by sender name"),
    }.get(how, how)


def plan_bank_import(statement: Statement, file_name: str) -> BankPlan:
    raise NotImplementedError
