"""The dialogs every feature uses: a form whose OK does the work, a yes-or-cancel
question, Save/Discard/Cancel, and date fields read back as dates.

:func:`exec_dialog` and :func:`confirm` are the one place these windows open
modally, so a test can answer them the way a person would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.ui.common import dates, style


def exec_dialog(dialog: QDialog) -> int:
    """Run a dialog modally and return its result code."""
    return dialog.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """Ask before something that cannot be taken back; Cancel is the default answer."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is go


def ask_discard(parent: QWidget | None) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for changes not saved yet."""
    return QMessageBox.question(
        parent,
        _("Unsaved changes"),
        _("Save the changes to this invoice before closing?"),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def date_edit(parent: QWidget, day: dt.date, name: str) -> QDateEdit:
    return dates.date_edit(parent, day, name)


def day_of(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class FormDialog(QDialog):
    """A form whose OK button does the work, and stays open to show why when refused.

    ``action`` is called with the dialog when OK is pressed; a refusal from the
    book (a :class:`UserFacingError`) is shown inside the dialog, so the person can
    correct the form instead of starting again.
    """

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.action: Callable[[Any], None] | None = None
        self.setWindowTitle(title)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        style.themed(self.problem, "color: @overdue;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def accept(self) -> None:
        if self.action is not None:
            try:
                self.action(self)
            except UserFacingError as exc:
                self.show_problem(str(exc))
                return
        super().accept()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
