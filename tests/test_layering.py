"""The layering rule holds by itself: nothing below the UI needs Qt, the core needs no store.

Each check imports modules in a fresh interpreter with some packages blocked, so an
import that sneaks in (directly or through another module) fails here, not on a
machine that runs the command line without a display. The floors themselves (which
package may import which) are the import-linter contracts in pyproject.toml: the
tests at the end run them on the real tree, and on a copy with one wrong import
added, to prove they notice it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import diva_desk

ROOT = Path(__file__).resolve().parent.parent

_PROBE = textwrap.dedent(
    """
    import importlib
    import importlib.abc
    import pkgutil
    import sys
    import traceback

    BLOCKED = set(sys.argv[1].split(","))
    PREFIX = sys.argv[2]
    SKIP = set(sys.argv[3].split(",")) if sys.argv[3] else set()


    class Blocker(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked for this layer")
            return None


    sys.meta_path.insert(0, Blocker())

    import diva_desk

    def skipped(name):
        # __main__ runs the program when imported; what it imports is checked anyway.
        if name.rsplit(".", 1)[-1] == "__main__":
            return True
        return any(name == s or name.startswith(s + ".") for s in SKIP)

    failures = []
    names = []
    # walk_packages imports each package to look inside it; a package that fails
    # there (a skipped UI package, say) is not walked, and the loop below reports
    # any package that is not skipped with its traceback.
    for info in pkgutil.walk_packages(diva_desk.__path__, "diva_desk.", onerror=lambda n: None):
        if not info.name.startswith(PREFIX) or skipped(info.name):
            continue
        names.append(info.name)
        try:
            importlib.import_module(info.name)
        except BaseException:
            failures.append(info.name + ":\\n" + traceback.format_exc())
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
    print("IMPORTED", " ".join(names))
    for failure in failures:
        print("FAILED", failure)
    if leaked:
        print("LEAKED", " ".join(leaked))
    sys.exit(1 if failures or leaked else 0)
    """
)


def _import_all(prefix: str, blocked: list[str], skip: list[str]) -> list[str]:
    """Import every module under ``prefix`` with ``blocked`` packages unavailable."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, ",".join(blocked), prefix, ",".join(skip)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    imported = result.stdout.split("IMPORTED", 1)[1].splitlines()[0].split()
    return imported


def test_everything_below_the_ui_imports_without_qt() -> None:
    imported = _import_all("diva_desk", ["PySide6", "shiboken6"], ["diva_desk.ui", "diva_desk.app"])
    # The walk really found the layers, so a broken discovery cannot pass silently.
    for module in (
        "diva_desk.core.money",
        "diva_desk.core.invoices.totals",
        "diva_desk.store.book.db",
    ):
        assert module in imported
    assert not any(m.startswith("diva_desk.ui") or m == "diva_desk.app" for m in imported)


def test_core_imports_neither_qt_nor_the_store() -> None:
    imported = _import_all("diva_desk.core", ["PySide6", "shiboken6", "peewee", "playhouse"], [])
    assert {
        "diva_desk.core.money",
        "diva_desk.core.customers.terms",
        "diva_desk.core.records",
    } <= set(imported)
    assert all(m.startswith("diva_desk.core") for m in imported)


def test_the_probe_notices_a_blocked_import() -> None:
    # Guard against a probe that can never fail: the store needs peewee, so blocking
    # peewee must make the store's import fail.
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, "peewee", "diva_desk.store", ""],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "FAILED diva_desk.store" in result.stdout


def test_every_python_folder_is_a_package_the_walk_can_see() -> None:
    # pkgutil skips a folder without __init__.py (a namespace package), so its modules
    # would escape the checks above; setuptools would not ship it either.
    root = Path(diva_desk.__file__).parent
    folders = {p.parent for p in root.rglob("*.py") if "__pycache__" not in p.parts}
    missing = sorted(str(f.relative_to(root)) for f in folders if not (f / "__init__.py").exists())
    assert not missing, f"folders under diva_desk/ without __init__.py: {missing}"


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the package importable from ``cwd``, with its pyproject.toml."""
    # Wide lines, so a module's name is never wrapped across two.
    env = {**os.environ, "PYTHONPATH": str(cwd), "COLUMNS": "240"}
    return subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_import_contracts_hold_on_the_real_tree() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    # All five contracts ran (a contract missing from pyproject.toml would not fail).
    assert result.stdout.count(" KEPT") == 5, result.stdout


@pytest.mark.parametrize(
    ("files", "named"),
    [
        pytest.param(
            {"core/probe_wrong_floor.py": "from diva_desk.store.book import db\n"},
            ["diva_desk.core is not allowed to import diva_desk.store", "core.probe_wrong_floor"],
            id="core-imports-store",
        ),
        pytest.param(
            {"store/probe_wrong_floor.py": "from diva_desk.documents import invoice\n"},
            [
                "diva_desk.store is not allowed to import diva_desk.documents",
                "store.probe_wrong_floor",
            ],
            id="store-imports-documents",
        ),
        pytest.param(
            {"contacts/probe_wrong_floor.py": "import diva_desk.interchange.reader\n"},
            [
                "diva_desk.contacts is not allowed to import diva_desk.interchange",
                "contacts.probe_wrong_floor",
            ],
            id="feature-imports-feature",
        ),
        pytest.param(
            {
                "mail/probe_qt.py": "import PySide6.QtGui\n",
                "commands/probe_qt.py": "import diva_desk.mail.probe_qt\n",
            },
            ["diva_desk.commands is not allowed to import PySide6", "commands.probe_qt"],
            id="commands-reach-qt-through-a-feature",
        ),
        pytest.param(
            {"contacts/probe_sql.py": "import peewee\n"},
            ["diva_desk.contacts is not allowed to import peewee", "contacts.probe_sql"],
            id="feature-imports-peewee",
        ),
        pytest.param(
            {"store/customers/probe_circle.py": "import diva_desk.store.calls.call_list\n"},
            ["No cycles are allowed in diva_desk.store", ".customers -> .calls"],
            id="two-store-areas-in-a-circle",
        ),
        pytest.param(
            {"ui/common/probe_up.py": "import diva_desk.ui.today.call_card\n"},
            [
                "diva_desk.ui.common is not allowed to import diva_desk.ui.today",
                "common.probe_up",
            ],
            id="ui-common-imports-a-feature",
        ),
        pytest.param(
            {"stray/__init__.py": ""},
            ["not listed as layers", "diva_desk.stray"],
            id="package-on-no-floor",
        ),
    ],
)
def test_the_import_contracts_fail_on_a_wrong_import(
    tmp_path: Path, files: dict[str, str], named: list[str]
) -> None:
    # A copy of the package and its contracts, with the wrong import(s) added.
    shutil.copytree(
        ROOT / "diva_desk", tmp_path / "diva_desk", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for name, text in files.items():
        path = tmp_path / "diva_desk" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    for words in named:
        assert words in result.stdout, result.stdout
