"""The book cannot be used as it is: say which trouble, and offer the ways forward.

Shown at start (the book is damaged, cut short, empty, missing a table, from a newer
version, read-only) and when the background check at start finds damage. The ways
forward: restore the latest good backup (named with its date), choose another book
(a data folder), open the book read-only where that is possible, or quit. Nothing
here writes to the troubled file: a restore renames it aside untouched.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from diva_desk.errors import BookProblem
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.book import health
from diva_desk.store.book.db import BookTooNew


class Choice(enum.Enum):
    RESTORE = "restore"
    OTHER_BOOK = "other"
    READ_ONLY = "read-only"
    QUIT = "quit"


@dataclass(frozen=True)
class Trouble:
    """What the window says about a book it cannot use as it is."""

    headline: str
    detail: str
    backup: Path | None
    can_read_only: bool


def describe(problem: BookProblem, book: Path, *, can_read_only: bool = False) -> Trouble:
    """The window's own wording: the command line's sentence speaks of --data-dir."""
    backup = health.latest_good_backup(book)
    if isinstance(problem, health.BookDamaged):
        headline = _("The book is damaged, and Diva Desk will not write to it.")
    elif isinstance(problem, BookTooNew):
        headline = _("The book was written by a newer version of Diva Desk.")
    elif isinstance(problem, health.BookReadOnly):
        headline = _("The book is read-only: it can be read, but nothing can be saved.")
    elif isinstance(problem, health.BookInUse):
        headline = _("The book is in use by another program.")
    else:
        headline = _("The book cannot be opened.")
    detail = _window_wording(str(problem), book)
    return Trouble(headline, detail, backup, can_read_only)


def _window_wording(sentence: str, book: Path) -> str:
    """Drop the command line's advice (``diva-desk restore``, ``--data-dir``): buttons say it.

    The advice is found as it was said, in the window's language.
    """
    sentence = sentence.replace(" " + health.way_forward(book), "")
    sentence = sentence.replace(
        health.read_only_advice(), _("Make it writable, or copy it to a folder you can write to.")
    )
    cut = sentence.find(" " + _("Choose another book with --data-dir."))
    return sentence[:cut] if cut > 0 else sentence


def backup_date(backup: Path) -> str:
    return fmt.datetime(dt.datetime.fromtimestamp(backup.stat().st_mtime))


class BookProblemDialog(QDialog):
    """Which trouble, and buttons for each way forward; :attr:`choice` says which was taken."""

    def __init__(self, trouble: Trouble, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Diva Desk — the book needs attention"))
        self.choice = Choice.QUIT
        layout = QVBoxLayout(self)
        icon = QLabel(self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32)
        )
        layout.addWidget(icon)
        headline = QLabel(f"<b>{_escape(trouble.headline)}</b>", self)
        headline.setWordWrap(True)
        layout.addWidget(headline)
        detail = QLabel(trouble.detail, self)
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(detail.textInteractionFlags() | _SELECTABLE)
        layout.addWidget(detail)
        if trouble.backup is not None:
            advice = _("The latest good backup is from {date}.").format(
                date=backup_date(trouble.backup)
            )
        else:
            advice = _("There is no good backup in the book's backups folder.")
        self.advice = QLabel(advice, self)
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)

        buttons = QDialogButtonBox(self)
        self.buttons: dict[Choice, QPushButton] = {}
        if trouble.backup is not None:
            self._add(
                buttons,
                Choice.RESTORE,
                _("&Restore the backup of {date}").format(date=backup_date(trouble.backup)),
            )
        self._add(buttons, Choice.OTHER_BOOK, _("&Choose another book…"))
        if trouble.can_read_only:
            self._add(buttons, Choice.READ_ONLY, _("&Open read-only"))
        self._add(buttons, Choice.QUIT, _("&Quit"))
        layout.addWidget(buttons)
        first = next(iter(self.buttons.values()))
        first.setDefault(True)
        first.setFocus()
        self.setMinimumWidth(560)

    def _add(self, box: QDialogButtonBox, choice: Choice, text: str) -> None:
        role = (
            QDialogButtonBox.ButtonRole.RejectRole
            if choice is Choice.QUIT
            else QDialogButtonBox.ButtonRole.AcceptRole
        )
        button = box.addButton(text, role)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
        self.buttons[choice] = button

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        (self.reject if choice is Choice.QUIT else self.accept)()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
