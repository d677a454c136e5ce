"""``diva-desk today`` through the real entry point, as a morning cron job runs it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_cli import SAMPLE, assert_no_traceback, run


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert run("demo", data_dir=folder).returncode == 0
    return folder


def _json(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_matches_the_spec(demo_dir: Path) -> None:
    document = _json(run("today", "--json", data_dir=demo_dir))
    assert set(document) == {"date", "calls"}
    assert document["calls"], "the demo book has calls today"
    first = document["calls"][0]
    assert first["rank"] == 1
    assert set(first) == {
        "rank", "customer", "customer_name", "contact_name", "phone", "amount_at_stake",
        "currency", "reasons", "talking_points",
    }  # fmt: skip
    kinds = {r["kind"] for c in document["calls"] for r in c["reasons"]}
    assert kinds <= {
        "deposit_due", "delivery_checkin", "due_soon", "cutoff", "promise_due",
        "broken_promise", "installment_due", "installment_missed", "overdue", "followup",
        "quote_expiring",
    }  # fmt: skip
    assert all(len(c["talking_points"]) >= 5 for c in document["calls"])
    codes = [c["customer"] for c in document["calls"]]
    assert len(codes) == len(set(codes))


def test_limit_and_date(demo_dir: Path) -> None:
    full = _json(run("today", "--json", data_dir=demo_dir))
    two = _json(run("today", "--json", "--limit", "2", data_dir=demo_dir))
    assert two["calls"] == full["calls"][:2]
    dated = _json(run("today", "--json", "--date", "2020-01-06", data_dir=demo_dir))
    assert dated["date"] == "2020-01-06"


def test_plain_text_reads_like_a_list(demo_dir: Path) -> None:
    result = run("today", "--limit", "3", data_dir=demo_dir)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Calls for ")
    assert [line[:3] for line in lines if line[:1].isdigit()] == ["1. ", "2. ", "3. "]
    assert any(line.startswith("      Hi ") for line in lines)
    assert "ask for" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["--date", "2026-02-30"], "--date"),
        (["--date", "tomorrow"], "--date"),
        (["--limit", "0"], "--limit"),
        (["--limit", "many"], "--limit"),
        # Real dates whose list would run off the calendar (a horizon, 180 days back).
        (["--date", "0001-01-01"], "1900 to 2999"),
        (["--date", "9999-12-31"], "1900 to 2999"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("today", *args, data_dir=tmp_path)
    assert result.returncode == 2
    assert_no_traceback(result)
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_an_empty_book_has_no_calls(tmp_path: Path) -> None:
    assert _json(run("today", "--json", "--date", "2026-11-23", data_dir=tmp_path))["calls"] == []


def test_the_sample_book_in_french_formats(tmp_path: Path) -> None:
    assert run("import", str(SAMPLE), data_dir=tmp_path).returncode == 0
    document = _json(run("today", "--json", "--date", "2026-11-23", data_dir=tmp_path))
    texts = [r["text"] for c in document["calls"] for r in c["reasons"]]
    assert texts and all(text for text in texts)


def test_follow_ups_print_as_a_note_to_self_not_as_lines_to_say(tmp_path: Path) -> None:
    book = {
        "format": "diva-desk",
        "version": 1,
        "business": {"name": "Lakeshore Pixel Studio", "owner_name": "Priya Raman"},
        "customers": [{"code": "ACME", "name": "Acme Ltd.", "contact_name": "Dr. Pat Jones"}],
        "followups": [
            {"customer": "ACME", "due_date": "2026-11-23", "reason": "Try again: no answer."},
            {"customer": "ACME", "due_date": "2026-11-23", "reason": "Ask about the PO"},
        ],
    }
    (tmp_path / "book.json").write_text(json.dumps(book), encoding="utf-8")
    assert run("import", str(tmp_path / "book.json"), data_dir=tmp_path).returncode == 0
    result = run("today", "--date", "2026-11-23", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "      Note: Try again: no answer; Ask about the PO" in lines
    spoken = [line for line in lines if line.startswith("      ") and "Note:" not in line]
    assert (
        spoken[0]
        == "      Hi Dr. Jones, it's Priya from Lakeshore Pixel Studio. Have you got a minute?"
    )
    assert not any("no answer" in line or "PO" in line for line in spoken)
