"""What the outbox and the customer's history say about a message, in the owner's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import peewee
import pytest

from diva_desk.errors import BadInput
from diva_desk.mail import outbox, sending
from diva_desk.store.book.db import close_book
from tests.mail.conftest import SmtpServer, set_up


def test_a_refusal_says_the_state_in_french(
    mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer, catalog: Callable[..., None]
) -> None:
    set_up(smtp_plain)
    message_id, _draft = sending.send_invoice("DD-1040", dt.date.today())
    outbox.cancel(message_id)
    catalog(
        "fr_CA",
        {
            "message {id} is {status} and cannot be {done}": (
                "le message {id} est {status} et ne peut pas être {done}"
            ),
            "cancelled": "annulé",
            "retried": "renvoyé",
        },
    )
    with pytest.raises(BadInput) as refused:
        outbox.retry(message_id)
    assert str(refused.value) == f"le message {message_id} est annulé et ne peut pas être renvoyé"
    # The command line's list says the same word for the same state.
    assert outbox.status_words("cancelled") == "annulé"


def test_the_note_of_an_emailed_reminder_names_the_letter_in_french(
    mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer, catalog: Callable[..., None]
) -> None:
    set_up(smtp_plain)
    catalog(
        "fr_CA",
        {
            "Emailed a {reminder} for {amount} to {to}.": (
                "Envoi par courriel à {to}\u00a0: {reminder} de {amount}."
            ),
            "firm reminder": "rappel ferme",
        },
    )
    sending.send_reminder("ACME", dt.date.today(), "firm")
    note = mail_book.execute_sql("SELECT notes FROM interaction WHERE channel = 'email'")
    said = note.fetchone()[0]
    assert said.startswith("Envoi par courriel à ap@acme.example\u00a0: rappel ferme de ")


def test_sending_a_single_message_says_message(
    mail_book: peewee.SqliteDatabase,
    smtp_plain: SmtpServer,
    book_path: Path,
    cli: Callable[..., tuple[int, str, str]],
) -> None:
    set_up(smtp_plain)
    sending.send_invoice("DD-1040", dt.date.today())
    close_book()
    code, out, _err = cli("--data-dir", book_path.parent, "outbox", "send")
    assert code == 0
    assert out.splitlines()[0] == "Sent 1 of 1 message."
