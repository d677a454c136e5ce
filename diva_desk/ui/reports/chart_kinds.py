"""The marks a chart draws: stacked bars, grouped bars and lines (see ui.charts).

Each kind only places and draws its marks and says which one is under the pointer;
axes, legend, tooltips and the keyboard are the base class's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF

from diva_desk.ui.reports.chart_data import ZERO, Hit
from diva_desk.ui.reports.charts import Chart

#: A bar too thin to point at still answers within this many pixels of it.
_HIT_SLACK = 3.0


def _runs(categories: Iterable[int]) -> Iterator[list[int]]:
    """Consecutive categories together: a line is drawn through each run, with gaps between."""
    run: list[int] = []
    for category in categories:
        if run and category != run[-1] + 1:
            yield run
            run = []
        run.append(category)
    if run:
        yield run


class StackedBarChart(Chart):
    """One bar per category, the series stacked from the bottom in their order."""

    def _highest(self) -> Decimal:
        # The axis must hold the tallest stack; its figure is the store's total, but
        # the height is drawn from the parts, so the parts are what must fit.
        return max(
            (
                sum((self.data.value(s, c) for s in range(len(self.data.series))), ZERO)
                for c in range(len(self.data.categories))
            ),
            default=ZERO,
        )

    def bar_rect(self, category: int, series: int) -> QRectF:
        slot = self.slot(category)
        width = min(slot.width() * 0.6, 64.0)
        below = sum((self.data.value(s, category) for s in range(series)), ZERO)
        bottom = self.y_for(below)
        top = self.y_for(below + self.data.value(series, category))
        return QRectF(slot.center().x() - width / 2, top, width, bottom - top)

    def top_of(self, category: int) -> float:
        return self.bar_rect(category, len(self.data.series) - 1).top()

    def _series_at(self, pos: QPointF) -> Hit | None:
        for category in range(len(self.data.categories)):
            for series in range(len(self.data.series)):
                if self.data.value(series, category) <= ZERO:
                    continue
                rect = self.bar_rect(category, series)
                if rect.adjusted(0, -_HIT_SLACK / 2, 0, _HIT_SLACK / 2).contains(pos):
                    return Hit(category, series)
        return None

    def _draw_marks(self, painter: QPainter) -> None:
        # A thin line of the background between segments keeps neighbours apart.
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1))
        for category in range(len(self.data.categories)):
            for series in range(len(self.data.series)):
                if self.data.value(series, category) > ZERO:
                    painter.setBrush(self._fill(series, category))
                    painter.drawRect(self.bar_rect(category, series))


class GroupedBarChart(Chart):
    """The series side by side in each category."""

    def bar_rect(self, category: int, series: int) -> QRectF:
        slot = self.slot(category)
        count = len(self.data.series)
        each = min(slot.width() * 0.8 / count, 22.0)
        left = slot.center().x() - each * count / 2 + each * series
        top = self.y_for(self.data.value(series, category))
        return QRectF(left, top, each, self.plot_rect().bottom() - top)

    def _series_at(self, pos: QPointF) -> Hit | None:
        for category in range(len(self.data.categories)):
            for series in range(len(self.data.series)):
                if self.data.figure(series, category) is None:
                    continue
                rect = self.bar_rect(category, series)
                if rect.adjusted(0, -_HIT_SLACK, 0, 0).contains(pos):
                    return Hit(category, series)
        return None

    def _draw_marks(self, painter: QPainter) -> None:
        for category in range(len(self.data.categories)):
            for series in range(len(self.data.series)):
                # Nothing, or no figure, draws no bar: a hairline at zero reads as noise.
                if not self.data.figure(series, category):
                    continue
                fill = self._fill(series, category)
                painter.setPen(QPen(fill.darker(125), 1))
                painter.setBrush(fill)
                painter.drawRect(self.bar_rect(category, series).adjusted(0.5, 0, -0.5, 0))


class LineChart(Chart):
    """Each series a line through its points, one point per category; a gap where none."""

    def point(self, category: int, series: int) -> QPointF:
        return QPointF(
            self.slot(category).center().x(), self.y_for(self.data.value(series, category))
        )

    def top_of(self, category: int) -> float:
        known = [
            self.point(category, s).y()
            for s in range(len(self.data.series))
            if self.data.figure(s, category) is not None
        ]
        return min(known, default=self.plot_rect().bottom())

    def _series_at(self, pos: QPointF) -> Hit | None:
        nearest: tuple[float, Hit] | None = None
        for category in range(len(self.data.categories)):
            for series in range(len(self.data.series)):
                if self.data.figure(series, category) is None:
                    continue
                gap = QPointF(self.point(category, series) - pos).manhattanLength()
                if gap <= 10 and (nearest is None or gap < nearest[0]):
                    nearest = (gap, Hit(category, series))
        return None if nearest is None else nearest[1]

    def _draw_marks(self, painter: QPainter) -> None:
        count = len(self.data.categories)
        for series in range(len(self.data.series)):
            colour = QColor(self.data.series[series].color)
            line = QPen(colour, 2.5)
            line.setCapStyle(Qt.PenCapStyle.RoundCap)
            line.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(line)
            known = [c for c in range(count) if self.data.figure(series, c) is not None]
            for run in _runs(known):
                painter.drawPolyline(QPolygonF([self.point(c, series) for c in run]))
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1.5))
            for category in known:
                painter.setBrush(self._fill(series, category))
                hovered = self._hover == Hit(category, series)
                radius = 5.0 if hovered else 3.5
                painter.drawEllipse(self.point(category, series), radius, radius)
