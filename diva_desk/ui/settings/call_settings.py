"""Settings › Talking points, call list and terms: the dialog, and its call-list page.

The call-list page holds the windows of the rules (store.calls.call_settings): how
many days after sending to check in, before due for a courtesy call, and so on. The
dialog gathers it with the talking points (ui.talking_points_page) and the terms
(ui.terms_page) under one Save, and asks before closing over changes (ui.unsaved).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.calls import CallSettings
from diva_desk.i18n import _
from diva_desk.store.calls.call_list import call_settings, save_call_settings
from diva_desk.ui.common import style
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.common.unsaved import GuardedDialog
from diva_desk.ui.settings.talking_points_page import TalkingPointsPage
from diva_desk.ui.settings.terms_page import TermsPage

WINDOWS = (
    ("checkin_after_days", lambda: _("Check in after sending an invoice"), 0, 60),
    ("due_soon_days", lambda: _("Courtesy call before an invoice is due"), 0, 60),
    ("cutoff_warning_days", lambda: _("Warn before a customer's cut-off day"), 0, 31),
    ("installment_soon_days", lambda: _("Remind before a plan installment"), 0, 31),
    ("overdue_after_days", lambda: _("Start overdue calls after"), 0, 60),
    ("retry_after_working_days", lambda: _("After no answer, try again in"), 1, 20),
)


class CallListPage(QWidget):
    """The windows of the call-list rules, in days."""

    settings_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callListPage")
        self.current = call_settings()
        self.boxes: dict[str, QSpinBox] = {}
        form = QFormLayout()
        for field, label, low, high in WINDOWS:
            box = QSpinBox(self)
            box.setObjectName(field)
            box.setRange(low, high)
            box.setValue(getattr(self.current, field))
            working = field == "retry_after_working_days"
            box.setSuffix(_(" working days") if working else _(" days"))
            form.addRow(label() + ":", box)
            self.boxes[field] = box
        note = QLabel(
            _(
                "Weekends are skipped: Friday's list takes in what falls due over the weekend. "
                "Changes apply to the list as soon as you save."
            ),
            self,
        )
        note.setWordWrap(True)
        style.themed(note, "color: @muted;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)

    def typed(self) -> CallSettings:
        values = {field: box.value() for field, box in self.boxes.items()}
        return dataclasses.replace(self.current, **values)

    def is_dirty(self) -> bool:
        return self.typed() != self.current

    def save(self) -> CallSettings:
        self.current = self.typed()
        save_call_settings(self.current)
        self.settings_changed.emit()
        return self.current


class CallSettingsDialog(GuardedDialog):
    """Settings > Talking points, call list and terms…

    One Save for the three pages (Ctrl+S saves and keeps the dialog open); closing
    with anything not saved asks Save / Discard / Cancel (ui.unsaved).
    """

    #: Templates, windows or terms were saved: the window should read the book again.
    changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callSettingsDialog")
        self.setWindowTitle(_("Talking points, call list and terms"))
        self.talking_points = TalkingPointsPage(today, self)
        self.call_list = CallListPage(self)
        self.terms = TermsPage(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.talking_points, _("&Talking points"))
        self.tabs.addTab(self.call_list, _("Call &list"))
        self.tabs.addTab(self.terms, _("Ter&ms"))
        self._saving = self._wrote = False
        for signal in (
            self.talking_points.templates_changed,
            self.call_list.settings_changed,
            self.terms.settings_changed,
        ):
            signal.connect(self._page_saved)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("&Save"))
        self.save_button.setObjectName("settingsSave")
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save = QAction(self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.triggered.connect(lambda _checked=False: self.save_all())
        self.addAction(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1040, 720)

    def _page_saved(self) -> None:
        if self._saving:
            self._wrote = True  # told once, when the Save is done
        else:
            self.changed.emit()  # Reset on the talking points page writes at once

    def is_dirty(self) -> bool:
        return any(page.is_dirty() for page in (self.talking_points, self.call_list, self.terms))

    def unsaved_text(self) -> str:
        pages = [
            title
            for page, title in (
                (self.talking_points, _("talking points")),
                (self.call_list, _("call list")),
                (self.terms, _("terms")),
            )
            if page.is_dirty()
        ]
        return _("You changed the {pages} and have not saved. Save the changes?").format(
            pages=_(", ").join(pages)
        )

    def save_all(self) -> bool:
        """Save every page changed; on a problem, show its page and keep the rest as typed."""
        self._saving, self._wrote = True, False
        try:
            if self.terms.is_dirty() and self.terms.save() is None:
                self.tabs.setCurrentWidget(self.terms)
                return False
            if self.call_list.is_dirty():
                self.call_list.save()
            if not self.talking_points.save_all():
                self.tabs.setCurrentWidget(self.talking_points)
                return False
        finally:
            self._saving = False
            # Something was written (a template saved before a broken one counts too).
            if self._wrote:
                self.changed.emit()
        return True

    def save(self) -> bool:
        if not self.save_all():
            return False
        self.saved_and_close()
        return True
