"""Settings for the morning calls: the talking points in the owner's own voice.

The talking points page lists every template (one per reason to call, one per step
of an overdue invoice), shows its text to edit, the placeholders it may use
(double-click one to insert it), and a preview of the script it makes for a sample
customer, as it will be read on the phone. The dialog's Save (ui.call_settings)
refuses a broken template with core.talking_points' sentence (line number and
culprit) shown under the text; nothing is written until the template is usable.
Reset goes back to the shipped text.
"""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.calls import Call, EscalationStep, Reason, ReasonKind, step_name
from diva_desk.core.calls.script_templates import (
    TEMPLATE_NAMES,
    TEMPLATE_VARIANTS,
    check_template,
    placeholders_for,
)
from diva_desk.core.calls.talking_points import script_for
from diva_desk.core.customers.history import RatingKind
from diva_desk.i18n import _
from diva_desk.store.calls.call_list import script_context
from diva_desk.store.calls.talking_points import reset_template, save_template, template_texts
from diva_desk.ui.common import style
from diva_desk.ui.common.tables.fit_lists import fit_to_items
from diva_desk.ui.today.call_script import script_html

_STEPS = {
    "overdue_1_friendly": EscalationStep.FRIENDLY,
    "overdue_2_set_date": EscalationStep.SET_DATE,
    "overdue_3_payment_plan": EscalationStep.PAYMENT_PLAN,
    "overdue_4_meet": EscalationStep.MEET,
    "overdue_5_final": EscalationStep.FINAL,
}


def template_title(name: str) -> str:
    """The template's name as the owner reads it in the list."""
    if name in _STEPS:
        step = _STEPS[name]
        return _("Overdue {n} of {count}: {name}").format(
            n=int(step), count=len(EscalationStep), name=step_name(step)
        )
    return {
        ReasonKind.DEPOSIT_DUE.value: _("Deposit not received"),
        ReasonKind.DELIVERY_CHECKIN.value: _("Check-in after sending"),
        ReasonKind.DUE_SOON.value: _("Courtesy call before it's due"),
        ReasonKind.CUTOFF.value: _("Invoice before their cut-off"),
        "cutoff_missed": _("Invoice after a missed cut-off"),
        ReasonKind.PROMISE_DUE.value: _("Promised payment due"),
        ReasonKind.BROKEN_PROMISE.value: _("Broken promise"),
        ReasonKind.INSTALLMENT_DUE.value: _("Plan installment due"),
        ReasonKind.INSTALLMENT_MISSED.value: _("Plan installment missed"),
        ReasonKind.FOLLOWUP.value: _("Follow-up you planned"),
        "followup_problem": _("Follow-up on an open problem"),
        ReasonKind.QUOTE_EXPIRING.value: _("Quote about to expire"),
    }.get(name, name)


def sample_call(name: str, today: dt.date) -> Call:
    """A made-up customer with one reason of the template's kind, for the preview."""
    step = _STEPS.get(name)
    kind, variant = TEMPLATE_VARIANTS.get(name, (None, {}))
    kind = ReasonKind.OVERDUE if step else kind or ReasonKind(name)
    ahead = kind in (
        ReasonKind.DUE_SOON,
        ReasonKind.CUTOFF,
        ReasonKind.PROMISE_DUE,
        ReasonKind.INSTALLMENT_DUE,
        ReasonKind.QUOTE_EXPIRING,
    ) and not variant.get("missed")
    days = 3 if ahead else 12
    reason = Reason(
        kind=kind,
        amount=Decimal("1250.00"),
        currency="CAD",
        days=days,
        date=today + dt.timedelta(days=days if ahead else -days),
        invoice="INV-1042",
        step=step,
        note=_("Ask whether the purchase order came through"),
        made_on=today - dt.timedelta(days=20),
        **variant,
    )
    return Call(
        customer_id=0,
        customer="SAMPLE",
        customer_name=_("Maple Leaf Bakery"),
        contact_name=_("Alex Martin"),
        phone="",
        currency="CAD",
        rating=RatingKind.RELIABLE,
        archived=False,
        reasons=(reason,),
        amount_at_stake=reason.amount,
        score=Decimal(0),
        total_owed=Decimal("2400.00"),
    )


