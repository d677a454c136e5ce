"""How mail leaves this book: the SMTP server, who it is from, and the providers' presets.

Kept in the book's ``setting`` table (keys ``mail.*``), so the book opened on another
computer sends the same way. The password is not a setting: mail.credentials keeps it
in the system keyring.
"""

from __future__ import annotations

import dataclasses
import ipaddress
from dataclasses import dataclass
from enum import StrEnum

from email_validator import EmailNotValidError, validate_email

from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book.db import db
from diva_desk.store.book.settings import get_setting, set_setting

PREFIX = "mail."


class Security(StrEnum):
    STARTTLS = "starttls"
    SSL = "ssl"
    NONE = "none"


#: The port each kind of connection usually listens on.
DEFAULT_PORTS = {Security.STARTTLS: 587, Security.SSL: 465, Security.NONE: 25}


@dataclass(frozen=True)
class MailSettings:
    host: str = ""
    port: int = DEFAULT_PORTS[Security.STARTTLS]
    security: Security = Security.STARTTLS
    #: The login; empty for a relay that takes mail without one.
    user: str = ""
    from_address: str = ""
    from_name: str = ""
    reply_to: str = ""
    bcc_self: bool = False

    @property
    def is_set_up(self) -> bool:
        return bool(self.host and self.from_address)


@dataclass(frozen=True)
class Preset:
    name: str
    host: str
    port: int
    security: Security
    #: One line on the password this provider wants.
    password_note: str


def presets() -> tuple[Preset, ...]:
    """The common providers, each with what it asks of the password (translated)."""
    return (
        Preset(
            "Gmail",
            "smtp.gmail.com",
            587,
            Security.STARTTLS,
            _(
                "Gmail needs an app password (Google Account › Security › 2-Step "
                "Verification › App passwords); your usual password is refused."
            ),
        ),
        Preset(
            "Outlook / Microsoft 365",
            "smtp.office365.com",
            587,
            Security.STARTTLS,
            _(
                "Use your full email address as user name; with two-step verification, "
                "an app password. Microsoft 365 mailboxes need SMTP sending turned on "
                "by their administrator."
            ),
        ),
        Preset(
            "iCloud",
            "smtp.mail.me.com",
            587,
            Security.STARTTLS,
            _(
                "iCloud Mail needs an app-specific password made at account.apple.com "
                "(Sign-In and Security › App-Specific Passwords)."
            ),
        ),
        Preset(
            "Fastmail",
            "smtp.fastmail.com",
            465,
            Security.SSL,
            _(
                "Fastmail needs an app password (Settings › Privacy & Security › "
                "Manage app passwords), allowed to send mail (SMTP)."
            ),
        ),
    )


def with_preset(settings: MailSettings, preset: Preset) -> MailSettings:
    """The settings with the provider's server; the user name defaults to the from address."""
    return dataclasses.replace(
        settings,
        host=preset.host,
        port=preset.port,
        security=preset.security,
        user=settings.user or settings.from_address,
    )


def is_loopback(host: str) -> bool:
    """True for this computer itself (localhost, 127.0.0.0/8, ::1): nothing crosses a wire."""
    name = host.strip().strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def checked(settings: MailSettings) -> MailSettings:
    """The settings tidied, or BadInput naming the field that is wrong."""
    s = dataclasses.replace(
        settings,
        host=settings.host.strip(),
        user=settings.user.strip(),
        from_address=settings.from_address.strip(),
        from_name=" ".join(settings.from_name.split()),
        reply_to=settings.reply_to.strip(),
    )
    if not s.host:
        raise BadInput(_("server: give the host name of your mail server (SMTP)"))
    if any(c.isspace() or c in "/@" for c in s.host):
        raise BadInput(_("server: {host} is not a host name").format(host=s.host))
    if not 1 <= s.port <= 65535:
        raise BadInput(_("port: {port} is not a port from 1 to 65535").format(port=s.port))
    if s.security is Security.NONE and s.user and not is_loopback(s.host):
        raise BadInput(
            _(
                "security: a login without encryption is allowed only to a server on this "
                "computer (localhost); choose STARTTLS or SSL/TLS for {host}"
            ).format(host=s.host)
        )
    if not s.from_address:
        raise BadInput(_("from: give the email address your messages come from"))
    s = dataclasses.replace(s, from_address=_address(_("from"), s.from_address))
    if s.reply_to:
        s = dataclasses.replace(s, reply_to=_address(_("reply-to"), s.reply_to))
    return s


def _address(field: str, text: str) -> str:
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise BadInput(
            _("{field}: {address} is not an email address ({why})").format(
                field=field, address=text, why=exc
            )
        ) from exc


def checked_address(field: str, text: str) -> str:
    """A recipient typed by the owner, normalized, or BadInput naming ``field``."""
    if not text.strip():
        raise BadInput(_("{field}: give an email address").format(field=field))
    return _address(field, text.strip())


def load_settings() -> MailSettings:
    """The book's mail settings; defaults for what was never set."""
    d = MailSettings()
    security_text = get_setting(PREFIX + "security") or d.security.value
    try:
        security = Security(security_text)
    except ValueError:
        security = d.security
    port_text = get_setting(PREFIX + "port") or ""
    port = int(port_text) if port_text.isdigit() else DEFAULT_PORTS[security]
    return MailSettings(
        host=get_setting(PREFIX + "host") or "",
        port=port,
        security=security,
        user=get_setting(PREFIX + "user") or "",
        from_address=get_setting(PREFIX + "from_address") or "",
        from_name=get_setting(PREFIX + "from_name") or "",
        reply_to=get_setting(PREFIX + "reply_to") or "",
        bcc_self=get_setting(PREFIX + "bcc_self") == "1",
    )


def save_settings(settings: MailSettings) -> MailSettings:
    """Keep the settings (checked first: nothing is written when one is wrong)."""
    s = checked(settings)
    with db.atomic():
        set_setting(PREFIX + "host", s.host)
        set_setting(PREFIX + "port", str(s.port))
        set_setting(PREFIX + "security", s.security.value)
        set_setting(PREFIX + "user", s.user)
        set_setting(PREFIX + "from_address", s.from_address)
        set_setting(PREFIX + "from_name", s.from_name)
        set_setting(PREFIX + "reply_to", s.reply_to)
        set_setting(PREFIX + "bcc_self", "1" if s.bcc_self else "0")
    return s
