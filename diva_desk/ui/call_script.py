"""Talking points as the owner reads them during a call: headed sections, replies in bold.

The call cards and the talking-points settings page (its preview) show a script the
same way, from this one function.
"""

from __future__ import annotations

import html
import re

from diva_desk.core.talking_points import Script
from diva_desk.i18n import _
from diva_desk.ui import style
from diva_desk.ui.style import Tone


def section_title(section: str) -> str:
    titles = {
        "opening": _("Opening"),
        "reason": _("Why you're calling"),
        "ask": _("The ask"),
        "replies": _("If they say…"),
        "close": _("Close"),
    }
    return titles.get(section, section)


_REPLY = re.compile(r'^If they say "(?P<said>[^"]+)":\s*(?P<answer>.+)$')


def script_html(script: Script) -> str:
    """The talking points as headed paragraphs; the usual replies with what was said in bold.

    The headings and problems are coloured for the current palette: show the text
    again when the palette changes (style.follow_palette).
    """
    muted = style.colour(Tone.MUTED).name()
    caution = style.colour(Tone.CAUTION).name()
    parts: list[str] = []
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
        if reply:
            answer = reply["answer"].strip()
            if len(answer) > 1 and answer[0] == answer[-1] == '"':
                answer = answer[1:-1]
            text = "<b>“{said}”</b><br/>{answer}".format(
                said=html.escape(reply["said"]), answer=html.escape(answer)
            )
        else:
            text = html.escape(point.text)
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
