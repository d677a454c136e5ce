"""Setting up or changing a recurring invoice: who, how often, from when, until when,
sent at once or made as drafts, the terms and the lines.

The lines are typed as in the invoice editor (its lines model and tax picker), and
the schedule is checked as an invoice is when it is saved (store.recurring).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from diva_desk.core import records as r
from diva_desk.core.customers.customer_rules import MAX_TERMS_DAYS
from diva_desk.core.invoices.recurrence import MAX_INTERVAL
from diva_desk.errors import BadInput
from diva_desk.i18n import _, ngettext
from diva_desk.store.invoices.editing import tax_picks
from diva_desk.store.recurring.schedules import Schedule, customer_choices, save_schedule
from diva_desk.ui.common.dates import date_edit
from diva_desk.ui.common.dialogs import FormDialog, day_of
from diva_desk.ui.common.layouts.screen_fit import fitted_size
from diva_desk.ui.invoices.editor.invoice_lines_model import (
    InvoiceLinesModel,
    LineColumn,
    TaxDelegate,
)


def every_words(every: r.Every, interval: int) -> str:
    """``Monthly``, ``Every 2 weeks``: how often, in words."""
    words = {
        r.Every.WEEK: ngettext("Weekly", "Every {n} weeks", interval),
        r.Every.MONTH: ngettext("Monthly", "Every {n} months", interval),
        r.Every.QUARTER: ngettext("Quarterly", "Every {n} quarters", interval),
        r.Every.YEAR: ngettext("Yearly", "Every {n} years", interval),
    }
    return words[every].format(n=interval)


def _unit_words() -> dict[r.Every, str]:
    return {
        r.Every.WEEK: _("week(s)"),
        r.Every.MONTH: _("month(s)"),
        r.Every.QUARTER: _("quarter(s)"),
        r.Every.YEAR: _("year(s)"),
    }


class ScheduleDialog(FormDialog):
    """The form of one schedule; OK saves it (``schedule_id`` says which, once saved)."""

    def __init__(self, schedule: Schedule, parent: QWidget | None = None) -> None:
        new = schedule.schedule_id is None
        super().__init__(_("Make recurring") if new else _("Recurring invoice"), _("Sa&ve"), parent)
        self.setObjectName("scheduleDialog")
        self.schedule = schedule
        self.schedule_id = schedule.schedule_id
        self.intro.setText(
            _(
                "An invoice is made on each date, with these lines: sent at once with the "
                "next number, or as a draft for you to look at first. A date missed while "
                "the computer was off is made at the next start, dated its own day."
            )
        )
        self._build_fields(schedule)
        self._build_lines(schedule)
        self.action = lambda _dialog: self._save()
        width, height = fitted_size(760, 640, self)
        self.resize(width, height)

    # --- the fields -------------------------------------------------------------------

    def _build_fields(self, schedule: Schedule) -> None:
        self.customer = QComboBox(self)
        self.customer.setObjectName("customer")
        for choice in customer_choices(also=schedule.customer_id):
            self.customer.addItem(f"{choice.name} ({choice.code})", choice)
            if choice.customer_id == schedule.customer_id:
                self.customer.setCurrentIndex(self.customer.count() - 1)
        self.customer.setEnabled(schedule.schedule_id is None)
        self.customer.currentIndexChanged.connect(self._customer_changed)

        self.interval = QSpinBox(self)
        self.interval.setObjectName("interval")
        self.interval.setRange(1, MAX_INTERVAL)
        self.interval.setValue(schedule.interval)
        self.every = QComboBox(self)
        self.every.setObjectName("every")
        for every, words in _unit_words().items():
            self.every.addItem(words, every)
        self.every.setCurrentIndex(self.every.findData(schedule.every))
        often = QHBoxLayout()
        often.addWidget(self.interval)
        often.addWidget(self.every)
        often.addStretch(1)

        self.next_date = date_edit(self, schedule.next_date, "nextDate")
        self.until = QCheckBox(_("&Until:"), self)
        self.until.setObjectName("until")
        self.end_date = date_edit(self, schedule.end_date or schedule.next_date, "endDate")
        self.until.setChecked(schedule.end_date is not None)
        self.end_date.setEnabled(schedule.end_date is not None)
        self.until.toggled.connect(self.end_date.setEnabled)

        self.own_terms = QCheckBox(_("Own &terms:"), self)
        self.own_terms.setObjectName("ownTerms")
        self.terms = QSpinBox(self)
        self.terms.setObjectName("terms")
        self.terms.setRange(0, MAX_TERMS_DAYS)
        self.terms.setSuffix(_(" days"))
        self.terms.setValue(schedule.terms_days or 30)
        self.own_terms.setChecked(schedule.terms_days is not None)
        self.terms.setEnabled(schedule.terms_days is not None)
        self.own_terms.toggled.connect(self.terms.setEnabled)
        self.terms_note = QLabel(_("Unticked: the customer's terms, else the business's."), self)
        self.terms_note.setProperty("role", "note")
        terms_row = QHBoxLayout()
        terms_row.addWidget(self.terms)
        terms_row.addWidget(self.terms_note, 1)

        self.send = QCheckBox(
            _("&Send each invoice at once (unticked: a draft to look at first)"), self
        )
        self.send.setObjectName("send")
        self.send.setChecked(schedule.send)
        self.notes = QPlainTextEdit(schedule.notes, self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(_("Printed on each invoice, under the lines"))
        self.notes.setMaximumHeight(self.fontMetrics().height() * 4)

        self.form.addRow(self._buddy(_("&Customer:"), self.customer), self.customer)
        self.form.addRow(self._buddy(_("Repeat &every:"), self.interval), often)
        self.form.addRow(self._buddy(_("&Next invoice on:"), self.next_date), self.next_date)
        self.form.addRow(self.until, self.end_date)
        self.form.addRow(self.own_terms, terms_row)
        self.form.addRow("", self.send)
        self.form.addRow(self._buddy(_("N&otes:"), self.notes), self.notes)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def _build_lines(self, schedule: Schedule) -> None:
        self.lines = InvoiceLinesModel(tax_picks(), schedule.currency, self)
        self.lines.set_lines(schedule.lines)
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
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LineColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 80), (2, 100), (3, 120), (4, 110)):
            header.resizeSection(column, width)
        add = QPushButton(_("&Add line"), self)
        add.setObjectName("addLine")
        remove = QPushButton(_("Re&move line"), self)
        remove.setObjectName("removeLine")
        for button, keys, slot in (
            (add, "Ctrl+Shift+=", self.add_line),
            (remove, "Ctrl+Shift+-", self.remove_line),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, slot=slot: slot())
            button.setToolTip(keys)
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _c=False, slot=slot: slot())
            self.addAction(action)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.form.addRow(QLabel(_("Lines:"), self), buttons)
        layout = self.layout()
        assert layout is not None
        layout.insertWidget(2, self.table, 1)  # type: ignore[attr-defined]

    # --- what it does ----------------------------------------------------------------

    def add_line(self) -> None:
        row = self.lines.add_line()
        self.table.setFocus()
        self.table.setCurrentIndex(self.lines.index(row, LineColumn.DESCRIPTION))

    def remove_line(self) -> None:
        self.lines.remove_line(self.table.currentIndex().row())

    def _customer_changed(self) -> None:
        choice = self.customer.currentData()
        if choice is not None and self.schedule.schedule_id is None:
            self.lines.set_currency(choice.currency)

    def schedule_typed(self) -> Schedule:
        """The form as a schedule, or BadInput naming what to fix first."""
        choice = self.customer.currentData()
        if choice is None:
            raise BadInput(_("Choose a customer for the recurring invoice."))
        problems = self.lines.problems()
        if problems:
            raise BadInput(problems[0])
        return replace(
            self.schedule,
            customer_id=choice.customer_id,
            every=self.every.currentData(),
            interval=self.interval.value(),
            next_date=day_of(self.next_date),
            end_date=day_of(self.end_date) if self.until.isChecked() else None,
            send=self.send.isChecked(),
            terms_days=self.terms.value() if self.own_terms.isChecked() else None,
            notes=self.notes.toPlainText(),
            currency=self.lines.currency,
            lines=tuple(self.lines.lines()),
        )

    def _save(self) -> None:
        self.schedule_id = save_schedule(self.schedule_typed())
