"""The business profile: one row, id 1."""

from __future__ import annotations

import dataclasses

from diva_desk.core import records
from diva_desk.store import models


def get_business() -> records.Business | None:
    row = models.Business.get_or_none(models.Business.id == 1)
    if row is None:
        return None
    return records.Business(
        **{f.name: getattr(row, f.name) for f in dataclasses.fields(records.Business)}
    )


def save_business(business: records.Business) -> None:
    """Create or replace the profile (the logo, not part of the record, is kept)."""
    values = dataclasses.asdict(business)
    if models.Business.get_or_none(models.Business.id == 1) is None:
        models.Business.create(id=1, **values)
    else:
        models.Business.update(**values).where(models.Business.id == 1).execute()


def has_customers() -> bool:
    return models.Customer.select().exists()
