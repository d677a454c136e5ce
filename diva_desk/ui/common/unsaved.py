"""A settings dialog that never drops an edit silently.

:class:`GuardedDialog` is the one mechanism every settings dialog uses: one Save
(the default button, so Enter in a field saves), and closing by Cancel, Close,
Escape or the window's close button asks "Save / Discard / Cancel" when something
typed would be lost. Save in that question saves and closes, or stays open showing
what is wrong; Cancel keeps the dialog open as it was.

A subclass says what changed (:meth:`GuardedDialog.is_dirty`), how to save it
(:meth:`GuardedDialog.save`, calling :meth:`GuardedDialog.saved_and_close` on
success) and what the question says (:meth:`GuardedDialog.unsaved_text`).
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from diva_desk.i18n import _


def ask_to_save(parent: QWidget, text: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel: the question asked before changes would be lost."""
    return QMessageBox.question(
        parent,
        _("Unsaved changes"),
        text,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


class GuardedDialog(QDialog):
    """A dialog with one Save that asks before closing over unsaved changes."""

    def is_dirty(self) -> bool:
        raise NotImplementedError

    def save(self) -> bool:
        """Write what was typed and close; False (staying open) when it cannot be saved."""
        raise NotImplementedError

    def unsaved_text(self) -> str:
        return _("You have changes that are not saved. Save them?")

    def commit_editing(self) -> None:
        """Take in what an open cell editor holds before asking whether anything changed."""

    def saved_and_close(self) -> None:
        QDialog.accept(self)

    def accept(self) -> None:  # Enter in a line edit presses the default button: Save
        self.save()

    def reject(self) -> None:
        if self.may_leave():
            QDialog.reject(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button: the same question as Cancel, asked once.
        event.ignore()
        self.reject()

    def may_leave(self) -> bool:
        """True when nothing typed would be lost (after asking, if something would)."""
        self.commit_editing()
        if not self.is_dirty():
            return True
        answer = ask_to_save(self, self.unsaved_text())
        if answer == QMessageBox.StandardButton.Save:
            self.save()  # closes the dialog as saved, or stays open showing the problems
            return False
        return answer == QMessageBox.StandardButton.Discard
