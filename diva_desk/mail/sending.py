"""What the window and the command line call to send: compose, then queue at once.

Queueing needs no network: the message and its PDF are in the book the moment this
returns, and the sender (mail.sender) delivers them when the server can be reached.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.mail import compose, outbox
from diva_desk.mail.settings import checked_address, load_settings


def _queue(draft: compose.Draft) -> int:
    checked_address(_("to"), draft.to)  # never queued without a recipient
    settings = load_settings()
    if not settings.is_set_up:
        raise BadInput(
            _(
                "mail is not set up: give your mail server and from address in the mail "
                "settings (diva-desk mail-settings --host ... --from ...) first"
            )
        )
    return outbox.queue(draft, settings.from_address)


def send_invoice(number: str, today: dt.date, to: str | None = None) -> tuple[int, compose.Draft]:
    """Queue a sent invoice to the customer; returns the outbox id and the message."""
    draft = compose.invoice_draft(number, today, to)
    return _queue(draft), draft


def send_statement(code: str, today: dt.date, to: str | None = None) -> tuple[int, compose.Draft]:
    draft = compose.statement_draft(code, today, to)
    return _queue(draft), draft


def send_reminder(
    code: str, today: dt.date, level: str = "friendly", to: str | None = None
) -> tuple[int, compose.Draft]:
    """Queue a reminder; BadInput with the letter's sentence when none may go."""
    draft = compose.reminder_draft(code, today, level, to)
    return _queue(draft), draft


def send_draft(draft: compose.Draft) -> int:
    """Queue a message the owner looked at (and maybe changed) before sending.

    The window shows the draft (compose.*_draft) with the recipient, subject and body
    editable; what the owner typed is checked here, naming the field.
    """
    if not draft.subject.strip():
        raise BadInput(_("subject: give the message a subject"))
    to = checked_address(_("to"), draft.to)
    return _queue(dataclasses.replace(draft, to=to, subject=" ".join(draft.subject.split())))


def readdressed(draft: compose.Draft, to: str) -> compose.Draft:
    """The draft going to ``to`` instead: the customer's history names who got it."""
    to = to.strip()
    note = draft.note.replace(draft.to or compose.BLANK_TO, to)
    return dataclasses.replace(draft, to=to, note=note)


def opened_in_mail_app(draft: compose.Draft, now: dt.datetime | None = None) -> int:
    """Log, in the customer's history, that the message went to the owner's mail program.

    Diva Desk cannot know whether the owner sent it there, so the line says what was
    done, not that it was emailed; the Today list still counts it as a contact.
    """
    from diva_desk.core import records as r
    from diva_desk.store.book.db import db

    now = now or dt.datetime.now().replace(microsecond=0)
    note = _("Opened an email to {to} in the mail program: {subject}").format(
        to=draft.to, subject=draft.subject
    )
    with db.atomic("IMMEDIATE"):
        return db.execute_sql(
            "INSERT INTO interaction (customer_id, invoice_id, at, channel, outcome, notes)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                draft.customer_id,
                draft.invoice_id,
                now.isoformat(sep=" "),
                str(r.Channel.EMAIL),
                str(r.Outcome.OTHER),
                note,
            ),
        ).lastrowid
