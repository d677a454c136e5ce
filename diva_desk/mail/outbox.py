"""The outbox table: a message is kept whole the moment it is sent, and its state after.

States (the ``status`` column):

* ``queued``: waiting; the sender tries it when ``next_try_at`` has come;
* ``sending``: the mark a sender takes before it talks to the server (its ``claimed_by``);
* ``sent``: the server confirmed it took the message;
* ``failed``: refused for good, or ``maybe_sent``: a sender stopped (closed, killed,
  the connection broke) after handing the message over and before the server said
  it took it. The owner decides: retry (it may arrive twice) or cancel;
* ``cancelled``: the owner took it back before it went.

Every change is one statement or one transaction, so two senders (the window and a
cron job) can never both take the same message: :func:`claim` is a compare-and-set.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from dataclasses import dataclass

from diva_desk.core import records as r
from diva_desk.errors import BadInput
from diva_desk.i18n import _, ngettext
from diva_desk.mail.compose import Draft
from diva_desk.store.book.db import db

WAITING = ("queued", "sending")
#: A mark older than this is a sender that died (a send takes seconds, a slow one minutes).
CLAIM_LEASE = dt.timedelta(minutes=15)
#: Waits between tries: a minute, doubling, at most an hour.
FIRST_WAIT = dt.timedelta(minutes=1)
LONGEST_WAIT = dt.timedelta(hours=1)


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    status: str
    kind: str
    about: str
    to: str
    subject: str
    body: str
    queued_at: dt.datetime
    attempts: int
    last_error: str
    sent_at: dt.datetime | None
    maybe_sent: bool
    attachment_name: str
    next_try_at: dt.datetime | None


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _at(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _text(moment: dt.datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


def new_message_id(domain: str) -> str:
    """A Message-ID fixed at queueing: a message retried is still the same message."""
    host = domain.rpartition("@")[2] or "diva-desk.invalid"
    return f"<{uuid.uuid4().hex}@{host}>"


def queue(draft: Draft, from_address: str, now: dt.datetime | None = None) -> int:
    """Keep the message and its attachment, and log the interaction, in one transaction."""
    now = now or _now()
    with db.atomic("IMMEDIATE"):
        cursor = db.execute_sql(
            "INSERT INTO interaction (customer_id, invoice_id, at, channel, outcome, notes)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                draft.customer_id,
                draft.invoice_id,
                now.isoformat(sep=" "),
                str(r.Channel.EMAIL),
                str(r.Outcome.OTHER),
                draft.note,
            ),
        )
        interaction_id = cursor.lastrowid
        cursor = db.execute_sql(
            "INSERT INTO outbox (kind, about, customer_id, invoice_id, interaction_id,"
            " to_address, subject, body, attachment_name, attachment, message_id, status,"
            " queued_at, next_try_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
            (
                draft.kind,
                draft.about,
                draft.customer_id,
                draft.invoice_id,
                interaction_id,
                draft.to,
                draft.subject,
                draft.body,
                draft.attachment_name,
                draft.attachment,
                new_message_id(from_address),
                _text(now),
                _text(now),
            ),
        )
        return cursor.lastrowid


_COLUMNS = (
    "id, status, kind, about, to_address, subject, body, queued_at, attempts, last_error,"
    " sent_at, maybe_sent, attachment_name, next_try_at"
)


def _message(row: tuple) -> OutboxMessage:
    (mid, status, kind, about, to, subject, body, queued, attempts, error, sent, maybe, name,
     next_try) = row  # fmt: skip
    return OutboxMessage(
        mid, status, kind, about, to, subject, body, _at(queued) or _now(), attempts, error,
        _at(sent), bool(maybe), name, _at(next_try),
    )  # fmt: skip


def messages(limit: int | None = None) -> list[OutboxMessage]:
    """The outbox, newest first (without the attachments: a list never loads the PDFs)."""
    sql = f"SELECT {_COLUMNS} FROM outbox ORDER BY id DESC"
    rows = db.execute_sql(sql + " LIMIT ?", (limit,)) if limit else db.execute_sql(sql)
    return [_message(row) for row in rows]


def message(message_id: int) -> OutboxMessage:
    row = db.execute_sql(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (message_id,)).fetchone()
    if row is None:
        raise BadInput(_("no message {id} in the outbox").format(id=message_id))
    return _message(row)


def attachment(message_id: int) -> tuple[str, bytes, str]:
    """The attachment's name and bytes and the message's fixed Message-ID."""
    row = db.execute_sql(
        "SELECT attachment_name, attachment, message_id FROM outbox WHERE id = ?", (message_id,)
    ).fetchone()
    return row[0], bytes(row[1] or b""), row[2]


def waiting_count() -> int:
    """How many messages wait to go (for the status bar: "2 messages waiting to send")."""
    return db.execute_sql(
        "SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'sending')"
    ).fetchone()[0]


def waiting_words(count: int) -> str:
    """The status bar's words: "2 messages waiting to send"."""
    if not count:
        return _("No messages waiting to send.")
    return ngettext(
        "{count} message waiting to send.", "{count} messages waiting to send.", count
    ).format(count=count)


