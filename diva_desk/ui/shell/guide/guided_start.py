"""The guided start: after the first-run dialog, the settings a first invoice needs.

Five steps, one at a time: the business and its logo, the tax rates, the invoice
numbering (with the currency and terms), the payment instructions, and the mail
server, which can wait. The first four show parts of the real Settings › Business
profile and taxes form (one form, embedded, its other parts hidden), so what is
typed here is checked and saved exactly as there; the mail step opens Settings ›
Mail server and sender. Finish saves in one transaction; Later, on any step,
closes having written nothing (asking first when something was typed), since
every step is in the Settings menu too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from diva_desk.i18n import _
from diva_desk.ui.common import style
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.settings.business_settings import BusinessSettingsDialog

#: The profile fields each step shows, by the editor's name ("" for the tax tab).
_BUSINESS_ROWS = ("name", "owner_name", "address", "email", "phone", "tax_numbers")
_NUMBERING_ROWS = (
    "currency",
    "locale",
    "default_terms_days",
    "invoice_prefix",
    "next_invoice_number",
)
_PAYING_ROWS = ("payment_instructions", "payment_link")


class _EmbeddedSettings(BusinessSettingsDialog):
    """The business settings form as a page of the guide: Enter goes on, Escape leaves."""

    def __init__(self, guide: GuidedStart) -> None:
        super().__init__(guide)
        self._guide = guide
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setMinimumWidth(0)
        self.save_button.parentWidget().hide()  # the guide's own buttons do it
        self.tabs.tabBar().hide()
        self.tabs.setDocumentMode(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter (outside a button) presses the guide's Next or Finish; Escape is Later."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._guide.press_default()
        elif event.key() == Qt.Key.Key_Escape:
            self._guide.reject()
        else:
            super().keyPressEvent(event)

    def accept(self) -> None:
        self._guide.press_default()

    def reject(self) -> None:  # Escape: the guide's Later
        self._guide.reject()

    def saved_and_close(self) -> None:
        pass  # the guide closes itself


class GuidedStart(QDialog):
    """The first settings, step by step; Finish saves them, Later writes nothing."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        mail_settings: Callable[[QWidget], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guidedStart")
        self.setWindowTitle(_("Getting started"))
        self._mail_settings = mail_settings or _open_mail_settings
        self.settings = _EmbeddedSettings(self)
        self.steps: list[tuple[str, str]] = [
            (
                _("Your business"),
                _(
                    "Who you are, as your invoices will say it. The logo goes at the top "
                    "of every invoice and statement."
                ),
            ),
            (
                _("Tax rates"),
                _(
                    "The taxes you charge, for example GST 5 % and QST 9.975 %. Each line "
                    "of an invoice picks its rate or group of rates."
                ),
            ),
            (
                _("Invoice numbering"),
                _(
                    "Your currency, your usual terms and the number your next invoice "
                    "takes. Already sending invoices? Carry on from your last number."
                ),
            ),
            (
                _("Payment instructions"),
                _(
                    "How customers pay you, printed on every invoice: e-Transfer to "
                    "which address, cheques to whom. The easier it is, the sooner they pay."
                ),
            ),
            (
                _("Mail"),
                _(
                    "To email invoices, statements and reminders from Diva Desk, tell it "
                    "your mail server. This can wait: Settings › Mail server and sender, "
                    "whenever you like."
                ),
            ),
        ]
        self.step_list = QListWidget(self)
        self.step_list.setObjectName("guideSteps")
        self.step_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_list.setFixedWidth(200)
        for number, (title, _intro) in enumerate(self.steps, start=1):
            self.step_list.addItem(f"{number}. {title}")
        self.step_list.currentRowChanged.connect(self._show)

        self.title = QLabel(self)
        self.title.setObjectName("guideTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel(self)
        self.intro.setObjectName("guideIntro")
        self.intro.setWordWrap(True)
        style.themed(self.intro, "color: @muted;")

        self.mail_page = QWidget(self)
        mail_layout = QVBoxLayout(self.mail_page)
        self.mail_button = QPushButton(_("Set up &mail now…"), self.mail_page)
        self.mail_button.setObjectName("setUpMail")
        self.mail_button.setAutoDefault(False)
        self.mail_button.clicked.connect(lambda _checked=False: self._mail_settings(self))
        mail_row = QHBoxLayout()
        mail_row.addWidget(self.mail_button)
        mail_row.addStretch(1)
        mail_layout.addLayout(mail_row)
        mail_layout.addStretch(1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.settings)
        self.pages.addWidget(self.mail_page)

        self.later_button = self._button(_("&Skip for now"), "guideLater", self.reject)
        self.later_button.setToolTip(
            _("Close the guide without saving; everything here is in the Settings menu")
        )
        self.back_button = self._button(_("&Back"), "guideBack", lambda: self.go(-1))
        self.next_button = self._button(_("Next"), "guideNext", lambda: self.go(1))
        self.next_button.setToolTip(_("Enter or Alt+Right"))
        self.finish_button = self._button(_("&Finish"), "guideFinish", self.finish)
        self.finish_button.setToolTip(_("Save what you entered and start"))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.go(1))
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.go(-1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.finish_button)

        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.intro)
        right.addWidget(self.pages, 1)
        columns = QHBoxLayout()
        columns.addWidget(self.step_list)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)
        self.step_list.setCurrentRow(0)
        fit_to_screen(self, 1000, 640)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- the steps ------------------------------------------------------------------

    @property
    def step(self) -> int:
        return self.step_list.currentRow()

    def go(self, by: int) -> None:
        to = self.step + by
        if 0 <= to < len(self.steps):
            self.step_list.setCurrentRow(to)

    def press_default(self) -> None:
        if self.finish_button.isVisible():
            self.finish()
        else:
            self.go(1)

    def _show(self, step: int) -> None:
        if step < 0:
            return
        title, intro = self.steps[step]
        self.title.setText(title)
        self.intro.setText(intro)
        settings = self.settings
        settings.commit_editing()
        last = step == len(self.steps) - 1
        self.pages.setCurrentWidget(self.mail_page if last else settings)
        settings.tabs.setCurrentWidget(settings.tax_tab if step == 1 else settings.tabs.widget(0))
        shown = {0: _BUSINESS_ROWS, 2: _NUMBERING_ROWS, 3: _PAYING_ROWS}.get(step, ())
        for name, editor in settings.editors.items():
            form, holder = _row_of(editor)
            form.setRowVisible(holder, name in shown)
        identity = _box_of(settings.editors["name"])
        identity.setVisible(step == 0)
        _box_of(settings.editors["currency"]).setVisible(step in (2, 3))
        form, _holder = _row_of(settings.editors["name"])
        form.setRowVisible(settings.logo_box, step == 0)
        paying, _holder = _row_of(settings.editors["payment_instructions"])
        paying.setRowVisible(settings.by_currency, step == 3)
        quotes = getattr(settings, "quote_prefix", None)  # quotes are numbered apart
        if quotes is not None:
            row, _item = _row_holding(paying, quotes)
            if row >= 0:
                paying.setRowVisible(row, step == 2)
        self.back_button.setEnabled(step > 0)
        self.next_button.setVisible(not last)
        self.next_button.setDefault(not last)
        self.finish_button.setVisible(last)
        self.finish_button.setDefault(last)
        self._focus_step(step)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._focus_step(self.step)

    def _focus_step(self, step: int) -> None:
        settings = self.settings
        first = {0: "name", 2: "next_invoice_number", 3: "payment_instructions"}.get(step)
        if first:
            settings.editors[first].setFocus(Qt.FocusReason.OtherFocusReason)
        elif step == 1:
            settings.tax_page.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.mail_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def step_of(self, name: str) -> int:
        """The step showing the profile field ``name``."""
        for step, rows in ((0, _BUSINESS_ROWS), (2, _NUMBERING_ROWS), (3, _PAYING_ROWS)):
            if name in rows:
                return step
        return 0

    # --- leaving --------------------------------------------------------------------

    def finish(self) -> bool:
        """Save everything typed; a problem takes the guide back to its step."""
        settings = self.settings
        settings.commit_editing()
        if not settings.is_dirty():
            self.accept()
            return True
        if settings.save():
            self.accept()
            return True
        if settings.tabs.currentWidget() is settings.tax_tab:
            self.step_list.setCurrentRow(1)
            return False
        problem = next(
            (name for name, error in settings.errors.items() if not error.isHidden()), "name"
        )
        self.step_list.setCurrentRow(self.step_of(problem))
        settings.editors[problem].setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def reject(self) -> None:
        """Later: close writing nothing, after asking when something was typed."""
        self.settings.commit_editing()
        if self.settings.is_dirty():
            answer = QMessageBox.question(
                self,
                _("Skip the guided start?"),
                _(
                    "What you entered here will not be saved. You can enter it any time "
                    "in the Settings menu."
                ),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        QDialog.reject(self)


def _row_of(editor: QWidget) -> tuple[QFormLayout, QWidget]:
    """The form and the row's field (the editor's holder, with its message)."""
    holder = editor.parentWidget()
    box = _box_of(editor)
    form = box.layout()
    assert isinstance(form, QFormLayout)
    return form, holder


def _row_holding(form: QFormLayout, widget: QWidget) -> tuple[int, object]:
    """The row of ``form`` whose field (a widget or a layout) holds ``widget``; -1 if none."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        layout = item.layout() if item is not None else None
        if layout is not None and layout.indexOf(widget) >= 0:
            return row, item
    return -1, None


def _box_of(editor: QWidget) -> QGroupBox:
    widget = editor.parentWidget()
    while not isinstance(widget, QGroupBox):
        widget = widget.parentWidget()
    return widget


def _open_mail_settings(parent: QWidget) -> object:
    from diva_desk.ui.settings.mail_settings import MailSettingsDialog

    return MailSettingsDialog(parent).exec()
