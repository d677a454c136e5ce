"""The usual replies show what was said in bold, in the script's own language's quotes."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from diva_desk.core.calls.talking_points import Script, TalkingPoint
from diva_desk.ui.today.call_script import script_html


@pytest.mark.parametrize(
    ("line", "said", "answer"),
    [
        (
            'If they say "the cheque is in the mail": "Great, thank you!"',
            "<b>“the cheque is in the mail”</b>",
            "<br/>Great, thank you!</p>",
        ),
        (
            "Si on vous dit « le chèque est dans la poste » : « Merci beaucoup! »",
            "<b>«\u00a0le chèque est dans la poste\u00a0»</b>",
            "<br/>Merci beaucoup!</p>",
        ),
    ],
)
def test_a_reply_in_english_or_french_is_set_out(
    qtbot: QtBot, line: str, said: str, answer: str
) -> None:
    html = script_html(Script((TalkingPoint("replies", line),)))
    assert said in html and answer in html
