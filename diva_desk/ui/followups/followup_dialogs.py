"""The Follow-ups tab's two small forms: add a follow-up by hand, move one to another day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from diva_desk.i18n import _
from diva_desk.store.calls.followup_edits import add_followup, reschedule_followup
from diva_desk.store.calls.followups import FollowupRow
from diva_desk.ui.common.dialogs import FormDialog, date_edit, day_of

#: A follow-up added by hand is offered for this many days out.
NEW_FOLLOWUP_AFTER_DAYS = 2


class FollowupDialog(FormDialog):
    """A follow-up by hand: who, when, and what about."""

    def __init__(
        self,
        customers: list[tuple[int, str]],
        customer_id: int | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Add a follow-up"), _("&Add follow-up"), parent)
        self.setObjectName("followupDialog")
        self.intro.setText(_("It will be on the morning list on that day."))
        self.customer = QComboBox(self)
        self.customer.setObjectName("followupCustomer")
        for cid, name in customers:
            self.customer.addItem(name, cid)
        if customer_id is not None:
            self.customer.setCurrentIndex(max(self.customer.findData(customer_id), 0))
        self.due = date_edit(
            self, today + dt.timedelta(days=NEW_FOLLOWUP_AFTER_DAYS), "followupDue"
        )
        self.reason = QLineEdit(self)
        self.reason.setObjectName("followupReason")
        self.reason.setPlaceholderText(_("For example: ask whether the PO came through"))
        self.form.addRow(_("&Customer:"), self.customer)
        self.form.addRow(_("&On:"), self.due)
        self.form.addRow(_("&About:"), self.reason)
        self.followup_id: int | None = None
        self.action = lambda _dialog: self._add()
        self.reason.setFocus()

    def _add(self) -> None:
        self.followup_id = add_followup(
            self.customer.currentData(), None, day_of(self.due), self.reason.text()
        )


class RescheduleDialog(FormDialog):
    """Move a follow-up to another day (a week on, unless changed)."""

    def __init__(self, row: FollowupRow, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(_("Move the follow-up"), _("&Move"), parent)
        self.setObjectName("rescheduleDialog")
        self.intro.setText(
            _("{customer}: {reason}").format(customer=row.customer_name, reason=row.reason)
        )
        self.due = date_edit(self, max(row.due_date, today) + dt.timedelta(days=7), "rescheduleDue")
        self.form.addRow(_("&New date:"), self.due)
        self.action = lambda _dialog: reschedule_followup(row.id, day_of(self.due))
