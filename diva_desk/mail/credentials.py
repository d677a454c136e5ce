"""The one module that holds the mail password: the system keyring, or this session only.

The password is never written to the book, QSettings, a log or an export. Where the
system has no keyring (a bare server, a desktop without a Secret Service), it is kept
in this process's memory until the app closes, and the settings page says so in one
sentence (:func:`no_keyring_sentence`).
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.backends.fail
import keyring.errors

from diva_desk.errors import BookProblem
from diva_desk.i18n import _
from diva_desk.mail.settings import MailSettings

#: The keyring's service name; the entry is the login ``user@host``.
SERVICE = "Diva Desk mail"

#: Passwords of this session where there is no keyring, by entry name.
_session: dict[str, str] = {}


def entry_name(settings: MailSettings) -> str:
    return f"{settings.user}@{settings.host}"


def keyring_available() -> bool:
    """True when a real keyring backend (Secret Service, macOS Keychain, Windows) exists."""
    backend = keyring.get_keyring()
    if isinstance(backend, keyring.backends.fail.Keyring):
        return False
    chained = getattr(backend, "backends", None)  # the chainer with nothing behind it
    return chained is None or bool(chained)


def no_keyring_sentence() -> str:
    """What the settings page says where no keyring exists."""
    return _(
        "This computer has no password keyring, so the mail password is kept only until "
        "Diva Desk closes."
    )


def store_password(settings: MailSettings, password: str) -> bool:
    """Keep the password for the settings' login: True in the keyring, False for this session.

    BookProblem when a keyring exists but refuses (locked, dismissed prompt).
    """
    name = entry_name(settings)
    if not keyring_available():
        _session[name] = password
        return False
    try:
        keyring.set_password(SERVICE, name, password)
    except keyring.errors.NoKeyringError:
        _session[name] = password
        return False
    except keyring.errors.KeyringError as exc:
        raise BookProblem(
            _("the system keyring refused to keep the mail password ({why})").format(
                why=type(exc).__name__
            )
        ) from None
    _session.pop(name, None)
    return True


def password_for(settings: MailSettings) -> str | None:
    """The password for the settings' login, or None when none was given."""
    name = entry_name(settings)
    if name in _session:
        return _session[name]
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, name)
    except keyring.errors.KeyringError as exc:
        raise BookProblem(
            _("the system keyring could not be read ({why}); unlock it and try again").format(
                why=type(exc).__name__
            )
        ) from None


def forget_password(settings: MailSettings) -> None:
    """Remove the password for the settings' login from the keyring and this session."""
    name = entry_name(settings)
    _session.pop(name, None)
    if keyring_available():
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(SERVICE, name)
