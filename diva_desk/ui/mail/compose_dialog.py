"""The email as it will go: recipient, subject and words, the PDF, then Send.

The message is made below the window (mail.compose, the same as ``diva-desk send``);
the dialog shows it editable. **Send** puts it in the outbox (mail.sending.send_draft)
and returns at once: nothing waits for the network. **Open in my mail app** hands it
to the owner's own mail program (a ``mailto:`` link), which cannot carry the PDF, so
the PDF is written to a folder and the owner told to attach it. Where mail is not set
up, Send is off and the dialog offers to set it up.

The same dialog edits a message waiting in the outbox (or one that failed): then its
button saves the changes and the message waits again (mail.outbox.edit).
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.mail import mailto, outbox, sending
from diva_desk.mail.compose import Draft
from diva_desk.mail.settings import checked_address, load_settings
from diva_desk.ui.common import dialogs, style
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen


def title_for(draft: Draft) -> str:
    if draft.kind == "invoice":
        return _("Email invoice {number}").format(number=draft.about)
    if draft.kind == "statement":
        return _("Email a statement to {customer}").format(customer=draft.about)
    return _("Email a reminder to {customer}").format(customer=draft.about)


def size_words(size: int) -> str:
    """ "34 KB": how big the attachment is, as a mail program says it."""
    return _("{size} KB").format(size=fmt.number(max(1, round(size / 1024))))


def attachment_folder() -> Path:
    """Where "Open in my mail app" leaves the PDF for the owner to attach."""
    folder = Path(tempfile.gettempdir()) / "Diva Desk attachments"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class ComposeDialog(QDialog):
    """One message: edit it, then Send (to the outbox) or open it in the mail program.

    ``message_id`` set: the message waits in the outbox already and the dialog edits it.
    """

    def __init__(
        self,
        draft: Draft,
        parent: QWidget | None = None,
        *,
        message_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("composeDialog")
        self.draft = draft
        self.message_id = message_id
        #: The outbox id once queued (or the message edited).
        self.queued_id: int | None = None
        #: The mail program was given the message.
        self.opened_elsewhere = False
        self.setWindowTitle(title_for(draft))

        self.to = QLineEdit(draft.to, self)
        self.to.setObjectName("composeTo")
        self.to.setPlaceholderText(_("name@example.com"))
        self.subject = QLineEdit(draft.subject, self)
        self.subject.setObjectName("composeSubject")
        self.body = QPlainTextEdit(draft.body, self)
        self.body.setObjectName("composeBody")
        self.body.setTabChangesFocus(True)
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.attachment = QPushButton(
            f"{draft.attachment_name} · {size_words(len(draft.attachment))}", self
        )
        self.attachment.setObjectName("composeAttachment")
        self.attachment.setFlat(True)
        style.themed(
            self.attachment,
            "QPushButton { color: palette(link); text-decoration: underline; border: none; }",
        )
        self.attachment.setAutoDefault(False)
        self.attachment.setCursor(Qt.CursorShape.PointingHandCursor)
        self.attachment.setToolTip(_("Open the PDF as the customer will get it"))
        self.attachment.clicked.connect(self.open_attachment)
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attachment, 0)
        attach_row.addStretch(1)

        form = QFormLayout()
        form.addRow(_("&To:"), self.to)
        form.addRow(_("S&ubject:"), self.subject)
        form.addRow(_("&Body:"), self.body)
        form.addRow(_("Attached:"), attach_row)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.not_set_up = QLabel(
            _(
                "Mail is not set up, so Diva Desk cannot send this itself: set it up, or "
                "open the message in your own mail program. The PDF opens from its name above."
            ),
            self,
        )
        self.not_set_up.setObjectName("composeNotSetUp")
        self.not_set_up.setWordWrap(True)
        self.set_up_button = QPushButton(_("Set u&p mail…"), self)
        self.set_up_button.setObjectName("composeSetUp")
        self.set_up_button.setAutoDefault(False)
        self.set_up_button.clicked.connect(self.set_up_mail)
        set_up_row = QHBoxLayout()
        set_up_row.addWidget(self.not_set_up, 1)
        set_up_row.addWidget(self.set_up_button, 0, Qt.AlignmentFlag.AlignTop)

        self.problem = QLabel(self)
        self.problem.setObjectName("composeProblem")
        self.problem.setWordWrap(True)
        style.themed(self.problem, "color: @overdue;")
        self.problem.hide()

        buttons = QDialogButtonBox(self)
        self.send_button = QPushButton(
            _("&Send") if message_id is None else _("&Save and send"), self
        )
        self.send_button.setObjectName("composeSend")
        self.send_button.setToolTip(
            _("Put the message in the outbox; it goes as soon as the mail server can be reached")
        )
        self.mail_app_button = QPushButton(_("Open in my &mail app"), self)
        self.mail_app_button.setObjectName("composeMailApp")
        self.mail_app_button.setAutoDefault(False)
        self.mail_app_button.setToolTip(
            _("Your own mail program opens with the message; you attach the PDF by hand")
        )
        self.mail_app_button.setVisible(message_id is None)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.mail_app_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.send_button.clicked.connect(self.send)
        self.mail_app_button.clicked.connect(self.open_in_mail_app)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addLayout(set_up_row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._show_set_up()
        self.send_button.setDefault(True)
        fit_to_screen(self, 640, 620)
        (self.to if not draft.to else self.body).setFocus()

    # --- what is shown -----------------------------------------------------------------

    def _show_set_up(self) -> None:
        ready = load_settings().is_set_up
        self.not_set_up.setVisible(not ready)
        self.set_up_button.setVisible(not ready)
        self.send_button.setEnabled(ready)

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def typed(self) -> Draft:
        """The message as the owner left it; its history line names the new recipient."""
        draft = sending.readdressed(self.draft, self.to.text())
        return dataclasses.replace(draft, subject=self.subject.text(), body=self.body.toPlainText())

    def is_changed(self) -> bool:
        return (self.to.text().strip(), self.subject.text(), self.body.toPlainText()) != (
            self.draft.to,
            self.draft.subject,
            self.draft.body,
        )

    # --- the buttons -------------------------------------------------------------------

    def send(self) -> None:
        """Queue the message (or save the edit); the outbox delivers it."""
        draft = self.typed()
        try:
            if self.message_id is None:
                self.queued_id = sending.send_draft(draft)
            else:
                outbox.edit(self.message_id, draft.to, draft.subject, draft.body)
                self.queued_id = self.message_id
        except UserFacingError as exc:
            self._refuse(str(exc))
            return
        self.draft = draft
        QDialog.accept(self)

    def accept(self) -> None:  # Enter in a field: Send, when it can
        if self.send_button.isEnabled():
            self.send()

    def open_in_mail_app(self) -> None:
        """The owner's mail program with the message; the PDF waits in a folder to attach."""
        try:
            draft = dataclasses.replace(self.typed(), to=checked_address(_("to"), self.to.text()))
        except UserFacingError as exc:
            self._refuse(str(exc))
            return
        try:
            path = attachment_folder() / draft.attachment_name
            path.write_bytes(draft.attachment)
        except OSError as exc:
            self._refuse(
                _("The PDF could not be written to {folder}: {reason}.").format(
                    folder=attachment_folder(), reason=exc.strerror or exc
                )
            )
            return
        if not QDesktopServices.openUrl(QUrl(mailto.mailto_for(draft))):
            self._refuse(_("No mail program answered: set one as this computer's default."))
            return
        try:
            sending.opened_in_mail_app(draft)
        except UserFacingError as exc:
            show_failure(self, exc)
        self.draft = draft
        self.opened_elsewhere = True
        box = QMessageBox(
            QMessageBox.Icon.Information,
            _("Attach the PDF"),
            mailto.attach_by_hand(draft) + " " + _("It is in {folder}.").format(folder=path.parent),
            parent=self,
        )
        show = box.addButton(_("Show the &folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        dialogs.exec_dialog(box)
        if box.clickedButton() is show:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
        QDialog.accept(self)

    def open_attachment(self) -> None:
        from diva_desk.ui.documents.pdf_preview import preview_pdf

        draft = self.draft
        title = (
            _("Invoice {number}").format(number=draft.about)
            if draft.kind == "invoice"
            else draft.attachment_name
        )
        preview_pdf(self, draft.attachment, title=title, file_name=draft.attachment_name)

    def set_up_mail(self) -> None:
        from diva_desk.ui.settings.mail_settings import MailSettingsDialog

        dialogs.exec_dialog(MailSettingsDialog(self))
        self._show_set_up()

    def reject(self) -> None:
        if self.is_changed() and not dialogs.confirm(
            self,
            _("Discard the message"),
            _("You changed this message. Close without sending it?"),
            _("&Discard"),
        ):
            return
        QDialog.reject(self)
