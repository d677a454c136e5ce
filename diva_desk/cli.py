"""The command line (spec/cli.md): the desktop app's second door, for scripts and cron.

Exit status: 0 done; 1 failed for a reason outside the input; 2 bad input or usage.
No traceback reaches the person running it: user errors are one line on stderr,
bugs are logged to the data folder and reported as such.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from diva_desk import __version__, paths
from diva_desk.errors import BadInput, BookProblem
from diva_desk.i18n import _

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that says what was wrong in one line and exits 2, as the spec asks."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="diva-desk",
        description=_("Diva Desk: get paid. With no command, opens the desktop app."),
    )
    parser.add_argument("--version", action="version", version=f"diva-desk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_("folder of the book (default: $DIVA_DESK_DATA_DIR or the user data folder)"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", help=_("fill the book with realistic demo data"))
    demo.add_argument(
        "--force",
        action="store_true",
        help=_("replace a book that already holds customers (a copy is kept beside it)"),
    )
    demo.set_defaults(run=_demo)

    imp = commands.add_parser("import", help=_("add a book in interchange format v1"))
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.set_defaults(run=_import)

    exp = commands.add_parser("export", help=_("write the whole book in interchange format v1"))
    exp.add_argument("-o", "--output", metavar="FILE", type=Path, help=_("default: stdout"))
    exp.set_defaults(run=_export)

    backup = commands.add_parser("backup", help=_("write a consistent copy of the book"))
    backup.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help=_("default: backups/book-<date-time>.sqlite3 in the data folder"),
    )
    backup.set_defaults(run=_backup)

    restore = commands.add_parser(
        "restore", help=_("replace the book with a backup, keeping the current book aside")
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    restore.set_defaults(run=_restore)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    folder = paths.data_dir(args.data_dir)
    if args.command is None:
        from diva_desk.app import run_app

        return run_app(folder)
    from diva_desk.logs import configure_logging

    try:
        log_file = configure_logging(folder)
    except OSError as exc:
        return _fail(
            EXIT_FAILED,
            _("cannot write to the data folder {folder}: {error}").format(
                folder=folder, error=exc.strerror or exc
            ),
        )
    try:
        _open(folder)
        return args.run(args, folder)
    except BadInput as exc:
        return _fail(EXIT_BAD_INPUT, str(exc))
    except BookProblem as exc:
        return _fail(EXIT_FAILED, str(exc))
    except OSError as exc:
        return _fail(EXIT_FAILED, f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    except Exception:
        log.exception("diva-desk %s failed", args.command)
        return _fail(
            EXIT_FAILED,
            _("something went wrong; the details are in {log}").format(log=log_file),
        )
    finally:
        from diva_desk.store.db import close_book

        close_book()


def _fail(code: int, message: str) -> int:
    print(f"diva-desk: {message}", file=sys.stderr)
    return code


def _open(folder: Path) -> None:
    from diva_desk.store.db import open_book

    open_book(paths.book_path(folder))


def _read_input(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise BadInput(_("{file}: no such file").format(file=path)) from exc
    except IsADirectoryError as exc:
        raise BadInput(_("{file} is a folder, not a file").format(file=path)) from exc
    except UnicodeDecodeError as exc:
        raise BadInput(
            _("{file} is not UTF-8 text (byte {pos})").format(file=path, pos=exc.start)
        ) from exc


def _demo(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.demo import demo_contents
    from diva_desk.store import maintenance
    from diva_desk.store.business import has_customers
    from diva_desk.store.db import db
    from diva_desk.store.records import add_contents

    if has_customers():
        if not args.force:
            raise BadInput(_("the book already holds customers; use demo --force to replace it"))
        kept = maintenance.keep_aside(paths.book_path(folder), "before-demo")
        print(_("Kept the previous book at {path}").format(path=kept))
    contents = demo_contents(dt.date.today())
    with db.atomic():
        maintenance.clear_book()
        add_contents(contents)
    print(
        _("Demo book ready: {customers} customers, {invoices} invoices.").format(
            customers=len(contents.customers), invoices=len(contents.invoices)
        )
    )
    return EXIT_OK


def _import(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.interchange import import_text

    summary = import_text(_read_input(args.file))
    print(_("Imported {summary} from {file}.").format(summary=summary, file=args.file))
    return EXIT_OK


def _export(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.interchange import export_text

    text = export_text()
    if args.output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        _write_atomically(args.output, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return EXIT_OK


def _backup(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.store import maintenance

    target = args.output or folder / "backups" / f"book-{maintenance.stamp()}.sqlite3"
    maintenance.backup_book(target)
    print(_("Backup written to {path}").format(path=target))
    return EXIT_OK


def _restore(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.store import maintenance
    from diva_desk.store.db import close_book

    kept = maintenance.restore_book(args.file, paths.book_path(folder))
    close_book()
    _open(folder)  # upgrades a backup written by an older version
    print(
        _("Restored {file}. The previous book was kept at {path}").format(file=args.file, path=kept)
    )
    return EXIT_OK


def _write_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """Write beside the target and rename, so a full disk never leaves half a file."""
    tmp = target.with_name(f".{target.name}.partial")
    try:
        write(tmp)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