def needs_attention_count() -> int:
    """How many failed messages wait for the owner to retry, edit or cancel."""
    return db.execute_sql("SELECT COUNT(*) FROM outbox WHERE status = 'failed'").fetchone()[0]


def due_ids(now: dt.datetime, everything: bool = False) -> list[int]:
    """Queued messages whose time has come (all queued ones with ``everything``), oldest first."""
    if everything:
        rows = db.execute_sql("SELECT id FROM outbox WHERE status = 'queued' ORDER BY id")
    else:
        rows = db.execute_sql(
            "SELECT id FROM outbox WHERE status = 'queued'"
            " AND (next_try_at IS NULL OR next_try_at <= ?) ORDER BY id",
            (_text(now),),
        )
    return [row[0] for row in rows]


def sender_token() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim(message_id: int, token: str, now: dt.datetime) -> bool:
    """Mark: take the message for sending, unless another sender already has it."""
    cursor = db.execute_sql(
        "UPDATE outbox SET status = 'sending', claimed_by = ?, claimed_at = ?,"
        " attempts = attempts + 1 WHERE id = ? AND status = 'queued'",
        (token, _text(now), message_id),
    )
    return cursor.rowcount == 1


def confirm_sent(message_id: int, now: dt.datetime) -> None:
    """Confirm: the server took it."""
    db.execute_sql(
        "UPDATE outbox SET status = 'sent', sent_at = ?, last_error = '', next_try_at = NULL"
        " WHERE id = ? AND status = 'sending'",
        (_text(now), message_id),
    )


def back_to_queue(message_id: int, error: str, now: dt.datetime) -> dt.datetime:
    """A passing problem: wait longer after each try, then try again; returns when."""
    attempts = db.execute_sql("SELECT attempts FROM outbox WHERE id = ?", (message_id,)).fetchone()
    wait = min(FIRST_WAIT * 2 ** max((attempts[0] if attempts else 1) - 1, 0), LONGEST_WAIT)
    next_try = now + wait
    db.execute_sql(
        "UPDATE outbox SET status = 'queued', last_error = ?, next_try_at = ?, claimed_by = ''"
        " WHERE id = ? AND status = 'sending'",
        (error, _text(next_try), message_id),
    )
    return next_try


def mark_failed(message_id: int, error: str, maybe_sent: bool = False) -> None:
    db.execute_sql(
        "UPDATE outbox SET status = 'failed', last_error = ?, maybe_sent = ?, claimed_by = '',"
        " next_try_at = NULL WHERE id = ? AND status = 'sending'",
        (error, int(maybe_sent), message_id),
    )


def note_problem(message_ids: list[int], error: str, next_try: dt.datetime) -> None:
    """Queued messages the round stopped before: they would have met the same problem,
    so they say why and wait as long as the message that met it."""
    for message_id in message_ids:
        db.execute_sql(
            "UPDATE outbox SET last_error = ?, next_try_at = ? WHERE id = ? AND status = 'queued'",
            (error, _text(next_try), message_id),
        )