class TalkingPointsPage(QWidget):
    """Pick a template, edit it, see its placeholders and the script it makes; save or reset."""

    #: A template was saved or reset: the scripts shown should be made again.
    templates_changed = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("talkingPointsPage")
        self.today = today
        self.context = script_context(today)
        texts = template_texts(self.context.locale)
        self.saved = dict(texts.texts)
        self.built_in = dict(texts.built_in)
        self.drafts: dict[str, str] = {}

        self.names = QListWidget(self)
        self.names.setObjectName("templateNames")
        self.names.setAccessibleName(_("Templates"))
        for name in TEMPLATE_NAMES:
            item = QListWidgetItem(template_title(name), self.names)
            item.setData(Qt.ItemDataRole.UserRole, name)
        fit_to_items(self.names, " •")  # whole names, with room for the "changed" mark

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("templateText")
        self.editor.setTabChangesFocus(True)
        self.editor.setFont(QFont("DejaVu Sans Mono", 9))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.problem = QLabel(self)
        self.problem.setObjectName("templateProblem")
        self.problem.setWordWrap(True)
        style.themed(self.problem, "color: @overdue;")
        self.problem.hide()
        self.state = QLabel(self)
        self.state.setObjectName("templateState")
        style.themed(self.state, "color: @muted;")

        self.placeholders = QListWidget(self)
        self.placeholders.setObjectName("templatePlaceholders")
        self.placeholders.setToolTip(_("Double-click (or Enter) to insert at the cursor"))
        self.placeholders.setMaximumWidth(190)
        self.preview = QLabel(self)
        self.preview.setObjectName("templatePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        style.themed(
            self.preview,
            "#templatePreview { background: palette(alternate-base); color: palette(text);"
            " padding: 2px 12px 8px 12px; }",
        )
        self.preview_scroll = QScrollArea(self)
        self.preview_scroll.setWidget(self.preview)
        self.preview_scroll.setWidgetResizable(True)
        self.preview_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        style.themed(self.preview_scroll, "QScrollArea { border-left: 3px solid @info~35; }")

        self.reset_button = QPushButton(_("&Reset to built-in"), self)
        self.reset_button.setObjectName("templateReset")

        middle = QVBoxLayout()
        middle.addWidget(self.editor, 3)
        middle.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.reset_button)
        middle.addLayout(buttons)
        middle.addWidget(_caption(_("PREVIEW, FOR A SAMPLE CUSTOMER"), self))
        middle.addWidget(self.preview_scroll, 2)
        side = QVBoxLayout()
        side.addWidget(_caption(_("PLACEHOLDERS"), self))
        side.addWidget(self.placeholders, 1)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(_caption(_("TEMPLATES"), self))
        left.addWidget(self.names, 1)
        layout.addLayout(left)
        layout.addLayout(middle, 1)
        layout.addLayout(side)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._show_preview)
        self.names.currentRowChanged.connect(self._template_chosen)
        self.editor.textChanged.connect(self._edited)
        self.placeholders.itemActivated.connect(self._insert_placeholder)
        self.reset_button.clicked.connect(self.reset)
        self.names.setCurrentRow(0)

    # --- showing -----------------------------------------------------------------------

    def current_name(self) -> str:
        item = self.names.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else TEMPLATE_NAMES[0]

    def choose(self, name: str) -> None:
        self.names.setCurrentRow(TEMPLATE_NAMES.index(name))

    def _template_chosen(self) -> None:
        name = self.current_name()
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.drafts.get(name, self.saved[name]))
        self.editor.blockSignals(False)
        self.placeholders.clear()
        for placeholder in sorted(placeholders_for(name)):
            self.placeholders.addItem(f"${placeholder}")
        self.problem.hide()
        self._edited()
        self._show_preview()

    def _edited(self) -> None:
        name = self.current_name()
        text = self.editor.toPlainText()
        if text != self.saved[name]:
            self.drafts[name] = text
        else:
            self.drafts.pop(name, None)
        changed = name in self.drafts
        rewritten = self.saved[name] != self.built_in[name]
        self.reset_button.setEnabled(rewritten or text != self.built_in[name])
        self.state.setText(
            _("Not saved yet")
            if changed
            else _("Your own words")
            if rewritten
            else _("The built-in text")
        )
        item = self.names.currentItem()
        if item is not None:
            item.setText(template_title(name) + (" •" if changed else ""))
        self._timer.start()

    def _show_preview(self) -> None:
        name = self.current_name()
        text = self.editor.toPlainText()
        problem = check_template(name, text)
        if problem is not None:
            self.preview.setText(
                '<p style="color:{}">{}</p>'.format(
                    style.colour(style.Tone.OVERDUE).name(),
                    html.escape(
                        _("The preview waits for a usable template: {problem}").format(
                            problem=problem.message
                        )
                    ),
                )
            )
            return
        script = script_for(
            sample_call(name, self.today), {name: text}, self.built_in, self.context
        )
        self.preview.setText(script_html(script))

    def _insert_placeholder(self, item: QListWidgetItem) -> None:
        self.editor.insertPlainText(item.text())
        self.editor.setFocus()

    # --- writing -----------------------------------------------------------------------

    def save(self) -> bool:
        """Keep the text shown; a broken template is refused with its message shown."""
        name = self.current_name()
        text = self.editor.toPlainText()
        problem = save_template(name, text)
        if problem is not None:
            self.problem.setText(problem.message)
            self.problem.show()
            return False
        self.problem.hide()
        self.saved[name] = text
        self.drafts.pop(name, None)
        self._edited()
        self.templates_changed.emit()
        return True

    def is_dirty(self) -> bool:
        return bool(self.drafts)

    def save_all(self) -> bool:
        """Keep every template changed; stop at the first broken one, shown with its problem."""
        for name in [n for n in TEMPLATE_NAMES if n in self.drafts]:
            if name != self.current_name():
                self.choose(name)
            if not self.save():
                self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return False
        return True

    def reset(self) -> None:
        name = self.current_name()
        reset_template(name)
        self.saved[name] = self.built_in[name]
        self.drafts.pop(name, None)
        self._template_chosen()
        self.templates_changed.emit()


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    style.themed(label, "color: @muted; font-size: 8pt; font-weight: 600; letter-spacing: 1px;")
    return label
