"""The first-run dialog: a new book learns whose business it is.

Asked once, when the book has no business profile: the name (required), the
owner, the currency, the language and formats, the usual payment terms, and
whether to start from the demo book instead. The demo book comes with its own
sample business, so choosing it greys the profile fields out and says so.
Cancel leaves the book untouched and the app quits.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.currencies import BOOK_CURRENCIES
from diva_desk.core.records import DEFAULT_TERMS_DAYS, Business
from diva_desk.i18n import _, current_locale
from diva_desk.i18n import format as fmt
from diva_desk.store.book.business import has_customers, save_business
from diva_desk.ui.common import style
from diva_desk.ui.common.choices import LOCALES, locale_name
from diva_desk.ui.common.errors import show_failure
from diva_desk.ui.common.tasks import TaskRunner


def demo_business_name() -> str:
    from diva_desk.demo.cast import BUSINESS

    return BUSINESS.name


def load_demo(today: dt.date, name: str = "", owner: str = "") -> None:
    """Fill the (empty) book with the demo book dated around ``today``.

    A business name (and owner) typed before the demo was ticked replace the demo's.
    """
    from diva_desk.demo import demo_contents
    from diva_desk.store.contents.writing import start_book

    start_book(demo_contents(today), name=name, owner=owner)


class FirstRunDialog(QDialog):
    def __init__(self, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today or dt.date.today()
        #: Writes the demo book off the GUI thread.
        self.tasks = TaskRunner(self)
        self.setWindowTitle(_("Welcome to Diva Desk"))
        self.setMinimumWidth(520)

        intro = QLabel(
            _(
                "<h2>Welcome to Diva Desk</h2>"
                "<p>Tell Diva Desk about your business: its name and currency go on "
                "your invoices.</p>"
            ),
            self,
        )
        intro.setWordWrap(True)

        self.name = QLineEdit(self)
        self.name.setObjectName("businessName")
        self.name.setPlaceholderText(_("e.g. Bright Spark Electrical"))
        self.name.textEdited.connect(lambda _text: self.name_error.hide())
        self.name_error = QLabel(_("Enter the name of your business."), self)
        self.name_error.setObjectName("nameError")
        style.themed(self.name_error, "color: @overdue;")
        self.name_error.hide()
        name_row = QVBoxLayout()
        name_row.setSpacing(2)
        name_row.addWidget(self.name)
        name_row.addWidget(self.name_error)

        self.owner = QLineEdit(self)
        self.owner.setObjectName("ownerName")

        self.currency = QComboBox(self)
        self.currency.setObjectName("currency")
        for code in BOOK_CURRENCIES:
            self.currency.addItem(f"{fmt.currency_name(code)} ({code})", code)

        self.locale = QComboBox(self)
        self.locale.setObjectName("locale")
        for code in LOCALES:
            self.locale.addItem(locale_name(code), code)
        self.locale.setCurrentIndex(max(self.locale.findData(current_locale()), 0))

        self.terms = QSpinBox(self)
        self.terms.setObjectName("terms")
        self.terms.setRange(0, 365)
        self.terms.setValue(DEFAULT_TERMS_DAYS)
        self.terms.setSuffix(_(" days"))
        self.terms.setToolTip(_("How many days customers usually have to pay an invoice"))

        self.demo = QCheckBox(_("Fill the book with &demo data"), self)
        self.demo.setObjectName("demo")
        self.demo_note = QLabel(
            _(
                "The demo book comes with sample customers and invoices, so you can try "
                "everything before entering your own. It keeps the business name you type "
                "(or uses its own), with a sample address, currency and language."
            ),
            self,
        )
        self.demo_note.setWordWrap(True)
        style.themed(self.demo_note, "color: @muted;")
        if has_customers():
            # Never mix sample customers into a book that already holds real ones.
            self.demo.setEnabled(False)
            self.demo_note.setText(_("This book already holds customers."))
        self.demo.toggled.connect(self._demo_toggled)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        name_label = QLabel(_("Business &name:"), self)
        name_label.setBuddy(self.name)
        form.addRow(name_label, name_row)
        form.addRow(_("&Owner:"), self.owner)
        form.addRow(_("&Currency:"), self.currency)
        form.addRow(_("&Language and formats:"), self.locale)
        form.addRow(_("Payment &terms:"), self.terms)
        # The demo's invoices are in its own currency and language; the name typed is kept.
        self._demo_fields = [self.currency, self.locale, self.terms]

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("&Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _demo_toggled(self, on: bool) -> None:
        for field in self._demo_fields:
            field.setEnabled(not on)
        if on:
            self.name_error.hide()
        self.name.setPlaceholderText(
            _("e.g. {name} (the demo's, if left empty)").format(name=demo_business_name())
            if on
            else _("e.g. Bright Spark Electrical")
        )

    def business(self) -> Business:
        """The profile as typed (the name stripped of stray spaces)."""
        return Business(
            name=self.name.text().strip(),
            owner_name=self.owner.text().strip(),
            currency=self.currency.currentData(),
            locale=self.locale.currentData(),
            default_terms_days=self.terms.value(),
        )

    def accept(self) -> None:
        """Write the profile (or the demo book), or say what is missing and stay open."""
        if self.demo.isChecked():
            self._load_demo()
            return
        business = self.business()
        if not business.name:
            self.name_error.show()
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        save_business(business)
        super().accept()

    def _load_demo(self) -> None:
        """Write the demo book on the worker; the dialog closes when it is in."""
        if self.tasks.is_busy():
            return
        today, name, owner = self._today, self.name.text().strip(), self.owner.text().strip()
        note = self.demo_note.text()
        self.setEnabled(False)
        self.demo_note.setText(_("Filling the book with the demo data…"))

        def loaded(_result: object) -> None:
            self.setEnabled(True)
            self.demo_note.setText(note)
            QDialog.accept(self)

        def failed(error: BaseException) -> None:
            self.setEnabled(True)
            self.demo_note.setText(note)
            show_failure(self, error)

        self.tasks.run(lambda: load_demo(today, name, owner), loaded, failed)
