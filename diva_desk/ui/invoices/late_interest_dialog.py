"""Invoices › Late interest…: review the charges due today, apply the ticked ones, waive one.

The charges (store.late_fees.charges) are one per customer and currency, each with the
invoices and days it covers; every one is ticked to start with, Space unticks the one in
focus. Apply writes the ticked ones as late-fee invoices and the lists refresh; the
charges made then stand in the lower list, where Waive voids one (logged, and undoable
for a few seconds). docs/late-fees.md says what is charged and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.late_fees.terms import charge_line
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.late_fees.applying import apply_charges, unwaive_charge, waive_charge
from diva_desk.store.late_fees.charges import CustomerCharge, late_fee_charges
from diva_desk.store.late_fees.made import MadeRow, charges_made
from diva_desk.store.late_fees.terms import late_fee_terms
from diva_desk.ui.common import style
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.common.undo_bar import UndoBar
from diva_desk.ui.invoices.invoice_tab_actions import tab_action

#: The Invoices tab (ui.invoices.invoices_tab.InvoicesTab), not imported: it imports this.
InvoicesTabLike = Any

#: Where each charge keeps its (customer id, currency) in the model.
_KEY = Qt.ItemDataRole.UserRole + 1


class LateInterestDialog(QDialog):
    """The charges due on ``today``, ticked to apply; the charges made, to waive."""

    #: Something was written (charges applied, waived or un-waived): the lists refresh.
    book_changed = Signal()
    #: A status-bar sentence about what was done.
    announced = Signal(str)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lateInterestDialog")
        self.setWindowTitle(_("Late interest"))
        self.today = today
        self.charges: list[CustomerCharge] = []
        self.made: list[MadeRow] = []
        self._undo: Callable[[], None] | None = None

        self.intro = QLabel(self)
        self.intro.setObjectName("lateInterestIntro")
        self.intro.setWordWrap(True)
        self.due = QStandardItemModel(0, 3, self)
        self.due.setHorizontalHeaderLabels([_("Customer and invoices"), _("Days"), _("Interest")])
        self.due_view = self._view("lateInterestDue", self.due)
        due_label = QLabel(_("Charges &due (Space ticks or unticks one):"), self)
        due_label.setBuddy(self.due_view)
        self.apply_button = QPushButton(_("&Apply ticked charges"), self)
        self.apply_button.setObjectName("applyLateInterest")
        self.apply_button.clicked.connect(self.apply)

        self.made_model = QStandardItemModel(0, 3, self)
        self.made_model.setHorizontalHeaderLabels([_("Charge"), _("Interest up to"), _("Amount")])
        self.made_view = self._view("lateInterestMade", self.made_model)
        made_label = QLabel(_("Charges &made (waiving one voids it and logs it):"), self)
        made_label.setBuddy(self.made_view)
        self.waive_button = QPushButton(_("&Waive the selected charge"), self)
        self.waive_button.setObjectName("waiveLateInterest")
        self.waive_button.clicked.connect(self.waive)
        self.made_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.undo_bar = UndoBar(self)
        self.undo_bar.undo_clicked.connect(self._take_back)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self._take_back)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addWidget(self.intro)
        layout.addWidget(due_label)
        layout.addWidget(self.due_view, 3)
        layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addSpacing(8)
        layout.addWidget(made_label)
        layout.addWidget(self.made_view, 2)
        layout.addWidget(self.waive_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.undo_bar)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 620)
        self.reload()
        self.due_view.setFocus()

    def _view(self, name: str, model: QStandardItemModel) -> QTreeView:
        view = QTreeView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return view

    # --- reading ----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the charges due and the charges made again."""
        self.charges = late_fee_charges(self.today)
        self.made = charges_made()
        self._fill_due()
        self._fill_made()
        self._update_buttons()

    def _fill_due(self) -> None:
        self.due.removeRows(0, self.due.rowCount())
        for found in self.charges:
            charge = found.charge
            money = charge.currency
            top = QStandardItem(f"{found.code} — {found.name}")
            top.setCheckable(True)
            top.setCheckState(Qt.CheckState.Checked)
            top.setData(found.key, _KEY)
            amount = QStandardItem(fmt.money(charge.amount, money))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for part in charge.invoices:
                line = _("{line}, on a balance of {balance}").format(
                    line=charge_line(part.invoice, part.days, charge.percent_per_month),
                    balance=fmt.money(part.balance, money),
                )
                share = QStandardItem(fmt.money(part.amount, money))
                share.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                top.appendRow([QStandardItem(line), QStandardItem(fmt.number(part.days)), share])
            self.due.appendRow([top, QStandardItem(""), amount])
        self.due_view.expandAll()
        if self.charges:
            self.due_view.setCurrentIndex(self.due.index(0, 0))
        self.intro.setText(self._intro_text())

    def _intro_text(self) -> str:
        day = fmt.date(self.today)
        if self.charges:
            return ngettext(
                "{count} charge of late interest is due on {date}, under the agreed terms, "
                "for the days since each customer's last charge.",
                "{count} charges of late interest are due on {date}, under the agreed terms, "
                "for the days since each customer's last charge.",
                len(self.charges),
            ).format(count=fmt.number(len(self.charges)), date=day)
        if late_fee_terms().percent_per_month <= 0:
            return _(
                "No late interest is due on {date}. Your rate is 0: set it under Settings › "
                "Talking points, call list and terms › Terms (a customer's own rate is in "
                "their form)."
            ).format(date=day)
        return _("No late interest is due on {date}.").format(date=day)

    def _fill_made(self) -> None:
        self.made_model.removeRows(0, self.made_model.rowCount())
        for row in self.made:
            text = _("{number} to {code} — {name}").format(
                number=row.number, code=row.code, name=row.name
            )
            amount = QStandardItem(fmt.money(row.amount, row.currency))
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            first = QStandardItem(text)
            first.setData(row.invoice_id, _KEY)
            self.made_model.appendRow([first, QStandardItem(fmt.date(row.through)), amount])

    def ticked(self) -> set[tuple[int, str]]:
        """The (customer id, currency) of every charge ticked."""
        keys: set[tuple[int, str]] = set()
        for row in range(self.due.rowCount()):
            item = self.due.item(row, 0)
            if item.checkState() == Qt.CheckState.Checked:
                keys.add(item.data(_KEY))
        return keys

    def _update_buttons(self) -> None:
        self.apply_button.setEnabled(bool(self.charges))
        self.waive_button.setEnabled(self._selected_made() is not None)

    def _selected_made(self) -> int | None:
        rows = self.made_view.selectionModel().selectedRows()
        return self.made_model.item(rows[0].row(), 0).data(_KEY) if rows else None

    # --- writing ----------------------------------------------------------------------

    def apply(self) -> None:
        """Write the ticked charges as invoices; the made ones appear below."""
        keys = self.ticked()
        if not keys:
            self.announced.emit(_("No charge is ticked: nothing was applied."))
            return
        try:
            made = apply_charges(self.today, keys)
        except UserFacingError as exc:
            show_failure(self, exc)
            return
        self.reload()
        if made:
            self.book_changed.emit()
            numbers = ", ".join(charge.number for charge in made)
            self.announced.emit(
                ngettext(
                    "Applied {count} late-interest charge: {numbers}.",
                    "Applied {count} late-interest charges: {numbers}.",
                    len(made),
                ).format(count=fmt.number(len(made)), numbers=numbers)
            )
            self.made_view.setFocus()

    def waive(self) -> None:
        """Void the selected charge at once (one click), with Undo for a few seconds."""
        invoice_id = self._selected_made()
        if invoice_id is None:
            return
        try:
            number, logged = waive_charge(invoice_id, self.today)
        except UserFacingError as exc:
            show_failure(self, exc)
            return
        self._undo = lambda: unwaive_charge(invoice_id, logged)
        self.reload()
        self.book_changed.emit()
        said = _("Waived {number}: voided and logged.").format(number=number)
        self.undo_bar.offer(said)
        self.announced.emit(said)

    def _take_back(self) -> None:
        if self._undo is None or self.undo_bar.isHidden():
            return
        undo, self._undo = self._undo, None
        try:
            undo()
        except UserFacingError as exc:
            show_failure(self, exc)
            return
        self.undo_bar.expire()
        self.reload()
        self.book_changed.emit()
        self.announced.emit(_("The charge is owed again."))


def show_late_interest(
    parent: QWidget,
    today: dt.date,
    on_change: Callable[[], None],
    announce: Callable[[str], None],
) -> LateInterestDialog:
    """Open the review, modal, wired to refresh the window's lists and status bar."""
    from diva_desk.ui.common.dialogs import exec_dialog

    dialog = LateInterestDialog(today, parent)
    dialog.book_changed.connect(on_change)
    dialog.announced.connect(announce)
    style.themed(dialog.intro, "color: @muted;")
    exec_dialog(dialog)
    return dialog


def late_interest_action(tab: InvoicesTabLike) -> QAction:
    """The Invoices tab's "Late interest…" (Ctrl+Shift+F): the review, on the tab's day."""
    return tab_action(
        tab,
        _("&Late interest…"),
        lambda: show_late_interest(tab, tab.today(), tab.book_changed.emit, tab.announced.emit),
        [QKeySequence("Ctrl+Shift+F")],
        _("Review the late interest due under the agreed terms, and apply or waive it"),
    )
