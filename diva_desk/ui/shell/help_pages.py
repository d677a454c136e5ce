"""Help › Keyboard shortcuts and Help › Where your data lives.

The shortcuts page is read from the window's own actions (every menu, the Invoices
tab's toolbar, the Today panel) and from the call card's buttons, at the moment it
is opened, so it lists what the keys really do and cannot go stale. The data page
names the book, the log and the backups folder, each with a button that opens its
folder in the file manager (and says so in the page when there is none to open it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from diva_desk import paths
from diva_desk.i18n import _
from diva_desk.store.book.maintenance import open_book_file
from diva_desk.ui.common import style
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.today.outcomes import OutcomeKind, outcome_label

#: (section, what it does, keys as shown).
ShortcutRow = tuple[str, str, str]


def plain(text: str) -> str:
    """A menu text as read: no mnemonic marker, no trailing ellipsis."""
    return re.sub(r"&(.)", r"\1", text).rstrip("…").strip()


def mnemonic_key(text: str) -> str:
    """``Alt+P`` for ``&Promised to pay…``; "" when the text has no mnemonic."""
    found = re.search(r"&([^&\s])", text)
    if not found:
        return ""
    return QKeySequence(f"Alt+{found.group(1).upper()}").toString(
        QKeySequence.SequenceFormat.NativeText
    )


def keys_text(action: QAction) -> str:
    """The action's keys as shown; a keyboard's own Help, New or Find key is left out."""
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in action.shortcuts()
        if not s.isEmpty() and s[0].key().value < Qt.Key.Key_Help.value
    )


def _rows(section: str, actions: Iterable[QAction | None]) -> list[ShortcutRow]:
    rows: list[ShortcutRow] = []
    for action in actions:
        if action is None or action.isSeparator():
            continue
        keys = keys_text(action)
        if keys:
            rows.append((section, plain(action.text()), keys))
    return rows


def shortcut_rows(window: QMainWindow) -> list[ShortcutRow]:
    """Every shortcut of the window, by where it works, read from the actions themselves."""
    rows: list[ShortcutRow] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            rows += _rows(_("{menu} menu").format(menu=plain(menu.title())), menu.actions())
    invoices = getattr(window, "invoices", None)
    if invoices is not None:
        rows += _rows(_("Invoices list"), invoices.toolbar.actions())
    quotes = getattr(window, "quotes", None)
    if quotes is not None:
        rows += _rows(_("Quotes list"), quotes.toolbar.actions())
    today = getattr(window, "today_panel", None)
    if today is not None:
        rows += _rows(_("Today panel"), today.actions())
        cards = list(today.cards.values())
        rows += card_rows(cards[0].button_texts() if cards else None)
    seen: set[tuple[str, str]] = set()
    unique: list[ShortcutRow] = []
    for row in rows:  # an action in a menu and in a toolbar is listed once
        if (row[1], row[2]) not in seen:
            seen.add((row[1], row[2]))
            unique.append(row)
    return unique


def card_rows(texts: Iterable[str] | None = None) -> list[ShortcutRow]:
    """The call card's buttons answer to Alt+letter on the card that has the focus.

    ``texts`` are a real card's buttons; without a card, its outcome buttons.
    """
    section = _("Call card with the focus")
    rows: list[ShortcutRow] = [
        (section, _("Previous or next call"), _("Up, Down")),
        (section, _("Open or fold the talking points"), _("Enter, Space")),
    ]
    for label in texts if texts is not None else map(outcome_label, OutcomeKind):
        if mnemonic_key(label):
            rows.append((section, plain(label), mnemonic_key(label)))
    return rows


def data_places(folder: Path, backups: Path) -> tuple[Path, Path, Path]:
    """The book open now, the log and the backups folder."""
    book = open_book_file() or paths.book_path(folder)
    return book, paths.log_path(folder), backups


class ShortcutsDialog(QDialog):
    """Help › Keyboard shortcuts: a list grouped by where each key works."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.rows = shortcut_rows(window)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsList")
        self.tree.setHeaderLabels([_("What"), _("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        sections: dict[str, QTreeWidgetItem] = {}
        for section, what, keys in self.rows:
            parent = sections.get(section)
            if parent is None:
                parent = sections[section] = QTreeWidgetItem(self.tree, [section, ""])
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFirstColumnSpanned(True)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            QTreeWidgetItem(parent, [what, keys])
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(_("Alt with the underlined letter presses a button or opens a menu."), self)
        note.setWordWrap(True)
        style.themed(note, "color: @muted;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 680)


class DataPlacesDialog(QDialog):
    """Help › Where your data lives: the book, the log and the backups, with their folders."""

    def __init__(self, book: Path, log: Path, backups: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataPlacesDialog")
        self.setWindowTitle(_("Where your data lives"))
        intro = QLabel(
            _(
                "Everything Diva Desk knows is in the book, one file. Copy it (or use "
                "File › Back up) to keep your data safe; the log helps when something "
                "went wrong."
            ),
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.open_buttons: dict[str, QPushButton] = {}
        self.paths: dict[str, Path] = {}
        places = (
            ("book", _("The book:"), book, _("Open the book's &folder")),
            ("log", _("The log:"), log, _("Open the &log's folder")),
            ("backups", _("Backups:"), backups, _("Open the &backups folder")),
        )
        for row, (key, caption, path, button_text) in enumerate(places):
            label = QLabel(caption, self)
            shown = QLabel(str(path), self)
            shown.setObjectName(f"{key}Path")
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QPushButton(button_text, self)
            button.setObjectName(f"{key}Open")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, key=key: self.open_folder(key))
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(shown, row, 1)
            grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)
            self.open_buttons[key] = button
            self.paths[key] = path
        self.result_label = QLabel(self)
        self.result_label.setObjectName("dataPlacesResult")
        self.result_label.setWordWrap(True)
        style.themed(self.result_label, "color: @muted;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        # As tall as its wrapped text needs at that width, not as the first guess says.
        layout.activate()
        fit_to_screen(self, 720, max(layout.totalHeightForWidth(720), 160))

    def folder(self, key: str) -> Path:
        path = self.paths[key]
        return path if key == "backups" else path.parent

    def open_folder(self, key: str) -> bool:
        """Open the folder in the file manager; without one, copy its path and say so."""
        opened, message = reveal_folder(self.folder(key))
        self.result_label.setText(message)
        return opened


def reveal_folder(folder: Path) -> tuple[bool, str]:
    """Open ``folder`` in the file manager (made if missing); without one, copy its path.

    Whether it opened, and the sentence saying what happened.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True, _("Opened {folder}.").format(folder=folder)
    QGuiApplication.clipboard().setText(str(folder))
    return False, _(
        "No file manager opened {folder}; its path is copied, to paste where you like."
    ).format(folder=folder)
