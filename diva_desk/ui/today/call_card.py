"""One call of the morning list: who, why, what to say, and what came of it.

A card is read top to bottom the way the call goes: the customer and the money,
the person to ask for and their number, why to call (one line per reason, with
the escalation step where there is one), the talking points (folded until asked
for, so thirty cards stay scannable), then one button per outcome.

The card only says which outcome was chosen (:attr:`CallCard.outcome_chosen`);
the Today panel asks the details and writes to the book. The talking points are
laid out the first time they are opened, which keeps a full list quick to build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from diva_desk.core.calls import Call, ReasonKind, reason_text, step_label
from diva_desk.core.calls.holds import hold_text
from diva_desk.core.calls.talking_points import Script
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.ui.common import style
from diva_desk.ui.common.labels import rating_text
from diva_desk.ui.common.layouts.flow_layout import FlowLayout
from diva_desk.ui.documents.customer_documents import hold_letter_button, letter_button
from diva_desk.ui.today.call_actions import dial, email_button, send_button, stake_note
from diva_desk.ui.today.call_script import ScriptView, script_html
from diva_desk.ui.today.outcomes import REACHED, OutcomeKind, outcome_label, outcome_tip

#: Reasons that mean money is late: their dot is red, and the card offers the meeting pack.
LATE_KINDS = frozenset(
    {ReasonKind.OVERDUE, ReasonKind.BROKEN_PROMISE, ReasonKind.INSTALLMENT_MISSED}
)
_SOON_KINDS = frozenset(
    {ReasonKind.DEPOSIT_DUE, ReasonKind.DUE_SOON, ReasonKind.CUTOFF, ReasonKind.INSTALLMENT_DUE}
)


def last_contact_text(last: dt.date | None, today: dt.date) -> str:
    """How long since they last heard from you: the number of days is what matters."""
    if last is None:
        return _("No contact yet")
    days = (today - last).days
    if days <= 0:
        return _("Last contact today")
    return ngettext("Last contact {days} day ago", "Last contact {days} days ago", days).format(
        days=fmt.number(days)
    )


def _label(text: str, role: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", role)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class CallCard(QFrame):
    """One call; focusable, with every button reachable by Tab."""

    #: The person chose an outcome for this call.
    outcome_chosen = Signal(object, object)  # (Call, OutcomeKind)
    #: The phone number was put on the clipboard (the text to show in the status bar).
    phone_copied = Signal(str)
    #: The meeting pack for this customer was asked for.
    meeting_pack_wanted = Signal(object)  # Call
    #: The statement ("statement") or a reminder letter (its level) was asked for.
    letter_wanted = Signal(object, str)  # Call, kind
    #: Up or Down was pressed on the card: move to the card before (-1) or after (+1).
    move_wanted = Signal(object, int)
    #: "Send it now" was chosen for one of the call's drafts: (Call, invoice id).
    send_wanted = Signal(object, int)
    #: The outcome "Email a reminder" at a level: (Call, level).
    email_wanted = Signal(object, str)

    def __init__(
        self,
        call: Call,
        script: Script,
        *,
        rank: int,
        today: dt.date,
        rating_reason: str = "",
        retry_days: int = 2,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.call = call
        self.script = script
        self.setObjectName("callCard")
        self.setProperty("current", False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Not Maximum: that caps the card at its size hint, worked out at a wider width
        # than a narrow panel gives it, and wrapped text (the script, a second row of
        # buttons) was cut off. The list's closing stretch keeps cards from growing.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(
            _("Call {rank}: {customer}").format(rank=rank, customer=call.customer_name)
        )

        self._labels: dict[QPushButton, str] = {}
        top = self._build_top(call, rank, rating_reason)
        who_row = self._build_who_row(call, today)
        self.reasons = self._build_reasons(call)
        self._build_script_toggle()
        actions = self._build_actions(call, retry_days)
        self._labels[self.script_toggle] = self.script_toggle.text()

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 14, 16, 14)
        self._layout.setSpacing(6)
        self._layout.addLayout(top)
        self._layout.addWidget(who_row)
        self._layout.addWidget(self.reasons)
        self._layout.addWidget(self.script_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self._script_index = self._layout.count()
        self._layout.addSpacing(4)
        self._layout.addWidget(actions)
        self.set_current(False)

    # --- building the card, top to bottom ------------------------------------------------

    def _build_top(self, call: Call, rank: int, rating_reason: str) -> QHBoxLayout:
        """The rank, the customer, their rating and the money at stake."""
        self.rank_label = QLabel(str(rank), self)
        self.rank_label.setObjectName("callRank")
        self.rank_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rank_label.setFixedSize(26, 26)
        self.name = _label(call.customer_name, "callName", self, "callName")
        self.stake = QLabel(fmt.money(call.amount_at_stake, call.currency), self)
        self.stake.setObjectName("callStake")
        self.stake.setToolTip(_("The money at stake on this call"))
        self.stake_note = stake_note(self, call, self.stake)
        self.rating = QLabel(rating_text(call.rating), self)
        self.rating.setObjectName("callRating")
        self.rating.setProperty("rating", call.rating.value)
        if rating_reason:
            self.rating.setToolTip(rating_reason)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.rank_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.name, 1)
        top.addWidget(self.rating, 0, Qt.AlignmentFlag.AlignVCenter)
        money = QVBoxLayout()
        money.setSpacing(0)
        money.addWidget(self.stake, 0, Qt.AlignmentFlag.AlignRight)
        money.addWidget(self.stake_note, 0, Qt.AlignmentFlag.AlignRight)
        top.addLayout(money)
        return top

    def _build_who_row(self, call: Call, today: dt.date) -> QWidget:
        """Whom to ask for, their number (copy or dial) and the last contact."""
        contact = call.contact_name or _("whoever looks after invoices")
        self.ask_for = _label(_("Ask for {person}").format(person=contact), "callWho", self)
        self.ask_for.setWordWrap(False)
        self.phone_button = QPushButton(call.phone or _("No phone number"), self)
        self.phone_button.setObjectName("callPhone")
        self.phone_button.setFlat(True)
        self.phone_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.phone_button.setToolTip(_("Copy the number"))
        self.phone_button.setEnabled(bool(call.phone))
        self.phone_button.clicked.connect(self.copy_phone)
        self.dial_button = QPushButton(_("Call"), self)
        self.dial_button.setObjectName("callDial")
        self.dial_button.setFlat(True)
        self.dial_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.dial_button.setToolTip(_("Dial with your phone app"))
        self.dial_button.setVisible(bool(call.phone))
        self.dial_button.clicked.connect(self.dial)
        self.last_contact = _label(last_contact_text(call.last_contact, today), "note", self)
        self.last_contact.setObjectName("callLastContact")
        self.last_contact.setWordWrap(False)
        if call.last_contact is not None:
            self.last_contact.setToolTip(fmt.date(call.last_contact, "full"))
        # Wraps when narrow (the last contact goes under, at the right), so a card is
        # never wider than the panel and cut off at its right edge.
        who_row = QWidget(self)
        who = FlowLayout(who_row, 6, last_right=True)
        who.addWidget(self.ask_for)
        who.addWidget(_label("·", "note", who_row))
        who.addWidget(self.phone_button)
        who.addWidget(self.dial_button)
        who.addWidget(self.last_contact)
        return who_row

    def _build_reasons(self, call: Call) -> QWidget:
        """Why to call: one line per reason, a coloured dot, and the step's pill."""
        box = QWidget(self)
        reasons = QVBoxLayout(box)
        reasons.setContentsMargins(0, 4, 0, 0)
        reasons.setSpacing(3)
        #: The reason lines as shown (reason_text), for tests and screen readers.
        self.reason_lines: list[str] = []
        for reason in call.reasons:
            # The step has a pill of its own under the line.
            line = reason_text(dataclasses.replace(reason, step=None))
            self.reason_lines.append(reason_text(reason))
            tone = (
                "late"
                if reason.kind in LATE_KINDS
                else "soon"
                if reason.kind in _SOON_KINDS
                else "info"
            )
            row = QHBoxLayout()
            row.setSpacing(8)
            dot = QLabel("●", box)
            dot.setProperty("tone", tone)
            dot.setObjectName("reasonDot")
            row.addWidget(dot, 0, Qt.AlignmentFlag.AlignTop)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(_label(line, "reason", box))
            if reason.step:
                step = QLabel(step_label(reason.step), box)
                step.setObjectName("callStep")
                step.setProperty("step", int(reason.step))
                column.addWidget(step, 0, Qt.AlignmentFlag.AlignLeft)
            row.addLayout(column, 1)
            reasons.addLayout(row)
        return box

    def _build_script_toggle(self) -> None:
        """The folded talking points' toggle (the view is laid out on first opening)."""
        self.script_toggle = QToolButton(self)
        self.script_toggle.setObjectName("scriptToggle")
        self.script_toggle.setText(_("&Talking points"))
        self.script_toggle.setCheckable(True)
        self.script_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.script_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.script_toggle.toggled.connect(self.show_script)
        self.script_view: QLabel | None = None

    def _build_actions(self, call: Call, retry_days: int) -> QWidget:
        """Send a waiting draft, one button per outcome, the meeting pack and letters."""
        self.buttons: dict[OutcomeKind, QPushButton] = {}
        actions = QWidget(self)
        actions.setObjectName("callActions")
        flow = FlowLayout(actions)
        has_checkin = any(r.kind is ReasonKind.DELIVERY_CHECKIN for r in call.reasons)
        # A payment goes on a sent invoice; a draft waiting for the cut-off takes none.
        payable = any(
            r.invoice_id is not None and r.kind is not ReasonKind.CUTOFF for r in call.reasons
        )
        # A draft waiting for the cut-off: sending it is what the call is for.
        self.send_button = send_button(
            actions, self.call, lambda invoice_id: self.send_wanted.emit(self.call, invoice_id)
        )
        flow.addWidget(self.send_button)
        self._labels[self.send_button] = self.send_button.text()
        for kind in OutcomeKind:
            button = QPushButton(outcome_label(kind), actions)
            button.setObjectName(f"outcome_{kind.value}")
            button.setProperty("reached", kind in REACHED)
            button.setToolTip(outcome_tip(kind, retry_days))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, kind=kind: self._chosen(kind))
            if (kind is OutcomeKind.RECEIVED and not has_checkin) or (
                kind is OutcomeKind.PAID and not payable
            ):
                button.hide()
            flow.addWidget(button)
            self.buttons[kind] = button
            self._labels[button] = button.text()
        self.meeting_button = QPushButton(_("Meetin&g pack…"), actions)
        self.meeting_button.setObjectName("meetingPack")
        self.meeting_button.setToolTip(_("A one-page PDF to bring to a sit-down meeting"))
        self.meeting_button.setAutoDefault(False)
        self.meeting_button.setVisible(any(r.kind in LATE_KINDS for r in call.reasons))
        self.meeting_button.clicked.connect(lambda: self.meeting_pack_wanted.emit(self.call))
        flow.addWidget(self.meeting_button)
        self._labels[self.meeting_button] = self.meeting_button.text()
        self.letter_button = letter_button(
            actions, lambda kind: self.letter_wanted.emit(self.call, kind)
        )
        if call.letter_hold is not None:
            hold_letter_button(self.letter_button, hold_text(call.letter_hold, call.customer_name))
        flow.addWidget(self.letter_button)
        self._labels[self.letter_button] = self.letter_button.text()
        # An outcome without a call: the reminder by email, held as the letters are.
        self.email_button = email_button(
            actions, lambda level: self.email_wanted.emit(self.call, level)
        )
        if call.letter_hold is not None:
            hold_letter_button(self.email_button, hold_text(call.letter_hold, call.customer_name))
        flow.addWidget(self.email_button)
        self._labels[self.email_button] = self.email_button.text()
        return actions

    # --- what the card does ------------------------------------------------------------

    def _chosen(self, kind: OutcomeKind) -> None:
        self.outcome_chosen.emit(self.call, kind)

    def set_rank(self, rank: int) -> None:
        self.rank_label.setText(str(rank))
        self.setAccessibleName(
            _("Call {rank}: {customer}").format(rank=rank, customer=self.call.customer_name)
        )

    def copy_phone(self) -> None:
        QGuiApplication.clipboard().setText(self.call.phone)
        self.phone_copied.emit(_("Copied {phone}.").format(phone=self.call.phone))

    def dial(self) -> bool:
        """Hand the number to the phone app; with none, copy it and say so."""
        return dial(self.call.phone, self.phone_copied.emit)

    def show_script(self, shown: bool) -> None:
        """Open or fold the talking points (laid out the first time they are opened)."""
        if shown and self.script_view is None:
            view = self.script_view = ScriptView(self)
            style.follow_palette(view, lambda: view.setText(script_html(self.script)))
            self.script_view.setObjectName("scriptView")
            self.script_view.setWordWrap(True)
            self.script_view.setTextFormat(Qt.TextFormat.RichText)
            self.script_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._layout.insertWidget(self._script_index, self.script_view)
        if self.script_view is not None:
            self.script_view.setVisible(shown)
        if self.script_toggle.isChecked() != shown:
            self.script_toggle.setChecked(shown)
        self.script_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def script_shown(self) -> bool:
        return self.script_view is not None and self.script_view.isVisibleTo(self)

    def button_texts(self) -> list[str]:
        """Every button's text with its mnemonic, shown or not (Help › Keyboard shortcuts)."""
        return list(self._labels.values())

    def set_current(self, current: bool) -> None:
        """The card with the focus answers to Alt+letter; the others keep quiet.

        Thirty cards with the same mnemonics would make every Alt+P ambiguous, so
        only the current card's buttons carry theirs.
        """
        self.setProperty("current", current)
        for button, text in self._labels.items():
            button.setText(text if current else text.replace("&", ""))
        self.style().unpolish(self)
        self.style().polish(self)

    # --- keyboard ----------------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_wanted.emit(self, -1 if key == Qt.Key.Key_Up else 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.show_script(not self.script_shown())
        else:
            super().keyPressEvent(event)
