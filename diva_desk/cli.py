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
    bank,
    book,
    customers,
    documents,
    late_fees,
    mail,
    mail_outbox,
    quotes,
    recurring,
    taxes,
    today,
)
from diva_desk.commands.common import EXIT_BAD_INPUT, EXIT_FAILED, open_book_in
from diva_desk.commands.output import complain, escaped
from diva_desk.errors import BadInput, BookProblem
from diva_desk.i18n import _, ngettext, set_language
from diva_desk.i18n.format import is_known_locale
from diva_desk.store.book.health import peek_locale

log = logging.getLogger(__name__)

#: Each module adds its subcommands with ``register(subparsers)``.
COMMAND_MODULES = (
    book,
    documents,
    quotes,
    customers,
    today,
    aging,
    taxes,
    late_fees,
    mail,
    mail_outbox,
    bank,
    recurring,
)


def argparse_messages() -> tuple[str, ...]:
    """argparse's own words a person sees, in its English (Python 3.11's argparse).

    Listed here, through ``_()``, so that pybabel puts them in our catalog; argparse
    asks for them itself (:func:`_argparse_speaks_ours`), and a test checks that it
    still uses each. Its "error:" line is not among them: ``_Parser`` writes its own.
    """
    return (
        _("usage: "),
        _("positional arguments"),
        _("options"),
        _("show this help message and exit"),
        _("the following arguments are required: %s"),
        _("invalid choice: %(value)r (choose from %(choices)s)"),
        _("argument %(argument_name)s: %(message)s"),
        _("unrecognized arguments: %s"),
        _("expected one argument"),
        _("invalid %(type)s value: %(value)r"),
        _("ambiguous option: %(option)s could match %(matches)s"),
        _("not allowed with argument %s"),
    )


def _argparse_speaks_ours() -> None:
    """argparse's own words (usage:, invalid choice, required arguments) from our catalog.

    argparse binds gettext's functions as module globals when it is imported (Python
    3.11: ``from gettext import gettext as _, ngettext``) and looks them up at each
    call; left alone they use gettext's global domain, in the language of the
    environment (LANGUAGE, LANG), not the book's. Pointed at diva_desk.i18n, they
    follow ``set_language`` like every other message.
    """
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse that says what was wrong in one line and exits 2, as the spec asks."""

    def error(self, message: str) -> None:  # type: ignore[override]
        line = escaped(
            _("{prog}: {message} (see {prog} --help)").format(prog=self.prog, message=message)
        )
        self.exit(EXIT_BAD_INPUT, line + "\n")


class _NotYet(Exception):
    """The first parse could not read ``--data-dir``: the full parse will say why."""


class _DataDirParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotYet(message)


def _speak_the_books_language(argv: Sequence[str]) -> None:
    """Speak the book's language before the parser is built, for its help and errors.

    A first, forgiving parse reads ``--data-dir`` alone; the book's locale is read
    without opening it (a damaged book is only ever opened by the command that
    repairs it). Without a book, or one that cannot be read, English stays.
    """
    early = _DataDirParser(add_help=False, allow_abbrev=False)
    early.add_argument("--data-dir")
    try:
        known, _others = early.parse_known_args(argv)
    except _NotYet:
        return
    locale = peek_locale(paths.book_path(paths.data_dir(known.data_dir)))
    if locale and is_known_locale(locale):
        set_language(locale)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, its help in the language set when it is built."""
    _argparse_speaks_ours()
    parser = _Parser(
        prog="diva-desk",
        description=_("Diva Desk: get paid. With no command, opens the desktop app."),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"diva-desk {__version__}",
        help=_("show program's version number and exit"),
    )
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
    argv = sys.argv[1:] if argv is None else list(argv)
    _speak_the_books_language(argv)
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
