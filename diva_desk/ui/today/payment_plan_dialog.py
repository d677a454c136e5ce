"""Agreeing a payment plan on the phone: the balance in installments the customer can keep.

Habit 3: when cash is tight, a plan they can keep beats a promise they cannot. The
dialog starts with an even split (core.plans.split_into_installments: the count,
the first date and how often), shown as a schedule; "Custom amounts" lets the owner
change any date or amount by hand, and says plainly when the amounts do not add up
to the balance (core.plans.check_custom_installments). Saving writes the plan, its
installments and the call's interaction in one go (store.outcomes.agreed_payment_plan).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from diva_desk.core import records as r
from diva_desk.core.calls.plans import (
    MAX_INSTALLMENTS,
    Frequency,
    add_months,
    check_custom_installments,
    split_into_installments,
)
from diva_desk.core.money import money_text
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.calls.outcomes import OutcomeResult, agreed_payment_plan, balance_covered
from diva_desk.ui.common.dates import qdate
from diva_desk.ui.common.dialogs import FormDialog, date_edit, day_of

Index = QModelIndex | QPersistentModelIndex

#: The first installment is offered a week out: soon enough to matter, late enough to plan.
FIRST_AFTER_DAYS = 7


def frequency_text(frequency: Frequency) -> str:
    return {
        Frequency.WEEKLY: _("Every week"),
        Frequency.BIWEEKLY: _("Every two weeks"),
        Frequency.MONTHLY: _("Every month"),
    }[frequency]


class ScheduleModel(QAbstractTableModel):
    """The installments as a table: number, date, amount; editable only in custom mode.

    Amounts are kept as typed (text) so that a half-typed amount is shown as typed
    and reported, not silently dropped.
    """

    def __init__(self, currency: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.currency = currency
        self.editable = False
        self._rows: list[tuple[dt.date, str]] = []

    def set_installments(self, installments: Sequence[r.Installment]) -> None:
        self.beginResetModel()
        self._rows = [(i.due_date, money_text(i.amount, self.currency)) for i in installments]
        self.endResetModel()

    def installments(self) -> list[r.Installment] | str:
        """The installments, or the first amount that is not an amount (as a sentence)."""
        result = []
        for n, (due, text) in enumerate(self._rows, start=1):
            field = _("Installment {n}").format(n=n)
            try:
                amount = fmt.parse_amount(text, field, currency=self.currency)
            except fmt.BadTypedAmount as exc:
                return str(exc)
            result.append(r.Installment(due, amount))
        return result

    def add_row(self, due: dt.date) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append((due, money_text(Decimal(0), self.currency)))
        self.endInsertRows()

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def last_date(self) -> dt.date | None:
        return self._rows[-1][0] if self._rows else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("#"), _("Date"), _("Amount"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editable and index.column() in (1, 2):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        due, text = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(index.row() + 1)
            if column == 1:
                return fmt.date(due, "full")
            try:
                return fmt.money(fmt.parse_amount(text, "", currency=self.currency), self.currency)
            except fmt.BadTypedAmount:
                return text
        if role == Qt.ItemDataRole.EditRole:
            if column == 1:
                return qdate(due)
            if column == 2:
                return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                if column != 1
                else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        due, text = self._rows[index.row()]
        if index.column() == 1 and isinstance(value, QDate):
            due = dt.date(value.year(), value.month(), value.day())
        elif index.column() == 2:
            text = str(value).strip()
        else:
            return False
        self._rows[index.row()] = (due, text)
        self.dataChanged.emit(index, index)
        return True


class PaymentPlanDialog(FormDialog):
    """Split a customer's balance (or one invoice's) into installments, and save the plan."""

    def __init__(
        self,
        *,
        customer_id: int,
        customer_name: str,
        currency: str,
        invoices: Sequence[tuple[int, str]],
        today: dt.date,
        on: dt.datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            _("Payment plan for {customer}").format(customer=customer_name),
            _("&Save plan"),
            parent,
        )
        self.setObjectName("paymentPlanDialog")
        self.customer_id = customer_id
        self.currency = currency
        self.today = today
        self.on = on
        self.balance = Decimal(0)
        #: What was written, once saved.
        self.result_value: OutcomeResult | None = None

        self.covers = QComboBox(self)
        self.covers.setObjectName("planCovers")
        self.covers.addItem(_("Everything they owe"), None)
        for invoice_id, number in invoices:
            self.covers.addItem(number, invoice_id)
        if len(invoices) == 1:
            self.covers.setCurrentIndex(1)

        self.even = QRadioButton(_("&Equal installments"), self)
        self.even.setObjectName("planEven")
        self.custom = QRadioButton(_("C&ustom amounts"), self)
        self.custom.setObjectName("planCustom")
        self.even.setChecked(True)
        modes = QHBoxLayout()
        modes.addWidget(self.even)
        modes.addWidget(self.custom)
        modes.addStretch(1)

        self.count = QSpinBox(self)
        self.count.setObjectName("planCount")
        self.count.setRange(2, MAX_INSTALLMENTS)
        self.count.setValue(3)
        self.first = date_edit(self, today + dt.timedelta(days=FIRST_AFTER_DAYS), "planFirst")
        self.frequency = QComboBox(self)
        self.frequency.setObjectName("planFrequency")
        for frequency in Frequency:
            self.frequency.addItem(frequency_text(frequency), frequency)
        self.frequency.setCurrentIndex(self.frequency.findData(Frequency.BIWEEKLY))
        split = QHBoxLayout()
        split.addWidget(self.count)
        split.addWidget(QLabel(_("installments, first on"), self))
        split.addWidget(self.first)
        split.addWidget(self.frequency)
        split.addStretch(1)

        self.model = ScheduleModel(currency, self)
        self.schedule = QTableView(self)
        self.schedule.setObjectName("planSchedule")
        self.schedule.setModel(self.model)
        self.schedule.verticalHeader().hide()
        self.schedule.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.schedule.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.schedule.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.schedule.setMinimumHeight(200)
        self.add_button = QPushButton(_("&Add installment"), self)
        self.add_button.setObjectName("planAdd")
        self.remove_button = QPushButton(_("&Remove installment"), self)
        self.remove_button.setObjectName("planRemove")
        edits = QHBoxLayout()
        edits.addWidget(self.add_button)
        edits.addWidget(self.remove_button)
        edits.addStretch(1)
        self.total = QLabel(self)
        self.total.setObjectName("planTotal")
        edits.addWidget(self.total)

        self.notes = QLineEdit(self)
        self.notes.setObjectName("planNotes")
        self.notes.setPlaceholderText(_("Anything agreed besides the dates, for the history"))

        self.form.addRow(_("&Covers:"), self.covers)
        self.form.addRow(_("Plan:"), modes)
        self.form.addRow(_("&Split:"), split)
        self.form.addRow(self.schedule)
        self.form.addRow(edits)
        self.form.addRow(_("&Notes:"), self.notes)
        self.setMinimumWidth(560)

        self.covers.currentIndexChanged.connect(self._covers_changed)
        for signal in (
            self.count.valueChanged,
            self.first.dateChanged,
            self.frequency.currentIndexChanged,
        ):
            signal.connect(self._split)
        self.custom.toggled.connect(self._mode_changed)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.model.dataChanged.connect(self._check)
        self.model.rowsInserted.connect(self._check)
        self.model.rowsRemoved.connect(self._check)
        self.action = lambda _dialog: self._save()
        self._covers_changed()
        self._mode_changed()

    # --- what is shown ------------------------------------------------------------------

    def invoice_id(self) -> int | None:
        value = self.covers.currentData()
        return value if isinstance(value, int) else None

    def _covers_changed(self) -> None:
        self.balance = balance_covered(self.customer_id, self.invoice_id(), self.today)
        self.intro.setText(
            _("{balance} to pay in installments.").format(
                balance=fmt.money(self.balance, self.currency)
            )
        )
        self._split()

    def _mode_changed(self) -> None:
        custom = self.custom.isChecked()
        for widget in (self.count, self.first, self.frequency):
            widget.setEnabled(not custom)
        self.add_button.setVisible(custom)
        self.remove_button.setVisible(custom)
        self.model.editable = custom
        if not custom:
            self._split()
        self._check()

    def _split(self) -> None:
        """The even split, whenever its count, first date or frequency change."""
        if self.custom.isChecked():
            return
        if self.balance <= 0:
            self.model.set_installments([])
        else:
            frequency = self.frequency.currentData()
            self.model.set_installments(
                split_into_installments(
                    self.balance, self.count.value(), day_of(self.first), frequency, self.currency
                )
            )
        self._check()

    def _add(self) -> None:
        last = self.model.last_date()
        due = add_months(last, 1) if last else self.today + dt.timedelta(days=FIRST_AFTER_DAYS)
        self.model.add_row(due)
        self.schedule.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 2))

    def _remove(self) -> None:
        row = self.schedule.currentIndex().row()
        self.model.remove_row(row if row >= 0 else self.model.rowCount() - 1)

    def problem_text(self) -> str | None:
        """Why the plan cannot be saved as it stands; None when it can."""
        if self.balance <= 0:
            return _("There is no balance to put on a payment plan.")
        installments = self.model.installments()
        if isinstance(installments, str):
            return installments
        return check_custom_installments(self.balance, installments, self.currency)

    def _check(self) -> None:
        installments = self.model.installments()
        if isinstance(installments, list):
            total = sum((i.amount for i in installments), Decimal(0))
            self.total.setText(
                _("Total {total} of {balance}").format(
                    total=fmt.money(total, self.currency),
                    balance=fmt.money(self.balance, self.currency),
                )
            )
        problem = self.problem_text()
        self.show_problem(problem or "")
        self.ok.setEnabled(problem is None)

    # --- what is written ------------------------------------------------------------------

    def _save(self) -> None:
        installments = self.model.installments()
        assert isinstance(installments, list)
        self.result_value = agreed_payment_plan(
            self.customer_id, self.invoice_id(), installments, self.notes.text(), self.on
        )
