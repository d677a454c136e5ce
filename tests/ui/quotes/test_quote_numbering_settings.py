"""Settings > Business profile: the quote prefix and next number, beside the invoices'."""

from __future__ import annotations

import peewee
import pytest
from pytestqt.qtbot import QtBot

from diva_desk.store.book.business import quote_numbering
from diva_desk.store.quotes.quote_edits import take_quote_number
from diva_desk.ui.common import errors

from ..settings.test_business_settings import asked, counted_book, open_dialog, retype, save

#: ``asked`` (autouse) answers "Discard?" when a dialog left with changes is closed.
__all__ = ["asked", "counted_book"]


def test_the_quote_numbering_is_saved_and_used(qtbot: QtBot, counted_book: peewee.Database) -> None:
    dialog = open_dialog(qtbot)
    assert (dialog.quote_prefix.text(), dialog.next_quote.text()) == ("Q-", "1")
    retype(qtbot, dialog.quote_prefix, "EST-")
    retype(qtbot, dialog.next_quote, "7")
    save(qtbot, dialog)
    assert quote_numbering() == ("EST-", 7)
    assert take_quote_number() == "EST-7"


def test_a_bad_next_quote_number_is_refused_and_nothing_saved(
    qtbot: QtBot, counted_book: peewee.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(errors, "show_message", lambda _parent, text, **_kw: said.append(text))
    dialog = open_dialog(qtbot)
    retype(qtbot, dialog.next_quote, "0")
    save(qtbot, dialog)
    assert quote_numbering() == ("Q-", 1)
    assert dialog.isVisible()
    assert said == ["Next quote number: enter a whole number from 1 to 999999999."]
