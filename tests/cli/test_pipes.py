"""A command whose reader goes away (``diva-desk aging | head``) stops quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("diva-desk")


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    made = subprocess.run(
        [str(SCRIPT), "--data-dir", str(folder), "demo"], capture_output=True, timeout=120
    )
    assert made.returncode == 0, made.stderr
    return folder


@pytest.mark.parametrize(
    "command", [["aging"], ["aging", "--json"], ["customers"], ["today"], ["export"]]
)
def test_a_closed_pipe_ends_the_command_quietly(demo_folder: Path, command: list[str]) -> None:
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    read, write = os.pipe()
    os.close(read)  # the reader is gone before a line is written, as after `head -0`
    try:
        done = subprocess.run(
            [str(SCRIPT), "--data-dir", str(demo_folder), *command],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            env=environ,
            timeout=120,
        )
    finally:
        os.close(write)
    assert done.stderr == ""
    assert done.returncode == 1
    log = (demo_folder / "diva-desk.log").read_text(encoding="utf-8")
    assert "Traceback" not in log
