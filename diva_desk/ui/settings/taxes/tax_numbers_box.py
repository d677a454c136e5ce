"""The business's registration number for each tax it charges, printed beside that tax
in every invoice's tax summary (business.tax_registrations).

One field per tax name: the names of the rates (as typed on the Tax rates tab, so a
tax added there gets its field at once) and any name that already has a number. A
tax left blank is one the business is not registered for: nothing prints beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from diva_desk.core.records import TaxRegistration
from diva_desk.i18n import _
from diva_desk.ui.common import style


class TaxNumbersBox(QGroupBox):
    def __init__(
        self, registrations: Sequence[TaxRegistration], parent: QWidget | None = None
    ) -> None:
        super().__init__(_("Registration numbers"), parent)
        self.setObjectName("taxNumbers")
        hint = QLabel(
            _(
                "Printed beside each tax in your invoices' tax summary; leave blank a tax "
                "you are not registered for."
            ),
            self,
        )
        hint.setWordWrap(True)
        style.themed(hint, "color: @muted;")
        self._form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(self._form)
        layout.addStretch(1)
        self.fields: dict[str, QLineEdit] = {}
        self._typed = {r.tax: r.number for r in registrations}
        self.show_taxes([r.tax for r in registrations])

    def show_taxes(self, names: Sequence[str]) -> None:
        """One field per tax name: those given, then any that has a number, in order."""
        self._typed.update({name: field.text() for name, field in self.fields.items()})
        wanted = [n for n in dict.fromkeys(name.strip() for name in names) if n]
        wanted += [n for n, number in self._typed.items() if number.strip() and n not in wanted]
        if wanted == list(self.fields):
            return
        while self._form.rowCount():
            self._form.removeRow(0)
        self.fields = {}
        for name in wanted:
            field = QLineEdit(self._typed.get(name, ""), self)
            field.setObjectName(f"taxNumber:{name}")
            field.setPlaceholderText(_("e.g. 123456789 RT0001"))
            field.setAccessibleName(_("{tax} registration number").format(tax=name))
            self._form.addRow(QLabel(name, self), field)
            self.fields[name] = field

    def registrations(self) -> tuple[TaxRegistration, ...]:
        """The numbers typed, each tax with a number once, in the order shown."""
        return tuple(
            TaxRegistration(name, field.text().strip())
            for name, field in self.fields.items()
            if field.text().strip()
        )
