"""The fields of the invoice editor and what they show, apart from what they do.

The form knows how to read itself (a customer picked from the list, a deposit
amount parsed from its text) and how to show the due-date terms and the expected
payment date; the editor decides what happens when a field changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core import records as r
from diva_desk.core.currencies import BOOK_CURRENCIES
from diva_desk.core.money import ZERO
from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.invoices.editing import InvoiceDraft, TaxPick, payment_expectation
from diva_desk.store.invoices.lists import CustomerRow
from diva_desk.ui.common import style
from diva_desk.ui.common.dates import date_edit
from diva_desk.ui.common.dialogs import day_of
from diva_desk.ui.invoices.editor.invoice_lines_model import (
    InvoiceLinesModel,
    LineColumn,
    TaxDelegate,
)
from diva_desk.ui.invoices.editor.invoice_panels import TotalsPanel
from diva_desk.ui.invoices.editor.pay_link_field import PayLinkField


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date_edit(parent: QWidget, name: str) -> QDateEdit:
    return date_edit(parent, None, name)


class InvoiceForm(QWidget):
    """Customer, dates, PO, currency, the lines, notes, the deposit, and the totals."""

    def __init__(self, taxes: Sequence[TaxPick], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_header()
        self._build_lines(taxes)
        self._build_footer()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._line_buttons)
        layout.addWidget(self.line_problems)
        layout.addLayout(self._footer)

    # --- building ---------------------------------------------------------------------

    def _build_header(self) -> None:
        self.customer_box = QComboBox(self)
        self.customer_box.setObjectName("customer")
        self.customer_box.setEditable(True)
        self.customer_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.customer_box.lineEdit().setPlaceholderText(_("Type to search customers"))
        completer = QCompleter(self.customer_box.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.customer_box.setCompleter(completer)
        self.customer_problem = QLabel(self)
        self.customer_problem.setProperty("role", "problem")
        self.currency = QComboBox(self)
        self.currency.setObjectName("currency")
        self.currency.setEditable(True)
        self.currency.addItems(BOOK_CURRENCIES)
        self.issue_date = _date_edit(self, "issueDate")
        self.due_date = _date_edit(self, "dueDate")
        self.terms_note = QLabel(self)
        self.terms_note.setObjectName("termsNote")
        self.terms_note.setProperty("role", "note")
        self.expected = QLabel(self)
        self.expected.setObjectName("expectedPayment")
        self.cutoff_warning = QLabel(self)
        self.cutoff_warning.setObjectName("cutoffWarning")
        self.cutoff_warning.setProperty("role", "warning")
        self.cutoff_warning.setWordWrap(True)
        self.po_number = QLineEdit(self)
        self.po_number.setObjectName("poNumber")

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 2)
        grid.setColumnStretch(4, 2)
        grid.addWidget(self._buddy(_("C&ustomer:"), self.customer_box), 0, 0)
        grid.addWidget(self.customer_box, 0, 1, 1, 2)
        grid.addWidget(self._buddy(_("&PO number:"), self.po_number), 0, 3)
        grid.addWidget(self.po_number, 0, 4)
        grid.addWidget(self.customer_problem, 1, 1, 1, 2)
        grid.addWidget(self._buddy(_("I&ssue date:"), self.issue_date), 2, 0)
        grid.addWidget(self.issue_date, 2, 1)
        grid.addWidget(self._buddy(_("Curre&ncy:"), self.currency), 2, 3)
        grid.addWidget(self.currency, 2, 4)
        grid.addWidget(self._buddy(_("D&ue date:"), self.due_date), 3, 0)
        grid.addWidget(self.due_date, 3, 1)
        grid.addWidget(self.terms_note, 3, 2)
        grid.addWidget(self.expected, 3, 3, 1, 2)
        grid.addWidget(self.cutoff_warning, 4, 1, 1, 4)
        self._header = grid

    def _build_lines(self, taxes: Sequence[TaxPick]) -> None:
        self.lines = InvoiceLinesModel(taxes, "CAD", self)
        self.table = QTableView(self)
        self.table.setObjectName("lines")
        self.table.setModel(self.lines)
        self.table.setItemDelegateForColumn(LineColumn.TAX, TaxDelegate(self.lines, self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LineColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (LineColumn.QUANTITY, 90),
            (LineColumn.UNIT_PRICE, 110),
            (LineColumn.TAX, 130),
            (LineColumn.AMOUNT, 120),
        ):
            header.resizeSection(column, width)
        self.add_line_button = QPushButton(_("&Add line"), self)
        self.add_line_button.setObjectName("addLine")
        self.remove_line_button = QPushButton(_("Re&move line"), self)
        self.remove_line_button.setObjectName("removeLine")
        for button, keys, slot, tip in (
            (self.add_line_button, "Ctrl+Shift+=", self.add_line, _("Add a line")),
            (self.remove_line_button, "Ctrl+Shift+-", self.remove_line, _("Remove this line")),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, slot=slot: slot())
            button.setToolTip(f"{tip} ({keys})")
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, slot=slot: slot())
            self.addAction(action)
        self.line_problems = QLabel(self)
        self.line_problems.setObjectName("lineProblems")
        self.line_problems.setProperty("role", "problem")
        self.line_problems.setWordWrap(True)
        self._line_buttons = QHBoxLayout()
        self._line_buttons.addWidget(self.add_line_button)
        self._line_buttons.addWidget(self.remove_line_button)
        self._line_buttons.addStretch(1)

    def _build_footer(self) -> None:
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(_("Printed on the invoice, under the lines"))
        self.notes.setMaximumHeight(self.fontMetrics().height() * 5)
        self.ask_deposit = QCheckBox(_("Ask for a &deposit"), self)
        self.ask_deposit.setObjectName("askDeposit")
        self.deposit_amount = QLineEdit(self)
        self.deposit_amount.setObjectName("depositAmount")
        self.deposit_amount.setMaximumWidth(120)
        self.deposit_due = _date_edit(self, "depositDue")
        self.deposit_note = QLabel(self)
        self.deposit_note.setProperty("role", "note")
        self.deposit_problem = QLabel(self)
        self.deposit_problem.setProperty("role", "problem")
        deposit_row = QHBoxLayout()
        deposit_row.addWidget(self.ask_deposit)
        deposit_row.addWidget(self.deposit_amount)
        deposit_row.addWidget(QLabel(_("due"), self))
        deposit_row.addWidget(self.deposit_due)
        deposit_row.addWidget(self.deposit_note)
        deposit_row.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self._buddy(_("No&tes:"), self.notes))
        left.addWidget(self.notes)
        left.addLayout(deposit_row)
        left.addWidget(self.deposit_problem)
        self.pay_link = PayLinkField(self)
        left.addWidget(self.pay_link)
        left.addStretch(1)
        self.totals = TotalsPanel(self)
        self.totals.setMinimumWidth(300)
        self._footer = QHBoxLayout()
        self._footer.addLayout(left, 3)
        self._footer.addWidget(self.totals, 2, Qt.AlignmentFlag.AlignTop)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    # --- the customer -----------------------------------------------------------------

    def fill_customers(self, rows: Sequence[CustomerRow], also: int | None = None) -> None:
        """Customers to pick from: the active ones, plus ``also`` (this invoice's) if archived."""
        self.customer_box.clear()
        for row in rows:
            if not row.archived or row.id == also:
                self.customer_box.addItem(f"{row.name} ({row.code})", row.id)
        self.customer_box.setCurrentIndex(-1)

    def pick_typed_customer(self) -> None:
        """Typed text that names exactly one customer picks that customer."""
        box = self.customer_box
        text = box.currentText().strip()
        found = box.findText(text, Qt.MatchFlag.MatchFixedString)
        if found < 0 and text:
            matches = [
                i for i in range(box.count()) if text.casefold() in box.itemText(i).casefold()
            ]
            found = matches[0] if len(matches) == 1 else -1
        if found >= 0 and found != box.currentIndex():
            box.setCurrentIndex(found)
        elif found >= 0:
            box.setEditText(box.itemText(found))

    def chosen_customer_id(self) -> int | None:
        index = self.customer_box.currentIndex()
        if index < 0 or self.customer_box.currentText() != self.customer_box.itemText(index):
            return None
        data = self.customer_box.itemData(index)
        return data if isinstance(data, int) else None

    def show_customer_problem(self) -> None:
        typed = self.customer_box.currentText().strip()
        missing = self.chosen_customer_id() is None and bool(typed)
        self.customer_problem.setText(_("Choose a customer from the list.") if missing else "")
        self.customer_problem.setVisible(missing)

    # --- lines ------------------------------------------------------------------------

    def add_line(self) -> None:
        if self.lines.locked:
            return
        row = self.lines.add_line()
        self.table.setFocus()
        self.table.setCurrentIndex(self.lines.index(row, LineColumn.DESCRIPTION))

    def remove_line(self) -> None:
        if not self.lines.locked:
            self.lines.remove_line(self.table.currentIndex().row())

    def show_line_problems(self) -> None:
        problems = self.lines.problems()
        self.line_problems.setText("\n".join(problems))
        self.line_problems.setVisible(bool(problems))

    # --- the deposit ------------------------------------------------------------------

    def deposit_or_none(self) -> Decimal | None:
        """The deposit typed, None when none is asked, or BadInput saying what is wrong."""
        if not self.ask_deposit.isChecked():
            return None
        text = self.deposit_amount.text().strip()
        if not text:
            raise BadInput(_("Deposit: type the amount to ask for."))
        try:
            amount = fmt.parse_amount(text, _("Deposit"), currency=self.lines.currency)
        except fmt.BadTypedAmount as exc:
            raise BadInput(str(exc)) from exc
        if amount < 0:
            raise BadInput(_("Deposit: the amount cannot be negative."))
        return amount

    def draft(self, currency: str) -> InvoiceDraft:
        """The form as a draft in ``currency``, or BadInput naming what to fix first."""
        customer_id = self.chosen_customer_id()
        if customer_id is None:
            raise BadInput(_("Choose a customer for the invoice."))
        problems = self.lines.problems()
        if problems:
            raise BadInput(problems[0])
        deposit = self.deposit_or_none() or ZERO
        return InvoiceDraft(
            customer_id=customer_id,
            issue_date=day_of(self.issue_date),
            due_date=day_of(self.due_date),
            po_number=self.po_number.text(),
            currency=currency,
            deposit_amount=deposit,
            deposit_due_date=day_of(self.deposit_due) if deposit > 0 else None,
            notes=self.notes.toPlainText(),
            lines=tuple(self.lines.lines()),
            payment_link=self.pay_link.template(),
        )

    def show_deposit_state(self, percent: Decimal | None) -> None:
        on = self.ask_deposit.isChecked()
        editable = on and not self.lines.locked
        self.deposit_amount.setEnabled(editable)
        self.deposit_due.setEnabled(editable)
        self.deposit_note.setText(
            _("{percent} of the total").format(percent=fmt.percent(percent))
            if on and percent is not None
            else ""
        )
        try:
            self.deposit_or_none()
            self.deposit_problem.setText("")
        except BadInput as exc:
            self.deposit_problem.setText(str(exc))
        self.deposit_problem.setVisible(bool(self.deposit_problem.text()))

    # --- terms and the expected payment -----------------------------------------------

    def show_terms(self, customer: r.Customer | None, sent: dt.date | None, today: dt.date) -> None:
        """The terms in days, and when the customer's billing cycle should pay the invoice.

        Until the invoice is sent it is expected to reach them on its issue date (or
        today, if that is later); the warning says when that misses this month's
        cut-off, so the owner can send it sooner or expect the money a month later.
        """
        issue, due = day_of(self.issue_date), day_of(self.due_date)
        days = (due - issue).days
        self.terms_note.setText(
            _("due on receipt")
            if days == 0
            else _("{days} days after the issue date").format(days=days)
        )
        self.cutoff_warning.setText("")
        self.cutoff_warning.hide()
        if customer is None:
            self.expected.setText("")
            return
        arrival = sent or max(issue, today)
        expectation = payment_expectation(customer, arrival, due)
        self.expected.setText(
            _("Expected payment: {date}").format(date=fmt.date(expectation.expected_date))
        )
        self.expected.setToolTip(
            _("From {customer}'s billing cycle and payment-run days").format(customer=customer.name)
        )
        if expectation.misses_cutoff and expectation.cutoff is not None and sent is None:
            self.cutoff_warning.setText(
                _(
                    "⚠ Sent on {arrival}, it misses {customer}'s cut-off this month and waits "
                    "for the next one on {cutoff}."
                ).format(
                    arrival=fmt.date(arrival),
                    customer=customer.name,
                    cutoff=fmt.date(expectation.cutoff),
                )
            )
            self.cutoff_warning.show()

    # --- locking ----------------------------------------------------------------------

    def set_locked(self, locked: bool) -> None:
        """A sent or void invoice is shown, not edited."""
        self.lines.set_locked(locked)
        for widget in (self.customer_box, self.currency, self.ask_deposit):
            widget.setEnabled(not locked)
        for edit in (self.issue_date, self.due_date, self.deposit_due):
            edit.setReadOnly(locked)
        self.po_number.setReadOnly(locked)
        self.notes.setReadOnly(locked)
        # ...and look it: no white box that invites typing, no arrow that opens nothing.
        shown = (self.customer_box, self.currency, self.issue_date, self.due_date)
        for widget in (*shown, self.po_number, self.notes, self.deposit_amount, self.deposit_due):
            style.show_read_only(widget, locked)
        hint = _("Printed on the invoice, under the lines")
        self.notes.setPlaceholderText("" if locked else hint)
        self.add_line_button.setVisible(not locked)
        self.remove_line_button.setVisible(not locked)