def recover_interrupted(now: dt.datetime) -> list[int]:
    """Marks left by a sender that stopped mid-send become "may have been sent".

    Never resent blindly: the message may have reached the server before the sender
    died. A mark by a process still running on this computer is left alone unless it
    is older than :data:`CLAIM_LEASE`.
    """
    rows = db.execute_sql("SELECT id, claimed_by, claimed_at FROM outbox WHERE status = 'sending'")
    stale = [mid for mid, token, at in rows if _is_stale(token, _at(at), now)]
    for mid in stale:
        db.execute_sql(
            "UPDATE outbox SET status = 'failed', maybe_sent = 1, claimed_by = '',"
            " next_try_at = NULL, last_error = ? WHERE id = ? AND status = 'sending'",
            (_may_have_been_sent(), mid),
        )
    return stale


def _may_have_been_sent() -> str:
    return _(
        "may have been sent: Diva Desk stopped while sending it; look in your mail "
        "program's Sent folder, then retry or cancel"
    )


def _is_stale(token: str, claimed_at: dt.datetime | None, now: dt.datetime) -> bool:
    if claimed_at is None or now - claimed_at > CLAIM_LEASE:
        return True
    host, _sep, rest = token.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    return not _process_alive(int(pid_text))


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


# What the owner does from the Outbox view.


def retry(message_id: int, now: dt.datetime | None = None) -> None:
    """Send a failed (or queued) message at the next chance, the owner having decided."""
    changed = db.execute_sql(
        "UPDATE outbox SET status = 'queued', maybe_sent = 0, next_try_at = ?"
        " WHERE id = ? AND status IN ('failed', 'queued')",
        (_text(now or _now()), message_id),
    ).rowcount
    if not changed:
        _refuse(message_id, _("retried"))


def edit(message_id: int, to: str, subject: str, body: str) -> None:
    """Change the recipient and words of a message that has not gone; it waits again."""
    from diva_desk.mail.settings import checked_address

    address = checked_address(_("to"), to)
    if not subject.strip():
        raise BadInput(_("subject: give the message a subject"))
    changed = db.execute_sql(
        "UPDATE outbox SET to_address = ?, subject = ?, body = ?, status = 'queued',"
        " maybe_sent = 0, next_try_at = ? WHERE id = ? AND status IN ('queued', 'failed')",
        (address, " ".join(subject.split()), body, _text(_now()), message_id),
    ).rowcount
    if not changed:
        _refuse(message_id, _("changed"))


def cancel(message_id: int) -> None:
    """Take back a message that has not gone; its line in the customer's history goes too,
    unless it may have been sent."""
    with db.atomic("IMMEDIATE"):
        row = db.execute_sql(
            "SELECT interaction_id, maybe_sent FROM outbox WHERE id = ?"
            " AND status IN ('queued', 'failed')",
            (message_id,),
        ).fetchone()
        if row is None:
            _refuse(message_id, _("cancelled"))
        interaction_id, maybe_sent = row
        db.execute_sql("UPDATE outbox SET status = 'cancelled' WHERE id = ?", (message_id,))
        if interaction_id is not None and not maybe_sent:
            db.execute_sql("UPDATE outbox SET interaction_id = NULL WHERE id = ?", (message_id,))
            db.execute_sql("DELETE FROM interaction WHERE id = ?", (interaction_id,))


def status_words(status: str, maybe_sent: bool = False) -> str:
    """A state as the owner reads it: ``queued``, ``sent``, ``may have been sent``."""
    if maybe_sent:
        return _("may have been sent")
    return {
        "queued": _("queued"),
        "sending": _("sending"),
        "sent": _("sent"),
        "failed": _("failed"),
        "cancelled": _("cancelled"),
    }.get(status, status)


def _refuse(message_id: int, done: str) -> None:
    found = message(message_id)  # BadInput when there is no such message
    raise BadInput(
        _("message {id} is {status} and cannot be {done}").format(
            id=message_id, status=status_words(found.status), done=done
        )
    )
