"""A bug in the window: logged with its traceback, shown once naming the log; the app runs on."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from diva_desk.logs import configure_logging
from diva_desk.ui.common import errors
from diva_desk.ui.common.tasks import TaskRunner


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    path = configure_logging(tmp_path / "data")
    errors.install_excepthook(path)
    errors.reset_bug_reports()
    yield path
    errors.reset_bug_reports()
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "_diva_desk", False):
            logging.getLogger().removeHandler(handler)
            handler.close()


def _broken_button(qtbot: QtBot) -> tuple[QPushButton, list[int]]:
    clicks: list[int] = []
    button = QPushButton("Go")
    qtbot.addWidget(button)

    def slot() -> None:
        clicks.append(1)
        raise ValueError(f"boom number {len(clicks)}")

    button.clicked.connect(slot)
    button.show()
    return button, clicks


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_is_logged_and_shown_once_with_the_log(
    qtbot: QtBot, log_file: Path
) -> None:
    button, clicks = _broken_button(qtbot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = errors._open_dialog
    assert dialog is not None and dialog.isVisible()
    assert str(log_file) in dialog.text.text()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ValueError: boom number 1" in logged

    # The app keeps running; more bugs while the dialog is open are counted in it.
    for _ in range(19):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(clicks) == 20
    assert errors._open_dialog is dialog
    assert dialog.count_label.text() == "This happened 20 times."
    assert log_file.read_text(encoding="utf-8").count("Traceback") == 20

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Diva Desk ") and f"Log: {log_file}" in copied
    assert "ValueError: boom number 1" in copied and "ValueError: boom number 20" in copied
    assert dialog.result_label.text().startswith("The details are copied")

    # Closed: the same fault repeating at once is only logged, not shown again.
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and errors._open_dialog is None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert errors._open_dialog is None
    assert "ValueError: boom number 21" in log_file.read_text(encoding="utf-8")


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.mark.qt_no_exception_capture
def test_open_log_folder_opens_the_data_folder(qtbot: QtBot, log_file: Path) -> None:
    opener = _Opened()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        button, _clicks = _broken_button(qtbot)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = errors._open_dialog
        assert dialog is not None
        qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in opener.urls] == [str(log_file.parent)]
    assert dialog.result_label.text() == f"Opened {log_file.parent}."


def test_a_bug_in_a_task_is_logged_even_when_its_callback_only_shrugs(
    qtbot: QtBot, log_file: Path
) -> None:
    runner = TaskRunner()
    seen: list[BaseException] = []

    def work() -> None:
        raise KeyError("no such column")

    with qtbot.waitSignal(runner.task_finished):
        runner.run(work, lambda _r: None, seen.append, uses_book=False)
    assert len(seen) == 1
    logged = log_file.read_text(encoding="utf-8")
    assert "A background task failed" in logged and "KeyError: 'no such column'" in logged
    assert "in work" in logged  # the worker's own frame, not only the GUI thread's


def test_a_bug_in_a_task_shown_by_show_failure_is_logged_once(qtbot: QtBot, log_file: Path) -> None:
    runner = TaskRunner()

    def work() -> None:
        raise KeyError("once")

    with qtbot.waitSignal(runner.task_finished):
        runner.run(
            work, lambda _r: None, lambda exc: errors.show_failure(None, exc), uses_book=False
        )
    assert errors._open_dialog is not None
    logged = log_file.read_text(encoding="utf-8")
    assert logged.count("KeyError: 'once'") == 1 and "A background task failed" not in logged
