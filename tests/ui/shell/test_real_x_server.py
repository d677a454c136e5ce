"""The real app on a real X server (Xvfb), as a person would start it.

Starts ``diva-desk`` on a demo book under xvfb-run, grabs the screen with Qt from
a second process, and checks that a window was drawn. Skips only where no X
server can exist (xvfb-run not installed); .ci/run installs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("diva-desk")

pytestmark = pytest.mark.skipif(
    shutil.which("xvfb-run") is None, reason="xvfb-run is not installed (no X server here)"
)

GRAB = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    deadline = time.monotonic() + 40
    while True:
        image = app.primaryScreen().grabWindow(0).toImage()
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        if len(colours) > 40 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    image.save(sys.argv[1])
    print(len(colours))
    """
)


def test_the_app_draws_its_window_on_a_real_x_server(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DIVA_DESK_DATA_DIR", "DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    data = tmp_path / "data"
    demo = subprocess.run(
        [str(SCRIPT), "--data-dir", str(data), "demo"], capture_output=True, text=True, env=env
    )
    assert demo.returncode == 0, demo.stderr
    shot = tmp_path / "screen.png"
    (tmp_path / "grab.py").write_text(GRAB)
    session = textwrap.dedent(
        f"""
        "{SCRIPT}" --data-dir "{data}" & app=$!
        "{sys.executable}" "{tmp_path / "grab.py"}" "{shot}"; status=$?
        kill -0 $app || {{ echo "the app exited early"; exit 3; }}
        kill $app; wait $app; exit $status
        """
    )
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "bash", "-c", session],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert int(result.stdout.strip().splitlines()[-1]) > 40, "the screen stayed blank"
    assert shot.stat().st_size > 10_000
    log = (data / "diva-desk.log").read_text(encoding="utf-8")
    assert "starting" in log and "Traceback" not in log
