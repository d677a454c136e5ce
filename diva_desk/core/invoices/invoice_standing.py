"""One invoice as far as payments go, for checks made away from the book (an import)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core import records as r


@dataclass
class Standing:
    """An invoice's state and total, and what it has received so far (in its currency)."""

    state: r.InvoiceState
    total: Decimal
    currency: str
    paid: Decimal
