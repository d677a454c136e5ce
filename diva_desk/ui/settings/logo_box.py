"""The business logo in the settings: a preview on white paper, choose and remove.

The preview sits on white because the logo is printed on white paper whatever
the desktop's theme. A file is checked when chosen, not when saved, so the
person learns at once that a 5 MB photo or a renamed PDF will not do; the
message stays beside the preview until another file is chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diva_desk.i18n import _
from diva_desk.store.book.business import logo_problem
from diva_desk.ui.common import style

PREVIEW = QSize(260, 110)


class LogoBox(QWidget):
    """Shows ``logo`` (PNG or JPEG bytes, or None) and lets the person change it."""

    changed = Signal()

    def __init__(self, logo: bytes | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.logo = logo
        self.preview = QLabel(self)
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedSize(PREVIEW + QSize(16, 16))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # White paper in light and dark themes alike; "No logo" in the light theme's
        # muted grey (style.Tone.MUTED), which reads on white.
        self.preview.setStyleSheet(
            "QLabel { background: white; color: #5f6670; border: 1px solid palette(mid); }"
        )
        self.choose_button = QPushButton(_("Choose &logo…"), self)
        self.choose_button.setObjectName("chooseLogo")
        self.choose_button.setToolTip(_("A PNG or JPEG image of at most 2 MB"))
        self.choose_button.clicked.connect(lambda _c=False: self.choose())
        self.remove_button = QPushButton(_("Re&move logo"), self)
        self.remove_button.setObjectName("removeLogo")
        self.remove_button.clicked.connect(lambda _c=False: self.remove())
        for button in (self.choose_button, self.remove_button):
            button.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setObjectName("logoError")
        self.message.setWordWrap(True)
        style.themed(self.message, "color: @overdue;")
        self.message.hide()

        # The buttons go under the preview, not beside it: in a half-width column
        # there is no room for both side by side, and they would be drawn over it.
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)  # given more height, the buttons stay under the preview
        self._show()

    def choose(self) -> None:
        """The system's file dialog, then :meth:`load_file` on what was picked."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose your logo"),
            str(Path.home()),
            _("Images (*.png *.jpg *.jpeg);;All files (*)"),
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> bool:
        """Take the image at ``path`` as the logo, or say beside the preview why not."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            return self._refuse(
                _("{file} could not be read: {reason}").format(
                    file=path.name, reason=exc.strerror or exc
                )
            )
        problem = logo_problem(data)
        if problem is None and QImage.fromData(data).isNull():
            problem = _("This file is not an image Diva Desk can read; choose a PNG or JPEG file.")
        if problem:
            return self._refuse(_("{file}: {problem}").format(file=path.name, problem=problem))
        self.message.hide()
        self.logo = data
        self._show()
        self.changed.emit()
        return True

    def remove(self) -> None:
        if self.logo is None:
            return
        self.logo = None
        self.message.hide()
        self._show()
        self.changed.emit()
        self.choose_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refuse(self, text: str) -> bool:
        self.message.setText(text)
        self.message.show()
        return False

    def _show(self) -> None:
        image = QImage.fromData(self.logo) if self.logo else QImage()
        if image.isNull():
            self.preview.setPixmap(QPixmap())
            self.preview.setText(_("No logo"))
        else:
            scaled = QPixmap.fromImage(image)
            if scaled.width() > PREVIEW.width() or scaled.height() > PREVIEW.height():
                scaled = scaled.scaled(
                    PREVIEW,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            self.preview.setText("")
            self.preview.setPixmap(scaled)
        self.remove_button.setEnabled(self.logo is not None)
