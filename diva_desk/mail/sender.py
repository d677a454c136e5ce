"""Delivering the outbox: mark, send, confirm; exactly once, even across a crash.

For each message whose time has come: take the mark (outbox.claim, committed), hand
the message to the server, and confirm (outbox.confirm_sent, committed). A sender
that dies between the mark and the confirmation leaves the mark behind; the next
sender finds it (outbox.recover_interrupted) and, since the message may have gone,
sets it aside as "may have been sent" for the owner to decide. It is never sent
again without the owner saying so.

A passing problem (the server cannot be reached, a temporary refusal) puts the
message back with a longer wait each time. A problem with the settings (the login,
the certificate) stops the round: every other message would meet it too. A refusal
of this one message (its recipient) fails it and the round goes on.

Runs without a window; the window calls :func:`deliver_waiting` through its task
helper, off the GUI thread, with the thread's own connection to the book.
"""

from __future__ import annotations

import datetime as dt
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formataddr, formatdate

from diva_desk.i18n import _
from diva_desk.mail import credentials, outbox, transport
from diva_desk.mail.settings import MailSettings, load_settings


@dataclass
class Round:
    """What one round of sending did."""

    sent: list[int] = field(default_factory=list)
    #: (message id, why) for each message that did not go.
    problems: list[tuple[int, str]] = field(default_factory=list)
    #: Set aside after a sender stopped mid-send (found at the start of this round).
    interrupted: list[int] = field(default_factory=list)
    #: Why the round stopped early (the server unreachable, the login refused) ...
    stopped: str = ""
    #: ... and the messages it did not try for that reason (they stay queued).
    untried: list[int] = field(default_factory=list)

    @property
    def all_went(self) -> bool:
        return not self.problems and not self.stopped and not self.interrupted


def build_email(
    settings: MailSettings,
    to: str,
    subject: str,
    body: str,
    attachment_name: str,
    attachment: bytes,
    message_id: str,
    queued_at: dt.datetime,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((settings.from_name, settings.from_address))
    message["To"] = to
    if settings.reply_to:
        message["Reply-To"] = settings.reply_to
    if settings.bcc_self:
        message["Bcc"] = settings.from_address
    message["Subject"] = subject
    message["Date"] = formatdate(queued_at.timestamp(), localtime=True)
    message["Message-ID"] = message_id
    message.set_content(body)
    if attachment:
        message.add_attachment(
            attachment, maintype="application", subtype="pdf", filename=attachment_name
        )
    return message


def deliver_waiting(
    *,
    everything: bool = False,
    now: dt.datetime | None = None,
    context: ssl.SSLContext | None = None,
    keep_going: Callable[[], bool] = lambda: True,
) -> Round:
    """Try every message whose time has come (every queued one with ``everything``).

    ``keep_going`` is asked before each message: the window says no when it closes,
    so the round ends after the message being sent, which is never cut off mid-send.
    """
    now = now or dt.datetime.now().replace(microsecond=0)
    result = Round(interrupted=outbox.recover_interrupted(now))
    ids = outbox.due_ids(now, everything)
    if not ids:
        return result
    settings = load_settings()
    password = credentials.password_for(settings) if settings.user else None
    token = outbox.sender_token()
    for position, message_id in enumerate(ids):
        if not keep_going():
            break
        if not outbox.claim(message_id, token, now):
            continue  # another sender took it
        try:
            email = _email_for(settings, message_id)
            transport.send(settings, password, email, context)
        except transport.DeliveryProblem as problem:
            reason = str(problem)
            result.problems.append((message_id, reason))
            if problem.maybe_sent:
                outbox.mark_failed(message_id, reason, maybe_sent=True)
            elif problem.about_the_message:
                outbox.mark_failed(message_id, reason)
            else:
                next_try = outbox.back_to_queue(message_id, reason, now)
                if problem.kind is not transport.Problem.BUSY:
                    # Every other message would meet the same: they wait, untried.
                    result.stopped = reason
                    result.untried = ids[position + 1 :]
                    outbox.note_problem(result.untried, reason, next_try)
                    break
            continue
        except BaseException:
            # Not a refusal: a bug or an interruption. Whether it went is unknown.
            outbox.mark_failed(message_id, _may_have_gone(), maybe_sent=True)
            raise
        outbox.confirm_sent(message_id, dt.datetime.now().replace(microsecond=0))
        result.sent.append(message_id)
    return result


def _may_have_gone() -> str:
    return _("may have been sent: sending stopped unexpectedly; look in your Sent folder")


def _email_for(settings: MailSettings, message_id: int) -> EmailMessage:
    m = outbox.message(message_id)
    name, data, mid = outbox.attachment(message_id)
    return build_email(settings, m.to, m.subject, m.body, name, data, mid, m.queued_at)


def send_test_message(
    settings: MailSettings,
    password: str | None = None,
    to: str | None = None,
    context: ssl.SSLContext | None = None,
) -> str:
    """Send a short message to the owner (to the from address); returns what to say.

    DeliveryProblem (a BookProblem) saying the server's refusal in plain words.
    """
    if password is None and settings.user:
        password = credentials.password_for(settings)
    address = to or settings.from_address
    message = EmailMessage()
    message["From"] = formataddr((settings.from_name, settings.from_address))
    message["To"] = address
    message["Subject"] = _("Diva Desk test message")
    message["Date"] = formatdate(localtime=True)
    message.set_content(
        _("This is a test from Diva Desk: your mail settings work, and invoices can go out.") + "\n"
    )
    transport.send(settings, password, message, context)
    return _("A test message went to {address}.").format(address=address)
