"""The customer list out to a CSV file that a spreadsheet opens as it is.

* UTF-8 with a byte-order mark: Excel reads a file without one in the Windows code
  page and turns "Zoë" into "ZoÃ«"; with the mark every spreadsheet reads UTF-8.
* A text cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``
  first) gets an apostrophe in front (core.spreadsheet.neutralised: CSV injection),
  which the contacts import (csv_source.py) takes off again.
* Amounts are plain decimals ("4520.00") so the spreadsheet can add them up; the
  headers are the names the contacts import recognises, so an exported list can be
  imported into another book.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path

from diva_desk.core.money import money_text
from diva_desk.core.spreadsheet import neutralised
from diva_desk.i18n import _
from diva_desk.saved_files import write_csv


def export_customers_csv(
    path: Path,
    *,
    today: dt.date | None = None,
    include_archived: bool = False,
    codes: Collection[str] | None = None,
) -> int:
    """Write the open book's customers to ``path``; returns how many were written.

    ``codes`` limits the file to those customers (the ones a filtered list shows);
    archived customers are left out unless ``include_archived``.
    """
    from diva_desk.store.book.business import get_business
    from diva_desk.store.book.settings import suggested_deposit_percent
    from diva_desk.store.customers.directory import customer_details
    from diva_desk.store.customers.history import customer_ratings
    from diva_desk.store.invoices.lists import customer_rows

    today = today or dt.date.today()
    business = get_business()
    default_terms = business.default_terms_days if business is not None else None
    standings = customer_ratings(today, suggested_deposit_percent())
    details = customer_details()
    wanted = set(codes) if codes is not None else None
    records = []
    for row in customer_rows(today):
        if (row.archived and not include_archived) or (
            wanted is not None and row.code not in wanted
        ):
            continue
        detail = details[row.id]
        terms = detail.terms_days if detail.terms_days is not None else default_terms
        standing = standings.get(row.id)
        texts = [
            row.code,
            row.name,
            row.contact_name,
            row.email,
            row.phone,
            detail.address,
            row.currency,
        ]
        records.append(
            [neutralised(t) for t in texts]
            + [
                "" if terms is None else str(terms),
                money_text(row.balance, row.currency),
                rating_label(standing.rating.kind) if standing is not None else "",
            ]
        )
    headers = [
        _("Code"),
        _("Name"),
        _("Contact"),
        _("Email"),
        _("Phone"),
        _("Address"),
        _("Currency"),
        _("Terms"),
        _("Balance"),
        _("Rating"),
    ]

    write_csv(path, headers, records)
    return len(records)


def rating_label(kind: str) -> str:
    """A rating as a word for a person (``slow`` -> "Slow", translated)."""
    labels = {"new": _("New"), "reliable": _("Reliable"), "slow": _("Slow"), "risky": _("Risky")}
    return labels.get(str(kind), str(kind))
