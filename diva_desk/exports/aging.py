"""The aging report out of the book: to a CSV file a spreadsheet opens as it is, and to PDF.

The CSV follows the customer export's rules (contacts.export): UTF-8 with a
byte-order mark so Excel reads accents right, and text cells that a spreadsheet
would run as a formula (a customer named ``=HYPERLINK(...)``) neutralised with the
same helper (core.spreadsheet). Amounts are plain decimals ("1250.00") so the sheet
can add them up.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diva_desk.core.money import money_text
from diva_desk.core.reports.aging import AgingBucket, bucket_label
from diva_desk.core.reports.receivables import AgingRow
from diva_desk.core.spreadsheet import neutralised
from diva_desk.documents.aging_report import aging_report_pdf
from diva_desk.i18n import _
from diva_desk.saved_files import write_csv
from diva_desk.store.reports.aging import aging_document, aging_report


def aging_pdf(as_of: dt.date) -> bytes:
    """The aging report on ``as_of`` as PDF bytes."""
    return aging_report_pdf(aging_document(as_of))


def aging_csv(path: Path, as_of: dt.date) -> int:
    """Write the aging on ``as_of`` to ``path``; returns how many customer rows were written.

    One row per customer and currency, then one total row per currency (its code
    column empty). The file is written beside ``path`` and renamed, so a full disk
    never leaves half a report.
    """
    report = aging_report(as_of)
    headers = [
        _("Code"),
        _("Customer"),
        _("Currency"),
        *(bucket_label(b) for b in AgingBucket),
        _("Total"),
        _("Oldest due date"),
    ]
    rows = [_csv_row(row, row.code, row.name) for row in report.customers]
    rows += [
        _csv_row(row, "", _("Total {currency}").format(currency=row.currency))
        for row in report.totals
    ]
    write_csv(path, headers, rows)
    return len(report.customers)


def _csv_row(row: AgingRow, code: str, name: str) -> list[str]:
    return [
        neutralised(code),
        neutralised(name),
        neutralised(row.currency),
        *(money_text(row.bucket(b), row.currency) for b in AgingBucket),
        money_text(row.total, row.currency),
        row.oldest_due_date.isoformat(),
    ]
