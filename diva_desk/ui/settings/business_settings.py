"""Settings > Business profile and taxes: everything the invoices print and the book uses.

Two tabs: the profile (who the business is, its logo, its currency and language,
its usual terms and invoice numbering, how to pay it) and the taxes: the rates it
charges, the groups of rates picked as one ("GST + QST") and its registration
number for each tax. Problems are shown beside their field when Save is pressed and go away
as the field is fixed; the next invoice number is checked as it is typed,
because going below a number already on an invoice is the one mistake here that
would put two invoices under one number. Save writes the profile, the logo and
the tax rates in one transaction; closing with changes asks first.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.business_rules import (
    MAX_TERMS_DAYS,
    PREFIX_MAX_LENGTH,
    BusinessInput,
    check_business,
    check_tax_rates,
    input_from_business,
    next_number_problem,
)
from diva_desk.core.quotes.numbering import read_quote_numbering
from diva_desk.core.records import Business
from diva_desk.errors import BadInput, UserFacingError
from diva_desk.i18n import _, current_locale, set_language
from diva_desk.store.book.business import (
    UNCHANGED,
    get_business,
    get_logo,
    highest_invoice_number,
    save_business_settings,
)
from diva_desk.store.book.settings import (
    book_currencies,
    payment_instructions_by_currency,
)
from diva_desk.store.book.tax_groups import tax_groups
from diva_desk.store.book.tax_rates import TaxRateRow, registrations_problem, tax_rates
from diva_desk.ui.common import style
from diva_desk.ui.common.choices import LOCALES, currency_choices, locale_name
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.form_fields import choice_box, show_value, text_box
from diva_desk.ui.common.layouts.screen_fit import fit_to_screen
from diva_desk.ui.common.unsaved import GuardedDialog
from diva_desk.ui.settings.currency_instructions import CurrencyInstructions
from diva_desk.ui.settings.logo_box import LogoBox
from diva_desk.ui.settings.pay_link_row import add_pay_link_row, watch_pay_link
from diva_desk.ui.settings.quote_numbering_row import quote_numbering_row
from diva_desk.ui.settings.taxes.tax_groups_box import TaxGroupsBox
from diva_desk.ui.settings.taxes.tax_numbers_box import TaxNumbersBox
from diva_desk.ui.settings.taxes.tax_rates_page import TaxRatesPage

_ERROR_STYLE = "color: @overdue;"
_HINT_STYLE = "color: @muted;"
Editor = QLineEdit | QPlainTextEdit | QComboBox | QSpinBox


class BusinessSettingsDialog(GuardedDialog):
    """Edit the business profile, its logo and its tax rates."""

    #: The profile as saved.
    business_saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("businessSettings")
        self.setWindowTitle(_("Business profile and taxes"))
        self.setMinimumWidth(940)
        original = get_business() or Business(name="")
        self.editors: dict[str, Editor] = {}
        self.errors: dict[str, QLabel] = {}

        identity = self._group(_("Your business"))
        self._line(identity, "name", _("Business &name:"), _("As it goes on your invoices"))
        self._line(identity, "owner_name", _("&Owner:"))
        self._text(identity, "address", _("&Address:"), 3)
        self._line(identity, "email", _("&Email:"), _("billing@example.com"))
        self._line(identity, "phone", _("P&hone:"))
        self._text(
            identity, "tax_numbers", _("Ta&x numbers:"), 2, _("e.g. GST/HST 123456789 RT0001")
        )
        self.logo_box = LogoBox(get_logo(), self)
        logo_label = QLabel(_("Logo:"), self)
        identity.addRow(logo_label, self.logo_box)

        invoicing = self._invoicing = self._group(_("Invoices"))
        self._combo(invoicing, "currency", _("&Currency:"), currency_choices(original.currency))
        self._combo(invoicing, "locale", _("Lan&guage and formats:"), self._locales(original))
        terms = QSpinBox(self)
        terms.setRange(0, MAX_TERMS_DAYS)
        terms.setSuffix(_(" days"))
        terms.setToolTip(_("How many days customers usually have to pay an invoice"))
        self._add(invoicing, "default_terms_days", _("Payment &terms:"), terms)
        self._line(invoicing, "invoice_prefix", _("Invoice &prefix:"), _("e.g. INV-"))
        prefix = self.editors["invoice_prefix"]
        assert isinstance(prefix, QLineEdit)
        prefix.setMaxLength(PREFIX_MAX_LENGTH)
        self._line(invoicing, "next_invoice_number", _("Next &invoice number:"), "1")
        self._quote_numbering()
        self.number_hint = QLabel(self)
        self.number_hint.setObjectName("numberHint")
        self.number_hint.setWordWrap(True)
        style.themed(self.number_hint, _HINT_STYLE)
        number_column = self.errors["next_invoice_number"].parentWidget().layout()
        assert isinstance(number_column, QVBoxLayout)
        number_column.insertWidget(2, self.number_hint)
        self._text(
            invoicing,
            "payment_instructions",
            _("Pa&yment instructions:"),
            6,
            _("e.g. Interac e-Transfer to billing@example.com, or cheque to the address above"),
        )
        # A currency of its own (a US client pays by ACH, not e-Transfer): its documents
        # print its text, other currencies the general one above.
        used = [c for c in book_currencies() if c != original.currency]
        self.by_currency = CurrencyInstructions(
            payment_instructions_by_currency(), [*used, original.currency], parent=self
        )
        by_currency_label = QLabel(_("Instructions &for:"), self)
        by_currency_label.setBuddy(self.by_currency.currency)
        invoicing.addRow(by_currency_label, self.by_currency)
        self.link_hint = add_pay_link_row(self, invoicing)

        profile = QWidget(self)
        columns = QHBoxLayout(profile)
        columns.addWidget(identity.parentWidget(), 1)
        columns.addWidget(invoicing.parentWidget(), 1)
        self.tax_page = TaxRatesPage(tax_rates(), self)
        self.groups = TaxGroupsBox(tax_groups(), self)
        self.numbers = TaxNumbersBox(original.tax_registrations, self)
        self.tax_page.changed.connect(self._rates_typed)
        self._rates_typed()
        self.tax_tab = taxes = QWidget(self)
        side = QVBoxLayout()
        side.addWidget(self.groups, 1)
        side.addWidget(self.numbers, 1)
        tax_columns = QHBoxLayout(taxes)
        tax_columns.addWidget(self.tax_page, 1)
        tax_columns.addLayout(side, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(profile, _("&Business"))
        self.tabs.addTab(taxes, _("Tax &rates"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("&Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        self.set_input(input_from_business(original))
        self._original = self.typed()
        self._original_logo = self.logo_box.logo
        self._original_taxes = self.tax_page.model.typed()
        self._original_groups = list(self.groups.groups)
        self._original_numbers = self.numbers.registrations()
        self._original_by_currency = self.by_currency.texts()
        self._original_quotes = self._quotes_typed()
        self._check_number()
        for name in ("invoice_prefix", "next_invoice_number"):
            field = self.editors[name]
            assert isinstance(field, QLineEdit)
            field.textChanged.connect(lambda _t: self._check_number())
        watch_pay_link(self)
        self.editors["name"].setFocus(Qt.FocusReason.OtherFocusReason)
        fit_to_screen(self, 940, self.sizeHint().height())

    # --- building the form ----------------------------------------------------------

    def _quote_numbering(self) -> None:
        """Quotes are numbered apart from invoices: their prefix and next number, in a row."""
        self.quote_prefix, self.next_quote, row = quote_numbering_row(self)
        self._invoicing.addRow(QLabel(_("Quote prefix:"), self), row)

    def _quotes_typed(self) -> tuple[str, str]:
        return self.quote_prefix.text(), self.next_quote.text()

    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        return form

    def _add(self, form: QFormLayout, name: str, label: str, editor: Editor) -> None:
        editor.setObjectName(name)
        error = QLabel(self)
        error.setObjectName(f"{name}Error")
        error.setWordWrap(True)
        style.themed(error, _ERROR_STYLE)
        error.hide()
        holder = QWidget(self)
        # Only as tall as the field and its message: the rows stay together at the top.
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        column.addWidget(error)
        caption = QLabel(label, self)
        caption.setBuddy(editor)
        form.addRow(caption, holder)
        self.editors[name] = editor
        self.errors[name] = error
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _t: self._fixed(name))
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(lambda: self._fixed(name))
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(lambda _i: self._fixed(name))

    def _line(self, form: QFormLayout, name: str, label: str, placeholder: str = "") -> None:
        editor = QLineEdit(self)
        editor.setPlaceholderText(placeholder)
        self._add(form, name, label, editor)

    def _text(
        self, form: QFormLayout, name: str, label: str, lines: int, placeholder: str = ""
    ) -> None:
        self._add(form, name, label, text_box(self, lines, placeholder))

    def _combo(
        self, form: QFormLayout, name: str, label: str, items: list[tuple[str, str]]
    ) -> None:
        self._add(form, name, label, choice_box(self, items))

    @staticmethod
    def _locales(business: Business) -> list[tuple[str, str]]:
        codes = list(LOCALES) if business.locale in LOCALES else [business.locale, *LOCALES]
        return [(locale_name(code), code) for code in codes]

    # --- reading and filling --------------------------------------------------------

    def typed(self) -> BusinessInput:
        values: dict[str, str] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QLineEdit):
                values[name] = editor.text()
            elif isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText()
            elif isinstance(editor, QComboBox):
                values[name] = str(editor.currentData())
            else:
                values[name] = str(editor.value())
        return BusinessInput(**values)

    def set_input(self, entry: BusinessInput) -> None:
        for name, editor in self.editors.items():
            show_value(editor, getattr(entry, name))
        for error in self.errors.values():
            error.hide()

    def is_dirty(self) -> bool:
        return (
            self.typed() != self._original
            or self.logo_box.logo != self._original_logo
            or self.tax_page.model.typed() != self._original_taxes
            or self.groups.groups != self._original_groups
            or self.numbers.registrations() != self._original_numbers
            or self.by_currency.texts() != self._original_by_currency
            or self._quotes_typed() != self._original_quotes
        )

    def _rates_typed(self) -> None:
        """The groups and numbers follow the rates as they are typed on the same tab."""
        typed = check_tax_rates(self.tax_page.model.typed())
        self.groups.available = [TaxRateRow(name, rate) for name, rate in typed.rates if name]
        self.numbers.show_taxes([name for name, _rate in typed.rates])

    # --- checking -------------------------------------------------------------------

    def _fixed(self, name: str) -> None:
        if name not in ("next_invoice_number", "payment_link"):
            self.errors[name].hide()

    def _check_number(self) -> None:
        """The next number as typed: a problem beside it, or the number it will give."""
        entry = self.typed()
        problem = next_number_problem(
            entry.next_invoice_number, entry.invoice_prefix, highest_invoice_number
        )
        self._show_problem("next_invoice_number", problem)
        self.number_hint.setVisible(problem is None)
        if problem is None:
            self.number_hint.setText(
                _("The next invoice you send will be {number}.").format(
                    number=f"{entry.invoice_prefix.strip()}{entry.next_invoice_number.strip()}"
                )
            )

    def _show_problem(self, name: str, problem: str | None) -> None:
        error = self.errors[name]
        error.setText(problem or "")
        error.setVisible(bool(problem))

    # --- saving and leaving ---------------------------------------------------------

    def save(self) -> bool:
        """Check both tabs, then write everything in one transaction; False if not saved."""
        result = check_business(self.typed(), highest_invoice_number)
        for name in self.editors:
            self._show_problem(name, result.problems.get(name))
        self.number_hint.setVisible("next_invoice_number" not in result.problems)
        taxes = self.tax_page.check()
        if not result.ok:
            self.tabs.setCurrentIndex(0)
            first = next(name for name in self.editors if name in result.problems)
            self.editors[first].setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        if not taxes.ok:
            self.tabs.setCurrentWidget(self.tax_tab)
            self.tax_page.focus_row(min(taxes.problems))
            return False
        assert result.business is not None
        try:
            quotes = read_quote_numbering(*self._quotes_typed())
        except BadInput as exc:
            self.tabs.setCurrentIndex(0)
            self.quote_prefix.setFocus(Qt.FocusReason.OtherFocusReason)
            show_failure(self, exc)
            return False
        business = replace(result.business, tax_registrations=self.numbers.registrations())
        if problem := registrations_problem(business.tax_registrations):
            self.tabs.setCurrentWidget(self.tax_tab)
            show_failure(self, BadInput(problem))
            return False
        try:
            save_business_settings(
                business,
                logo=self.logo_box.logo if self.logo_box.logo != self._original_logo else UNCHANGED,
                tax_rates=self.tax_page.rates(taxes)
                if self.tax_page.model.typed() != self._original_taxes
                else None,
                instructions_by_currency=self.by_currency.texts()
                if self.by_currency.texts() != self._original_by_currency
                else None,
                tax_groups=self.groups.groups
                if self.groups.groups != self._original_groups
                else None,
                quote_numbering=quotes if self._quotes_typed() != self._original_quotes else None,
            )
        except UserFacingError as exc:
            show_failure(self, exc)
            return False
        if business.locale != current_locale():
            set_language(business.locale)  # amounts and dates follow from the next refresh
        self._original = self.typed()
        self._original_logo = self.logo_box.logo
        self._original_taxes = self.tax_page.model.typed()
        self._original_groups = list(self.groups.groups)
        self._original_numbers = self.numbers.registrations()
        self._original_by_currency = self.by_currency.texts()
        self._original_quotes = self._quotes_typed()
        self.business_saved.emit(business)
        self.saved_and_close()
        return True

    def commit_editing(self) -> None:
        self.tax_page.commit_editing()

    def unsaved_text(self) -> str:
        return _("You changed the business profile or the tax rates. Save the changes?")
