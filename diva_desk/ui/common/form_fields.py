"""Editors that forms build the same way: a few lines of text, a pick list."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget


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
