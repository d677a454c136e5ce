"""The install is locked: what pip installed is what constraints.txt names.

A clean machine next month must get the same libraries as today, or a new release
(a new CLDR in Babel, say) could turn the suite red with no change of ours.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            pins[canonicalize_name(name)] = version.strip()
    return pins


def test_every_dependency_of_the_app_its_tests_and_its_benchmark_is_pinned() -> None:
    # The bench extra is locked too, though CI installs only the test extra: whoever
    # runs the benchmark gets the same InvoiceGenerator and profiler as the last run.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = project["dependencies"] + extras["test"] + extras["bench"]
    pins = locked()
    for requirement in map(Requirement, wanted):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in constraints.txt"
        assert requirement.specifier.contains(pins[name]), (
            f"{name}=={pins[name]} breaks {requirement}"
        )


def test_what_is_installed_is_what_is_locked() -> None:
    pins = locked()
    for dist in metadata.distributions():
        name = canonicalize_name(dist.metadata["Name"])
        if name in pins:
            assert dist.version == pins[name], (
                f"{name} {dist.version} installed, {pins[name]} locked"
            )


def test_the_readme_and_ci_install_through_the_lock() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    opens, tests = commands[0], commands[1]
    assert "pip install -c constraints.txt -e ." in opens and "diva-desk" in opens
    assert "pip install -q -c constraints.txt -e '.[test]'" in tests and "pytest" in tests
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--extra test --extra bench" in readme, "the lock is refreshed with both extras"


def test_the_benchmark_extra_installs_through_the_lock() -> None:
    for guide in ("benchmarks/README.md", "docs/benchmarks.md"):
        text = (ROOT / guide).read_text(encoding="utf-8")
        assert "pip install -c constraints.txt -e '.[test,bench]'" in text, guide
