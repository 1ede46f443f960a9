"""The command line: ``leerwinkel <command>``. Errors are one Dutch line; tracebacks go to the log."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from leerwinkel import __version__
from leerwinkel.argv import add_global_options
from leerwinkel.cliapp import open_app, open_store
from leerwinkel.config import Config, load_config
from leerwinkel.console import EXIT_ERROR, EXIT_OK, EXIT_USAGE, print_json
from leerwinkel.errors import LeerwinkelError
from leerwinkel.i18n import activate_for
from leerwinkel.logs import configure_logging, safe_summary
from leerwinkel.messages import _, describe
from leerwinkel.version import asks_version_only

log = logging.getLogger(__name__)


Handler = Callable[[argparse.Namespace, Config, TextIO], int]

#: Feature modules that add their own commands: each has ``register(commands)``, which adds
#: subparsers and sets ``handler`` on them (see cmd_info for the handler signature).
COMMAND_MODULES: tuple[str, ...] = (
    "leerwinkel.catalogue.cli",
    "leerwinkel.letters.cli",
    "leerwinkel.intake.cli",
    "leerwinkel.reports.cli",
    "leerwinkel.security.cli",
    "leerwinkel.settings.cli",
    "leerwinkel.sync.cli",
)


class UsageError(Exception):
    """Bad command or option: usage and exit code 2."""


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with Dutch errors that raise instead of exiting, so main() decides the exit code."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.format_usage().strip()}\n" + _("Fout: {message}").format(message=message))


def cmd_info(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    # folders, schema and row counts only: no client data, so PostgreSQL answers without an account
    with open_app(dataclasses.replace(config, require_account=False)) as app:
        info = app.info()
    if args.json:
        print_json(dataclasses.asdict(info), out)
        return EXIT_OK
    out.write(_("Leerwinkel Intake {version}").format(version=info.version) + "\n")
    out.write(_("Gegevensmap:     {path}").format(path=info.data_dir) + "\n")
    out.write(_("Databank:        {url}").format(url=info.database_url) + "\n")
    out.write(
        _("Schemaversie:    {rev} (nieuwste: {head})").format(rev=info.schema_revision, head=info.head_revision) + "\n"
    )
    out.write(_("Rijen per tabel:") + "\n")
    for table, count in info.row_counts.items():
        out.write(f"  {table:<28} {count:>8}\n")
    return EXIT_OK


def cmd_db_upgrade(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.storage import migrate

    store = open_store(config, upgrade=False)
    try:
        result = migrate.upgrade(store, backup_dir=config.backup_dir)
    finally:
        store.dispose()
    if result.changed:
        out.write(
            _("Databank bijgewerkt van {before} naar {after}.").format(
                before=result.before or _("leeg"), after=result.after
            )
            + "\n"
        )
        if result.backup is not None:
            out.write(_("Kopie van de oude databank: {path}").format(path=result.backup) + "\n")
    else:
        out.write(_("De databank is al bij (schema {rev}).").format(rev=result.after) + "\n")
    return EXIT_OK


def build_parser() -> DutchArgumentParser:
    parser = DutchArgumentParser(
        prog="leerwinkel",
        description=_("Leerwinkel Intake. Zonder opdracht start het venster."),
        add_help=True,
    )
    parser.add_argument("--version", action="version", version=f"leerwinkel {__version__}")
    add_global_options(parser)
    commands = parser.add_subparsers(dest="command", metavar=_("opdracht"), parser_class=DutchArgumentParser)

    info = commands.add_parser("info", help=_("toon gegevensmap, databank en aantallen"))
    info.add_argument("--json", action="store_true", help=_("uitvoer als JSON"))
    info.set_defaults(handler=cmd_info)

    db = commands.add_parser("db", help=_("onderhoud van de databank"))
    db_commands = db.add_subparsers(
        dest="db_command", metavar=_("opdracht"), parser_class=DutchArgumentParser, required=True
    )
    upgrade = db_commands.add_parser("upgrade", help=_("breng het schema naar de nieuwste versie"))
    upgrade.set_defaults(handler=cmd_db_upgrade)

    import importlib

    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(commands)
    _global_options_on_every_command(commands)
    return parser


def _global_options_on_every_command(commands: argparse._SubParsersAction[DutchArgumentParser]) -> None:
    """The global options after the command too (``leerwinkel info --data-dir /x``), on every level."""
    for command in set(commands.choices.values()):
        add_global_options(command, on_command=True)
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                _global_options_on_every_command(action)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one command; return the exit code (0 ok, 1 error, 2 bad usage or refused input)."""
    out = out or sys.stdout
    err = err or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    if asks_version_only(argv):  # answered before any command module (and SQLAlchemy) is imported
        out.write(f"leerwinkel {__version__}\n")
        return EXIT_OK
    activate_for(_data_dir_option(argv))  # before the parser: its help is translated too
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        err.write(f"{error}\n")
        return EXIT_USAGE
    except SystemExit as stop:  # --help and --version
        return int(stop.code or 0)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        err.write(parser.format_usage())
        return EXIT_USAGE
    import os

    from leerwinkel.fileio import harden_process

    previous_umask = harden_process()
    try:
        return _run(handler, args, out, err)
    finally:
        os.umask(previous_umask)  # for callers in the same process (tests); a real command exits here


def _run(handler: Handler, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:

    config = load_config(Path(args.data_dir) if args.data_dir else None)
    configure_logging(config.log_dir)
    try:
        config = _with_credentials(config, args)
        return handler(args, config, out)
    except LeerwinkelError as error:
        log.info("command %s refused: %s", args.command, safe_summary(error))
        err.write(describe(error) + "\n")
        return EXIT_USAGE if _is_refused_input(error) else EXIT_ERROR
    except Exception as error:
        log.exception("command %s failed", args.command)
        err.write(describe(error) + "\n")
        return EXIT_ERROR


def _data_dir_option(argv: list[str]) -> Path | None:
    """--data-dir DIR or --data-dir=DIR, read before the parser exists (it decides the language)."""
    for index, arg in enumerate(argv):
        if arg.startswith("--data-dir="):
            return Path(arg.split("=", 1)[1])
        if arg == "--data-dir" and index + 1 < len(argv):
            return Path(argv[index + 1])
    return None


def _with_credentials(config: Config, args: argparse.Namespace) -> Config:
    """--user and --password-file (else LEERWINKEL_USER / LEERWINKEL_PASSWORD_FILE) sign the command in."""
    from leerwinkel.credentials import Credentials, credentials_from_env, read_password_file
    from leerwinkel.errors import InvalidInputError

    if args.user or args.login_password_file:
        if not (args.user and args.login_password_file):
            raise InvalidInputError.single("credentials-incomplete", field="user")
        from pathlib import Path

        credentials: Credentials | None = Credentials(args.user, read_password_file(Path(args.login_password_file)))
    else:
        credentials = credentials_from_env()
    # every command that opens the database acts as a signed-in account, on SQLite and PostgreSQL alike
    return dataclasses.replace(config, credentials=credentials, require_account=True)


def _is_refused_input(error: LeerwinkelError) -> bool:
    from leerwinkel.errors import InvalidInputError, NotFoundError

    return isinstance(error, InvalidInputError | NotFoundError)


__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_USAGE", "main"]
