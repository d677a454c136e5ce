"""Fixtures for interchange tests: the shared sample book and a fixed export time."""

from __future__ import annotations

from pathlib import Path

import pytest

#: The rich sample every test writer may reuse; it is in canonical form.
SAMPLE_PATH = Path(__file__).parent / "data" / "sample-book.json"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE_PATH


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_PATH.read_text(encoding="utf-8")
