"""The outbox from the command line: ``outbox [--json]`` lists, ``outbox send`` delivers.

``outbox send`` is for a cron job or a laptop without the window open: it tries every
queued message now, whatever its back-off, and exits 1 when some could not go, one
line each with the reason.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from diva_desk.commands.common import EXIT_FAILED, EXIT_OK, cut_to_width, table_row, text_width
from diva_desk.commands.output import complain, say, say_json
from diva_desk.i18n import _, ngettext


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "outbox",
        help=_("list queued, sent and failed messages; `outbox send` delivers them"),
        description=_(
            "List the outbox, newest first: queued (waiting, tried again with back-off), "
            "sent, failed (refused for good, or may have been sent: the owner decides) and "
            "cancelled. `outbox send` tries every waiting message now; exit 1 when some "
            "could not go."
        ),
    )
    parser.add_argument("action", nargs="?", choices=["send"], help=_("deliver now"))
    parser.add_argument("--json", action="store_true", help=_("print JSON (spec/cli.md)"))
    parser.set_defaults(run=_outbox)


def _outbox(args: argparse.Namespace, folder: Path) -> int:
    if args.action == "send":
        return _send_now()
    from diva_desk.mail import outbox

    found = outbox.messages()
    if args.json:
        say_json({"messages": [_as_json(m) for m in found]})
        return EXIT_OK
    if not found:
        say(_("The outbox is empty."))
        return EXIT_OK
    header = [_("id"), _("status"), _("queued"), _("to"), _("subject"), _("reason")]
    rows = [
        [
            str(m.id),
            _status_words(m),
            m.queued_at.isoformat(sep=" ", timespec="minutes"),
            m.to,
            cut_to_width(m.subject, 48),
            cut_to_width(m.last_error, 60) if m.status != "sent" else "",
        ]
        for m in found
    ]
    widths = [max(text_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        say(table_row(row, widths, right={0}))
    say(outbox.waiting_words(outbox.waiting_count()))
    return EXIT_OK


def _status_words(message: object) -> str:
    from diva_desk.mail.outbox import OutboxMessage, status_words

    assert isinstance(message, OutboxMessage)
    return status_words(message.status, message.maybe_sent)


def _as_json(message: object) -> dict[str, object]:
    from diva_desk.mail.outbox import OutboxMessage

    assert isinstance(message, OutboxMessage)
    return {
        "id": message.id,
        # "sending" is a mark held for seconds; to a reader it is still waiting.
        "status": "queued" if message.status == "sending" else message.status,
        "to": message.to,
        "subject": message.subject,
        "kind": message.kind,
        "about": message.about,
        "queued_at": message.queued_at.isoformat(),
        "attempts": message.attempts,
        "last_error": message.last_error or None,
        "sent_at": message.sent_at.isoformat() if message.sent_at else None,
        "maybe_sent": message.maybe_sent,
    }


def _send_now() -> int:
    from diva_desk.mail import outbox, sender

    result = sender.deliver_waiting(everything=True)
    for message_id in result.interrupted:
        complain(
            _("message {id} may have been sent before sending stopped: check, then retry "
              "or cancel it").format(id=message_id)
        )  # fmt: skip
    for message_id, reason in result.problems:
        complain(_("message {id} not sent: {reason}").format(id=message_id, reason=reason))
    for message_id in result.untried:
        complain(_("message {id} not sent: {reason}").format(id=message_id, reason=result.stopped))
    if result.sent:
        total = len(result.sent) + len(result.problems) + len(result.untried)
        say(
            ngettext(
                "Sent {count} of {total} message.", "Sent {count} of {total} messages.", total
            ).format(count=len(result.sent), total=total)
        )
    say(outbox.waiting_words(outbox.waiting_count()))
    return EXIT_OK if result.all_went else EXIT_FAILED
