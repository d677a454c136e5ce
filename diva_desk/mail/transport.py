"""Talking to the SMTP server, and its refusals in words the owner can act on.

Every failure becomes a :class:`DeliveryProblem`: what happened in one sentence, what
kind of problem it is (the outbox retries the passing ones and stops on the rest),
and whether the message may have reached the server anyway (the connection dropped
after the message was handed over, before the server said it took it).
"""

from __future__ import annotations

import base64
import hmac
import smtplib
import socket
import ssl
from email.message import EmailMessage
from enum import StrEnum

from diva_desk.errors import BookProblem
from diva_desk.i18n import _
from diva_desk.mail.settings import MailSettings, Security

#: Seconds to wait for the server at each step before calling it unreachable.
TIMEOUT = 30


class Problem(StrEnum):
    UNREACHABLE = "unreachable"  # no network, wrong host, server down: try again later
    CERTIFICATE = "certificate"  # the secure connection failed: the settings must change
    LOGIN = "login"  # wrong user name or password, or no login offered
    RECIPIENT = "recipient"  # the server refused an address: this message must change
    REFUSED = "refused"  # the server refused the message or the sender for good
    BUSY = "busy"  # a temporary refusal (4xx): try again later
    NOT_SET_UP = "not_set_up"


class DeliveryProblem(BookProblem):
    def __init__(self, kind: Problem, sentence: str, *, maybe_sent: bool = False) -> None:
        super().__init__(sentence)
        self.kind = kind
        self.maybe_sent = maybe_sent

    @property
    def passing(self) -> bool:
        """True when trying again later may work without the owner doing anything."""
        return self.kind in (Problem.UNREACHABLE, Problem.BUSY)

    @property
    def about_the_message(self) -> bool:
        """True when this message cannot go as it is; the others may still."""
        return self.kind in (Problem.RECIPIENT, Problem.REFUSED)


class _Session:
    """What both kinds of connection add to smtplib's.

    * Whether the message itself was handed over (the DATA command began): a
      connection lost after that may have delivered it.
    * A login whose password is not plain ASCII (``Pässword``): smtplib encodes the
      AUTH exchange as ASCII and would fail before asking; RFC 4616 and the servers
      take UTF-8.
    """

    handed_over = False

    def data(self, msg):  # type: ignore[no-untyped-def]
        self.handed_over = True
        return super().data(msg)  # type: ignore[misc]

    def auth_cram_md5(self, challenge=None):  # type: ignore[no-untyped-def]
        if challenge is None:
            return None
        digest = hmac.HMAC(self.password.encode("utf-8"), challenge, "md5").hexdigest()  # type: ignore[attr-defined]
        return f"{self.user} {digest}"  # type: ignore[attr-defined]

    def auth(self, mechanism, authobject, *, initial_response_ok=True):  # type: ignore[no-untyped-def]
        mechanism = mechanism.upper()
        initial = authobject() if initial_response_ok else None
        if initial is not None:
            code, resp = self.docmd("AUTH", f"{mechanism} {_b64(initial)}")  # type: ignore[attr-defined]
        else:
            code, resp = self.docmd("AUTH", mechanism)  # type: ignore[attr-defined]
        rounds = 0
        while code == 334 and rounds < 5:
            rounds += 1
            challenge = base64.decodebytes(resp)
            code, resp = self.docmd(_b64(authobject(challenge)))  # type: ignore[attr-defined]
        if code in (235, 503):
            return code, resp
        raise smtplib.SMTPAuthenticationError(code, resp)


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


class _SMTP(_Session, smtplib.SMTP):
    pass


class _SMTPSSL(_Session, smtplib.SMTP_SSL):
    pass


def tls_context() -> ssl.SSLContext:
    """The system's trusted certificates, host names checked (tests swap in their own)."""
    return ssl.create_default_context()


def send(
    settings: MailSettings,
    password: str | None,
    message: EmailMessage,
    context: ssl.SSLContext | None = None,
) -> None:
    """Deliver one message, or raise DeliveryProblem saying why not."""
    if not settings.is_set_up:
        raise DeliveryProblem(
            Problem.NOT_SET_UP,
            _("mail is not set up: give the server and the from address in the mail settings"),
        )
    if settings.user and not password:
        raise DeliveryProblem(
            Problem.LOGIN,
            _("there is no password for {user} on {host}: enter it in the mail settings").format(
                user=settings.user, host=settings.host
            ),
        )
    context = context or tls_context()
    smtp: _SMTP | _SMTPSSL | None = None
    try:
        smtp = _connect(settings, context)
        if settings.user:
            smtp.login(settings.user, password or "")
        refused = smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as exc:
        handed_over = smtp is not None and smtp.handed_over
        raise _problem(settings, exc, handed_over) from None
    finally:
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()
    if refused:
        # Some recipients took it (the BCC to self), the customer's server did not.
        raise _problem(settings, smtplib.SMTPRecipientsRefused(refused), handed_over=False)


