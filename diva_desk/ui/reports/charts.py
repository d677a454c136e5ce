"""Charts drawn with QPainter: what every chart shares (axes, legend, tooltip, keys).

Why not QtCharts: it ships in PySide6-Addons (about 150 MiB installed) for three
simple charts. Drawing them ourselves also lets them take the window's palette
and font, so they read the same in a light and a dark theme.

A chart draws a ``ChartData`` (ui.chart_data) and nothing else. The figures, their
exact texts (for the tooltip) and the axis ticks' compact texts come ready-made from
the store's results (ui.report_models), so a test reads back the very numbers the
chart draws, and no figure shown is worked out here: a stacked bar's height is the
sum of its parts only as pixels.

The marks themselves (stacked bars, grouped bars, lines) are in ui.chart_kinds.
A chart takes the keyboard focus: Left and Right (Home, End) move along its
categories, lighting each and showing its tooltip of exact figures at the bar, so
a chart can be read without a mouse.
"""

from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from diva_desk.ui.reports.chart_data import ZERO, ChartData, Hit, empty_chart, nice_scale

_PAD = 10
_SWATCH = 10


class Chart(QWidget):
    """The axes, legend, tooltip and empty state every chart shares; subclasses draw marks."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(240, 190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.data: ChartData = empty_chart("")
        self._hover: Hit | None = None
        #: The category chosen with the keyboard, if any.
        self.keyed: int | None = None

    def sizeHint(self) -> QSize:
        return QSize(400, 260)

    def set_data(self, data: ChartData) -> None:
        self.data = data
        self._hover = None
        self.keyed = None
        self.setAccessibleDescription(self.summary())
        self.update()

    def summary(self) -> str:
        """The chart in words, for screen readers: every category with its figures."""
        if self.data.is_empty:
            return self.data.empty_text
        return "; ".join(
            self.data.titles[c]
            + ": "
            + ", ".join(f"{s.name} {s.texts[c]}" for s in self.data.series)
            for c in range(len(self.data.categories))
        )

    # --- geometry (public so tests can point at a bar) ------------------------------------

    def axis_top(self) -> Decimal:
        return self._scale()[0]

    def _scale(self) -> tuple[Decimal, Decimal]:
        return nice_scale(self._highest(), least_step=self.data.least_step)

    def _highest(self) -> Decimal:
        return max((v for s in self.data.series for v in s.values if v is not None), default=ZERO)

    def _ticks(self) -> list[Decimal]:
        top, step = self._scale()
        return [step * k for k in range(int(top / step) + 1)]

    def legend_places(self) -> list[QPointF]:
        """Where each series' legend entry starts, wrapping onto more lines when narrow."""
        metrics = self.fontMetrics()
        places: list[QPointF] = []
        x, y = float(_PAD + 2), float(_PAD)
        for series in self.data.series:
            width = _SWATCH + 5 + metrics.horizontalAdvance(series.name)
            if places and x + width > self.width() - _PAD:
                x, y = float(_PAD + 2), y + metrics.height() + 2
            places.append(QPointF(x, y))
            x += width + 16
        return places

    def _legend_height(self) -> float:
        places = self.legend_places()
        bottom = places[-1].y() if places else float(_PAD)
        return bottom - _PAD + self.fontMetrics().height() + 8

    def _label_lines(self) -> int:
        return max((c.count("\n") + 1 for c in self.data.categories), default=1)

    def plot_rect(self) -> QRectF:
        """Where the marks go, inside the value labels, the legend and the category labels."""
        metrics = self.fontMetrics()
        label_width = max(
            (metrics.horizontalAdvance(self.data.tick_text(t)) for t in self._ticks()), default=0
        )
        left = _PAD + label_width + 8
        top = _PAD + self._legend_height() + metrics.height() / 2
        bottom = self.height() - _PAD - self._label_lines() * metrics.height() - 6
        right = self.width() - _PAD - 4
        return QRectF(left, top, max(right - left, 1), max(bottom - top, 1))

    def y_for(self, value: Decimal) -> float:
        plot = self.plot_rect()
        # Pixels are the one place a figure becomes a float: a ratio of the axis height.
        return plot.bottom() - float(value / self.axis_top()) * plot.height()

    def slot(self, category: int) -> QRectF:
        """The column of the plot that belongs to one category."""
        plot = self.plot_rect()
        width = plot.width() / len(self.data.categories)
        return QRectF(plot.left() + width * category, plot.top(), width, plot.height())

    def hit_test(self, pos: QPointF) -> Hit | None:
        """The category (and series, when on its mark) under ``pos``; ``None`` off the plot."""
        if self.data.is_empty or not self.plot_rect().adjusted(0, -4, 0, 4).contains(pos):
            return None
        series = self._series_at(pos)
        if series is not None:
            return series
        for category in range(len(self.data.categories)):
            if self.slot(category).contains(pos):
                return Hit(category)
        return None

    def _series_at(self, pos: QPointF) -> Hit | None:
        raise NotImplementedError

    def top_of(self, category: int) -> float:
        """The height of the category's highest mark, where its tooltip points."""
        return min(self.y_for(self.data.value(s, category)) for s in range(len(self.data.series)))

    def tooltip_text(self, hit: Hit) -> str:
        """The exact figures at ``hit``: its series alone, or the whole category."""
        data = self.data
        lines = [data.titles[hit.category]]
        shown = range(len(data.series)) if hit.series is None else [hit.series]
        lines += [f"{data.series[s].name}: {data.series[s].texts[hit.category]}" for s in shown]
        if data.notes and data.notes[hit.category]:
            lines.append(data.notes[hit.category])
        return "\n".join(lines)

    def tooltip_at(self, pos: QPointF) -> str | None:
        hit = self.hit_test(pos)
        return None if hit is None else self.tooltip_text(hit)

    # --- the keyboard ----------------------------------------------------------------------

    def choose_category(self, category: int) -> None:
        """Light one category and show its exact figures at its bar, as a pointer would."""
        self.keyed = category
        self._hover = Hit(category)
        self.update()
        slot = self.slot(category)
        at = QPointF(slot.center().x(), max(self.top_of(category), self.plot_rect().top()))
        QToolTip.showText(self.mapToGlobal(at.toPoint()), self.tooltip_text(Hit(category)), self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = len(self.data.categories)
        moves = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Home: -count,
            Qt.Key.Key_End: count,
        }
        step = moves.get(Qt.Key(event.key()))
        if self.data.is_empty or step is None:
            super().keyPressEvent(event)
            return
        # The first key press starts at the newest category (Left) or the oldest (Right).
        start = self.keyed if self.keyed is not None else (count if step < 0 else -1)
        self.choose_category(min(max(start + step, 0), count - 1))
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self.keyed is not None:
            self.keyed = None
            self._hover = None
            QToolTip.hideText()
            self.update()
        super().focusOutEvent(event)

    # --- events ----------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.hit_test(event.position())
        if hit != self._hover:
            self._hover = hit
            self.update()
        if hit is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(hit), self)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        if event.type() == QEvent.Type.Leave and self._hover is not None:
            self._hover = None
            self.update()
        return super().event(event)

    # --- drawing -----------------------------------------------------------------------------

    def _text_colour(self, alpha: int = 255) -> QColor:
        colour = QColor(self.palette().color(QPalette.ColorRole.Text))
        colour.setAlpha(alpha)
        return colour

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(frame, 6, 6)
        if self.data.is_empty:
            painter.setPen(self._text_colour(170))
            painter.drawText(
                frame.adjusted(_PAD, _PAD, -_PAD, -_PAD),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.data.empty_text,
            )
            painter.end()
            return
        self._draw_legend(painter)
        self._draw_axes(painter)
        self._draw_marks(painter)
        if self.hasFocus():
            self._draw_focus(painter, frame)
        painter.end()

    def _draw_focus(self, painter: QPainter, frame: QRectF) -> None:
        """The focus shows as a frame in the highlight colour, round the chosen category."""
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 1.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.keyed is None:
            painter.setPen(pen)
            painter.drawRoundedRect(frame.adjusted(1, 1, -1, -1), 6, 6)
            return
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(self.slot(self.keyed).adjusted(1, -4, -1, 4), 4, 4)

    def _draw_legend(self, painter: QPainter) -> None:
        metrics = self.fontMetrics()
        for series, place in zip(self.data.series, self.legend_places(), strict=True):
            x, y = place.x(), place.y()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(series.color))
            middle = y + metrics.height() / 2
            painter.drawRoundedRect(QRectF(x, middle - _SWATCH / 2, _SWATCH, _SWATCH), 2, 2)
            painter.setPen(self._text_colour())
            width = metrics.horizontalAdvance(series.name)
            box = QRectF(x + _SWATCH + 5, y, width + 2, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, series.name)

    def _draw_axes(self, painter: QPainter) -> None:
        plot = self.plot_rect()
        metrics = self.fontMetrics()
        for tick in self._ticks():
            y = self.y_for(tick)
            painter.setPen(QPen(self._text_colour(110 if tick == ZERO else 35), 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self._text_colour(185))
            label = QRectF(_PAD, y - metrics.height() / 2, plot.left() - _PAD - 6, metrics.height())
            painter.drawText(
                label,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.data.tick_text(tick),
            )
        every = self._label_every(metrics)
        painter.setPen(self._text_colour(185))
        for category, text in enumerate(self.data.categories):
            if category % every:
                continue
            slot = self.slot(category)
            box = QRectF(slot.center().x() - 60, plot.bottom() + 5, 120, metrics.height() * 2)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)

    def _label_every(self, metrics: QFontMetrics) -> int:
        """Label every category, or every second or third when the labels would collide."""
        widest = max(
            metrics.horizontalAdvance(line)
            for text in self.data.categories
            for line in text.split("\n")
        )
        room = self.slot(0).width()
        return max(1, math.ceil((widest + 8) / room))

    def _draw_marks(self, painter: QPainter) -> None:
        raise NotImplementedError

    def _fill(self, series: int, category: int) -> QColor:
        colour = QColor(self.data.series[series].color)
        hover = self._hover
        if hover is not None and hover.category == category and hover.series in (None, series):
            return colour.lighter(118)
        return colour
