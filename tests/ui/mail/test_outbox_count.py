"""The status bar says how many messages wait in the outbox, read with the rest of the book."""

from __future__ import annotations

import datetime as dt

from diva_desk.mail import sending
from diva_desk.ui.shell.main_window import MainWindow
from tests.mail.conftest import set_up


def test_the_status_bar_counts_the_messages_waiting(qtbot, mail_book, smtp_plain) -> None:
    set_up(smtp_plain)
    window = MainWindow(today=dt.date.today)
    qtbot.addWidget(window)
    assert window.outbox_label.isHidden()
    today = dt.date.today()
    sending.send_invoice("DD-1040", today)
    sending.send_reminder("ACME", today, "firm")
    window.refresh()
    assert not window.outbox_label.isHidden()
    assert window.outbox_label.text() == "2 messages waiting to send."
