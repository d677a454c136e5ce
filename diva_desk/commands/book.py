"""Commands that act on the whole book: demo, import, export, backup, restore."""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal
from pathlib import Path

from diva_desk import paths
from diva_desk.commands.common import EXIT_OK, open_book_in, read_input
from diva_desk.commands.output import say, say_data
from diva_desk.errors import BadInput
from diva_desk.i18n import _, ngettext
from diva_desk.i18n import format as fmt
from diva_desk.saved_files import write_whole


def register(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser("demo", help=_("fill the book with realistic demo data"))
    demo.add_argument(
        "--force",
        action="store_true",
        help=_("replace a book that already holds customers (a copy is kept beside it)"),
    )
    demo.set_defaults(run=_demo)

    imp = commands.add_parser("import", help=_("add a book in interchange format v1 or v2"))
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.set_defaults(run=_import)

    exp = commands.add_parser("export", help=_("write the whole book in interchange format v2"))
    exp.add_argument("-o", "--output", metavar="FILE", type=Path, help=_("default: stdout"))
    exp.set_defaults(run=_export)

    backup = commands.add_parser("backup", help=_("write a consistent copy of the book"))
    what = backup.add_mutually_exclusive_group()
    what.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help=_("default: backups/book-<date-time>.sqlite3 in the data folder"),
    )
    what.add_argument(
        "--list", action="store_true", help=_("list the copies in backups/, newest first")
    )
    what.add_argument(
        "--second-destination",
        metavar="DIR",
        type=Path,
        help=_("also write each daily copy to this folder (a USB stick, a synced folder)"),
    )
    what.add_argument(
        "--no-second-destination",
        action="store_true",
        help=_("stop writing daily copies to the second destination"),
    )
    backup.add_argument("--json", action="store_true", help=_("with --list: print JSON"))
    backup.set_defaults(run=_backup, opens_book=False)  # --list works on a damaged book

    restore = commands.add_parser(
        "restore", help=_("replace the book with a backup, keeping the current book aside")
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    restore.set_defaults(run=_restore, opens_book=False)


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
    customers, invoices = len(contents.customers), len(contents.invoices)
    say(
        _("Demo book ready: {customers}, {invoices}.").format(
            customers=ngettext("{count} customer", "{count} customers", customers).format(
                count=customers
            ),
            invoices=ngettext("{count} invoice", "{count} invoices", invoices).format(
                count=invoices
            ),
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

        write_whole(args.output, write)
    return EXIT_OK


def _backup(args: argparse.Namespace, folder: Path) -> int:
    from diva_desk.store.book import maintenance

    if args.list:
        return _list_backups(folder, as_json=args.json)
    if args.json:
        raise BadInput(_("--json goes with --list"))
    open_book_in(folder)
    if args.no_second_destination:
        maintenance.set_second_destination(None)
        say(_("Daily copies go to {folder} only.").format(folder=paths.backups_dir(folder)))
        return EXIT_OK
    if args.second_destination is not None:
        copy = maintenance.set_second_destination(args.second_destination)
        say(
            _("Daily copies also go to {folder}; a copy was written to {path}").format(
                folder=copy.parent, path=copy
            )
        )
        return EXIT_OK
    if args.output is None:
        target = maintenance.back_up_now(folder)
    else:
        target = maintenance.backup_book(args.output)
    say(_("Backup written to {path}").format(path=target))
    return EXIT_OK


def _list_backups(folder: Path, *, as_json: bool) -> int:
    import json

    from diva_desk.commands.common import table_row, text_width
    from diva_desk.store.book import maintenance

    copies = maintenance.list_backups(folder)
    if as_json:
        rows = [
            {
                "file": str(copy.path),
                "taken": copy.taken.isoformat(timespec="seconds"),
                "size": copy.size,
                "invoices": copy.invoices,
                "kind": "daily" if copy.daily else "kept",
            }
            for copy in copies
        ]
        say_data(json.dumps({"backups": rows}, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    if not copies:
        say(_("No backups in {folder} yet.").format(folder=paths.backups_dir(folder)))
        return EXIT_OK
    header = [_("taken"), _("size"), _("invoices"), _("kind"), _("file")]
    cells = [
        [
            fmt.datetime(copy.taken),
            _size(copy.size),
            "?" if copy.invoices is None else str(copy.invoices),
            _("daily") if copy.daily else _("kept"),
            str(copy.path),
        ]
        for copy in copies
    ]
    widths = [max(text_width(row[i]) for row in [header, *cells]) for i in range(5)]
    for row in [header, *cells]:
        say(table_row(row, widths, right={1, 2}))
    return EXIT_OK


def _size(size: int) -> str:
    if size < 1024:
        return _("{size} B").format(size=fmt.number(size))
    tenth = Decimal("0.1")
    if size < 1024 * 1024:
        return _("{size} KB").format(size=fmt.number((Decimal(size) / 1024).quantize(tenth)))
    return _("{size} MB").format(size=fmt.number((Decimal(size) / 1024**2).quantize(tenth)))


def _restore(args: argparse.Namespace, folder: Path) -> int:
    """Restore over a good book through the live connection; over a damaged one by rename.

    A damaged, cut-short or empty book is never written to: it is renamed aside and
    the backup takes its place (store.book.maintenance.restore_over_damaged).
    """
    from diva_desk.store.book import maintenance
    from diva_desk.store.book.db import close_book
    from diva_desk.store.book.health import BookDamaged

    book = paths.book_path(folder)
    try:
        open_book_in(folder)
    except BookDamaged:
        close_book()
        kept = maintenance.restore_over_damaged(args.file, book)
    else:
        kept = maintenance.restore_book(args.file, book)
        close_book()
    open_book_in(folder)  # upgrades a backup written by an older version
    say(
        _("Restored {file}. The previous book was kept at {path}").format(file=args.file, path=kept)
    )
    return EXIT_OK
