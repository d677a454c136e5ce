"""Render the app icon (resources/icons/diva-desk.svg) into the PNGs and .ico we ship.

Run from the repository root after changing the SVG, then commit the results:
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
PNGs land in packaging/linux/icons/SIZExSIZE/ca.divadesk.DivaDesk.png; the Windows .ico
(packaging/windows/diva-desk.ico) holds the PNGs up to 256 px as they are (Windows Vista on).
"""

import struct
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "ca.divadesk.DivaDesk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "diva-desk.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ROOT / "packaging" / "linux" / "icons" / f"{size}x{size}" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(out))
    ico = ROOT / "packaging" / "windows" / "diva-desk.ico"
    ico.parent.mkdir(parents=True, exist_ok=True)
    ico.write_bytes(ico_of(ROOT / "packaging" / "linux" / "icons", (16, 24, 32, 48, 64, 128, 256)))


def ico_of(folder: Path, sizes: tuple[int, ...]) -> bytes:
    """An .ico whose images are PNGs: a 6-byte header, 16 bytes per image, then the PNGs."""
    pngs = [(folder / f"{s}x{s}" / f"{APP_ID}.png").read_bytes() for s in sizes]
    offset = 6 + 16 * len(pngs)
    head = struct.pack("<HHH", 0, 1, len(pngs))
    entries = b""
    for size, png in zip(sizes, pngs, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an .ico entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return head + entries + b"".join(pngs)


if __name__ == "__main__":
    main()
