"""The command line (spec/cli.md): the desktop app's second door, for scripts and cron.

Exit status: 0 done; 1 failed for a reason outside the input; 2 bad input or usage.
No traceback reaches the person running it: user errors are one line on stderr,
bugs are logged to the data folder and reported as such. When whoever reads the
output stops early (``diva-desk aging | head``), the command stops quietly with
status 1, as Python's documentation recommends for a closed pipe.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from diva_desk import __version__, paths
from diva_desk.commands import (
    aging,
    book,
    customers,
    documents,
    mail,
    mail_outbox,
    taxes,
    today,
)
from diva_desk.commands.common import EXIT_BAD_INPUT, EXIT_FAILED, open_book_in
from diva_desk.commands.output import complain, escaped
from diva_desk.errors import BadInput, BookProblem
from diva_desk.i18n import _

log = logging.getLogger(__name__)

#: Each module adds its subcommands with ``register(subparsers)``.
COMMAND_MODULES = (book, documents, customers, today, aging, taxes, mail, mail_outbox)


class _Parser(argparse.ArgumentParser):
    """argparse that says what was wrong in one line and exits 2, as the spec asks."""

    def error(self, message: str) -> None:  # type: ignore[override]
        line = escaped(f"{self.prog}: {message} (see {self.prog} --help)")
        self.exit(EXIT_BAD_INPUT, line + "\n")


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

    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        _refuse_undecodable(parser, args)
        folder = paths.data_dir(args.data_dir)
        _refuse_undecodable_folder(folder)
    except BadInput as exc:
        return _fail(EXIT_BAD_INPUT, str(exc))
    if args.command is None:
        from diva_desk.app import run_app

        return run_app(folder)
    from diva_desk.logs import configure_logging

    try:
        log_file = configure_logging(folder)
    except OSError as exc:
        if folder.is_dir() and os.access(folder, os.R_OK):
            # A read-only data folder (a read-only disk): reads go on, and a write is
            # refused by the store with a sentence saying the book is read-only.
            log_file = _("the log (not written: {error})").format(error=exc.strerror or exc)
        else:
            return _fail(
                EXIT_FAILED,
                _("cannot write to the data folder {folder}: {error}").format(
                    folder=folder, error=exc.strerror or exc
                ),
            )
    try:
        if getattr(args, "opens_book", True):  # restore opens it itself, even damaged
            open_book_in(folder)
        code = args.run(args, folder)
        sys.stdout.flush()  # a reader gone away shows here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
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
        from diva_desk.store.book.db import close_book

        close_book()


def _reader_gone() -> int:
    """Stop quietly when stdout's reader has closed the pipe (``| head``): status 1.

    What is still buffered can never be written, and Python would say so on stderr
    when it flushes at exit; stdout goes to the null device instead (the recipe in
    the documentation of Python's ``signal`` module, "Note on SIGPIPE").
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return EXIT_FAILED


def _fail(code: int, message: str) -> int:
    complain(message)
    return code


def _refuse_undecodable(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Refuse a text argument (a code, a number, a date) holding bytes that are not UTF-8.

    Python keeps such bytes of the command line as lone surrogates, which no lookup
    in the book and no output can take. File names are left alone: a file may well
    have such a name, and the operating system takes it back byte for byte.
    """
    names = _argument_names(parser)
    for dest, value in vars(args).items():
        if dest == "data_dir":
            continue  # a folder, named in its own sentence by _refuse_undecodable_folder
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not _is_utf8(text):
                raise BadInput(
                    _("{argument}: {value} holds bytes that are not UTF-8 text").format(
                        argument=names.get(dest, dest), value=text
                    )
                )


def _refuse_undecodable_folder(folder: os.PathLike[str]) -> None:
    """The book's folder (maybe from $DIVA_DESK_DATA_DIR): SQLite takes only UTF-8 names."""
    if not _is_utf8(os.fspath(folder)):
        raise BadInput(
            _(
                "the data folder {folder} has a name that is not UTF-8 text; "
                "choose another with --data-dir"
            ).format(folder=folder)
        )


def _argument_names(parser: argparse.ArgumentParser) -> dict[str, str]:
    """How each argument is named on the command line (--date, CODE), by its dest."""
    names: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                names.update(_argument_names(sub))
        elif action.option_strings:
            names.setdefault(action.dest, max(action.option_strings, key=len))
        else:
            metavar = action.metavar if isinstance(action.metavar, str) else None
            names.setdefault(action.dest, metavar or action.dest.upper())
    return names


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
