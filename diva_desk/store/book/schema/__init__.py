"""Numbered schema steps, as fixed SQL; ``STEPS[n - 1]`` takes a book from version n-1 to n.

Each step takes a book from version N-1 to N. Never edit a step that has shipped:
add the next one. Steps are written as SQL, not with today's model classes, which
will have changed by the time an old book is opened. Steps 1 to 5 are in first_steps,
6 onwards in terms.
"""

from __future__ import annotations

from diva_desk.store.book.schema.first_steps import (
    STEP_1,
    STEP_2,
    STEP_3,
    STEP_LINE_TAXES,
    STEP_OUTBOX,
)
from diva_desk.store.book.schema.terms import (
    STEP_BANK,
    STEP_LATE_FEES,
    STEP_NAMELESS_TAXES,
    STEP_PAY_LINKS,
    STEP_QUOTES,
    STEP_RECURRING,
)

__all__ = [
    "STEPS",
    "STEP_1",
    "STEP_2",
    "STEP_3",
    "STEP_BANK",
    "STEP_LATE_FEES",
    "STEP_LINE_TAXES",
    "STEP_NAMELESS_TAXES",
    "STEP_OUTBOX",
    "STEP_PAY_LINKS",
    "STEP_QUOTES",
    "STEP_RECURRING",
]

STEPS: list[str] = [
    STEP_1,
    STEP_2,
    STEP_3,
    STEP_OUTBOX,
    STEP_LINE_TAXES,
    STEP_NAMELESS_TAXES,
    STEP_BANK,
    STEP_RECURRING,
    STEP_LATE_FEES,
    STEP_PAY_LINKS,
    STEP_QUOTES,
]
