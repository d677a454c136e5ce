"""The metainfo's screenshots, taken of the built bundle's own window on a demo book.

Run from the repository root after ``packaging/build.sh``, on an X server of the size the
software centres like (16:9), with xdotool installed to press the keys a user would:

    xvfb-run -a -s "-screen 0 1280x720x24" .venv/bin/python packaging/screenshots.py

It writes docs/screenshots/{today,invoices,reports}.png (the window alone, without the
empty screen around it), which the metainfo names and packaging/README.md says where to
publish. The demo book is made in a temporary folder with a fresh HOME, so the window has
its default size and no remembered state; nothing of the user's is read or written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtGui import QGuiApplication

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "diva-desk" / "diva-desk"
OUT = ROOT / "docs" / "screenshots"

#: (file name, the keys pressed before it is taken): Today beside a customer's page, the
#: invoice list with the newest selected, the Reports tab.
SHOTS = [
    ("today", ["ctrl+1", "ctrl+f", "type:Danforth", "Down"]),
    ("invoices", ["ctrl+2", "Down"]),
    ("reports", ["ctrl+4"]),
]


def xdotool(*args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def press(keys: list[str]) -> None:
    for key in keys:
        if key.startswith("type:"):
            xdotool("type", "--delay", "40", key.removeprefix("type:"))
        else:
            xdotool("key", key)
        time.sleep(0.8)
    time.sleep(2.5)  # the tab's reading runs on its worker


def window_id(timeout: float = 30.0) -> int:
    """The bundle's main window, once it is mapped."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "Diva Desk"],
            capture_output=True,
            text=True,
        ).stdout.split()
        if found:
            return int(found[0])
        time.sleep(0.5)
    raise SystemExit("the bundle's window did not appear")


def main() -> int:
    if not BUNDLE.is_file():
        raise SystemExit(f"{BUNDLE} is missing: run packaging/build.sh first")
    if shutil.which("xdotool") is None:
        raise SystemExit("xdotool is needed to press the window's keys (apt-get install xdotool)")
    app = QGuiApplication([sys.argv[0], "-platform", "xcb"])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "HOME": f"{work}/home", "DIVA_DESK_DATA_DIR": f"{work}/book"}
        env.pop("QT_QPA_PLATFORM", None)
        Path(env["HOME"]).mkdir()
        subprocess.run([BUNDLE, "demo"], env=env, check=True, capture_output=True)
        window = subprocess.Popen([BUNDLE], env=env)
        try:
            wid = window_id()
            time.sleep(6)  # filled and quiet
            xdotool("windowfocus", "--sync", str(wid))  # no window manager gives it focus
            for name, keys in SHOTS:
                press(keys)
                shot = app.primaryScreen().grabWindow(wid)
                shot.save(str(OUT / f"{name}.png"))
                print(f"docs/screenshots/{name}.png {shot.width()}×{shot.height()}")
        finally:
            window.terminate()
            window.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
