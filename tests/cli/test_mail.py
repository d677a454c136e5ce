"""mail-settings, send and outbox from outside, against a loopback server: offline, then online."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.mail.conftest import SmtpServer, book_json, plain_server

smtp_plain = pytest.fixture(plain_server, name="smtp_plain")

SCRIPT = Path(sys.executable).with_name("diva-desk")


def run(data: Path, *args: str, stdin: str = "", env: dict[str, str] | None = None):
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    environ.update(env or {})
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(data), *args],
        capture_output=True, text=True, input=stdin, env=environ, timeout=120,
    )  # fmt: skip


def one_line(result: subprocess.CompletedProcess, code: int) -> str:
    assert result.returncode == code, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return result.stderr.strip()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_book(tmp_path, book_json(dt.date.today()))


def make_book(tmp_path: Path, text: str) -> Path:
    source = tmp_path / "book.json"
    source.write_text(text, encoding="utf-8")
    folder = tmp_path / "data"
    assert run(folder, "import", str(source)).returncode == 0
    return folder


def settings_for(server: SmtpServer) -> list[str]:
    return ["mail-settings", "--host", "127.0.0.1", "--port", str(server.port),
            "--security", "none", "--from", "owner@maple.example",
            "--from-name", "Maple & Co."]  # fmt: skip


def test_settings_and_sending_refuse_in_one_line_and_keep_nothing(data: Path) -> None:
    result = run(data, "mail-settings", "--host", "mail.example.ca", "--security", "none",
                 "--user", "me", "--from", "me@example.ca")  # fmt: skip
    assert one_line(result, 2).startswith(
        "diva-desk: security: a login without encryption is allowed only to a server on this"
    )
    # No keyring on this machine (keyring's fail backend): the password cannot be kept.
    result = run(data, "mail-settings", "--host", "smtp.example.ca", "--user", "me",
                 "--from", "me@example.ca", "--password-stdin", stdin="hunter2\n")  # fmt: skip
    assert "no password keyring" in one_line(result, 1)
    shown = run(data, "mail-settings", "--show")
    assert "example.ca" not in shown.stdout and "hunter2" not in shown.stdout
    assert "mail is not set up" in one_line(run(data, "send", "invoice", "dd-1040"), 2)


def test_a_reminder_refused_says_what_reminder_pdf_says(
    tmp_path: Path, smtp_plain: SmtpServer
) -> None:
    today = dt.date.today()
    book = json.loads(book_json(today))
    book["promises"] = [{"customer": "ACME", "invoice": "DD-1040",
                         "made_on": (today - dt.timedelta(days=1)).isoformat(),
                         "promised_date": (today + dt.timedelta(days=10)).isoformat(),
                         "amount": "141.28"}]  # fmt: skip
    data = make_book(tmp_path, json.dumps(book))
    assert run(data, *settings_for(smtp_plain)).returncode == 0
    letter = one_line(run(data, "reminder-pdf", "ACME", "-o", str(tmp_path / "r.pdf")), 2)
    mail = one_line(run(data, "send", "reminder", "ACME", "--level", "final"), 2)
    assert mail == letter


def test_offline_then_online_every_message_arrives_once(data: Path, smtp_plain: SmtpServer) -> None:
    smtp_plain.stop()
    assert run(data, *settings_for(smtp_plain)).returncode == 0
    sent = run(data, "send", "invoice", "dd-1040")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.splitlines() == [
        'Queued "Invoice DD-1040 from Maple & Co." to ap@acme.example with DD-1040.pdf '
        "(message 1).",
        "1 message waiting to send.",
    ]
    assert run(data, "send", "statement", "ACME", "--to", "pat@acme.example").returncode == 0
    assert run(data, "send", "reminder", "ACME", "--level", "firm").returncode == 0

    offline = run(data, "outbox", "send")
    assert offline.returncode == 1
    assert offline.stderr.splitlines() == [
        f"diva-desk: message {n} not sent: 127.0.0.1 could not be reached (connection refused)"
        for n in (1, 2, 3)
    ]
    listed = json.loads(run(data, "outbox", "--json").stdout)["messages"]
    assert [m["id"] for m in listed] == [3, 2, 1]
    first = listed[-1]
    assert first | {"queued_at": None} == {
        "id": 1, "status": "queued", "to": "ap@acme.example",
        "subject": "Invoice DD-1040 from Maple & Co.", "kind": "invoice", "about": "DD-1040",
        "queued_at": None, "attempts": 1,
        "last_error": "127.0.0.1 could not be reached (connection refused)",
        "sent_at": None, "maybe_sent": False,
    }  # fmt: skip
    assert dt.datetime.fromisoformat(first["queued_at"]).date() == dt.date.today()

    smtp_plain.start()
    online = run(data, "outbox", "send")
    assert online.returncode == 0, online.stderr
    assert online.stdout.splitlines() == ["Sent 3 of 3 messages.", "No messages waiting to send."]
    assert [r.recipients for r in smtp_plain.received] == [
        ["ap@acme.example"],
        ["pat@acme.example"],
        ["ap@acme.example"],
    ]
    table = run(data, "outbox").stdout.splitlines()
    assert table[0].split() == ["id", "status", "queued", "to", "subject", "reason"]
    assert [line.split()[1] for line in table[1:4]] == ["sent"] * 3
    assert "Invoice DD-1040 from Maple & Co." in table[3]


def test_killed_mid_send_the_message_is_set_aside_not_sent_again(
    data: Path, smtp_plain: SmtpServer
) -> None:
    assert run(data, *settings_for(smtp_plain)).returncode == 0
    assert run(data, "send", "invoice", "DD-1040").returncode == 0
    smtp_plain.keeper.hold.clear()  # the server keeps the message and does not answer
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    sending = subprocess.Popen(
        [str(SCRIPT), "--data-dir", str(data), "outbox", "send"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environ,
    )  # fmt: skip
    assert smtp_plain.keeper.arrived.wait(60)
    time.sleep(0.2)
    sending.send_signal(signal.SIGKILL)
    sending.wait(30)
    smtp_plain.keeper.hold.set()

    again = run(data, "outbox", "send")
    assert again.returncode == 1
    assert "message 1 may have been sent" in again.stderr
    (message,) = json.loads(run(data, "outbox", "--json").stdout)["messages"]
    assert message["status"] == "failed" and message["maybe_sent"] is True
    assert "may have been sent" in message["last_error"]
    assert run(data, "outbox", "send").returncode == 0  # nothing waits: nothing sent
    assert len(smtp_plain.received) == 1
