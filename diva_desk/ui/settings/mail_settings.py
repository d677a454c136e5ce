"""Settings > Mail: the server invoices go out through, who they come from, the password.

Everything but the password is kept in the book (mail.settings); the password goes
to the system keyring through mail.credentials, or is kept for this session only
where no keyring exists (the page says so in one sentence). A preset fills the
server of a common provider and shows its line on app passwords. "Send test
message" runs off the GUI thread (TaskRunner) with what is typed, saved or not, and
shows the server's answer in plain words.
"""

from __future__ import annotations

import dataclasses
import ssl

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.mail import credentials, sender
from diva_desk.mail.settings import (
    DEFAULT_PORTS,
    MailSettings,
    Security,
    checked,
    load_settings,
    presets,
    save_settings,
    with_preset,
)
from diva_desk.ui.common import style
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.tasks import TaskRunner
from diva_desk.ui.common.unsaved import GuardedDialog

_SECURITY_NAMES = (
    (Security.STARTTLS, "STARTTLS"),
    (Security.SSL, "SSL/TLS"),
    (Security.NONE, "None (a relay on this computer)"),
)


class MailSettingsDialog(GuardedDialog):
    """Edit how mail leaves the book; test it without saving."""

    #: The settings as saved.
    saved = Signal(object)

    def __init__(
        self, parent: QWidget | None = None, *, context: ssl.SSLContext | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mailSettings")
        self.setWindowTitle(_("Mail settings"))
        self.setMinimumWidth(560)
        self._context = context  # tests trust their own certificate through it
        self.tasks = TaskRunner(self)
        self._original = load_settings()

        self.preset = QComboBox(self)
        self.preset.addItem(_("Choose a provider…"), None)
        for preset in presets():
            self.preset.addItem(preset.name, preset)
        self.preset_note = QLabel(self)
        self.preset_note.setWordWrap(True)
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.security = QComboBox(self)
        for value, name in _SECURITY_NAMES:
            self.security.addItem(_(name), value)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        self.from_address = QLineEdit(self)
        self.from_name = QLineEdit(self)
        self.reply_to = QLineEdit(self)
        self.bcc_self = QCheckBox(_("Send me a &copy (BCC) of every message"), self)

        form = QFormLayout()
        form.addRow(_("&Provider:"), self.preset)
        form.addRow("", self.preset_note)
        form.addRow(_("Ser&ver (SMTP):"), self.host)
        server_row = QHBoxLayout()
        server_row.addWidget(self.port)
        security_label = QLabel(_("Securit&y:"), self)
        security_label.setBuddy(self.security)
        server_row.addWidget(security_label)
        server_row.addWidget(self.security, 1)
        form.addRow(_("P&ort:"), server_row)
        form.addRow(_("&User name:"), self.user)
        form.addRow(_("Pass&word:"), self.password)
        form.addRow("", self.keyring_note)
        form.addRow(_("&From address:"), self.from_address)
        form.addRow(_("From &name:"), self.from_name)
        form.addRow(_("&Reply-to:"), self.reply_to)
        form.addRow("", self.bcc_self)
        for label in (form.labelForField(w) for w in (self.host, self.preset)):
            if isinstance(label, QLabel):
                label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.test_button = QPushButton(_("Send &test message"), self)
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.send_test)
        self.answer = QLabel(self)
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.answer, 1)

        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        style.themed(self.problem, "color: @overdue;")
        self.problem.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        self._show(self._original)
        if not credentials.keyring_available():
            self.keyring_note.setText(credentials.no_keyring_sentence())
        else:
            self.keyring_note.setText(
                _("Kept in this computer's password keyring, never in the book.")
            )
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.security.currentIndexChanged.connect(self._security_changed)
        self.tasks.busy_changed.connect(lambda busy: self.test_button.setEnabled(not busy))

    # what is shown -----------------------------------------------------------------
    def _show(self, s: MailSettings) -> None:
        self.host.setText(s.host)
        self.port.setValue(s.port)
        self.security.setCurrentIndex(self.security.findData(s.security))
        self.user.setText(s.user)
        self.from_address.setText(s.from_address)
        self.from_name.setText(s.from_name)
        self.reply_to.setText(s.reply_to)
        self.bcc_self.setChecked(s.bcc_self)
        if s.user and s.host and credentials.password_for(s):
            self.password.setPlaceholderText(_("(kept; type to change it)"))

    def typed(self) -> MailSettings:
        return MailSettings(
            host=self.host.text(),
            port=self.port.value(),
            security=Security(self.security.currentData()),
            user=self.user.text(),
            from_address=self.from_address.text(),
            from_name=self.from_name.text(),
            reply_to=self.reply_to.text(),
            bcc_self=self.bcc_self.isChecked(),
        )

    def _preset_chosen(self) -> None:
        preset = self.preset.currentData()
        if preset is None:
            self.preset_note.clear()
            return
        s = with_preset(self.typed(), preset)
        self.host.setText(s.host)
        self.security.setCurrentIndex(self.security.findData(s.security))
        self.port.setValue(s.port)
        self.user.setText(s.user)
        self.preset_note.setText(preset.password_note)

    def _security_changed(self) -> None:
        # The port follows the security when it was the old one's usual port.
        if self.port.value() in DEFAULT_PORTS.values():
            self.port.setValue(DEFAULT_PORTS[Security(self.security.currentData())])

    @property
    def _password_typed(self) -> bool:
        """A password was typed (the box stays empty when one is kept: never shown)."""
        return bool(self.password.text())

    # saving ------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._password_typed or checked_or_same(self.typed()) != checked_or_same(
            self._original
        )

    def save(self) -> bool:
        try:
            s = save_settings(self.typed())
            if self._password_typed and s.user:
                credentials.store_password(s, self.password.text())
        except UserFacingError as problem:
            self.problem.setText(str(problem))
            self.problem.show()
            return False
        self._original = s
        self.password.clear()
        self.saved.emit(s)
        self.saved_and_close()
        return True

    # the test message --------------------------------------------------------------
    def send_test(self) -> None:
        try:
            s = checked(self.typed())
        except UserFacingError as problem:
            self._say(str(problem), ok=False)
            return
        password = self.password.text() if self._password_typed else None
        if password is None and s.user:
            password = credentials.password_for(s)
        context = self._context
        self._say(_("Sending a test message to {address}…").format(address=s.from_address))
        self.tasks.run(
            lambda: sender.send_test_message(s, password, context=context),
            lambda said: self._say(said, ok=True),
            self._test_failed,
            uses_book=False,
        )

    def _test_failed(self, error: BaseException) -> None:
        if isinstance(error, UserFacingError):
            self._say(str(error), ok=False)
        else:
            show_failure(self, error)

    def _say(self, text: str, ok: bool | None = None) -> None:
        colour = {True: "color: @settled;", False: "color: @overdue;", None: "color: @muted;"}
        self.answer.setStyleSheet(style.sheet(colour[ok]))
        self.answer.setText(text)


def checked_or_same(s: MailSettings) -> MailSettings:
    """The settings tidied for comparing; as typed when they do not pass the check."""
    try:
        return checked(s)
    except UserFacingError:
        return dataclasses.replace(s)
