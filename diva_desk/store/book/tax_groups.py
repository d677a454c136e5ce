"""Groups of tax rates picked as one on an invoice line ("GST + QST"), and the picks the
invoice editor offers: each rate alone, each group, and no tax.

A group keeps its rates by name and rate, as the lines do, so changing the rate list
never changes a group behind the owner's back; a new book starts with the Canadian
combinations (once, as the rates are: see tax_rates).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from diva_desk.core import records as r
from diva_desk.core.text_limits import limit_problem
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book import models as m
from diva_desk.store.book.db import db
from diva_desk.store.book.tax_rates import TaxRateRow, tax_rates

_SEEDED_KEY = "tax_groups_seeded"

_GST = TaxRateRow("GST", Decimal("5"))

#: Offered once in a new book: the provinces that charge GST and a provincial tax apart.
CANADIAN_GROUPS: tuple[tuple[str, tuple[TaxRateRow, ...]], ...] = (
    ("GST + QST (QC)", (_GST, TaxRateRow("QST", Decimal("9.975")))),
    ("GST + PST (BC, MB)", (_GST, TaxRateRow("PST", Decimal("7")))),
    ("GST + PST (SK)", (_GST, TaxRateRow("PST", Decimal("6")))),
)


@dataclass(frozen=True)
class TaxGroupRow:
    name: str
    rates: tuple[TaxRateRow, ...]


@dataclass(frozen=True)
class TaxPick:
    """One choice of the editor's tax cell: what it is called and the taxes it puts on."""

    label: str
    taxes: tuple[r.LineTax, ...]


NO_TAX_PICK = TaxPick("", ())


def pick_label(pick: TaxPick) -> str:
    """``No tax`` for none (in the interface's language), else the pick's own label."""
    return pick.label or _("No tax")


def pick_for(taxes: Sequence[r.LineTax]) -> TaxPick:
    """The pick that puts exactly these taxes on a line (a line read from the book)."""
    if not taxes:
        return NO_TAX_PICK
    return TaxPick(" + ".join(TaxRateRow(t.name, t.rate).label for t in taxes), tuple(taxes))


def tax_groups() -> list[TaxGroupRow]:
    """The business's groups in their order; the Canadian ones on first use."""
    with db.atomic():
        if not m.Setting.select().where(m.Setting.key == _SEEDED_KEY).exists():
            if not m.TaxGroup.select().exists():
                _replace([TaxGroupRow(name, rates) for name, rates in CANADIAN_GROUPS])
            m.Setting.replace(key=_SEEDED_KEY, value="1").execute()
    groups = list(m.TaxGroup.select().order_by(m.TaxGroup.position, m.TaxGroup.id))
    members: dict[int, list[TaxRateRow]] = {group.id: [] for group in groups}
    query = m.TaxGroupRate.select().order_by(m.TaxGroupRate.group, m.TaxGroupRate.position)
    for row in query:
        members[row.group_id].append(TaxRateRow(row.name, row.rate))
    return [TaxGroupRow(group.name, tuple(members[group.id])) for group in groups]


def groups_problem(groups: Sequence[TaxGroupRow]) -> str | None:
    """Why the groups cannot be saved (no name, a name twice, fewer than two taxes)."""
    seen: set[str] = set()
    for n, group in enumerate(groups, start=1):
        name = group.name.strip()
        if not name:
            return _("Tax group {n}: give the group a name.").format(n=n)
        if problem := limit_problem("tax_name", name):
            return _("Tax group {n}: {problem}").format(n=n, problem=problem)
        if name in seen:
            return _("Tax group {n}: {name} is listed twice.").format(n=n, name=name)
        seen.add(name)
        if len(group.rates) < 2:
            return _("Tax group {name}: choose at least two taxes.").format(name=name)
        names = [rate.name for rate in group.rates]
        if len(set(names)) != len(names):
            return _("Tax group {name}: a tax can be in a group once.").format(name=name)
    return None


def save_tax_groups(groups: Sequence[TaxGroupRow]) -> None:
    """Replace the groups (BadInput, and nothing changed, if one is wrong)."""
    if problem := groups_problem(groups):
        raise BadInput(problem)
    with db.atomic():
        _replace([TaxGroupRow(g.name.strip(), g.rates) for g in groups])
        m.Setting.replace(key=_SEEDED_KEY, value="1").execute()


def tax_picks() -> list[TaxPick]:
    """What the editor offers: each rate alone, then each group, then no tax."""
    picks: list[TaxPick] = []
    for rate in tax_rates():
        if rate.name and rate.rate:
            picks.append(TaxPick(rate.label, (r.LineTax(rate.name, rate.rate),)))
    for group in tax_groups():
        taxes = tuple(r.LineTax(rate.name, rate.rate) for rate in group.rates)
        picks.append(TaxPick(group.name, taxes))
    picks.append(NO_TAX_PICK)
    return picks


def _replace(groups: Sequence[TaxGroupRow]) -> None:
    m.TaxGroup.delete().execute()
    for position, group in enumerate(groups):
        row = m.TaxGroup.create(name=group.name, position=position)
        for place, rate in enumerate(group.rates):
            m.TaxGroupRate.create(group=row.id, position=place, name=rate.name, rate=rate.rate)
