"""The customer editor: every field of a customer, checked where it is typed.

A dialog rather than an always-editable pane, so that looking at a customer never
risks changing one, and so that Save and Cancel mean one clear thing. Problems
are shown beside their field (in words that name it) when Save is pressed, and
each disappears as soon as its field is edited. Closing with unsaved changes asks
first: save, discard, or keep editing.
"""

from __future__ import annotations

from babel.core import UnknownLocaleError
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core import records as r
from diva_desk.core.customers.billing_text import billing_cycle_text
from diva_desk.core.customers.customer_rules import (
    CustomerInput,
    check_customer_input,
    input_from_customer,
    read_payment_run_days,
)
from diva_desk.core.late_fees.terms import late_fee_hint
from diva_desk.errors import UserFacingError
from diva_desk.i18n import _
from diva_desk.i18n import format as fmt
from diva_desk.store.book.business import get_business
from diva_desk.store.customers import listing as store
from diva_desk.ui.common import style
from diva_desk.ui.common.choices import LOCALES, currency_choices, locale_name
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.form_fields import choice_box, show_value, text_box
from diva_desk.ui.common.layouts.screen_fit import fitted_size
from diva_desk.ui.customers.customer_timeline import method_text

_ERROR_STYLE = "color: @overdue;"
Editor = QLineEdit | QPlainTextEdit | QComboBox | QCheckBox


