"""What a chart draws: categories, named series of figures and their texts, and the axis scale.

Plain data, no Qt: ui.report_models fills it from the store's results, ui.charts
draws it, and a test reads the figures back from it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)
#: Round multipliers an axis step is made of: 1, 2, 2.5 and 5 times a power of ten.
_NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


@dataclass(frozen=True)
class Series:
    """One named run of values, one per category, in a fixed colour."""

    name: str
    #: A colour that reads on both a white and a near-black background.
    color: str
    #: ``None`` where there is no figure (no invoice paid off that month): a line
    #: breaks there and a bar is left out, rather than drawn at a false zero.
    values: tuple[Decimal | None, ...]
    #: Each value as the tooltip says it (the exact figure, in the book's locale).
    texts: tuple[str, ...]


@dataclass(frozen=True)
class ChartData:
    """What a chart shows: categories along the bottom, series drawn over them."""

    #: Axis labels, short ("Nov"); a second line ("Nov\\n2026") is allowed.
    categories: tuple[str, ...]
    #: The same categories said in full, for the tooltip ("November 2026").
    titles: tuple[str, ...]
    series: tuple[Series, ...]
    #: How a tick on the value axis is written (compact: "$12.5K", "30").
    tick_text: Callable[[Decimal], str]
    #: Said in place of the chart when there is nothing to draw.
    empty_text: str = ""
    #: Per category, an extra tooltip line (a stacked bar's exact total).
    notes: tuple[str, ...] = ()
    #: The smallest step between ticks: 1 for counts, so no axis says "0.25 promises".
    least_step: Decimal | None = None

    @property
    def is_empty(self) -> bool:
        return not self.categories or not self.series

    def value(self, series: int, category: int) -> Decimal:
        """The figure drawn, zero where there is none (see :meth:`figure`)."""
        found = self.series[series].values[category]
        return ZERO if found is None else found

    def figure(self, series: int, category: int) -> Decimal | None:
        return self.series[series].values[category]


def empty_chart(text: str) -> ChartData:
    return ChartData((), (), (), tick_text=str, empty_text=text)


def nice_scale(
    top: Decimal, ticks: int = 4, least_step: Decimal | None = None
) -> tuple[Decimal, Decimal]:
    """A round axis top and step holding ``top``: 0, 5K, 10K, 15K, 20K rather than 0 to 18,347.

    ``least_step`` keeps the step from going finer (1 for counts).
    """
    if top <= ZERO:
        step = max(Decimal(1), least_step or ZERO)
        return step * ticks, step
    raw = top / ticks
    power = Decimal(1).scaleb(raw.adjusted())
    step = next(m * power for m in _NICE_STEPS if m * power * ticks >= top)
    if least_step is not None:
        step = max(step, least_step)
    return step * math.ceil(top / step), step


@dataclass(frozen=True)
class Hit:
    """What the pointer is over: a category, and the series when over its bar or point."""

    category: int
    series: int | None = None
