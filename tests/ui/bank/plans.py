"""A bank plan against the small book (ui/conftest): Acme owes 1,000.00 on INV-1001,
Beta 900.00 on INV-1002, Gamma 250.00 on INV-1003."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from diva_desk.bank.matching import Allocation, BankPlan, MatchedLine, ReviewLine
from diva_desk.bank.statement import BankLine
from diva_desk.store.bank.reading import book_for_matching
from diva_desk.ui.bank.bank_rows import BankLook, open_balances

ACME_PAID = BankLine(
    "T1", dt.date(2026, 11, 20), Decimal("1000.00"), "INTERAC E-TRF ACME LTD INV-1001"
)
CHEQUE = BankLine("T2", dt.date(2026, 11, 21), Decimal("1150.00"), "CHQ DEPOSIT 00412")


def small_plan() -> BankPlan:
    return BankPlan(
        file="november.ofx",
        account="00123-4567",
        currency="CAD",
        matched=(
            MatchedLine(
                ACME_PAID, (Allocation("INV-1001", "ACME", Decimal("1000.00")),), "invoice number"
            ),
        ),
        review=(
            ReviewLine(
                CHEQUE, ("INV-1002", "INV-1003"), "No invoice number or customer name found."
            ),
        ),
        ignored=2,
        already_imported=1,
    )


def small_look() -> BankLook:
    plan = small_plan()
    return BankLook(plan, open_balances(book_for_matching(plan.account, ()), plan.currency))
