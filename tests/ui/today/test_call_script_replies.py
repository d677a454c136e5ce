"""The usual replies stand out in any language: what was said in bold, the answer below."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diva_desk.core.calls.talking_points import Script, TalkingPoint
from diva_desk.ui.today.call_script import script_html

NBSP = "\u00a0"


def _html(*replies: str) -> str:
    return script_html(Script(points=tuple(TalkingPoint("replies", text) for text in replies)))


def test_an_english_reply_reads_as_before(qtbot: QtBot) -> None:
    shown = _html('If they say "the cheque is in the mail": "Great, thank you!"')
    assert "<b>“the cheque is in the mail”</b><br/>Great, thank you!</p>" in shown
    assert "If they say" not in shown


def test_a_french_reply_in_guillemets_is_recognised(qtbot: QtBot) -> None:
    # As the fr_CA talking points write them: no-break spaces inside « » and before the colon.
    line = (
        f"Si on vous dit «{NBSP}le chèque est à la poste{NBSP}»{NBSP}: "
        f"«{NBSP}Super, merci! À peu près quand est-il parti?{NBSP}»"
    )
    shown = _html(line)
    said = f"<b>«{NBSP}le chèque est à la poste{NBSP}»</b>"
    assert f"{said}<br/>Super, merci! À peu près quand est-il parti?</p>" in shown
    assert "Si on vous dit" not in shown


def test_a_line_without_a_quoted_cue_is_shown_as_written(qtbot: QtBot) -> None:
    shown = _html("Listen first: most people want to pay.")
    assert '<p style="margin-top:2px; margin-bottom:4px;">Listen first: most people' in shown
    assert "<b>" not in shown
