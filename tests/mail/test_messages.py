"""What a message says, to whom, and when none may go: templates, recipients, standing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from urllib.parse import parse_qs, unquote, urlsplit

import peewee
import pytest

from diva_desk.errors import BadInput
from diva_desk.mail import compose, mailto, templates
from diva_desk.mail.settings import (
    MailSettings,
    Security,
    checked,
    load_settings,
    presets,
    save_settings,
    with_preset,
)
from diva_desk.store.book.models import Business

TODAY = dt.date.today()


@pytest.mark.parametrize("name", templates.MAIL_TEMPLATE_NAMES)
def test_every_built_in_template_is_usable(name: str) -> None:
    assert templates.check(name, templates.built_in_templates("en_CA")[name]) is None


def test_a_broken_rewrite_is_refused_in_the_talking_points_words(
    mail_book: peewee.SqliteDatabase,
) -> None:
    problem = templates.save_template("invoice", "[subject]\nInvoice $invoce\n[body]\nHi\n")
    assert problem is not None
    assert problem.message.startswith('Template "invoice", line 2: unknown placeholder $invoce')
    assert templates.template_texts("en_CA").texts["invoice"].startswith("[subject]\nInvoice $")
    assert templates.save_template("invoice", "[subject]\nSee $invoice\n[body]\nHi $$5\n") is None
    draft = compose.invoice_draft("DD-1040", TODAY)
    assert (draft.subject, draft.body) == ("See DD-1040", "Hi $5\n")
    templates.reset_template("invoice")
    assert compose.invoice_draft("DD-1040", TODAY).subject == "Invoice DD-1040 from Maple & Co."


def test_the_invoice_message_has_the_real_figures_and_drops_empty_lines(
    mail_book: peewee.SqliteDatabase,
) -> None:
    save_settings(MailSettings(host="localhost", security=Security.NONE,
                               from_address="owner@maple.example"))  # fmt: skip
    draft = compose.invoice_draft("DD-1040", TODAY)
    assert draft.to == "ap@acme.example"
    assert "invoice DD-1040 for $241.28, due on" in draft.body
    assert "PO#4471 <urgent>" in draft.body
    assert "pay online" not in draft.body  # no pay link: the line is left out
    assert "Interac e-Transfer to pay@divadesign.example" in draft.body
    assert draft.attachment.startswith(b"%PDF") and draft.attachment_name == "DD-1040.pdf"

    link = "https://pay.example/?ref={number}&amt={amount}"
    Business.update(payment_link=link).execute()
    linked = compose.invoice_draft("DD-1040", TODAY)
    assert "You can also pay online: https://pay.example/?ref=DD-1040&amt=141.28" in linked.body


def test_the_recipient_is_accounts_payable_else_the_customer_else_asked_for(
    mail_book: peewee.SqliteDatabase,
) -> None:
    assert compose.invoice_draft("DD-1040", TODAY, to=" Pat@Acme.example ").to == (
        "Pat@acme.example"
    )
    with pytest.raises(BadInput, match="has no email address"):
        compose.invoice_draft("DD-1041", TODAY)  # NOUR: neither address
    with pytest.raises(BadInput, match=r"^to: not-an-address is not an email address"):
        compose.invoice_draft("DD-1040", TODAY, to="not-an-address")
    with pytest.raises(BadInput, match="DD-1042 is a draft"):
        compose.invoice_draft("DD-1042", TODAY)


def test_a_reminder_is_refused_with_the_letters_sentence_when_a_promise_covers_it(
    mail_book: peewee.SqliteDatabase,
) -> None:
    from diva_desk.documents.letters.reminder import overdue_items
    from diva_desk.store.calls.letters import reminder_document
    from diva_desk.store.calls.outcomes import promised_to_pay

    firm = compose.reminder_draft("ACME", TODAY, "firm")
    assert "DD-1040: $141.28, due" in firm.body and firm.invoice_id is not None
    acme = mail_book.execute_sql("SELECT id FROM customer WHERE code = 'ACME'").fetchone()[0]
    promised_to_pay(acme, None, Decimal("141.28"), TODAY + dt.timedelta(days=10), "",
                    dt.datetime.now())  # fmt: skip
    with pytest.raises(BadInput) as letter:
        overdue_items(reminder_document("ACME", TODAY), TODAY)
    with pytest.raises(BadInput) as mail:
        compose.reminder_draft("ACME", TODAY, "friendly")
    assert str(mail.value) == str(letter.value) and "promise" in str(mail.value).lower()


def test_mailto_carries_subject_and_body_and_says_to_attach_by_hand(
    mail_book: peewee.SqliteDatabase,
) -> None:
    draft = compose.statement_draft("ACME", TODAY)
    link = mailto.mailto_for(draft)
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and unquote(parts.path) == "ap@acme.example"
    query = parse_qs(parts.query)
    assert query["subject"] == [draft.subject]
    assert query["body"] == [draft.body.rstrip("\n").replace("\n", "\r\n")]
    assert " " not in link and "\n" not in link
    assert mailto.attach_by_hand(draft) == (
        f"Your mail program opens with the message; attach {draft.attachment_name} to it by hand."
    )


def test_a_login_without_encryption_goes_to_this_computer_only() -> None:
    relay = MailSettings(host="mail.example.ca", port=25, security=Security.NONE,
                         user="me", from_address="me@example.ca")  # fmt: skip
    with pytest.raises(BadInput, match=r"^security: a login without encryption is allowed only"):
        checked(relay)
    for host in ("localhost", "127.0.0.1", "::1", "[::1]"):
        assert checked(dataclasses.replace(relay, host=host)).host == host
    # Without a login, a relay on the network is fine.
    assert checked(dataclasses.replace(relay, user="")).host == "mail.example.ca"


def test_settings_are_checked_before_anything_is_kept(mail_book: peewee.SqliteDatabase) -> None:
    with pytest.raises(BadInput, match=r"^from: me@ is not an email address"):
        save_settings(MailSettings(host="smtp.example.ca", from_address="me@"))
    assert load_settings() == MailSettings()
    gmail = with_preset(MailSettings(from_address="me@gmail.com"), presets()[0])
    kept = save_settings(gmail)
    assert (kept.host, kept.port, kept.security, kept.user) == (
        "smtp.gmail.com", 587, Security.STARTTLS, "me@gmail.com")  # fmt: skip
    assert load_settings() == kept
    assert all("app" in preset.password_note.lower() for preset in presets())


def test_a_draft_edited_before_sending_is_checked(
    mail_book: peewee.SqliteDatabase,
) -> None:
    from diva_desk.mail import outbox, sending

    save_settings(MailSettings(host="localhost", security=Security.NONE,
                               from_address="owner@maple.example"))  # fmt: skip
    draft = compose.invoice_draft("DD-1040", TODAY)
    with pytest.raises(BadInput, match=r"^to: pat@ is not an email address"):
        sending.send_draft(dataclasses.replace(draft, to="pat@"))
    with pytest.raises(BadInput, match=r"^subject: give the message a subject"):
        sending.send_draft(dataclasses.replace(draft, subject="  "))
    kept = sending.send_draft(dataclasses.replace(draft, to="pat@acme.example", body="Hi\n"))
    assert (outbox.message(kept).to, outbox.message(kept).body) == ("pat@acme.example", "Hi\n")
