"""The command line through its real entry point, as a script or cron job runs it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from diva_desk import __version__
from diva_desk.i18n import _, speaking

SCRIPT = Path(sys.executable).with_name("diva-desk")
SAMPLE = Path(__file__).parents[1] / "interchange" / "data" / "sample-book.json"


def run(*args: str, data_dir: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    environ.update(env)
    command = [str(SCRIPT)]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(
        command + list(args), capture_output=True, text=True, env=environ, timeout=120
    )


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"diva-desk {__version__}"


@pytest.mark.parametrize("command", ["demo", "import", "export", "backup", "restore"])
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert f"diva-desk {command}" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["frobnicate"], "invalid choice"),
        (["import"], "the following arguments are required: FILE"),
        (["export", "--bogus"], "unrecognized arguments"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = run(*args, data_dir=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert_no_traceback(result)


def test_data_dir_from_environment(tmp_path: Path) -> None:
    result = run("backup", DIVA_DESK_DATA_DIR=str(tmp_path / "env-book"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env-book" / "book.sqlite3").is_file()
    assert list((tmp_path / "env-book" / "backups").glob("book-*.sqlite3"))


def test_import_export_round_trip_between_books(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    imported = run("import", str(SAMPLE), data_dir=first)
    assert imported.returncode == 0, imported.stderr
    exported = run("export", "-o", str(tmp_path / "one.json"), data_dir=first)
    assert exported.returncode == 0, exported.stderr
    again = run("import", str(tmp_path / "one.json"), data_dir=second)
    assert again.returncode == 0, again.stderr
    stdout_export = run("export", data_dir=second)
    assert stdout_export.returncode == 0
    one = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    two = json.loads(stdout_export.stdout)
    one.pop("exported_at"), two.pop("exported_at")
    assert one == two
    assert one["customers"], "the sample book has customers"


def test_bad_import_exits_2_names_the_problem_and_changes_nothing(tmp_path: Path) -> None:
    assert run("import", str(SAMPLE), data_dir=tmp_path).returncode == 0
    before = run("export", data_dir=tmp_path).stdout
    bad = json.loads(SAMPLE.read_text(encoding="utf-8"))
    for customer in bad["customers"]:
        customer["code"] += "-2"
    for invoice in bad.get("invoices", []):
        invoice["number"] += "-2"
        invoice["customer"] += "-2"
    bad["invoices"][0]["lines"][0]["quantity"] = "two"
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(bad), encoding="utf-8")
    result = run("import", str(bad_file), data_dir=tmp_path)
    assert result.returncode == 2
    assert "invoices[0]" in result.stderr and ".lines[0].quantity" in result.stderr
    assert '"two"' in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert_no_traceback(result)
    after = run("export", data_dir=tmp_path).stdout
    assert json.loads(before)["invoices"] == json.loads(after)["invoices"]


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        (b"{not json", "line 1"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
    ],
)
def test_unreadable_import_files(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "in.json"
    if content is not None:
        path.write_bytes(content)
    result = run("import", str(path), data_dir=tmp_path / "book")
    assert result.returncode == 2
    assert message in result.stderr
    assert_no_traceback(result)


def test_demo_fills_an_empty_book_and_refuses_a_full_one(tmp_path: Path) -> None:
    result = run("demo", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(tmp_path / "book.sqlite3")
    customers = conn.execute("SELECT COUNT(*) FROM customer").fetchone()[0]
    invoices = conn.execute("SELECT COUNT(*) FROM invoice").fetchone()[0]
    conn.close()
    assert 25 <= customers <= 35 and 170 <= invoices <= 230

    refused = run("demo", data_dir=tmp_path)
    assert refused.returncode == 2
    assert "--force" in refused.stderr

    forced = run("demo", "--force", data_dir=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert list(tmp_path.glob("book.before-demo-*.sqlite3"))
    conn = sqlite3.connect(tmp_path / "book.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM customer").fetchone()[0] == customers
    conn.close()


def test_backup_and_restore(tmp_path: Path) -> None:
    assert run("import", str(SAMPLE), data_dir=tmp_path).returncode == 0
    backup = tmp_path / "saved.sqlite3"
    result = run("backup", "-o", str(backup), data_dir=tmp_path)
    assert result.returncode == 0 and str(backup) in result.stdout
    original = run("export", data_dir=tmp_path).stdout

    assert run("demo", "--force", data_dir=tmp_path).returncode == 0
    restored = run("restore", str(backup), data_dir=tmp_path)
    assert restored.returncode == 0, restored.stderr
    # Said in the restored book's language (the sample's fr_CA).
    with speaking("fr_CA"):
        said = _("Restored {file}. The previous book was kept at {path}")
    assert said.format(file=backup, path="\0").split("\0")[0] in restored.stdout
    after = json.loads(run("export", data_dir=tmp_path).stdout)
    before = json.loads(original)
    after.pop("exported_at"), before.pop("exported_at")
    assert after == before


def test_restore_of_a_non_backup_exits_2(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("nope")
    result = run("restore", str(bogus), data_dir=tmp_path / "book")
    assert result.returncode == 2
    assert "not a Diva Desk backup" in result.stderr
    assert_no_traceback(result)


def test_a_book_from_a_newer_version_exits_1(tmp_path: Path) -> None:
    assert run("backup", data_dir=tmp_path).returncode == 0
    conn = sqlite3.connect(tmp_path / "book.sqlite3")
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    result = run("export", data_dir=tmp_path)
    assert result.returncode == 1
    assert "newer version of Diva Desk" in result.stderr
    assert_no_traceback(result)
