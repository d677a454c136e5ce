"""The task helper and the garbage collector: never a collection in a worker, and no
full collection on the GUI thread each time a task starts (on a large book that held
the window 150-200 ms at every refresh)."""

from __future__ import annotations

import gc
from typing import Any

from pytestqt.qtbot import QtBot

from diva_desk.ui.common.tasks import TaskRunner


def test_the_collector_is_off_while_a_task_is_out_and_on_again_after(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[bool] = []
    with qtbot.waitSignal(runner.task_finished, timeout=10000):
        runner.run(lambda: seen.append(gc.isenabled()), lambda _r: None, print, uses_book=False)
    assert seen == [False]
    assert gc.isenabled()


def test_starting_a_task_runs_no_full_collection(qtbot: QtBot) -> None:
    runner = TaskRunner()
    generations: list[int] = []

    def watch(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            generations.append(info["generation"])

    gc.callbacks.append(watch)
    try:
        runner.run(lambda: None, lambda _r: None, print, uses_book=False)
    finally:
        gc.callbacks.remove(watch)
    assert 2 not in generations
    with qtbot.waitSignal(runner.task_finished, timeout=10000):
        pass
    assert gc.isenabled()
