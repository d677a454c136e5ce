"""The window stays readable in a dark desktop theme, as in a light one.

The window is built on the demo book under a light or a dark application
palette (or built light and switched to dark, as when the desktop changes theme),
then drawn; for each piece of text that matters in the morning (the Today header,
a call card's title, its reasons and rating, its talking points) the test takes
the colour the text is drawn in and the colour actually painted behind it, and
asks for a WCAG contrast ratio of at least 4.5.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import peewee
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from diva_desk.demo import demo_contents
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.common import style
from diva_desk.ui.common.style import Tone
from diva_desk.ui.shell.main_window import MainWindow

from ..conftest import TODAY, settle

#: WCAG AA for body text.
LEGIBLE = 4.5

_DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#17181a",
    QPalette.ColorRole.AlternateBase: "#25272a",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.Button: "#2d2f33",
    QPalette.ColorRole.ButtonText: "#e8eaed",
    QPalette.ColorRole.Light: "#4a4d52",
    QPalette.ColorRole.Midlight: "#3a3c40",
    QPalette.ColorRole.Mid: "#4a4d52",
    QPalette.ColorRole.Dark: "#111214",
    QPalette.ColorRole.Highlight: "#3d6fb0",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
}


def dark_palette() -> QPalette:
    """A dark theme like GNOME's or KDE's Breeze Dark."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.style().standardPalette()


def luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def app_palette() -> Iterator[None]:
    """Whatever a test sets, the next test starts with the palette it had."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kept = QPalette(app.palette())
    yield
    app.setPalette(kept)


def demo_window(qtbot: QtBot) -> MainWindow:
    add_contents(demo_contents(TODAY))
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def background_behind(image: QImage, widget: QWidget, window: QWidget) -> QColor:
    """The colour painted behind ``widget``: the commonest pixel of its area in the window."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    ratio = image.devicePixelRatio()
    x0, y0 = int(top_left.x() * ratio), int(top_left.y() * ratio)
    width, height = int(widget.width() * ratio), int(widget.height() * ratio)
    counts = Counter(
        image.pixel(x, y)
        for x in range(x0, min(x0 + width, image.width()))
        for y in range(y0, min(y0 + height, image.height()))
    )
    assert counts, f"{widget.objectName() or widget} is not on the window"
    return QColor.fromRgb(counts.most_common(1)[0][0])


def text_colours(label: QLabel) -> list[QColor]:
    """The label's own text colour and any colour its rich text sets inline."""
    colours = [label.palette().color(label.foregroundRole())]
    colours += [QColor(code) for code in re.findall(r"color:\s*(#[0-9a-fA-F]{6})", label.text())]
    return colours


def readable_texts(win: MainWindow) -> dict[str, QLabel]:
    """The texts that must be read at a glance, by name."""
    panel = win.today_panel
    card = panel.cards[panel.calls[0].customer]
    card.show_script(True)
    assert card.script_view is not None
    panel.scroll.ensureWidgetVisible(card.name)
    reasons = [
        label for label in card.reasons.findChildren(QLabel) if label.property("role") == "reason"
    ]
    assert reasons, "the first call gives no reason"
    texts = {
        "today title": panel.title,
        "today date": panel.date,
        "today summary": panel.summary,
        "card title": card.name,
        "card amount": card.stake,
        "card rating": card.rating,
        "card contact": card.ask_for,
        "script": card.script_view,
    }
    texts.update({f"reason {i + 1}": label for i, label in enumerate(reasons)})
    return texts


def poor_contrast(win: MainWindow, qtbot: QtBot) -> dict[str, float]:
    texts = readable_texts(win)
    qtbot.wait(50)
    image = win.grab().toImage()
    poor = {}
    for name, label in texts.items():
        assert label.isVisible(), name
        behind = background_behind(image, label, win)
        worst = min(contrast(colour, behind) for colour in text_colours(label))
        if worst < LEGIBLE:
            poor[name] = round(worst, 2)
    return poor


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_today_panel_and_call_cards_are_readable(
    qtbot: QtBot, book: peewee.SqliteDatabase, app_palette: None, theme: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(dark_palette() if theme == "dark" else light_palette())
    win = demo_window(qtbot)
    assert style.is_dark() is (theme == "dark")
    assert poor_contrast(win, qtbot) == {}


def test_switching_to_a_dark_theme_while_open_recolours_the_window(
    qtbot: QtBot, book: peewee.SqliteDatabase, app_palette: None
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(light_palette())
    win = demo_window(qtbot)
    readable_texts(win)  # the talking points are laid out in the light theme
    app.setPalette(dark_palette())
    qtbot.wait(50)
    assert poor_contrast(win, qtbot) == {}
    # The lists follow too: late balances are now in the dark theme's red.
    model = win.customers.proxy
    balance = next(
        column
        for column in range(model.columnCount())
        if model.headerData(column, Qt.Orientation.Horizontal) == "Balance"
    )
    tints = {
        QColor(model.index(row, balance).data(Qt.ItemDataRole.ForegroundRole)).name()
        for row in range(model.rowCount())
        if model.index(row, balance).data(Qt.ItemDataRole.ForegroundRole) is not None
    }
    assert style.colour(Tone.OVERDUE, dark_palette()).name() in tints
    assert style.colour(Tone.OVERDUE, light_palette()).name() not in tints


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
@pytest.mark.parametrize("tone", [t for t in Tone if t not in (Tone.FAINT, Tone.AMBER)])
def test_role_colours_read_on_the_palettes_surfaces(
    qapp: QApplication, palette: object, tone: Tone
) -> None:
    chosen = palette()  # type: ignore[operator]
    text = style.colour(tone, chosen)
    for surface in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        # The focus ring is a line, not text: 3:1 is what a border needs.
        needed = 3.0 if tone is Tone.FOCUS else LEGIBLE
        assert contrast(text, chosen.color(surface)) >= needed, (tone, surface)


def test_style_sheets_name_role_colours_and_their_tints(qapp: QApplication) -> None:
    light, dark = light_palette(), dark_palette()
    assert style.sheet("color: @overdue;", light) == "color: #b83227;"
    assert style.sheet("color: @overdue;", dark) == "color: #ff8a7a;"
    # A tint is pale over a light base, deep over a dark one.
    assert style.tint(Tone.SETTLED, 14, light).lightnessF() > 0.85
    assert style.tint(Tone.SETTLED, 14, dark).lightnessF() < 0.25
    with pytest.raises(ValueError):
        style.sheet("color: @nosuchtone;", light)
