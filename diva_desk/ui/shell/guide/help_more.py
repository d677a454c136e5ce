"""Help › Getting paid: the six habits, and Help › About Diva Desk.

The habits page is a resource file (resources/help/<language>/six_habits.html) shown
in a browser whose ``diva:`` links take the owner to where each habit lives (a tab,
the Today panel, a settings dialog). About names the version and licence, and the
data folder, the log and the backups, each a link that opens it in the file manager.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from diva_desk import __version__
from diva_desk.i18n import _, current_locale, language_folders
from diva_desk.resources_path import resource_path
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.shell.help_pages import reveal_folder


def habits_file(locale: str) -> Path:
    """The six habits page in ``locale``'s language, else in English."""
    folder = resource_path("help")
    for found in language_folders(locale, folder):
        if (found / "six_habits.html").is_file():
            return found / "six_habits.html"
    return folder / "en_CA" / "six_habits.html"


class HabitsDialog(QDialog):
    """The six habits, each with links to where it lives in the app."""

    def __init__(self, places: Mapping[str, Callable[[], object]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("habitsDialog")
        self.setWindowTitle(_("Getting paid: the six habits"))
        self.places = places
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("habitsText")
        self.browser.setOpenLinks(False)
        self.browser.setHtml(habits_file(current_locale()).read_text(encoding="utf-8"))
        self.browser.anchorClicked.connect(self.follow)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 640)

    def follow(self, url: QUrl) -> None:
        """A ``diva:`` link: close the page and go there."""
        go = self.places.get(url.path()) if url.scheme() == "diva" else None
        if go is not None:
            self.accept()
            go()


def licence() -> str:
    try:
        text = metadata.metadata("diva-desk").get("License") or ""
    except metadata.PackageNotFoundError:  # a bundle without the package's metadata
        text = ""
    return _("Proprietary") if text in ("", "Proprietary") else text


class AboutDialog(QDialog):
    """Help › About: version, licence, and where the data, the log and the backups are."""

    def __init__(self, book: Path, log: Path, backups: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About Diva Desk"))
        title = QLabel(
            _(
                "<h2>Diva Desk {version}</h2>"
                "<p>Your customers, invoices and payments in one book, "
                "and what is owed to you at a glance.</p>"
            ).format(version=__version__),
            self,
        )
        title.setWordWrap(True)
        self.folders = {"data": book.parent, "log": log.parent, "backups": backups}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.addRow(_("Version:"), QLabel(__version__, self))
        form.addRow(_("Licence:"), QLabel(licence(), self))
        for key, caption, shown in (
            ("data", _("Data folder:"), book.parent),
            ("log", _("Log file:"), log),
            ("backups", _("Backups:"), backups),
        ):
            label = QLabel(_link(key, str(shown)), self)
            label.setObjectName(f"{key}Link")
            label.setToolTip(_("Open the folder in the file manager"))
            label.setWordWrap(True)
            label.linkActivated.connect(self.open_folder)
            form.addRow(caption, label)
            self.labels[key] = label
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        fit_to_screen(self, 640, 320)

    def open_folder(self, key: str) -> bool:
        opened, message = reveal_folder(self.folders[key])
        self.result_label.setText(message)
        return opened


def _link(key: str, path: str) -> str:
    """A rich-text link to ``key`` showing ``path`` (a path is not a message to translate)."""
    shown = path.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return '<a href="' + key + '">' + shown + "</a>"
