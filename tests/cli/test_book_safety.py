"""The book's safety from outside, through the command line: damage, truncation, a busy
book, a read-only disk, private file modes, the daily copy, unfinished copies."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("diva-desk")
SAMPLE = Path(__file__).parents[1] / "interchange" / "data" / "sample-book.json"
READS = (["today"], ["aging"], ["customers"], ["export"])


def run(folder: Path, *args: str, umask: int = 0o022) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "DIVA_DESK_DATA_DIR"}
    return subprocess.run(
        [str(SCRIPT), "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        umask=umask,
    )


def failed_saying(result: subprocess.CompletedProcess, *words: str) -> bool:
    line = result.stderr.strip()
    return (
        result.returncode == 1
        and "\n" not in line
        and "Traceback" not in result.stderr + result.stdout
        and "something went wrong" not in line
        and all(word in line for word in words)
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def english_sample(where: Path) -> str:
    """The sample book with its business in English: these tests read the refusals' words."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    document["business"]["locale"] = "en_CA"
    path = where / "sample-en.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert run(data, "import", english_sample(tmp_path)).returncode == 0
    return data


def damage_the_customers(book: Path) -> None:
    conn = sqlite3.connect(book)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'customer'").fetchone()[0]
    conn.close()
    with book.open("r+b") as file:
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xff" * 2048)


def test_a_damaged_book_is_named_never_written_and_restored(folder: Path) -> None:
    book = folder / "book.sqlite3"
    daily = folder / "backups" / f"daily-{dt.date.today()}.sqlite3"
    assert daily.exists()  # the copy taken before the import, the day's first write
    good = run(folder, "backup")
    assert good.returncode == 0
    damage_the_customers(book)
    before = digest(book)
    for args in (*READS, ["import", str(SAMPLE)], ["demo", "--force"], ["backup"]):
        result = run(folder, *args)
        assert failed_saying(result, "is damaged", "diva-desk restore", "backups"), (args, result)
    assert digest(book) == before

    newest = json.loads(run(folder, "backup", "--list", "--json").stdout)["backups"][0]
    restored = run(folder, "restore", newest["file"])
    assert restored.returncode == 0, restored.stderr
    assert "damaged" in restored.stdout
    assert run(folder, "customers").returncode == 0
    (kept,) = folder.glob("book.damaged-*.sqlite3")
    assert digest(kept) == before


def test_a_zero_byte_book_is_not_made_a_new_empty_book(folder: Path) -> None:
    book = folder / "book.sqlite3"
    book.write_bytes(b"")
    for args in (["today"], ["import", str(SAMPLE)]):
        assert failed_saying(run(folder, *args), "is empty (0 bytes)", "restore"), args
    assert book.read_bytes() == b""


@pytest.fixture
def busy(folder: Path) -> Iterator[Path]:
    """Another program holds the book's write lock (as the window would mid-import)."""
    other = sqlite3.connect(folder / "book.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO setting VALUES ('other', 'program')")
    yield folder
    other.execute("ROLLBACK")
    other.close()


def test_reads_go_on_while_the_book_is_busy_and_writes_give_up(busy: Path) -> None:
    for args in READS:
        assert run(busy, *args).returncode == 0, args
    start = time.monotonic()
    assert failed_saying(run(busy, "demo", "--force"), "in use by another program")
    assert failed_saying(
        run(busy, "restore", str(next((busy / "backups").glob("daily-*")))),
        "in use by another program",
    )
    assert time.monotonic() - start < 40  # a few seconds each, never without limit


def test_private_modes_under_umask_022_and_exports_follow_the_umask(
    folder: Path, tmp_path: Path
) -> None:
    export = tmp_path / "elsewhere" / "book.json"
    export.parent.mkdir()
    assert run(folder, "backup").returncode == 0
    assert run(folder, "export", "-o", str(export)).returncode == 0
    assert run(folder, "invoice-pdf", "DD-1040", "-o", str(tmp_path / "i.pdf")).returncode == 0
    modes = {
        p.relative_to(folder).as_posix(): stat.S_IMODE(p.stat().st_mode)
        for p in [folder, *folder.rglob("*")]
    }
    private = {name: 0o700 if (folder / name).is_dir() else 0o600 for name in modes}
    assert modes == private
    assert {"book.sqlite3", "diva-desk.log", "backups"} <= set(modes)
    assert stat.S_IMODE(export.stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "i.pdf").stat().st_mode) == 0o644


def test_unfinished_copies_of_a_killed_run_go_at_the_next_start(folder: Path) -> None:
    partial = folder / "backups" / "book-20261201-080000.sqlite3.partial"
    partial.write_bytes(b"half a copy")
    partial.with_name(partial.name + "-journal").write_bytes(b"its journal")
    assert run(folder, "today").returncode == 0
    assert list(folder.rglob("*.partial*")) == []


def _mount_tmpfs(where: Path) -> bool:
    where.mkdir()
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(where)])
    return done.returncode == 0


def test_a_book_on_a_read_only_disk_is_read_and_never_written(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk):
        pytest.skip("needs root to mount a real read-only file system")
    try:
        folder = disk / "data"
        assert run(folder, "import", english_sample(tmp_path)).returncode == 0
        before = digest(folder / "book.sqlite3")
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        assert run(folder, "today").returncode == 0
        other = tmp_path / "contacts.csv"
        other.write_text("name,email\nNew Co,new@example.com\n", encoding="utf-8")
        assert failed_saying(run(folder, "import-contacts", str(other)), "is read-only")
        assert digest(folder / "book.sqlite3") == before
    finally:
        subprocess.run(["umount", str(disk)])
