"""Where the files under resources/ are, whether run from a checkout, a wheel or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle, "resources", *parts)
    from importlib.resources import files

    return Path(str(files("diva_desk.resources"))).joinpath(*parts)
