"""The server's refusals in plain words, against real servers: plain, STARTTLS, login."""

from __future__ import annotations

import datetime as dt
import ssl
from pathlib import Path

import peewee
import pytest

from diva_desk.mail import credentials, outbox, sender, sending
from diva_desk.mail.settings import Security
from diva_desk.mail.transport import DeliveryProblem, Problem
from tests.mail.conftest import PASSWORD, USER, SmtpServer, set_up


def test_a_test_message_goes_through_starttls_on_a_trusted_certificate(
    smtp_starttls: SmtpServer, trusting: ssl.SSLContext
) -> None:
    said = sender.send_test_message(smtp_starttls.settings(), context=trusting)
    assert said == "A test message went to owner@maple.example."
    (got,) = smtp_starttls.received
    assert got.recipients == ["owner@maple.example"]
    assert got.message["Subject"] == "Diva Desk test message"


def test_an_untrusted_certificate_is_a_certificate_problem(smtp_starttls: SmtpServer) -> None:
    with pytest.raises(DeliveryProblem) as refused:
        sender.send_test_message(smtp_starttls.settings())  # the system's trust: self-signed fails
    assert refused.value.kind is Problem.CERTIFICATE
    assert str(refused.value).startswith("the certificate of 127.0.0.1 cannot be trusted")
    assert smtp_starttls.received == []


def test_ssl_to_a_starttls_port_says_to_check_the_security(
    smtp_starttls: SmtpServer, trusting: ssl.SSLContext
) -> None:
    settings = smtp_starttls.settings(security=Security.SSL)
    with pytest.raises(DeliveryProblem) as refused:
        sender.send_test_message(settings, context=trusting)
    assert refused.value.kind in (Problem.CERTIFICATE, Problem.UNREACHABLE)
    assert "127.0.0.1" in str(refused.value)


def test_a_wrong_password_is_said_as_such(smtp_login: SmtpServer, trusting: ssl.SSLContext) -> None:
    settings = smtp_login.settings(user=USER)
    with pytest.raises(DeliveryProblem) as refused:
        sender.send_test_message(settings, password="not-it", context=trusting)
    assert refused.value.kind is Problem.LOGIN
    assert str(refused.value).startswith(
        f"127.0.0.1 refused the login for {USER}: wrong user name or password"
    )
    said = sender.send_test_message(settings, password=PASSWORD, context=trusting)
    assert said.startswith("A test message")
    assert len(smtp_login.received) == 1


def test_no_password_at_all_is_said_before_connecting(
    smtp_login: SmtpServer, session_passwords: None
) -> None:
    with pytest.raises(DeliveryProblem, match="there is no password for"):
        sender.send_test_message(smtp_login.settings(user=USER))


def test_an_unreachable_host_is_said_as_such(smtp_plain: SmtpServer) -> None:
    smtp_plain.stop()
    with pytest.raises(DeliveryProblem) as refused:
        sender.send_test_message(smtp_plain.settings())
    assert refused.value.kind is Problem.UNREACHABLE
    assert str(refused.value) == "127.0.0.1 could not be reached (connection refused)"


def test_a_refused_recipient_is_said_as_such(smtp_plain: SmtpServer) -> None:
    with pytest.raises(DeliveryProblem) as refused:
        sender.send_test_message(smtp_plain.settings(), to="nobody@maple.example")
    assert refused.value.kind is Problem.RECIPIENT
    assert "refused the recipient nobody@maple.example" in str(refused.value)


def test_a_refused_login_keeps_the_outbox_waiting_and_stops_the_round(
    mail_book: peewee.SqliteDatabase,
    smtp_login: SmtpServer,
    session_passwords: None,
    trusting: ssl.SSLContext,
) -> None:
    settings = set_up(smtp_login, user=USER)
    credentials.store_password(settings, "wrong")
    first, _ = sending.send_invoice("DD-1040", dt.date.today())
    second, _ = sending.send_statement("ACME", dt.date.today())
    result = sender.deliver_waiting(context=trusting)
    assert result.sent == [] and result.untried == [second]
    assert "refused the login" in result.stopped
    assert [outbox.message(i).status for i in (first, second)] == ["queued", "queued"]
    credentials.store_password(settings, PASSWORD)
    assert sender.deliver_waiting(everything=True, context=trusting).sent == [first, second]


def test_the_password_is_in_no_file_after_a_send(
    mail_book: peewee.SqliteDatabase,
    book_path: Path,
    smtp_login: SmtpServer,
    session_passwords: None,
    trusting: ssl.SSLContext,
) -> None:
    import base64
    import logging

    from diva_desk.logs import configure_logging

    log_file = configure_logging(book_path.parent)
    logging.getLogger("diva_desk.test").info("a line so the log exists")
    settings = set_up(smtp_login, user=USER)
    assert credentials.store_password(settings, PASSWORD) is False  # no keyring: session only
    sending.send_invoice("DD-1040", dt.date.today())
    with pytest.raises(DeliveryProblem):
        sender.send_test_message(settings, password="wrong-" + PASSWORD, context=trusting)
    assert sender.deliver_waiting(context=trusting).sent
    mail_book.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")
    forms = [
        PASSWORD.encode(),
        PASSWORD.encode("utf-16-le"),
        base64.b64encode(PASSWORD.encode()),
        base64.b64encode(f"\0{USER}\0{PASSWORD}".encode()),
    ]
    files = [p for p in book_path.parent.rglob("*") if p.is_file()]
    assert log_file in files and book_path in files
    for path in files:
        data = path.read_bytes()
        assert not any(form in data for form in forms), path
