"""Groups of tax rates picked as one on an invoice line ("GST + QST (QC)").

A group is a name and the rates it puts on a line, chosen from the rates typed on
the Tax rates tab; the invoice editor offers each group after the rates.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from diva_desk.errors import BadInput
from diva_desk.i18n import _
from diva_desk.store.book.tax_groups import TaxGroupRow, groups_problem
from diva_desk.store.book.tax_rates import TaxRateRow
from diva_desk.ui.common.dialogs import FormDialog, exec_dialog


def group_text(group: TaxGroupRow) -> str:
    """``GST + QST (QC) — GST 5% + QST 9.975%``: the name and what it charges."""
    return f"{group.name} — " + " + ".join(rate.label for rate in group.rates)


class TaxGroupsBox(QGroupBox):
    changed = Signal()

    def __init__(self, groups: Sequence[TaxGroupRow], parent: QWidget | None = None) -> None:
        super().__init__(_("Groups picked as one"), parent)
        self.setObjectName("taxGroups")
        self.groups = list(groups)
        #: The rates a group may be made of: the Tax rates tab's, as typed (rates_for).
        self.available: list[TaxRateRow] = []
        self.list = QListWidget(self)
        self.list.setObjectName("taxGroupList")
        self.list.itemActivated.connect(lambda _item: self.edit())
        self.add_button = self._button(_("Ma&ke group…"), "addGroup", self.add)
        self.edit_button = self._button(_("Ad&just group…"), "editGroup", self.edit)
        self.remove_button = self._button(_("Delete group"), "removeGroup", self.remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        # The dialog's letters are all taken: Delete on the list removes the group.
        remove_key = QShortcut(QKeySequence.StandardKey.Delete, self.list)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.remove)
        self._refill(0)

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _c=False: slot())  # type: ignore[operator]
        return button

    def _refill(self, current: int) -> None:
        self.list.clear()
        for group in self.groups:
            QListWidgetItem(group_text(group), self.list)
        if self.groups:
            self.list.setCurrentRow(min(max(current, 0), len(self.groups) - 1))
        self._enable()

    def _enable(self) -> None:
        chosen = self.list.currentRow() >= 0
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def add(self) -> None:
        group = self._ask(TaxGroupRow("", ()), _("Add a tax group"))
        if group is not None:
            self.groups.append(group)
            self._refill(len(self.groups) - 1)
            self.changed.emit()

    def edit(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        group = self._ask(self.groups[row], _("Change the tax group"))
        if group is not None:
            self.groups[row] = group
            self._refill(row)
            self.changed.emit()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self.groups[row]
        self._refill(row)
        self.changed.emit()

    def _ask(self, group: TaxGroupRow, title: str) -> TaxGroupRow | None:
        """The group as changed in a small dialog, or None if cancelled."""
        dialog = FormDialog(title, _("OK"), self)
        dialog.intro.setText(_("Name the group and tick the taxes it puts on a line, in order."))
        name = QLineEdit(group.name, dialog)
        name.setObjectName("groupName")
        name.setPlaceholderText(_("e.g. GST + QST (QC)"))
        dialog.form.addRow(_("&Name:"), name)
        rates = QListWidget(dialog)
        rates.setObjectName("groupRates")
        choices = list(dict.fromkeys([*self.available, *group.rates]))
        for rate in choices:
            item = QListWidgetItem(rate.label, rates)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if rate in group.rates else Qt.CheckState.Unchecked
            )
        dialog.form.addRow(_("&Taxes:"), rates)
        result: list[TaxGroupRow] = []

        def take(_dialog: object) -> None:
            ticked = tuple(
                rate
                for row, rate in enumerate(choices)
                if rates.item(row).checkState() == Qt.CheckState.Checked
            )
            changed = TaxGroupRow(name.text().strip(), ticked)
            others = [g for g in self.groups if g is not group]
            if problem := groups_problem([*others, changed]):
                raise BadInput(problem)
            result.append(changed)

        dialog.action = take
        if exec_dialog(dialog) and result:
            return result[0]
        return None
