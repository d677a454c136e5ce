"""The mail tests' real parts (a book to write from, aiosmtpd on loopback), for the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from diva_desk.ui.common import unsaved
from tests.mail.conftest import (  # noqa: F401 (fixtures)
    certificate,
    mail_book,
    session_passwords,
    smtp_login,
    smtp_plain,
    trusting,
)


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """qtbot closes the dialogs after each test: answer "Discard" instead of waiting on a box."""
    monkeypatch.setattr(unsaved, "ask_to_save", lambda *_a: QMessageBox.StandardButton.Discard)
