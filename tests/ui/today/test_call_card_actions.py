"""A call card's Call button and drafts: the number dialled whole, a draft sent from the card."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from diva_desk.contacts.values import tel_uri
from diva_desk.core.calls import ReasonKind
from diva_desk.demo import demo_contents
from diva_desk.i18n import format as fmt
from diva_desk.store.book import models as m
from diva_desk.store.contents.writing import add_contents
from diva_desk.ui.common import dialogs
from diva_desk.ui.invoices import invoices_tab
from diva_desk.ui.shell.main_window import MainWindow
from diva_desk.ui.today.call_card import CallCard

from ..conftest import TODAY, settle


@pytest.mark.parametrize(
    ("typed", "uri"),
    [
        ("+1 416 555 0100 ext. 23", "tel:+1-416-555-0100;ext=23"),
        ("(416) 555-0100 x23", "tel:+1-416-555-0100;ext=23"),
        ("416 555 0100", "tel:+1-416-555-0100"),
        ("+44 20 7946 0958", "tel:+44-20-7946-0958"),
    ],
)
def test_the_dialled_number_keeps_its_extension_apart(typed: str, uri: str) -> None:
    assert tel_uri(typed, "CA") == uri


@pytest.fixture
def window(qtbot: QtBot, book: peewee.SqliteDatabase) -> MainWindow:
    add_contents(demo_contents(TODAY))
    win = MainWindow(today=lambda: TODAY)
    settle(qtbot, win)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def draft_card(window: MainWindow) -> CallCard:
    for card in window.today_panel.cards.values():
        if any(r.kind is ReasonKind.CUTOFF for r in card.call.reasons):
            return card
    raise AssertionError("the demo book has a draft waiting for a cut-off")


def test_call_with_an_extension_dials_it_as_an_extension(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = next(iter(window.today_panel.cards.values()))
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    card.call = dataclasses.replace(card.call, phone="416 555 0100 ext. 23")
    qtbot.mouseClick(card.dial_button, Qt.MouseButton.LeftButton)
    assert opened == ["tel:+1-416-555-0100;ext=23"]


def test_with_no_phone_app_call_copies_the_number_and_says_so(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = next(iter(window.today_panel.cards.values()))
    QGuiApplication.clipboard().setText("something else")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    qtbot.mouseClick(card.dial_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == card.call.phone
    said = window.statusBar().currentMessage()
    assert said.startswith("No phone app answered") and card.call.phone in said


def test_a_drafts_card_says_what_is_not_sent_yet_and_sends_it(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = draft_card(window)
    draft = next(r for r in card.call.reasons if r.kind is ReasonKind.CUTOFF)
    assert draft.invoice_id is not None
    # The money at stake includes the draft, and the card says so.
    assert card.stake_note.isVisible()
    unsent = sum((r.amount for r in card.call.reasons if r.kind is ReasonKind.CUTOFF), Decimal(0))
    assert card.stake_note.text() == f"incl. {fmt.money(unsent, card.call.currency)} not sent yet"
    # Only a card about drafts offers to send one.
    others = [c for c in window.today_panel.cards.values() if c is not card]
    assert any(not c.send_button.isVisible() for c in others)
    assert card.send_button.isVisible()

    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, _y: asked.append(text) or True)
    shown: list[str] = []
    monkeypatch.setattr(
        invoices_tab, "email_invoice", lambda _p, _t, number, *_a: shown.append(number)
    )
    if card.send_button.menu() is not None:
        card.send_button.menu().actions()[0].trigger()
    else:
        qtbot.mouseClick(card.send_button, Qt.MouseButton.LeftButton)
    # The Invoices tab's own Send: the same question, the invoice sent, then its email.
    assert asked and asked[0].startswith("Send ")
    invoice = m.Invoice.get_by_id(draft.invoice_id)
    assert invoice.state == "sent"
    assert shown == [invoice.number]
    assert window.statusBar().currentMessage().startswith("Sent invoice ")
