"""Settings > Mail: kept in the book, the password in the keyring, a test off the GUI thread."""

from __future__ import annotations

import ssl

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from diva_desk.mail import credentials
from diva_desk.mail.settings import Security, load_settings
from diva_desk.ui.settings.mail_settings import MailSettingsDialog
from tests.mail.conftest import PASSWORD, USER, SmtpServer


def _fill(dialog: MailSettingsDialog, server: SmtpServer, security: Security) -> None:
    dialog.host.setText("127.0.0.1")
    dialog.security.setCurrentIndex(dialog.security.findData(security))
    dialog.port.setValue(server.port)
    dialog.from_address.setText("owner@maple.example")
    dialog.from_name.setText("Maple & Co.")


def _wait_for_answer(qtbot, dialog: MailSettingsDialog) -> str:
    with qtbot.waitSignal(dialog.tasks.task_finished, timeout=20000):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    return dialog.answer.text()


def test_saving_keeps_the_settings_and_the_password_only_in_the_session(
    qtbot, mail_book, session_passwords, tmp_path
) -> None:
    dialog = MailSettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.keyring_note.text() == credentials.no_keyring_sentence()
    dialog.preset.setCurrentIndex(dialog.preset.findText("Fastmail"))
    assert dialog.host.text() == "smtp.fastmail.com" and dialog.port.value() == 465
    assert "app password" in dialog.preset_note.text()
    dialog.from_address.setText("owner@maple.example")
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.bcc_self.setChecked(True)
    assert dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    kept = load_settings()
    assert (kept.host, kept.port, kept.security) == ("smtp.fastmail.com", 465, Security.SSL)
    assert kept.bcc_self and kept.user == USER
    assert credentials.password_for(kept) == PASSWORD
    mail_book.execute_sql("PRAGMA wal_checkpoint(FULL)")
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in written)
    for path in written:  # the book, its WAL, the window's settings
        assert PASSWORD.encode() not in path.read_bytes(), path


def test_a_wrong_field_is_named_and_nothing_is_kept(qtbot, mail_book, session_passwords) -> None:
    dialog = MailSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("mail.example.ca")
    dialog.from_address.setText("me@")
    assert not dialog.save()
    assert dialog.problem.text().startswith("from: me@ is not an email address")
    assert load_settings().host == ""


def test_the_test_message_arrives(qtbot, mail_book, session_passwords, smtp_plain) -> None:
    dialog = MailSettingsDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, smtp_plain, Security.NONE)
    said = _wait_for_answer(qtbot, dialog)
    assert said == "A test message went to owner@maple.example."
    assert [r.recipients for r in smtp_plain.received] == [["owner@maple.example"]]
    assert load_settings().host == ""  # tested, not saved


def test_a_wrong_password_is_said_in_plain_words(
    qtbot, mail_book, session_passwords, smtp_login, trusting: ssl.SSLContext
) -> None:
    dialog = MailSettingsDialog(context=trusting)
    qtbot.addWidget(dialog)
    _fill(dialog, smtp_login, Security.STARTTLS)
    dialog.user.setText(USER)
    dialog.password.setText("not-the-password")
    said = _wait_for_answer(qtbot, dialog)
    assert "wrong user name or password" in said
    assert smtp_login.received == []


@pytest.mark.parametrize("security", [Security.NONE])
def test_an_unreachable_server_is_said_in_plain_words(
    qtbot, mail_book, session_passwords, smtp_plain, security
) -> None:
    dialog = MailSettingsDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, smtp_plain, security)
    smtp_plain.stop()
    said = _wait_for_answer(qtbot, dialog)
    assert "could not be reached" in said