class CustomerDialog(QDialog):
    """Create (``customer_id`` None) or edit one customer."""

    #: The customer's id, after it was written to the book.
    customer_saved = Signal(int)

    def __init__(
        self,
        customer_id: int | None = None,
        *,
        default_currency: str | None = None,
        default_terms: int = r.DEFAULT_TERMS_DAYS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.setMinimumWidth(820)
        self.customer_id = customer_id
        self._default_terms = default_terms
        if default_currency is None:
            business = get_business()
            default_currency = business.currency if business else r.DEFAULT_CURRENCY
        #: An emptied currency field means the business's currency, as for a new customer.
        self._default_currency = default_currency
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}

        if customer_id is None:
            original = r.Customer(code="", name="", currency=default_currency)
            self.setWindowTitle(_("New customer"))
        else:
            original = store.get_customer(customer_id)
            self.setWindowTitle(_("Edit {name}").format(name=original.name))

        identity = self._group(_("Customer"))
        self._line(identity, "code", _("C&ode:"), _("A short code, e.g. ACME"))
        self._line(identity, "name", _("&Name:"), _("Company or person"))
        self._text(identity, "address", _("&Address:"), 3)

        contact = self._group(_("Main contact"))
        self._line(contact, "contact_name", _("Con&tact:"))
        self._line(contact, "email", _("&Email:"), _("name@example.com"))
        self._line(contact, "phone", _("&Phone:"))

        payable = self._group(_("Accounts payable"))
        self._line(payable, "ap_contact_name", _("Na&me:"), _("Who processes your invoices"))
        self._line(payable, "ap_email", _("Emai&l:"), _("accounts@example.com"))
        self._line(payable, "ap_phone", _("P&hone:"))

        billing = self._group(_("Terms and billing cycle"))
        self._combo(billing, "currency", _("C&urrency:"), currency_choices(original.currency))
        self._combo(billing, "language", _("Lan&guage:"), self._languages(original.language))
        self._line(
            billing,
            "terms_days",
            _("Payment te&rms (days):"),
            _("Your usual: {days}").format(days=fmt.number(default_terms)),
        )
        self._line(billing, "invoice_cutoff_day", _("&Invoice cut-off day:"), _("e.g. 20"))
        self._line(billing, "payment_run_days", _("Payment-run da&ys:"), _("e.g. 15, 31"))
        self._line(billing, "deposit_percent", _("&Deposit (%):"), "0")
        self._line(
            billing,
            "late_fee_percent_per_month",
            _("Interest on overdue &balances (% a month):"),
            late_fee_hint(get_business()),
        )
        self._combo(
            billing,
            "preferred_payment_method",
            _("Pre&ferred payment:"),
            [(_("No preference"), ""), *((method_text(m), m.value) for m in r.PaymentMethod)],
        )
        self.cycle_preview = QLabel(self)
        self.cycle_preview.setObjectName("cyclePreview")
        self.cycle_preview.setWordWrap(True)
        style.themed(self.cycle_preview, "color: @muted;")
        billing.layout().addRow(self.cycle_preview)  # type: ignore[union-attr]

        notes = self._group(_("Notes"))
        self._text(notes, "notes", "", 3)
        self.archived = QCheckBox(_("Archi&ved: hidden from the list, still collected"), self)
        self.archived.setObjectName("archived")
        self.editors["archived"] = self.archived
        notes.layout().addRow(self.archived)  # type: ignore[union-attr]

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        grid.addWidget(identity, 0, 0)
        grid.addWidget(contact, 1, 0)
        grid.addWidget(payable, 2, 0)
        grid.addWidget(billing, 0, 1, 2, 1)
        grid.addWidget(notes, 2, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)

        self._original = input_from_customer(original)
        self._fill(self._original)
        for field, editor in self.editors.items():
            self._watch(field, editor)
        self._update_preview()
        self.editors["code" if customer_id is None else "name"].setFocus()

    # --- building ----------------------------------------------------------------------

    def _group(self, title: str) -> QGroupBox:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(4)
        return box

    def _add(self, box: QGroupBox, field: str, label: str, editor: Editor) -> None:
        editor.setObjectName(field)
        error = QLabel(box)
        error.setObjectName(f"{field}Error")
        style.themed(error, _ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(editor)
        cell.addWidget(error)
        form = box.layout()
        assert isinstance(form, QFormLayout)
        if label:
            caption = QLabel(label, box)
            caption.setBuddy(editor)
            form.addRow(caption, cell)
        else:
            form.addRow(cell)
        self.editors[field] = editor
        self.errors[field] = error

    def _line(self, box: QGroupBox, field: str, label: str, hint: str = "") -> None:
        editor = QLineEdit(box)
        editor.setPlaceholderText(hint)
        self._add(box, field, label, editor)

    def _text(self, box: QGroupBox, field: str, label: str, lines: int) -> None:
        self._add(box, field, label, text_box(box, lines))

    def _combo(
        self, box: QGroupBox, field: str, label: str, choices: list[tuple[str, str]]
    ) -> None:
        self._add(box, field, label, choice_box(box, choices))

    @staticmethod
    def _languages(current: str | None) -> list[tuple[str, str]]:
        """The usual languages, and the customer's own when it is another (never lost)."""
        codes = list(LOCALES)
        if current and current not in codes:
            codes.insert(0, current)
        return [(_("Same as your business"), ""), *((_locale_text(c), c) for c in codes)]

    def _watch(self, field: str, editor: Editor) -> None:
        def changed(*_args: object) -> None:
            self.errors.get(field, QLabel()).hide()
            if field in ("invoice_cutoff_day", "payment_run_days", "ap_contact_name"):
                self._update_preview()

        if isinstance(editor, QLineEdit | QPlainTextEdit):
            editor.textChanged.connect(changed)
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(changed)
        else:
            editor.toggled.connect(changed)

    # --- values ------------------------------------------------------------------------

    def _fill(self, entry: CustomerInput) -> None:
        for field, editor in self.editors.items():
            show_value(editor, getattr(entry, field))

    def typed(self) -> CustomerInput:
        """What the form holds now, as text."""
        values: dict[str, object] = {}
        for field, editor in self.editors.items():
            if isinstance(editor, QLineEdit):
                values[field] = editor.text()
            elif isinstance(editor, QPlainTextEdit):
                values[field] = editor.toPlainText()
            elif isinstance(editor, QComboBox):
                values[field] = editor.currentData() or ""
            else:
                values[field] = editor.isChecked()
        return CustomerInput(**values)  # type: ignore[arg-type]

    def is_dirty(self) -> bool:
        return self.typed() != self._original

    def _update_preview(self) -> None:
        entry = self.typed()
        try:
            runs = read_payment_run_days(entry.payment_run_days)
            cutoff = int(entry.invoice_cutoff_day) if entry.invoice_cutoff_day.strip() else None
        except ValueError:
            self.cycle_preview.setText("")
            return
        if cutoff is not None and not 1 <= cutoff <= 31:
            self.cycle_preview.setText("")
            return
        self.cycle_preview.setText(billing_cycle_text(cutoff, runs, entry.ap_contact_name))

    # --- saving and leaving ------------------------------------------------------------

    def shown_problems(self) -> dict[str, str]:
        """The messages beside fields now, by field (for tests and for screen readers)."""
        return {f: label.text() for f, label in self.errors.items() if not label.isHidden()}

    def save(self) -> bool:
        """Check, then write; on a problem show it beside its field and stay open."""
        check = check_customer_input(
            self.typed(),
            code_in_use=lambda code: store.code_in_use(code, except_id=self.customer_id),
            kept_code=self._original.code,
            default_currency=self._default_currency,
        )
        for field, label in self.errors.items():
            message = check.problems.get(field)
            label.setText(message or "")
            label.setVisible(bool(message))
        if not check.ok or check.customer is None:
            first = next(f for f in self.editors if f in check.problems)
            self.editors[first].setFocus(Qt.FocusReason.OtherFocusReason)
            self._fit_messages()
            return False
        try:
            if self.customer_id is None:
                self.customer_id = store.create_customer(check.customer)
            else:
                store.update_customer(self.customer_id, check.customer)
        except UserFacingError as exc:
            show_failure(self, exc)
            return False
        self._original = self.typed()
        self.customer_saved.emit(self.customer_id)
        super().accept()
        return True

    def _fit_messages(self) -> None:
        """Grow to show every message whole (wrapped labels ask for height after the fact)."""
        layout = self.layout()
        assert layout is not None
        layout.invalidate()
        layout.activate()
        wanted = layout.totalHeightForWidth(self.width())
        if wanted < 0:
            wanted = self.sizeHint().height()
        if wanted > self.height():
            self.resize(*fitted_size(self.width(), wanted, self))

    def accept(self) -> None:  # Enter in a line edit presses the default button: Save
        self.save()

    def reject(self) -> None:
        if self._may_leave():
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button: the same question as Cancel, asked once.
        event.ignore()
        self.reject()

    def _may_leave(self) -> bool:
        """True when nothing typed would be lost (after asking, if something would)."""
        if not self.is_dirty():
            return True
        answer = ask_unsaved(self)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard


def _locale_text(code: str) -> str:
    """A language's own name, or its code when Babel does not know it."""
    try:
        return locale_name(code)
    except (ValueError, UnknownLocaleError):
        return code


def ask_unsaved(parent: QWidget) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel: the one question asked before typing would be lost."""
    return QMessageBox.question(
        parent,
        _("Unsaved changes"),
        _("You changed this customer. Save the changes before closing?"),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
