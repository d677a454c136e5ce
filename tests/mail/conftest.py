"""Real parts for the mail tests: a book with customers to write to, SMTP servers on loopback.

The servers are aiosmtpd in this process, on 127.0.0.1: plain, STARTTLS with a
self-signed certificate made here, and one that wants a login. The client trusts the
certificate through an ``ssl`` context made from it (or ``SSL_CERT_FILE`` for a
command run as a separate process).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email
import email.policy
import ipaddress
import json
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import peewee
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from diva_desk.interchange import import_text
from diva_desk.mail import credentials
from diva_desk.mail.settings import MailSettings, Security, save_settings

SAMPLE = Path(__file__).parents[1] / "interchange" / "data" / "sample-book.json"
USER = "owner@maple.example"
PASSWORD = "Pässw0rd-only-in-the-keyring-7f3a"


def book_json(today: dt.date) -> str:
    """The sample book in en_CA, its invoices overdue today: ACME has an AP email, NOUR none."""
    book = json.loads(SAMPLE.read_text(encoding="utf-8"))
    book["business"]["locale"] = "en_CA"
    book["business"]["name"] = "Maple & Co."
    book["business"]["owner_name"] = "Élodie Tremblay"
    for invoice in book["invoices"]:
        invoice["issue_date"] = invoice["sent_date"] = (today - dt.timedelta(days=50)).isoformat()
        invoice["due_date"] = (today - dt.timedelta(days=20)).isoformat()
    for payment in book["payments"]:
        payment["date"] = (today - dt.timedelta(days=30)).isoformat()
    for kind in ("promises", "payment_plans", "followups", "interactions"):
        book[kind] = []
    return json.dumps(book)


@pytest.fixture
def mail_book(book: peewee.SqliteDatabase) -> peewee.SqliteDatabase:
    import_text(book_json(dt.date.today()))
    return book


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


class _Keeper:
    """Keeps every message the server accepts; can hold one mid-DATA until released."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.hold = threading.Event()
        self.hold.set()
        self.arrived = threading.Event()

    async def handle_DATA(self, server, session, envelope) -> str:
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), parsed))
        self.arrived.set()
        while not self.hold.is_set():
            await asyncio.sleep(0.05)
        return "250 Message accepted for delivery"

    async def handle_RCPT(self, server, session, envelope, address, options) -> str:
        if address.startswith("nobody@"):
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class SmtpServer:
    port: int
    security: Security
    keeper: _Keeper = field(default_factory=_Keeper)
    kwargs: dict = field(default_factory=dict)
    controller: Controller | None = None

    @property
    def received(self) -> list[Received]:
        return self.keeper.received

    def start(self) -> None:
        self.controller = Controller(
            self.keeper, hostname="127.0.0.1", port=self.port, **self.kwargs
        )
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.keeper.hold.set()
            self.controller.stop()
            self.controller = None

    def settings(self, **changes: object) -> MailSettings:
        values: dict = dict(
            host="127.0.0.1",
            port=self.port,
            security=self.security,
            from_address="owner@maple.example",
            from_name="Maple & Co.",
        )
        values.update(changes)
        return MailSettings(**values)


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost: (certificate, key)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def trusting(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    """A client context that trusts the test certificate (and checks the host name)."""
    context = ssl.create_default_context(cafile=str(certificate[0]))
    return context


def plain_server() -> Iterator[SmtpServer]:
    """A plain server on loopback, running until the fixture ends (tests/cli uses it too)."""
    server = SmtpServer(_free_port(), Security.NONE)
    server.start()
    yield server
    server.stop()


smtp_plain = pytest.fixture(plain_server, name="smtp_plain")


@pytest.fixture
def smtp_starttls(certificate: tuple[Path, Path]) -> Iterator[SmtpServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certificate[0]), str(certificate[1]))
    server = SmtpServer(
        _free_port(),
        Security.STARTTLS,
        kwargs={"tls_context": context, "require_starttls": True},
    )
    server.start()
    yield server
    server.stop()


def _authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login.decode() == USER
        and auth_data.password.decode() == PASSWORD
    )
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def smtp_login(certificate: tuple[Path, Path]) -> Iterator[SmtpServer]:
    """A server that wants a login, after STARTTLS, and refuses a wrong password."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certificate[0]), str(certificate[1]))
    server = SmtpServer(
        _free_port(),
        Security.STARTTLS,
        kwargs={
            "tls_context": context,
            "require_starttls": True,
            "authenticator": _authenticator,
            "auth_required": True,
        },
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture
def session_passwords() -> Iterator[None]:
    """No keyring here (keyring's fail backend): passwords for this session only."""
    import keyring
    import keyring.backends.fail

    before = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    credentials._session.clear()
    keyring.set_keyring(before)


def set_up(server: SmtpServer, **changes: object) -> MailSettings:
    return save_settings(server.settings(**changes))
