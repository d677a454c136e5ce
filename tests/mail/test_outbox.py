"""The outbox against a real SMTP server on loopback: offline first, then online, once each."""

from __future__ import annotations

import datetime as dt
import io

import peewee
from pypdf import PdfReader

from diva_desk.mail import outbox, sender, sending
from tests.mail.conftest import SmtpServer, set_up


def _pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _queue_three() -> list[int]:
    today = dt.date.today()
    return [
        sending.send_invoice("DD-1040", today)[0],
        sending.send_statement("ACME", today)[0],
        sending.send_reminder("ACME", today, "firm")[0],
    ]


def test_queued_offline_each_arrives_once_with_its_pdf_when_the_server_is_up(
    mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    smtp_plain.stop()  # offline: nothing listens on the port
    set_up(smtp_plain)
    ids = _queue_three()
    assert outbox.waiting_count() == 3

    tried = sender.deliver_waiting()
    assert tried.sent == [] and "could not be reached" in tried.stopped
    assert [outbox.message(i).status for i in ids] == ["queued"] * 3
    assert all("could not be reached" in outbox.message(i).last_error for i in ids)

    smtp_plain.start()
    later = dt.datetime.now() + dt.timedelta(hours=2)  # past every back-off
    done = sender.deliver_waiting(now=later)
    assert done.sent == ids and done.all_went
    assert outbox.waiting_count() == 0
    # Another round sends nothing again.
    assert sender.deliver_waiting(now=later, everything=True).sent == []

    received = smtp_plain.received
    assert len(received) == 3
    assert {r.message["Message-ID"] for r in received} == {outbox.attachment(i)[2] for i in ids}
    invoice, statement, reminder = received
    assert invoice.recipients == ["ap@acme.example"]  # the accounts-payable email
    assert invoice.message["Subject"] == "Invoice DD-1040 from Maple & Co."
    body = invoice.message.get_body(("plain",)).get_content()
    assert "DD-1040" in body and "Interac e-Transfer" in body
    for got, number in ((invoice, "DD-1040"), (statement, "DD-1040"), (reminder, "DD-1040")):
        (part,) = list(got.message.iter_attachments())
        assert part.get_content_type() == "application/pdf"
        assert number in _pdf_text(part.get_content())
    assert reminder.message["Subject"].startswith("Payment reminder:")


def test_a_message_waits_out_its_back_off_unless_sent_now(
    mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    smtp_plain.stop()
    set_up(smtp_plain)
    (first,) = _queue_three()[:1]
    now = dt.datetime.now().replace(microsecond=0)
    sender.deliver_waiting(now=now)
    waiting = outbox.message(first)
    assert waiting.attempts == 1 and waiting.next_try_at == now + outbox.FIRST_WAIT
    smtp_plain.start()
    assert sender.deliver_waiting(now=now).sent == []  # its time has not come
    assert sender.deliver_waiting(now=now, everything=True).sent[0] == first


def test_a_refused_recipient_fails_that_message_and_the_others_go(
    mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    set_up(smtp_plain)
    today = dt.date.today()
    refused, _ = sending.send_invoice("DD-1040", today, to="nobody@acme.example")
    fine, _ = sending.send_statement("ACME", today)
    result = sender.deliver_waiting()
    assert result.sent == [fine]
    failed = outbox.message(refused)
    assert failed.status == "failed" and not failed.maybe_sent
    assert "refused the recipient nobody@acme.example" in failed.last_error
    assert "550" in failed.last_error
    # The owner corrects the address; it goes.
    outbox.edit(refused, "ap@acme.example", failed.subject, failed.body)
    assert sender.deliver_waiting().sent == [refused]
    assert len(smtp_plain.received) == 2


def test_a_mark_left_by_a_dead_sender_is_never_resent_blindly(
    mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    set_up(smtp_plain)
    message_id, _ = sending.send_invoice("DD-1040", dt.date.today())
    now = dt.datetime.now().replace(microsecond=0)
    # A sender on this computer took the mark, then died (pid 2**22 + 1 is never alive).
    import socket

    assert outbox.claim(message_id, f"{socket.gethostname()}:{2**22 + 1}:x", now)
    result = sender.deliver_waiting(everything=True)
    assert result.interrupted == [message_id] and result.sent == []
    left = outbox.message(message_id)
    assert left.status == "failed" and left.maybe_sent
    assert "may have been sent" in left.last_error
    assert smtp_plain.received == []
    # The owner looked and decided: retry sends it, once.
    outbox.retry(message_id)
    assert sender.deliver_waiting().sent == [message_id]
    assert len(smtp_plain.received) == 1


def test_a_live_senders_mark_is_left_alone(
    mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    set_up(smtp_plain)
    message_id, _ = sending.send_invoice("DD-1040", dt.date.today())
    now = dt.datetime.now().replace(microsecond=0)
    assert outbox.claim(message_id, outbox.sender_token(), now)  # this process: alive
    assert not outbox.claim(message_id, outbox.sender_token(), now)  # taken once only
    assert sender.deliver_waiting(now=now, everything=True).interrupted == []
    assert outbox.message(message_id).status == "sending"
    assert outbox.waiting_count() == 1
    # Past the lease, the mark is a dead sender's.
    after = sender.deliver_waiting(now=now + outbox.CLAIM_LEASE + dt.timedelta(seconds=1))
    assert after.interrupted == [message_id]


def test_cancelling_takes_back_the_message_and_its_line_in_the_history(
    mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    set_up(smtp_plain)
    count = "SELECT COUNT(*) FROM interaction WHERE channel = 'email'"
    message_id, _draft = sending.send_invoice("DD-1040", dt.date.today())
    assert mail_book.execute_sql(count).fetchone()[0] == 1
    note = mail_book.execute_sql("SELECT notes FROM interaction WHERE channel = 'email'")
    assert note.fetchone()[0] == "Emailed invoice DD-1040 to ap@acme.example."
    outbox.cancel(message_id)
    assert outbox.message(message_id).status == "cancelled"
    assert mail_book.execute_sql(count).fetchone()[0] == 0
    assert sender.deliver_waiting(everything=True).sent == []
    assert smtp_plain.received == []


def test_the_list_reads_no_attachment_in_one_statement(
    mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    set_up(smtp_plain)
    for _ in range(5):
        sending.send_statement("ACME", dt.date.today())
    seen: list[str] = []
    original = mail_book.execute_sql

    def counting(sql: str, *args: object, **kwargs: object):
        seen.append(sql)
        return original(sql, *args, **kwargs)

    mail_book.execute_sql = counting  # type: ignore[method-assign]
    try:
        listed = outbox.messages()
        waiting = outbox.waiting_count()
    finally:
        del mail_book.execute_sql
    assert len(listed) == 5 and waiting == 5
    assert len(seen) == 2
    assert all("attachment," not in sql and "attachment " not in sql for sql in seen)


def test_a_refused_customer_is_a_failure_even_when_the_copy_to_self_went(
    mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    set_up(smtp_plain, bcc_self=True)
    refused, _draft = sending.send_invoice("DD-1040", dt.date.today(), to="nobody@acme.example")
    assert sender.deliver_waiting().problems
    failed = outbox.message(refused)
    assert failed.status == "failed" and "refused the recipient nobody@acme.example" in (
        failed.last_error
    )
    (copy,) = smtp_plain.received
    assert copy.recipients == ["owner@maple.example"] and "Bcc" not in copy.message
