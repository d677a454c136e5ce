"""Editors that forms build the same way: a few lines of text, a pick list."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)


def text_box(parent: QWidget, lines: int, placeholder: str = "") -> QPlainTextEdit:
    """A box ``lines`` high; Tab moves on, Enter starts a new line."""
    editor = QPlainTextEdit(parent)
    editor.setTabChangesFocus(True)
    if placeholder:
        editor.setPlaceholderText(placeholder)
    editor.setFixedHeight(editor.fontMetrics().lineSpacing() * lines + 14)
    return editor


def choice_box(parent: QWidget, items: list[tuple[str, str]]) -> QComboBox:
    """A pick list of (text shown, value kept) pairs."""
    editor = QComboBox(parent)
    for text, value in items:
        editor.addItem(text, value)
    return editor


def show_value(editor: QWidget, value: object) -> None:
    """Put a form's stored value into its field, whatever kind of field it is."""
    if isinstance(editor, QLineEdit):
        editor.setText(str(value))
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText(str(value))
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(editor.findData(value), 0))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(value))  # type: ignore[call-overload]
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    else:
        raise TypeError(f"no way to show a value in {type(editor).__name__}")
