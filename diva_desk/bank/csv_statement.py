"""A bank's CSV download read through the layout table (``csv_layouts``).

The layout is found from the header row (which may follow a few lines of preamble, as
BMO's does) or, where the bank writes no header, from the shape of every row. Then each
row gives one transaction; a row whose date or amount cannot be read stops the reading
with a sentence naming its line in the file, so nothing half-read goes further.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal

from diva_desk.bank.csv_layouts import KNOWN_BANKS, LAYOUTS, Layout
from diva_desk.bank.lines import Found, bank_lines, clean_description
from diva_desk.bank.statement import BadStatement, Statement
from diva_desk.bank.values import Unreadable, amount, date_order, is_amount, parse_date
from diva_desk.core.text_files import NotText, decode_text
from diva_desk.i18n import _

#: How far down the file a header may sit (BMO writes a few lines before it).
_HEADER_SEARCH = 12

Row = tuple[int, list[str]]


def _rows(text: str) -> list[Row]:
    sample = [line for line in text.splitlines()[:10] if line.strip()]
    counts = {mark: sum(line.count(mark) for line in sample) for mark in (",", ";", "\t")}
    delimiter = max(counts, key=lambda mark: counts[mark]) if any(counts.values()) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    try:
        for cells in reader:
            cleaned = [cell.strip() for cell in cells]
            if any(cleaned):
                rows.append((reader.line_num, cleaned))
    except csv.Error as exc:
        raise BadStatement(
            _("Line {number} of the CSV file cannot be read: {problem}.").format(
                number=reader.line_num, problem=exc
            )
        ) from None
    return rows


def _name(cell: str) -> str:
    return " ".join(cell.strip().strip("'\"").lower().split())


def _header(rows: Sequence[Row]) -> tuple[int, Layout] | None:
    """Where the header is and whose layout it names."""
    for index, (_line, cells) in enumerate(rows[:_HEADER_SEARCH]):
        names = tuple(_name(cell) for cell in cells)
        for layout in LAYOUTS:
            if layout.header and names[: len(layout.header)] == layout.header:
                return index, layout
    return None


def _cell(cells: Sequence[str], column: int | None) -> str:
    if column is None or column >= len(cells):
        return ""
    return cells[column]


def _fits(layout: Layout, cells: Sequence[str]) -> bool:
    low, high = layout.columns
    if not low <= len(cells) <= high:
        return False
    if not layout.date_form.match(cells[layout.date]):
        return False
    if any(cells[c] and not is_amount(cells[c]) for c in layout.amounts):
        return False
    if any(not shape.match(cells[c]) for c, shape in layout.shapes):
        return False
    money = (layout.amount, layout.debit, layout.credit)
    return any(_cell(cells, column) for column in money if column is not None)


def _headerless(rows: Sequence[Row]) -> Layout | None:
    """The headerless layout every row fits; a row that alone does not fit is named."""
    best: tuple[int, Layout] | None = None
    for layout in LAYOUTS:
        if layout.header:
            continue
        fitting = sum(_fits(layout, cells) for _line, cells in rows)
        if fitting == len(rows):
            return layout
        if best is None or fitting > best[0]:
            best = fitting, layout
    if best is not None and best[0] >= 2 and best[0] * 2 >= len(rows):
        layout = best[1]
        line, cells = next((line, c) for line, c in rows if not _fits(layout, c))
        raise BadStatement(
            _(
                "Row {number} ({cells}) does not have the columns of the {bank} download "
                "the other rows have; the file may be damaged."
            ).format(number=line, cells=", ".join(cells)[:120], bank=layout.bank)
        )
    return None


def _unknown(rows: Sequence[Row]) -> BadStatement:
    seen = ", ".join(f"“{cell}”" for cell in rows[0][1][:8])
    return BadStatement(
        _(
            "The CSV file's columns ({columns}) match no bank layout Diva Desk knows "
            "({banks}); download the statement as OFX, or as CSV from one of these banks."
        ).format(columns=seen, banks=", ".join(KNOWN_BANKS))
    )


def _money(layout: Layout, line: int, cells: Sequence[str]) -> tuple[Decimal, str | None]:
    where = _("Row {number}").format(number=line)

    def read(column: int | None) -> Decimal | None:
        text = _cell(cells, column)
        if not text:
            return None
        try:
            return amount(text)
        except Unreadable:
            raise BadStatement(
                _("{where}: “{value}” is not an amount.").format(where=where, value=text)
            ) from None

    currency = None
    if layout.currency_columns:
        written = [(read(column), code) for column, code in layout.currency_columns]
        filled = [(value, code) for value, code in written if value is not None]
        value, currency = filled[0] if filled else (None, None)
    elif layout.amount is not None:
        value = read(layout.amount)
    else:
        debit, credit = read(layout.debit), read(layout.credit)
        value = None
        if debit is not None or credit is not None:
            value = abs(credit or Decimal(0)) - abs(debit or Decimal(0))
    if value is None:
        raise BadStatement(_("{where} has no amount.").format(where=where))
    return (-value if layout.charges_positive else value), currency


def read_csv(data: bytes) -> Statement:
    """The statement in a Canadian bank's CSV download; raises ``BadStatement``."""
    try:
        text = decode_text(data)[0]
    except NotText:
        raise BadStatement(
            _("The file is not a bank statement: it holds binary data, not text.")
        ) from None
    rows = _rows(text.lstrip("\ufeff"))
    if not rows:
        raise BadStatement(_("The CSV file holds no rows."))
    found_header = _header(rows)
    if found_header is not None:
        start, layout = found_header
        body = rows[start + 1 :]
    else:
        layout = _headerless(rows)
        if layout is None:
            raise _unknown(rows)
        body = list(rows)
    order = date_order(
        (_cell(cells, layout.date) for _line, cells in body), default=layout.date_order
    )
    found: list[Found] = []
    accounts: dict[str, None] = {}
    currencies: dict[str, None] = {}
    for line, cells in body:
        where = _("Row {number}").format(number=line)
        written = _cell(cells, layout.date)
        if not written:
            raise BadStatement(_("{where} has no date.").format(where=where))
        try:
            day = parse_date(written, order)
        except Unreadable:
            raise BadStatement(
                _("{where}: “{value}” is not a date.").format(where=where, value=written)
            ) from None
        value, currency = _money(layout, line, cells)
        if currency:
            currencies[currency] = None
        account = "-".join(_cell(cells, c).strip("'") for c in layout.account if _cell(cells, c))
        accounts[account] = None
        description = clean_description(*(_cell(cells, c) for c in layout.description))
        found.append(
            Found(
                day,
                value,
                description or ("DEPOSIT" if value > 0 else "WITHDRAWAL"),
                _cell(cells, layout.bank_id),
            )
        )
    if len(accounts) > 1:
        raise BadStatement(
            _(
                "The file holds transactions of {count} accounts ({accounts}); "
                "download one account at a time."
            ).format(count=len(accounts), accounts=", ".join(accounts))
        )
    if len(currencies) > 1:
        raise BadStatement(
            _("The file mixes currencies ({currencies}) for one account.").format(
                currencies=", ".join(currencies)
            )
        )
    account = next(iter(accounts), "")
    return Statement(account, next(iter(currencies), None), bank_lines(account, found))
