"""Commands that set up mail and send: mail-settings and send invoice|statement|reminder.

The mail package (and with it keyring, smtplib and ReportLab) loads only inside the
command that needs it, so the command line starts as fast without it.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from pathlib import Path

from diva_desk.commands.common import EXIT_OK
from diva_desk.commands.documents import REMINDER_LEVELS
from diva_desk.commands.output import say
from diva_desk.errors import BadInput, BookProblem
from diva_desk.i18n import _

SECURITY_CHOICES = ("starttls", "ssl", "none")


def register(commands: argparse._SubParsersAction) -> None:
    settings = commands.add_parser(
        "mail-settings",
        help=_("set how mail is sent (the password goes to the system keyring only)"),
        description=_(
            "Set how invoices, statements and reminders are sent by email. Options not "
            "given keep their value. The password is read from standard input "
            "(--password-stdin) into the system keyring, never into the book. Security "
            "none is for a relay on this computer: a login over it is allowed to a "
            "loopback host only."
        ),
    )
    settings.add_argument("--host", metavar="H", help=_("the SMTP server, e.g. smtp.gmail.com"))
    settings.add_argument("--port", metavar="N", type=int, help=_("default: 587, 465 or 25"))
    settings.add_argument("--security", choices=SECURITY_CHOICES)
    settings.add_argument("--user", metavar="U", help=_("the login (often the email address)"))
    settings.add_argument("--from", dest="from_address", metavar="EMAIL")
    settings.add_argument("--from-name", metavar="NAME")
    settings.add_argument("--reply-to", metavar="EMAIL", help=_("empty to remove"))
    bcc = settings.add_mutually_exclusive_group()
    bcc.add_argument("--bcc-self", dest="bcc_self", action="store_true", default=None)
    bcc.add_argument("--no-bcc-self", dest="bcc_self", action="store_false")
    settings.add_argument(
        "--password-stdin",
        action="store_true",
        help=_("read the password from standard input into the system keyring"),
    )
    settings.add_argument(
        "--show", action="store_true", help=_("print the settings (never the password)")
    )
    settings.set_defaults(run=_mail_settings)

    send = commands.add_parser(
        "send",
        help=_("email an invoice, a statement or a reminder (queued in the outbox)"),
        description=_(
            "Put the message, with its PDF attached, in the outbox and return at once; "
            "it works offline. `diva-desk outbox send` (or the app) delivers it. The "
            "default recipient is the customer's accounts-payable email, else their email."
        ),
    )
    what = send.add_subparsers(dest="what", metavar="invoice|statement|reminder", required=True)
    invoice = what.add_parser("invoice", help=_("email a sent invoice"))
    invoice.add_argument("number", metavar="NUMBER")
    statement = what.add_parser("statement", help=_("email a statement of account"))
    statement.add_argument("code", metavar="CODE")
    reminder = what.add_parser("reminder", help=_("email a payment reminder"))
    reminder.add_argument("code", metavar="CODE")
    reminder.add_argument("--level", choices=REMINDER_LEVELS, default=REMINDER_LEVELS[0])
    for parser in (invoice, statement, reminder):
        parser.add_argument("--to", metavar="EMAIL", help=_("another recipient"))
    send.set_defaults(run=_send)


def _mail_settings(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.mail import credentials
    from diva_desk.mail.settings import DEFAULT_PORTS, Security, load_settings, save_settings

    current = load_settings()
    changes: dict[str, object] = {
        name: getattr(args, name)
        for name in ("host", "port", "user", "from_address", "from_name", "reply_to", "bcc_self")
        if getattr(args, name) is not None
    }
    if args.security is not None:
        changes["security"] = Security(args.security)
        if args.port is None and current.port == DEFAULT_PORTS[current.security]:
            changes["port"] = DEFAULT_PORTS[Security(args.security)]
    password = None
    if args.password_stdin:
        password = _read_password()
    wanted = dataclasses.replace(current, **changes)  # type: ignore[arg-type]
    if password is not None:
        if not wanted.user:
            raise BadInput(_("--password-stdin: give the login with --user first"))
        if not credentials.keyring_available():
            raise BookProblem(
                _(
                    "this computer has no password keyring, so the password cannot be kept "
                    "for the command line; nothing was changed"
                )
            )
    saved = save_settings(wanted) if changes or not args.show else current
    if password is not None:
        credentials.store_password(saved, password)
        say(_("The password for {login} is in the system keyring.").format(
            login=credentials.entry_name(saved)
        ))  # fmt: skip
    if changes:
        say(_("Mail settings saved."))
    if args.show or not (changes or password is not None):
        _show(saved)
    return EXIT_OK


def _read_password() -> str:
    text = sys.stdin.readline()
    password = text.removesuffix("\n").removesuffix("\r")
    if not password:
        raise BadInput(_("--password-stdin: standard input held no password"))
    return password


def _show(settings: object) -> None:
    from diva_desk.mail import credentials
    from diva_desk.mail.settings import MailSettings

    assert isinstance(settings, MailSettings)
    if not settings.user:
        password = _("none (no login)")
    elif not credentials.keyring_available():
        password = credentials.no_keyring_sentence()
    else:
        stored = credentials.password_for(settings) is not None
        password = _("in the system keyring") if stored else _("not set")
    rows = [
        (_("host"), settings.host),
        (_("port"), str(settings.port)),
        (_("security"), settings.security.value),
        (_("user"), settings.user),
        (_("from"), settings.from_address),
        (_("from name"), settings.from_name),
        (_("reply-to"), settings.reply_to),
        (_("bcc self"), _("yes") if settings.bcc_self else _("no")),
        (_("password"), password),
    ]
    width = max(len(label) for label, _value in rows)
    for label, value in rows:
        say(f"{label.ljust(width)}  {value}")


def _send(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.mail import outbox, sending
    from diva_desk.store.book.lookup import customer_code, invoice_number

    today = dt.date.today()
    if args.what == "invoice":
        message_id, draft = sending.send_invoice(invoice_number(args.number), today, args.to)
    elif args.what == "statement":
        message_id, draft = sending.send_statement(customer_code(args.code), today, args.to)
    else:
        message_id, draft = sending.send_reminder(
            customer_code(args.code), today, args.level, args.to
        )
    say(
        _('Queued "{subject}" to {to} with {file} (message {id}).').format(
            subject=draft.subject, to=draft.to, file=draft.attachment_name, id=message_id
        )
    )
    say(outbox.waiting_words(outbox.waiting_count()))
    return EXIT_OK
