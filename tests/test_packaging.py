"""The desktop bundle's parts agree: one application id, one version, every package shipped.

The validators (desktop-file-validate, appstreamcli) run when installed, as in CI; the
bundle itself is built and smoke-tested by packaging/build.sh and smoke-test.sh.
"""

from __future__ import annotations

import os
import pkgutil
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import keyring.backends
import pytest
from PySide6.QtWidgets import QWidget

from diva_desk import __version__, app

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
APP_ID = "ca.divadesk.DivaDesk"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def test_every_package_ships_in_the_wheel() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "diva_desk").rglob("__init__.py")
    }
    missing = sorted(on_disk - listed)
    assert not missing, f"add to pyproject.toml [tool.setuptools] packages: {missing}"


def test_one_application_id_everywhere() -> None:
    assert app.APP_ID == APP_ID
    desktop = DESKTOP.read_text()
    assert f"Icon={APP_ID}\n" in desktop
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("icon") == APP_ID
    for script in ("diva-desk.spec", "install.sh", "uninstall.sh"):
        assert APP_ID in (ROOT / "packaging" / script).read_text(), script


def test_the_metainfo_release_is_this_version() -> None:
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases is not None
    newest = releases.findall("release")[0]
    assert newest.get("version") == __version__


def test_the_icon_comes_in_every_size() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = (LINUX / "icons" / f"{size}x{size}" / f"{APP_ID}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
    ico = (ROOT / "packaging" / "windows" / "diva-desk.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"


def test_the_spec_names_every_keyring_backend() -> None:
    spec = (ROOT / "packaging" / "diva-desk.spec").read_text()
    named = set(re.findall(r'"(keyring\.backends\.\w+)"', spec))
    modules = pkgutil.iter_modules(keyring.backends.__path__)
    shipped = {f"keyring.backends.{module.name}" for module in modules}
    assert "keyring.backends.SecretService" in shipped
    assert shipped <= named, f"hiddenimports lacks {sorted(shipped - named)}"


def test_the_metainfo_screenshots_are_shipped_at_their_size() -> None:
    """Each screenshot the metainfo names is a file of docs/screenshots (published at that
    address, packaging/README.md), its width and height those the metainfo states."""
    images = ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")
    assert len(images) >= 3
    for image in images:
        assert image.text is not None and image.text.startswith("https://divadesk.ca/screenshots/")
        shot = ROOT / "docs" / "screenshots" / image.text.rsplit("/", 1)[1]
        head = shot.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n", shot
        width, height = struct.unpack(">II", head[16:24])
        assert (str(width), str(height)) == (image.get("width"), image.get("height")), shot


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_desktop_file_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_the_metainfo_validates() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout


def test_install_and_uninstall_stay_in_local_and_leave_the_book(tmp_path: Path) -> None:
    """A fake bundle, installed and removed under a throw-away HOME."""
    bundle = tmp_path / "unpacked" / "diva-desk"
    (bundle / "share").mkdir(parents=True)
    shutil.copytree(LINUX, bundle / "share", dirs_exist_ok=True)
    program = bundle / "diva-desk"
    program.write_text("#!/bin/sh\necho diva-desk\n")
    program.chmod(0o755)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy(ROOT / "packaging" / script, bundle)
    home = tmp_path / "home"  # a new account: no ~/.local yet
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}

    subprocess.run(["bash", str(bundle / "install.sh")], env=env, check=True, capture_output=True)
    share = home / ".local" / "share"
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{share}/{APP_ID}/diva-desk"' in entry
    assert (share / "icons" / "hicolor" / "512x512" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    link = home / ".local" / "bin" / "diva-desk"
    assert subprocess.run([str(link)], capture_output=True, text=True).stdout == "diva-desk\n"

    book = share / "diva-desk" / "book.sqlite3"  # the data folder, beside the program's
    book.parent.mkdir(parents=True)
    book.write_bytes(b"the book")
    subprocess.run(["bash", str(bundle / "uninstall.sh")], env=env, check=True, capture_output=True)
    assert not link.exists() and not (share / APP_ID).exists()
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert book.read_bytes() == b"the book"


def test_the_window_closes_by_itself_when_asked(qtbot, monkeypatch) -> None:
    """The smoke test's way to start the real window and end with status 0, unattended."""
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setenv(app.CLOSE_AFTER_ENV, "10")
    app.close_by_itself(window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_the_application_carries_the_desktop_name_and_icon(qapp) -> None:
    made = app.make_application()
    assert made.desktopFileName() == APP_ID
    assert not made.windowIcon().isNull()
