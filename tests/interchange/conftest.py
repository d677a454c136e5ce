"""Fixtures for interchange tests: the shared sample book and a fixed export time."""

from __future__ import annotations

from pathlib import Path

import pytest

#: The rich sample every test writer may reuse: a version 1 file, as version 1 wrote it.
SAMPLE_PATH = Path(__file__).parent / "data" / "sample-book.json"
#: The same book as version 2 writes it (export's canonical form), with tax registration
#: numbers, a line carrying GST and QST, a pay link (the business's and one invoice's own)
#: and payment instructions for USD.
SAMPLE_V2_PATH = Path(__file__).parent / "data" / "sample-book-v2.json"


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE_PATH


@pytest.fixture
def sample_v2_path() -> Path:
    return SAMPLE_V2_PATH


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_PATH.read_text(encoding="utf-8")
