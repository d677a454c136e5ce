"""Giving a bank line nothing matched to one invoice, or to several (one cheque paying
three invoices): a row per invoice with its amount.

The likely invoices come first in each list, then every other open invoice in the
statement's currency (typing the first characters of a number finds it). An amount
starts at what fits: the invoice's balance or what is left of the credit, the smaller.
What is wrong is said under the rows while the owner types, and Assign waits until
nothing is: each amount more than zero and no more than what is left on its invoice
(after the statement's other lines), all of them no more than the credit.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diva_desk.bank.matching import Allocation, ReviewLine
from diva_desk.core.money import ZERO
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.i18n.format import BadTypedAmount
from diva_desk.ui.bank.bank_rows import OpenBalance, invoice_choice_text
from diva_desk.ui.common import style


class _Row:
    def __init__(self, invoice: QComboBox, amount: QLineEdit, remove: QPushButton) -> None:
        self.invoice, self.amount, self.remove = invoice, amount, remove

    def number(self) -> str:
        return str(self.invoice.currentData() or "")


class AssignDialog(QDialog):
    """What one credit pays: invoices and amounts, checked as they are typed."""

    def __init__(
        self,
        review: ReviewLine,
        currency: str,
        invoices: Mapping[str, OpenBalance],
        given: tuple[Allocation, ...],
        taken: Mapping[str, Decimal],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(_("Record a bank line as payments"))
        self.review = review
        self.currency = currency
        self._invoices = invoices
        #: What the statement's other chosen lines already give each invoice.
        self._taken = taken
        self.rows: list[_Row] = []

        line = review.line
        self.intro = QLabel(
            _("{date} · {amount} · {description}").format(
                date=fmt.date(line.date),
                amount=fmt.money(line.amount, currency),
                description=line.description,
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("font-weight: bold")
        self.grid = QGridLayout()
        self.grid.addWidget(QLabel(_("Invoice"), self), 0, 0)
        self.grid.addWidget(QLabel(_("Amount"), self), 0, 1)
        self.add_button = QPushButton(_("A&dd an invoice"), self)
        self.add_button.setObjectName("addInvoice")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row().invoice.setFocus())
        self.status = QLabel(self)
        self.status.setObjectName("assignStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.addButton(_("&Assign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("assignOk")
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.grid)
        adding = QHBoxLayout()
        adding.addWidget(self.add_button)
        adding.addStretch(1)
        layout.addLayout(adding)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

        for allocation in given:
            row = self.add_row(allocation.invoice)
            row.amount.setText(fmt.money(allocation.amount, currency))
        if not given:
            first = next((c for c in review.candidates if c in invoices), "")
            self.add_row(first)
        self.rows[0].invoice.setFocus()
        self.check()

    # --- the rows -------------------------------------------------------------------

    def add_row(self, number: str = "") -> _Row:
        at = len(self.rows) + 1
        invoice = QComboBox(self)
        invoice.setObjectName(f"assignInvoice{at}")
        invoice.addItem(_("Choose an invoice"), "")
        likely = [c for c in self.review.candidates if c in self._invoices]
        for candidate in likely:
            invoice.addItem(invoice_choice_text(self._invoices[candidate]), candidate)
        if likely:
            invoice.insertSeparator(invoice.count())
        for other in sorted(self._invoices):
            if other not in likely:
                invoice.addItem(invoice_choice_text(self._invoices[other]), other)
        amount = QLineEdit(self)
        amount.setObjectName(f"assignAmount{at}")
        amount.setPlaceholderText(fmt.money(ZERO, self.currency))
        amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        remove = QPushButton(_("Remove"), self)
        remove.setAutoDefault(False)
        row = _Row(invoice, amount, remove)
        self.rows.append(row)
        self.grid.addWidget(invoice, at, 0)
        self.grid.addWidget(amount, at, 1)
        self.grid.addWidget(remove, at, 2)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 1)
        if number:
            invoice.setCurrentIndex(max(invoice.findData(number), 0))
            self._suggest(row)
        invoice.currentIndexChanged.connect(lambda _i: self._chosen(row))
        amount.textChanged.connect(lambda _t: self.check())
        remove.clicked.connect(lambda: self.remove_row(row))
        self._update_removes()
        self._tab_order()
        self.check()
        return row

    def remove_row(self, row: _Row) -> None:
        if len(self.rows) == 1:
            return
        index = self.rows.index(row)
        for widget in (row.invoice, row.amount, row.remove):
            self.grid.removeWidget(widget)
            widget.deleteLater()
        del self.rows[index]
        for at, rest in enumerate(self.rows[index:], start=index + 1):
            for column, widget in enumerate((rest.invoice, rest.amount, rest.remove)):
                self.grid.removeWidget(widget)
                self.grid.addWidget(widget, at, column)
        self.rows[min(index, len(self.rows) - 1)].invoice.setFocus()
        self._update_removes()
        self._tab_order()
        self.check()

    def _tab_order(self) -> None:
        """Tab goes down the rows, then to Add an invoice and the buttons."""
        chain: list[QWidget] = [w for r in self.rows for w in (r.invoice, r.amount, r.remove)]
        chain += [
            self.add_button,
            self.ok,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _update_removes(self) -> None:
        for row in self.rows:
            row.remove.setEnabled(len(self.rows) > 1)

    def _chosen(self, row: _Row) -> None:
        if not row.amount.text().strip():
            self._suggest(row)
        self.check()

    def _suggest(self, row: _Row) -> None:
        """The amount that fits: what is left on the invoice, or of the credit."""
        number = row.number()
        if not number:
            return
        others = sum((a.amount for a in self._read(skip=row)[0]), ZERO)
        fits = min(self._room(number), self.review.line.amount - others)
        if fits > ZERO:
            row.amount.setText(fmt.money(fits, self.currency))

    def _room(self, number: str) -> Decimal:
        known = self._invoices.get(number)
        left = known.balance if known is not None else ZERO
        return left - self._taken.get(number, ZERO)

    # --- reading and checking --------------------------------------------------------

    def _read(self, skip: _Row | None = None) -> tuple[list[Allocation], list[str]]:
        allocations: list[Allocation] = []
        problems: list[str] = []
        seen: set[str] = set()
        for row in self.rows:
            if row is skip:
                continue
            number, text = row.number(), row.amount.text().strip()
            if not number and not text:
                continue
            if not number:
                problems.append(_("Choose the invoice for {amount}.").format(amount=text))
                continue
            if number in seen:
                problems.append(_("{number} is chosen twice.").format(number=number))
                continue
            seen.add(number)
            if not text:
                problems.append(_("Give the amount for {number}.").format(number=number))
                continue
            try:
                amount = fmt.parse_amount(text, number, currency=self.currency)
            except BadTypedAmount as exc:
                problems.append(str(exc))
                continue
            if amount <= ZERO:
                problems.append(
                    _("The amount for {number} must be more than zero.").format(number=number)
                )
                continue
            room = self._room(number)
            if amount > room:
                problems.append(
                    _("{number} has {left} left to pay: {amount} is more.").format(
                        number=number,
                        left=fmt.money(max(room, ZERO), self.currency),
                        amount=fmt.money(amount, self.currency),
                    )
                )
                continue
            customer = self._invoices[number].customer_code
            allocations.append(Allocation(number, customer, amount))
        return allocations, problems

    def check(self) -> bool:
        """Say what is wrong or what will be recorded; Assign only when nothing is wrong."""
        allocations, problems = self._read()
        credit = self.review.line.amount
        total = sum((a.amount for a in allocations), ZERO)
        if not problems and total > credit:
            problems.append(
                _("The amounts add up to {total}, more than the {credit} received.").format(
                    total=fmt.money(total, self.currency), credit=fmt.money(credit, self.currency)
                )
            )
        if not problems and not allocations:
            problems.append(_("Choose at least one invoice, with its amount."))
        if problems:
            self.status.setText(problems[0])
            style.themed(self.status, "color: @overdue;")
        else:
            text = _("{total} of the {credit} received goes to these invoices.").format(
                total=fmt.money(total, self.currency), credit=fmt.money(credit, self.currency)
            )
            if total < credit:
                text += " " + _("The other {left} is not recorded.").format(
                    left=fmt.money(credit - total, self.currency)
                )
            self.status.setText(text)
            style.themed(self.status, "")
        self.ok.setEnabled(not problems)
        return not problems

    def allocations(self) -> tuple[Allocation, ...]:
        return tuple(self._read()[0])

    def accept(self) -> None:
        if self.check():
            super().accept()
