"""The compose dialog, driven as the owner would: the message the CLI builds, then Send."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from diva_desk.mail import compose, outbox, templates
from diva_desk.store.book import models as m
from diva_desk.ui.common import dialogs
from diva_desk.ui.mail import compose_dialog, send_flow
from diva_desk.ui.mail.compose_dialog import ComposeDialog
from diva_desk.ui.mail.send_flow import email_reminder
from tests.mail.conftest import SmtpServer, set_up

TODAY = dt.date.today()


def _dialog(qtbot: QtBot, draft: compose.Draft) -> ComposeDialog:
    dialog = ComposeDialog(draft)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_invoice_email_is_the_clis_message_and_send_queues_it(
    qtbot: QtBot, mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    set_up(smtp_plain)
    draft = compose.invoice_draft("DD-1040", TODAY)
    dialog = _dialog(qtbot, draft)
    # What `diva-desk send invoice DD-1040` sends: to the accounts-payable email.
    assert dialog.to.text() == "ap@acme.example"
    assert dialog.subject.text() == "Invoice DD-1040 from Maple & Co."
    assert "DD-1040" in dialog.body.toPlainText()
    assert dialog.attachment.text().startswith("DD-1040.pdf · ")
    assert dialog.send_button.isEnabled() and not dialog.set_up_button.isVisible()

    # A wrong address is refused naming the field, and nothing is queued.
    dialog.to.setText("pat@")
    dialog.send_button.click()
    assert dialog.problem.isVisible() and dialog.problem.text().startswith("to: ")
    assert outbox.waiting_count() == 0

    dialog.to.setText("pat@acme.example")
    dialog.subject.setText("Invoice DD-1040, as promised")
    dialog.send_button.click()
    assert dialog.result() == ComposeDialog.DialogCode.Accepted
    (message,) = outbox.messages()
    assert message.id == dialog.queued_id and message.status == "queued"
    assert (message.to, message.subject) == ("pat@acme.example", "Invoice DD-1040, as promised")
    assert outbox.attachment(message.id)[1] == draft.attachment  # the same PDF
    # The customer's history names who it went to.
    notes = [i.notes for i in m.Interaction.select().where(m.Interaction.channel == "email")]
    assert notes == ["Emailed invoice DD-1040 to pat@acme.example."]
    assert smtp_plain.received == []  # queued, not sent: the dialog never waits on the server


def test_without_mail_settings_send_is_off_and_setting_up_turns_it_on(
    qtbot: QtBot, mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer, monkeypatch
) -> None:
    dialog = _dialog(qtbot, compose.statement_draft("ACME", TODAY))
    assert not dialog.send_button.isEnabled()
    assert dialog.not_set_up.isVisible() and dialog.set_up_button.isVisible()
    monkeypatch.setattr(dialogs, "exec_dialog", lambda settings: set_up(smtp_plain) and 1)
    dialog.set_up_button.click()
    assert dialog.send_button.isEnabled() and not dialog.set_up_button.isVisible()


def test_open_in_my_mail_app_hands_over_a_mailto_link_and_leaves_the_pdf_to_attach(
    qtbot: QtBot, mail_book: peewee.SqliteDatabase, tmp_path, monkeypatch
) -> None:
    class MailApp(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[QUrl] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.urls.append(url)

    app = MailApp()
    QDesktopServices.setUrlHandler("mailto", app, "open")
    monkeypatch.setattr(compose_dialog, "attachment_folder", lambda: tmp_path)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "exec_dialog", lambda box: told.append(box.text()) or 0)
    try:
        dialog = _dialog(qtbot, compose.statement_draft("CAFE", TODAY))
        assert dialog.to.text() == "compta@cafecreme.example"
        dialog.mail_app_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    (url,) = app.urls
    assert url.scheme() == "mailto" and url.path() == "compta@cafecreme.example"
    # Café Crème speaks French: the subject is the French statement template's.
    template = templates.parse("statement", templates.built_in_templates("fr_CA")["statement"])
    subject = template.subject.substitute(business_name="Maple & Co.")
    assert subject.startswith("État de compte")
    encoded = bytes(QUrl.toPercentEncoding(subject)).decode("ascii")
    assert f"subject={encoded}&" in url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
    name = dialog.draft.attachment_name
    assert (tmp_path / name).read_bytes().startswith(b"%PDF")
    assert told and f"attach {name} to it by hand" in told[0]
    assert outbox.waiting_count() == 0  # not through the outbox
    notes = [i.notes for i in m.Interaction.select().where(m.Interaction.channel == "email")]
    assert notes and notes[0].startswith("Opened an email to compta@cafecreme.example")


def test_a_reminder_the_standing_forbids_gets_the_letters_sentence_and_no_dialog(
    qtbot: QtBot, mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer, monkeypatch
) -> None:
    from diva_desk.store.calls.outcomes import promised_to_pay

    set_up(smtp_plain)
    acme = m.Customer.get(m.Customer.code == "ACME").id
    promised_to_pay(acme, None, Decimal("141.28"), TODAY + dt.timedelta(days=10), "",
                    dt.datetime.now())  # fmt: skip
    shown: list[str] = []
    monkeypatch.setattr(send_flow, "show_failure", lambda _p, exc: shown.append(str(exc)))
    opened: list[object] = []
    monkeypatch.setattr(dialogs, "exec_dialog", lambda d: opened.append(d) or 0)
    email_reminder(None, None, "ACME", "firm", TODAY, lambda _t: None, lambda: None)  # type: ignore[arg-type]
    assert opened == [] and shown
    assert "promise" in shown[0].lower()
    assert outbox.waiting_count() == 0


def test_a_customer_without_an_email_gets_an_empty_to_and_the_history_names_what_was_typed(
    qtbot: QtBot, mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer
) -> None:
    set_up(smtp_plain)
    dialog = _dialog(qtbot, compose.statement_draft("NOUR", TODAY, to=""))
    assert dialog.to.text() == ""
    dialog.send_button.click()  # nobody to send to: refused, naming the field
    assert dialog.problem.text().startswith("to: ") and outbox.waiting_count() == 0
    dialog.to.setText("fatima@alnour.example")
    dialog.send_button.click()
    (message,) = outbox.messages()
    assert message.to == "fatima@alnour.example"
    notes = [i.notes for i in m.Interaction.select().where(m.Interaction.channel == "email")]
    assert notes == ["Emailed a statement of account to fatima@alnour.example."]


def test_the_customer_menu_emails_and_holds_the_reminders_a_promise_covers(
    qtbot: QtBot, mail_book: peewee.SqliteDatabase, smtp_plain: SmtpServer, monkeypatch
) -> None:
    from diva_desk.store.calls.outcomes import promised_to_pay
    from diva_desk.ui.shell.main_window import MainWindow

    set_up(smtp_plain)
    window = MainWindow(today=dt.date.today)
    qtbot.addWidget(window)
    acme = m.Customer.get(m.Customer.code == "ACME").id
    monkeypatch.setattr(window, "_selected_customer", lambda: (acme, "ACME"))
    window.mail.customer._selected = window._selected_customer
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Customer")
    menu.aboutToShow.emit()
    statement = menu.findChild(type(window.mail.outbox_action), "emailStatement")
    firm = menu.findChild(type(window.mail.outbox_action), "email_reminder_firm")
    assert statement.isEnabled() and firm.isEnabled()

    def send(dialog: ComposeDialog) -> None:
        assert dialog.windowTitle() == "Email a statement to ACME"
        dialog.send_button.click()

    monkeypatch.setattr(dialogs, "exec_dialog", lambda d: send(d) or d.result())
    statement.trigger()
    qtbot.waitUntil(lambda: outbox.messages() != [], timeout=10000)
    assert outbox.messages()[0].kind == "statement"

    promised_to_pay(acme, None, Decimal("141.28"), TODAY + dt.timedelta(days=10), "",
                    dt.datetime.now())  # fmt: skip
    menu.aboutToShow.emit()
    assert not firm.isEnabled() and "promise" in firm.toolTip().lower()
