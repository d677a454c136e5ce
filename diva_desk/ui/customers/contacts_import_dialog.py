"""The contacts import preview (File > Import contacts…, see contacts_actions.py).

The import reads the file off the GUI thread, then shows every row: what will be
created, what looks like a customer already in the book (skipped unless ticked),
and what cannot be imported, each with its line number and reason. Columns the
import did not recognise can be given a meaning, and the preview follows at once.
Nothing is written until Import is pressed; then all of it goes in one transaction
(``contacts.apply_plan``), and the window reads the book again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from diva_desk.contacts import (
    ContactFile,
    ContactFormat,
    Field,
    ImportPlan,
    KnownCustomer,
    apply_plan,
    plan_import,
    read_contacts,
)
from diva_desk.contacts.plan import book_customers
from diva_desk.core.records import Customer
from diva_desk.errors import BadInput
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.book.business import business_currency
from diva_desk.ui.common import style
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.common.style import Tone
from diva_desk.ui.common.tables.table_models import Column, Index, RowTableModel
from diva_desk.ui.common.tasks import TaskRunner

CREATE, DUPLICATE, INVALID = "create", "duplicate", "invalid"


@dataclass(frozen=True)
class PreviewRow:
    line: int
    action: str
    name: str
    customer: Customer | None
    reason: str


@dataclass(frozen=True)
class FirstLook:
    """The file, the book's customers and currency, and the first plan: read on a worker,
    so the preview opens without reading the book (5,000 customers) on the GUI thread."""

    contacts: ContactFile
    existing: list[KnownCustomer]
    currency: str
    #: The plan with the columns as recognised; None when no column names a customer.
    plan: ImportPlan | None


def first_look(path: Path) -> FirstLook:
    contacts = read_contacts(path)
    existing = book_customers()
    currency = business_currency()
    try:
        plan = plan_import(contacts.rows, contacts.mapping, existing=existing, currency=currency)
    except BadInput:
        plan = None  # the preview says why, and offers to name the columns
    return FirstLook(contacts, existing, currency, plan)


def preview_rows(plan: ImportPlan) -> list[PreviewRow]:
    """Every row of the file that the plan knows, in file order."""
    rows = [PreviewRow(p.line, CREATE, p.customer.name, p.customer, "") for p in plan.creates]
    rows += [
        PreviewRow(d.line, DUPLICATE, d.customer.name, d.customer, d.reason)
        for d in plan.duplicates
    ]
    rows += [PreviewRow(i.line, INVALID, i.name, None, i.reason) for i in plan.invalid]
    return sorted(rows, key=lambda row: row.line)


def _action_text(row: PreviewRow) -> str:
    return {
        CREATE: _("Create"),
        DUPLICATE: _("Duplicate"),
        INVALID: _("Invalid"),
    }[row.action]


def _tint(row: PreviewRow) -> QColor | None:
    return {DUPLICATE: style.colour(Tone.FAINT), INVALID: style.colour(Tone.OVERDUE)}.get(
        row.action
    )


class PreviewModel(RowTableModel[PreviewRow]):
    """The rows of the file; a duplicate's first cell is a tick box: "import it anyway"."""

    def __init__(self, parent: Any = None) -> None:
        def field(get: Callable[[Customer], str]) -> Callable[[PreviewRow], str]:
            return lambda row: get(row.customer) if row.customer else ""

        super().__init__(
            [
                Column(_("Line"), lambda r: str(r.line), value=lambda r: r.line, numeric=True),
                Column(_("What happens"), _action_text, tint=_tint, shrinks=False),
                Column(_("Name"), lambda r: r.name, weight=2),
                Column(_("Code"), field(lambda c: c.code), shrinks=False),
                Column(_("Email"), field(lambda c: c.email)),
                Column(_("Phone"), field(lambda c: c.phone), shrinks=False),
                Column(_("Why"), lambda r: r.reason, tint=_tint, weight=2),
            ],
            parent,
        )
        #: Lines of duplicates the user ticked to import anyway.
        self.included: set[int] = set()

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 1 and self.row_at(index.row()).action == DUPLICATE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 1:
            row = self.row_at(index.row())
            if row.action == DUPLICATE:
                ticked = row.line in self.included
                return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        row = self.row_at(index.row())
        if row.action != DUPLICATE:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.included.add(row.line)
        else:
            self.included.discard(row.line)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class ContactsImportDialog(QDialog):
    """The preview: nothing is written until Import."""

    #: After the import was written: how many customers it created.
    imported = Signal(int)

    def __init__(
        self,
        path: Path,
        contacts: ContactFile,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        look: FirstLook | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactsImportDialog")
        self.setWindowTitle(_("Import contacts from {file}").format(file=path.name))
        fit_to_screen(self, 1040, 620)
        self._contacts = contacts
        self._tasks = tasks
        self.mapping = contacts.mapping
        self.plan: ImportPlan | None = None
        #: Read on the worker with the file (the window); None: read from the book here.
        self._look = look
        #: One box per column the import did not recognise, by column position.
        self.column_choices: dict[int, QComboBox] = {}

        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.model = PreviewModel(self)
        self.model.dataChanged.connect(lambda *_: self._update_button())
        self.table = QTableView(self)
        self.table.setObjectName("importPreview")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            _("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("confirmImport")
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        mapping = self._mapping_box()
        if mapping is not None:
            layout.addWidget(mapping)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.replan()

    def _mapping_box(self) -> QWidget | None:
        """A choice per unrecognised CSV column: what it holds, or "not imported"."""
        if self._contacts.format is not ContactFormat.CSV:
            return None
        unmapped = [i for i, f in enumerate(self.mapping.fields) if f is None]
        recognised = ", ".join(
            f"{self.mapping.headers[i]} → {f.label}" for i, f in self.mapping.detected.items()
        )
        box = QGroupBox(_("Columns"), self)
        outer = QVBoxLayout(box)
        known = QLabel(_("Recognised: {columns}").format(columns=recognised or _("none")), box)
        known.setWordWrap(True)
        style.themed(known, "color: @muted;")
        outer.addWidget(known)
        if not unmapped:
            return box
        inner = QWidget(box)
        form = QFormLayout(inner)
        form.setContentsMargins(0, 0, 0, 0)
        for column in unmapped:
            choice = QComboBox(inner)
            choice.setObjectName(f"column{column}")
            choice.addItem(_("Not imported"), "")
            for field in Field:
                choice.addItem(field.label, field.value)
            choice.currentIndexChanged.connect(
                lambda _i, column=column, choice=choice: self._column_changed(column, choice)
            )
            form.addRow(_("“{header}” holds:").format(header=self.mapping.headers[column]), choice)
            self.column_choices[column] = choice
        scroll = QScrollArea(box)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMaximumHeight(min(150, inner.sizeHint().height() + 4))
        outer.addWidget(scroll)
        return box

    def _column_changed(self, column: int, choice: QComboBox) -> None:
        value = choice.currentData()
        self.mapping = self.mapping.with_field(column, Field(value) if value else None)
        self.replan()

    def replan(self) -> None:
        """Plan again with the mapping as it stands (nothing is written)."""
        included = set(self.model.included)
        look = self._look
        try:
            if look is not None and look.plan is not None and self.mapping == look.contacts.mapping:
                self.plan = look.plan  # the first plan, made on the worker
            elif look is not None:
                # The book's customers were read on the worker: planning again with
                # another column's meaning reads nothing from the book.
                self.plan = plan_import(
                    self._contacts.rows,
                    self.mapping,
                    existing=look.existing,
                    currency=look.currency,
                )
            else:
                self.plan = plan_import(self._contacts.rows, self.mapping)
        except BadInput as exc:
            self.plan = None
            self.model.set_rows([])
            self.summary.setText(
                _("Nothing can be imported: {reason}. Say which column holds the name.").format(
                    reason=exc
                )
            )
            self._update_button()
            return
        rows = preview_rows(self.plan)
        self.model.included = included & {r.line for r in rows if r.action == DUPLICATE}
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self._update_button()

    def chosen_plan(self) -> ImportPlan | None:
        return None if self.plan is None else self.plan.including(self.model.included)

    def _update_button(self) -> None:
        plan = self.chosen_plan()
        count = len(plan.creates) if plan else 0
        self.import_button.setEnabled(count > 0 and not self._tasks.is_busy())
        self.import_button.setText(
            ngettext("&Import {count} customer", "&Import {count} customers", count).format(
                count=fmt.number(count)
            )
        )
        if plan is None:
            return
        parts = [
            ngettext("{n} to create", "{n} to create", len(plan.creates)),
            ngettext("{n} duplicate skipped", "{n} duplicates skipped", len(plan.duplicates)),
            ngettext(
                "{n} row cannot be imported", "{n} rows cannot be imported", len(plan.invalid)
            ),
        ]
        counts = (len(plan.creates), len(plan.duplicates), len(plan.invalid))
        self.summary.setText(
            _(
                "{counts}. Tick a duplicate to import it anyway. "
                "Nothing is written until you press Import."
            ).format(
                counts=" · ".join(
                    t.format(n=fmt.number(n)) for t, n in zip(parts, counts, strict=True)
                )
            )
        )

    def confirm(self) -> None:
        """Write the chosen rows in one transaction, off the GUI thread."""
        plan = self.chosen_plan()
        if plan is None or not plan.creates:
            return
        self.import_button.setEnabled(False)

        def done(created: tuple[Customer, ...]) -> None:
            self.imported.emit(len(created))
            super(ContactsImportDialog, self).accept()

        def failed(error: BaseException) -> None:
            self._update_button()
            show_failure(self, error)

        self._tasks.run(lambda: apply_plan(plan), done, failed)
