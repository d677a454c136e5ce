"""The business's late-interest terms: the rate per month and the grace days."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core.late_fees.interest import MAX_PERCENT_PER_MONTH
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db

#: The most grace days the book takes (as the interchange format: 100 years).
MAX_GRACE_DAYS = 36_500


@dataclass(frozen=True)
class LateFeeTerms:
    percent_per_month: Decimal
    grace_days: int


def late_fee_terms() -> LateFeeTerms:
    """The business's rate per month and grace days (0 and 0 before a profile exists)."""
    row = (
        m.Business.select(m.Business.late_fee_percent_per_month, m.Business.late_fee_grace_days)
        .where(m.Business.id == 1)
        .first()
    )
    if row is None:
        return LateFeeTerms(Decimal(0), 0)
    return LateFeeTerms(row.late_fee_percent_per_month, row.late_fee_grace_days)


def save_late_fee_terms(terms: LateFeeTerms) -> None:
    """Keep the business's terms; refused (BadInput) outside 0–5 % or below 0 days."""
    if not Decimal(0) <= terms.percent_per_month <= MAX_PERCENT_PER_MONTH:
        raise BadInput(_("Late interest: enter a rate per month from 0 to 5 %."))
    if not 0 <= terms.grace_days <= MAX_GRACE_DAYS:
        raise BadInput(_("Grace days: enter a number of days, 0 or more."))
    with db.atomic():
        changed = (
            m.Business.update(
                late_fee_percent_per_month=terms.percent_per_month,
                late_fee_grace_days=terms.grace_days,
            )
            .where(m.Business.id == 1)
            .execute()
        )
    if not changed:
        raise BadInput(_("Fill in the business profile first: the terms are part of it."))
