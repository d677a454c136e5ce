"""Talking points as the owner reads them during a call: headed sections, replies in bold.

The call cards and the talking-points settings page (its preview) show a script the
same way, from this one function. The owner's notes to self come first, in a muted
box of their own: they are read before the call, never said.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from diva_desk.core.calls.talking_points import Script
from diva_desk.i18n import _
from diva_desk.ui.common import style
from diva_desk.ui.common.style import Tone


def section_title(section: str) -> str:
    titles = {
        "opening": _("Opening"),
        "reason": _("Why you're calling"),
        "ask": _("The ask"),
        "replies": _("If they say…"),
        "close": _("Close"),
    }
    return titles.get(section, section)


#: A usual reply, in any language: a lead-in without quotes ("If they say", "Si on vous
#: dit"), what the customer says in quotes ("…", “…” or « … »), a colon, and the answer.
_REPLY = re.compile(
    r'^[^"“”«»:]*(?:"(?P<straight>[^"]+)"|“(?P<curly>[^”]+)”|«\s*(?P<angle>[^»]+?)\s*»)'
    r"\s*:\s*(?P<answer>.+)$"
)
#: Each kind of quotation marks, opening and closing.
_QUOTES = (('"', '"'), ("“", "”"), ("«", "»"))


def _reply_html(reply: re.Match[str]) -> str:
    """What was said in bold, in the quotation marks it was written with; the answer below."""
    answer = reply["answer"].strip()
    for opening, closing in _QUOTES:
        if len(answer) > 1 and answer.startswith(opening) and answer.endswith(closing):
            answer = answer[1:-1].strip()
            break
    if reply["angle"]:
        said = f"«\u00a0{html.escape(reply['angle'])}\u00a0»"
    else:
        said = f"“{html.escape(reply['straight'] or reply['curly'])}”"
    return f"<b>{said}</b><br/>{html.escape(answer)}"


def script_html(script: Script) -> str:
    """The talking points as headed paragraphs; the usual replies with what was said in bold.

    The headings and problems are coloured for the current palette: show the text
    again when the palette changes (style.follow_palette).
    """
    muted = style.colour(Tone.MUTED).name()
    caution = style.colour(Tone.CAUTION).name()
    parts: list[str] = []
    if script.notes:
        parts.append(
            '<table width="100%" cellspacing="0" cellpadding="6" style="margin-top:8px; '
            f'background-color:{style.tint(Tone.MUTED, 12).name()};"><tr><td>'
            f'<span style="color:{muted}; font-size:8pt; font-weight:600;">'
            f"{html.escape(_('Note to self').upper())}</span><br/>"
            f'<span style="color:{muted};">{html.escape(script.note)}</span>'
            "</td></tr></table>"
        )
    section = None
    for point in script.points:
        if point.section != section:
            section = point.section
            title = section_title(section)
            parts.append(
                f'<p style="margin-top:10px; margin-bottom:2px; color:{muted}; '
                f'font-size:8pt; font-weight:600;">{html.escape(title.upper())}</p>'
            )
        reply = _REPLY.match(point.text) if section == "replies" else None
        text = _reply_html(reply) if reply else html.escape(point.text)
        parts.append(f'<p style="margin-top:2px; margin-bottom:4px;">{text}</p>')
    for problem in script.problems:
        parts.append(
            '<p style="color:{caution};">{text}</p>'.format(
                caution=caution,
                text=html.escape(
                    _("{problem}. The built-in text was used instead.").format(
                        problem=problem.message
                    )
                ),
            )
        )
    return "".join(parts)


class ScriptView(QLabel):
    """A script as wrapped rich text that always shows all of itself.

    A word-wrapped label in a layout gets the height of its size hint, worked out
    for a width of its own choosing, not the width it is given: a narrow card cut
    off the end of its script, the close first. Asking for the height the text
    needs at the width it has, on every resize and new text, keeps it whole.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def needed_height(self) -> int:
        """The height the whole text takes at the label's width (QLabel's own answer
        never falls below the minimum height, so that is lifted while asking)."""
        kept = self.minimumHeight()
        self.setMinimumHeight(0)
        needed = self.heightForWidth(self.width())
        self.setMinimumHeight(kept)
        return needed

    def _fit(self) -> None:
        needed = self.needed_height()
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
