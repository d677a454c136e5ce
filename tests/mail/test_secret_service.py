"""A real Secret Service: gnome-keyring under dbus-run-session, driven from the command line.

The password goes in through ``mail-settings --password-stdin``, is found again by a
later command in a new session (the keyring persists, like a desktop's login keyring),
logs in to a real server over STARTTLS, and is in no file the app wrote. Skipped only
where gnome-keyring and D-Bus cannot be installed (.ci/run installs them on Linux).
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.mail.conftest import PASSWORD, USER, SmtpServer, book_json

pytestmark = pytest.mark.skipif(
    not (shutil.which("gnome-keyring-daemon") and shutil.which("dbus-run-session")),
    reason="needs gnome-keyring and dbus-run-session (.ci/run installs them)",
)
SCRIPT = Path(sys.executable).with_name("diva-desk")
#: Unlocks the test keyring (an empty one would make gnome-keyring prompt).
UNLOCK = "unlock-the-test-keyring"
_IN_A_SESSION = (
    'eval "$(printf %s "$UNLOCK" | gnome-keyring-daemon --unlock --components=secrets)"'
    ' >/dev/null && exec "$@"'
)


def in_session(home: Path, cert: Path, data: Path, *args: str, stdin: str = ""):
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    environ.update(HOME=str(home), UNLOCK=UNLOCK, SSL_CERT_FILE=str(cert))
    environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
    command = ["dbus-run-session", "--", "bash", "-c", _IN_A_SESSION, "bash",
               str(SCRIPT), "--data-dir", str(data), *args]  # fmt: skip
    return subprocess.run(
        command, capture_output=True, text=True, input=stdin, env=environ, timeout=120
    )


def test_the_password_lives_in_the_secret_service_and_in_no_file(
    tmp_path: Path, smtp_login: SmtpServer, certificate: tuple[Path, Path]
) -> None:
    import datetime as dt

    home, data, cert = tmp_path / "home", tmp_path / "data", certificate[0]
    home.mkdir()
    (tmp_path / "book.json").write_text(book_json(dt.date.today()), encoding="utf-8")
    command = [str(SCRIPT), "--data-dir", str(data), "import", str(tmp_path / "book.json")]
    imported = subprocess.run(command, capture_output=True, text=True)
    assert imported.returncode == 0, imported.stderr

    smtp_login.stop()  # offline first
    stored = in_session(home, cert, data, "mail-settings", "--host", "127.0.0.1",
                        "--port", str(smtp_login.port), "--security", "starttls", "--user", USER,
                        "--from", USER, "--password-stdin", stdin=PASSWORD + "\n")  # fmt: skip
    assert stored.returncode == 0, stored.stderr
    assert f"The password for {USER}@127.0.0.1 is in the system keyring." in stored.stdout
    queued = in_session(home, cert, data, "send", "invoice", "DD-1040")
    assert queued.returncode == 0, queued.stderr
    offline = in_session(home, cert, data, "outbox", "send")
    assert offline.returncode == 1 and "could not be reached" in offline.stderr

    smtp_login.start()
    online = in_session(home, cert, data, "outbox", "send")
    assert online.returncode == 0, online.stderr
    (got,) = smtp_login.received
    assert got.recipients == ["ap@acme.example"]
    shown = in_session(home, cert, data, "mail-settings", "--show")
    assert "in the system keyring" in shown.stdout

    forms = [PASSWORD.encode(), base64.b64encode(f"\0{USER}\0{PASSWORD}".encode())]
    keyrings = home / ".local" / "share" / "keyrings"  # encrypted by gnome-keyring
    written = [p for p in [*data.rglob("*"), *home.rglob("*")]
               if p.is_file() and keyrings not in p.parents]  # fmt: skip
    assert any(p.name.endswith(".sqlite3") for p in written)
    for path in written:
        data_bytes = path.read_bytes()
        assert not any(form in data_bytes for form in forms), path
    for text in (stored, queued, offline, online, shown):
        assert PASSWORD not in text.stdout + text.stderr
