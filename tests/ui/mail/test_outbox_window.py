"""The window's outbox against a real SMTP server on loopback: offline, online, once each.

The background sender runs its rounds on a worker; the tests wait for each round's
signal, never for a time.
"""

from __future__ import annotations

import datetime as dt
import io
import threading

import peewee
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from diva_desk.mail import outbox, sending
from diva_desk.ui.common import dialogs
from diva_desk.ui.mail.compose_dialog import ComposeDialog
from diva_desk.ui.mail.outbox_view import OutboxDialog
from diva_desk.ui.shell.main_window import MainWindow
from tests.mail.conftest import SmtpServer, set_up

TODAY = dt.date.today()


def _window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(today=dt.date.today)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_settled)
    return window


def _round(qtbot: QtBot, window: MainWindow, start) -> object:
    with qtbot.waitSignal(window.mail.sender.round_done, timeout=20000) as round_:
        start()
    return round_.args[0]


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_queued_offline_each_goes_once_with_its_pdf_when_the_server_is_back(
    qtbot: QtBot, mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    smtp_plain.stop()  # on the plane: nothing answers
    set_up(smtp_plain)
    window = _window(qtbot)
    ids = [
        sending.send_invoice("DD-1040", TODAY)[0],
        sending.send_reminder("ACME", TODAY, "firm")[0],
    ]
    offline = _round(qtbot, window, window.refresh)  # a change: the count, then a round
    assert offline.sent == [] and "could not be reached" in offline.stopped
    assert [outbox.message(i).status for i in ids] == ["queued", "queued"]
    assert all(outbox.message(i).next_try_at > dt.datetime.now() for i in ids)  # backing off
    label = window.outbox_label
    assert not label.isHidden() and label.text() == "2 messages waiting to send."
    assert "could not be reached" in label.toolTip()
    # The back-off holds: a round now tries nothing.
    assert _round(qtbot, window, window.mail.sender.send_soon).sent == []

    smtp_plain.start()  # back online ("Send now", or the network coming back)
    online = _round(qtbot, window, window.mail.sender.send_everything_now)
    assert online.sent == ids
    assert label.isHidden()
    assert window.statusBar().currentMessage() == "Sent 2 messages."
    window.mail.sender.send_everything_now()
    assert not window.mail.sender.is_running()  # none left: no round at all
    received = smtp_plain.received
    assert len(received) == 2  # each once
    assert {r.message["Message-ID"] for r in received} == {outbox.attachment(i)[2] for i in ids}
    for got in received:
        (part,) = list(got.message.iter_attachments())
        assert part.get_content_type() == "application/pdf"
        assert "DD-1040" in _pdf_text(part.get_content())


def test_closing_the_window_lets_the_message_being_sent_finish_and_starts_no_other(
    qtbot: QtBot, mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    set_up(smtp_plain)
    window = MainWindow(today=dt.date.today)
    qtbot.addWidget(window)
    first = sending.send_invoice("DD-1040", TODAY)[0]
    second = sending.send_statement("ACME", TODAY)[0]
    smtp_plain.keeper.hold.clear()  # the server sits on the first message
    window.mail.sender.send_soon()
    qtbot.waitUntil(smtp_plain.keeper.arrived.is_set, timeout=10000)
    threading.Timer(0.3, smtp_plain.keeper.hold.set).start()
    window.close()  # waits for the first message: never cut off mid-send
    assert outbox.message(first).status == "sent"
    assert outbox.message(second).status == "queued"  # not started after the close
    assert len(smtp_plain.received) == 1


def test_the_outbox_view_edits_retries_and_cancels(
    qtbot: QtBot, mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer, monkeypatch
) -> None:
    set_up(smtp_plain)
    refused = sending.send_invoice("DD-1040", TODAY, to="nobody@acme.example")[0]
    doubtful = sending.send_statement("ACME", TODAY)[0]
    window = _window(qtbot)
    _round(qtbot, window, window.mail.sender.send_everything_now)
    assert outbox.message(refused).status == "failed"
    mail_book.execute_sql(
        "UPDATE outbox SET status = 'failed', maybe_sent = 1 WHERE id = ?", (doubtful,)
    )
    window.mail.show_count(kick=False)
    assert window.outbox_label.text() == "2 messages not sent."

    shown: list[OutboxDialog] = []
    monkeypatch.setattr(dialogs, "exec_dialog", lambda d: shown.append(d) or 0)
    window.outbox_label.click()  # the count opens the Outbox
    view = OutboxDialog(window.mail.sender, window)
    qtbot.addWidget(view)
    assert isinstance(shown[0], OutboxDialog)
    assert "2 not sent" in view.summary.text()
    statuses = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert statuses == ["May have been sent", "Failed"]
    reasons = [view.model.index(r, 4).data() for r in range(view.model.rowCount())]
    assert "nobody@acme.example" in reasons[1]

    # Edit the refused one: the compose dialog with its PDF; it waits again after.
    def fix(dialog: ComposeDialog) -> None:
        assert dialog.attachment.text().startswith("DD-1040.pdf")
        dialog.to.setText("ap@acme.example")
        dialog.send_button.click()

    monkeypatch.setattr(dialogs, "exec_dialog", lambda d: fix(d) or d.result())
    view.select(refused)
    view.edit_button.click()  # saved, then a round soon
    qtbot.waitUntil(lambda: outbox.message(refused).status == "sent", timeout=20000)
    assert smtp_plain.received[-1].recipients == ["ap@acme.example"]

    # Retrying one that may have gone asks first; No leaves it.
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, _y: asked.append(text) or False)
    view.select(doubtful)
    view.retry_button.click()
    assert "may have reached ap@acme.example already" in asked[-1]
    assert outbox.message(doubtful).status == "failed"
    # Cancel asks too; yes: cancelled, and its line stays in the history (it may have gone).
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, _y: asked.append(text) or True)
    view.cancel_button.click()
    assert "stays in the customer's history" in asked[-1]
    assert outbox.message(doubtful).status == "cancelled"
    assert not view.cancel_button.isEnabled()


def test_a_call_card_emails_a_reminder_as_its_outcome(
    qtbot: QtBot, mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer, monkeypatch
) -> None:
    set_up(smtp_plain)
    smtp_plain.stop()  # queued whatever the network
    window = _window(qtbot)
    card = window.today_panel.cards["ACME"]
    levels = [a.text() for a in card.email_button.menu().actions()]
    assert levels == ["&Friendly…", "F&irm…", "Fi&nal…"]

    def send(dialog: ComposeDialog) -> None:
        assert "firm" in dialog.draft.attachment_name
        dialog.send_button.click()

    monkeypatch.setattr(dialogs, "exec_dialog", lambda d: send(d) or d.result())
    card.email_button.menu().actions()[1].trigger()
    qtbot.waitUntil(lambda: outbox.waiting_count() == 1, timeout=10000)
    (message,) = outbox.messages()
    assert message.kind == "reminder" and message.to == "ap@acme.example"
    # Logged as a contact today: the call leaves the list.
    qtbot.waitUntil(lambda: "ACME" not in window.today_panel.cards, timeout=10000)
    assert window.statusBar().currentMessage().startswith('Queued "')
