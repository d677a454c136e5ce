"""Payment instructions per currency, in Settings › Business profile.

One currency at a time: a list of currencies (those the book uses first, then the
other common ones; those with a text of their own are marked) and the text for the
one chosen. A currency left empty prints the general instructions, so a Seattle
client can be told to pay by ACH while Toronto ones still read "Interac e-Transfer".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from diva_desk.core.currencies import BOOK_CURRENCIES
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt


class CurrencyInstructions(QWidget):
    """Edits ``texts`` (currency code -> instructions); :meth:`texts` gives them back."""

    changed = Signal()

    def __init__(
        self,
        texts: Mapping[str, str],
        book_currencies: Iterable[str],
        lines: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._texts = {code: text for code, text in texts.items() if text.strip()}
        used = list(dict.fromkeys([*book_currencies, *sorted(self._texts)]))
        self.currency = QComboBox(self)
        self.currency.setObjectName("instructionsCurrency")
        self.currency.setToolTip(_("The currency whose own payment instructions are shown below"))
        for code in [*used, *(c for c in BOOK_CURRENCIES if c not in used)]:
            self.currency.addItem("", code)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("currencyInstructions")
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * lines + 14)
        # Only as tall as the list and the box: the form's rows stay together at the top.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.currency)
        layout.addWidget(self.text)
        self._labels()
        self._show(self.code())
        self.currency.currentIndexChanged.connect(lambda _i: self._show(self.code()))
        self.text.textChanged.connect(self._typed)

    def code(self) -> str:
        return str(self.currency.currentData())

    def texts(self) -> dict[str, str]:
        """The instructions per currency, only those with a text."""
        return {code: text.strip() for code, text in sorted(self._texts.items()) if text.strip()}

    def _show(self, code: str) -> None:
        self.text.blockSignals(True)
        self.text.setPlainText(self._texts.get(code, ""))
        self.text.blockSignals(False)
        self.text.setPlaceholderText(
            _("Empty: invoices in {code} print the general instructions").format(code=code)
        )
        self.text.setToolTip(
            _(
                "Invoices, statements and reminders in {code} print these instructions "
                "instead of the general ones."
            ).format(code=code)
        )

    def _typed(self) -> None:
        code = self.code()
        before = bool(self._texts.get(code, "").strip())
        self._texts[code] = self.text.toPlainText()
        if before != bool(self._texts[code].strip()):
            self._labels()
        self.changed.emit()

    def _labels(self) -> None:
        for index in range(self.currency.count()):
            code = str(self.currency.itemData(index))
            label = f"{fmt.currency_name(code)} ({code})"
            if self._texts.get(code, "").strip():
                label = _("{currency} — own instructions").format(currency=label)
            self.currency.setItemText(index, label)
