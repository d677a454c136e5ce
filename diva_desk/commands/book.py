"""Commands that act on the whole book: demo, import, export, backup, restore."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from diva_desk import paths
from diva_desk.commands.common import EXIT_OK, open_book_in, read_input, write_atomically
from diva_desk.commands.output import say, say_data
from diva_desk.errors import BadInput
from diva_desk.i18n import _


def register(commands: argparse._SubParsersAction) -> None:
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


def _demo(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.demo import demo_contents
    from diva_desk.store.book import maintenance
    from diva_desk.store.book.business import has_customers
    from diva_desk.store.contents.loading import replace_contents

    if has_customers():
        if not args.force:
            raise BadInput(_("the book already holds customers; use demo --force to replace it"))
        kept = maintenance.keep_aside(paths.book_path(folder), "before-demo")
        say(_("Kept the previous book at {path}").format(path=kept))
    contents = demo_contents(dt.date.today())
    replace_contents(contents)
    say(
        _("Demo book ready: {customers} customers, {invoices} invoices.").format(
            customers=len(contents.customers), invoices=len(contents.invoices)
        )
    )
    return EXIT_OK


def _import(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.interchange import import_text

    summary = import_text(read_input(args.file))
    say(_("Imported {summary} from {file}.").format(summary=summary, file=args.file))
    return EXIT_OK


def _export(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.interchange import export_pieces

    # Written as it is read: a large book is never held whole in memory.
    if args.output is None:
        for piece in export_pieces():
            say_data(piece)
    else:

        def write(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8") as file:
                file.writelines(export_pieces())

        write_atomically(args.output, write)
    return EXIT_OK


def _backup(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.store.book import maintenance

    target = args.output or folder / "backups" / f"book-{maintenance.stamp()}.sqlite3"
    maintenance.backup_book(target)
    say(_("Backup written to {path}").format(path=target))
    return EXIT_OK


def _restore(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.store.book import maintenance
    from diva_desk.store.book.db import close_book

    kept = maintenance.restore_book(args.file, paths.book_path(folder))
    close_book()
    open_book_in(folder)  # upgrades a backup written by an older version
    say(
        _("Restored {file}. The previous book was kept at {path}").format(file=args.file, path=kept)
    )
    return EXIT_OK
