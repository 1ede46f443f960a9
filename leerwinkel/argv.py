"""The program's global options, and what can be answered from the raw arguments before anything heavy is imported.

Both front doors use :func:`add_global_options`: the window's launcher (to tell "start the window in this
folder" from a command) and the command line's parser, which adds them before the command and to every
command's own parser, so ``leerwinkel --data-dir /x info`` and ``leerwinkel info --data-dir /x`` are the same.
Only argparse and the translation markers are imported here (the help is translated when a parser is built).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn

from leerwinkel.i18n import N_, _

#: (option, destination, help): the options of the whole program.
GLOBAL_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--data-dir", "data_dir", N_("gegevensmap (anders LEERWINKEL_DATA_DIR of de standaardmap)")),
    ("--user", "user", N_("gebruikersnaam (anders LEERWINKEL_USER)")),
    ("--password-file", "login_password_file", N_("wachtwoordbestand (anders LEERWINKEL_PASSWORD_FILE)")),
)


def add_global_options(parser: argparse.ArgumentParser, *, on_command: bool = False) -> None:
    """Add the global options to ``parser``.

    On a command's own parser (``on_command``) they default to "not given", so a value given before the
    command is kept; an option string the command defines itself (``setup --password-file``) stays the
    command's, and the global one must then come before the command.
    """
    for option, dest, text in GLOBAL_OPTIONS:
        if on_command and option in parser._option_string_actions:
            continue
        parser.add_argument(option, dest=dest, help=_(text), default=argparse.SUPPRESS if on_command else None)


class _OptionError(Exception):
    """A global option without its value (the command line then says what is wrong)."""


class _QuietParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _OptionError(message)  # instead of printing the usage and exiting


def window_options(argv: Sequence[str]) -> argparse.Namespace | None:
    """The global options when ``argv`` asks for the window (only ``--data-dir``, in either spelling); else None."""
    parser = _QuietParser(add_help=False)
    add_global_options(parser)
    try:
        options, rest = parser.parse_known_args(list(argv))
    except _OptionError:
        return None
    if rest or options.user is not None or options.login_password_file is not None:
        return None
    return options
