"""Settings > Terms: late interest, the rate per month and the grace days (docs/late-fees.md).

Checked where it is typed; saved with the page's one Save (terms_page.TermsPage).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from diva_desk.core.late_fees.terms import read_percent_per_month, stated_terms
from diva_desk.core.money import decimal_text
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.store.late_fees.terms import (
    MAX_GRACE_DAYS,
    LateFeeTerms,
    late_fee_terms,
    save_late_fee_terms,
)
from diva_desk.ui.common import style


class LateFeeBox(QGroupBox):
    """The business's late-interest rate and grace days, with what invoices will say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Late interest"), parent)
        self.setObjectName("lateFeeBox")
        terms = late_fee_terms()
        self.rate = QLineEdit(decimal_text(terms.percent_per_month), self)
        self.rate.setObjectName("lateFeePercent")
        self.rate.setPlaceholderText(_("e.g. 2"))
        self.rate.setMaximumWidth(120)
        self.grace = QLineEdit(str(terms.grace_days), self)
        self.grace.setObjectName("lateFeeGraceDays")
        self.grace.setPlaceholderText("0")
        self.grace.setMaximumWidth(120)
        self.problem = QLabel(self)
        self.problem.setObjectName("lateFeeProblem")
        self.problem.setWordWrap(True)
        style.themed(self.problem, "color: @overdue;")
        self.problem.hide()
        self.preview = QLabel(self)
        self.preview.setObjectName("lateFeePreview")
        self.preview.setWordWrap(True)
        style.themed(self.preview, "color: @muted;")
        for field in (self.rate, self.grace):
            field.textEdited.connect(self._edited)
        self.saved = (self.rate.text(), self.grace.text())
        self._terms: LateFeeTerms | None = None

        rate_label = QLabel(_("&Interest on overdue balances (% a month):"), self)
        rate_label.setBuddy(self.rate)
        grace_label = QLabel(_("&Grace days before an invoice is charged:"), self)
        grace_label.setBuddy(self.grace)
        form = QFormLayout(self)
        form.addRow(rate_label, self.rate)
        form.addRow(grace_label, self.grace)
        form.addRow(self.problem)
        form.addRow(self.preview)
        self._show_preview()

    def is_dirty(self) -> bool:
        return (self.rate.text().strip(), self.grace.text().strip()) != self.saved

    def check(self) -> bool:
        """Read both fields; on a problem, say it under them and focus the field."""
        try:
            percent = read_percent_per_month(self.rate.text(), empty=None)
        except ValueError as exc:
            return self._refuse(self.rate, str(exc))
        grace = self.grace.text().strip() or "0"
        if not (grace.isascii() and grace.isdigit() and int(grace) <= MAX_GRACE_DAYS):
            return self._refuse(
                self.grace, _("Grace days: enter a number of days, 0 or more (0 for none).")
            )
        self._terms = LateFeeTerms(_or_zero(percent), int(grace))
        self.problem.hide()
        return True

    def save(self) -> None:
        """Write what :meth:`check` read (call it first)."""
        if self._terms is None or not self.is_dirty():
            return
        save_late_fee_terms(self._terms)
        self.rate.setText(decimal_text(self._terms.percent_per_month))
        self.grace.setText(str(self._terms.grace_days))
        self.saved = (self.rate.text(), self.grace.text())

    def _refuse(self, field: QLineEdit, message: str) -> bool:
        self.problem.setText(message)
        self.problem.show()
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        return False

    def _edited(self, _text: str) -> None:
        self.problem.hide()
        self._show_preview()

    def _show_preview(self) -> None:
        try:
            percent = _or_zero(read_percent_per_month(self.rate.text(), empty=None))
        except ValueError:
            return
        said = stated_terms(percent)
        if not said:
            self.preview.setText(_("0 charges no interest, and invoices say nothing about it."))
            return
        text = _("Invoices and statements will say: “{terms}”").format(terms=said)
        grace = self.grace.text().strip()
        if grace.isascii() and grace.isdigit() and int(grace) > 0:
            text += " " + ngettext(
                "An invoice is charged once it is {days} day late, for every day since it was due.",
                "An invoice is charged once it is {days} days late, for every day since it was "
                "due.",
                int(grace),
            ).format(days=fmt.number(int(grace)))
        self.preview.setText(text)


def _or_zero(percent: Decimal | None) -> Decimal:
    return Decimal(0) if percent is None else percent