def _connect(settings: MailSettings, context: ssl.SSLContext) -> _SMTP | _SMTPSSL:
    if settings.security is Security.SSL:
        return _SMTPSSL(settings.host, settings.port, timeout=TIMEOUT, context=context)
    smtp = _SMTP(settings.host, settings.port, timeout=TIMEOUT)
    if settings.security is Security.STARTTLS:
        smtp.ehlo()
        if not smtp.has_extn("starttls"):
            smtp.close()
            raise DeliveryProblem(
                Problem.CERTIFICATE,
                _(
                    "{host} does not offer STARTTLS on port {port}: choose SSL/TLS (port 465) "
                    "or the port your provider gives"
                ).format(host=settings.host, port=settings.port),
            )
        smtp.starttls(context=context)
        smtp.ehlo()
    return smtp


def _server_says(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error
    said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{exc.smtp_code} {' '.join(said.split())}".strip()


def _problem(settings: MailSettings, exc: Exception, handed_over: bool) -> DeliveryProblem:
    host = settings.host
    if isinstance(exc, DeliveryProblem):
        return exc
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return DeliveryProblem(
            Problem.LOGIN,
            _(
                "{host} refused the login for {user}: wrong user name or password "
                "(the server said: {said}); some providers want an app password"
            ).format(host=host, user=settings.user, said=_server_says(exc)),
        )
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return DeliveryProblem(
            Problem.LOGIN,
            _("{host} does not accept a login on this connection: check the security").format(
                host=host
            ),
        )
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        address, (code, said) = next(iter(exc.recipients.items()))
        words = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
        kind = Problem.BUSY if 400 <= code < 500 else Problem.RECIPIENT
        return DeliveryProblem(
            kind,
            _("{host} refused the recipient {address} (the server said: {said})").format(
                host=host, address=address, said=f"{code} {' '.join(words.split())}"
            ),
        )
    if isinstance(exc, smtplib.SMTPSenderRefused | smtplib.SMTPDataError):
        temporary = 400 <= exc.smtp_code < 500
        what = (
            _("{host} refused the sender {address}").format(host=host, address=exc.sender)
            if isinstance(exc, smtplib.SMTPSenderRefused)
            else _("{host} refused the message").format(host=host)
        )
        return DeliveryProblem(
            Problem.BUSY if temporary else Problem.REFUSED,
            _("{what} (the server said: {said})").format(what=what, said=_server_says(exc)),
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        return DeliveryProblem(
            Problem.CERTIFICATE,
            _(
                "the certificate of {host} cannot be trusted ({why}): check the server "
                "name your provider gives"
            ).format(host=host, why=exc.verify_message or exc.reason),
        )
    if isinstance(exc, ssl.SSLError):
        return DeliveryProblem(
            Problem.CERTIFICATE,
            _(
                "a secure connection to {host} failed ({why}): check the security "
                "(STARTTLS usually on port 587, SSL/TLS on 465)"
            ).format(host=host, why=exc.reason or exc),
        )
    if handed_over:
        return DeliveryProblem(
            Problem.UNREACHABLE,
            _(
                "the connection to {host} broke after the message was handed over: "
                "it may have been sent"
            ).format(host=host),
            maybe_sent=True,
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        kind = Problem.BUSY if 400 <= exc.smtp_code < 500 else Problem.REFUSED
        return DeliveryProblem(
            kind, _("{host} said: {said}").format(host=host, said=_server_says(exc))
        )
    return DeliveryProblem(
        Problem.UNREACHABLE,
        _("{host} could not be reached ({why})").format(host=host, why=_network_words(exc)),
    )


def _network_words(exc: Exception) -> str:
    if isinstance(exc, socket.gaierror):
        return _("no such host, or no network")
    if isinstance(exc, ConnectionRefusedError):
        return _("connection refused")
    if isinstance(exc, TimeoutError | socket.timeout):
        return _("no answer")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return _("the server closed the connection")
    return getattr(exc, "strerror", None) or type(exc).__name__
