"""``leerwinkel settings show|set``: read the user settings; administrators change them."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from leerwinkel.config import Config
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.messages import _

EXIT_OK = 0


def _pairs(texts: list[str]) -> dict[str, str]:
    """KEY=VALUE arguments as a dict; InvalidInputError (bad-value) for an argument without "="."""
    changes: dict[str, str] = {}
    problems: list[Problem] = []
    for text in texts:
        key, sep, value = text.partition("=")
        if not sep or not key.strip():
            problems.append(Problem("bad-value", "setting", details={"value": text}))
            continue
        changes[key.strip()] = value
    if problems:
        raise InvalidInputError(problems)
    return changes


def cmd_show(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.app import open_app

    app = open_app(config)
    try:
        entries = app.settings.entries()
    finally:
        app.close()
    if args.json:
        json.dump({e.key: e.value for e in entries}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    for entry in entries:
        default = _(" (standaard)") if entry.is_default else ""
        out.write(f"{entry.key:<26} {entry.value!s:<30}{default}  # {_(entry.description)}\n")
    return EXIT_OK


def cmd_set(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.app import open_app

    changes = _pairs(args.pairs)
    app = open_app(config)
    try:
        result = app.settings.update(app.auth.current, changes)
    finally:
        app.close()
    if result.changed:
        out.write(_("Gewijzigd: {keys}").format(keys=", ".join(result.changed)) + "\n")
    else:
        out.write(_("Er was niets gewijzigd.") + "\n")
    return EXIT_OK


def register(commands: Any) -> None:
    """Add ``settings`` to the command line (see leerwinkel.cli.COMMAND_MODULES)."""
    settings = commands.add_parser("settings", help=_("instellingen tonen of wijzigen (wijzigen: beheerder)"))
    sub = settings.add_subparsers(dest="settings_command", metavar=_("opdracht"), required=True)
    show = sub.add_parser("show", help=_("toon alle instellingen"))
    show.add_argument("--json", action="store_true", help=_("uitvoer als JSON"))
    show.set_defaults(handler=cmd_show)
    set_ = sub.add_parser("set", help=_("wijzig instellingen, alles of niets (beheerder)"))
    set_.add_argument(
        "pairs", nargs="+", metavar=_("SLEUTEL=WAARDE"), help=_("bv. organisation.email=info@voorbeeld.be")
    )
    set_.set_defaults(handler=cmd_set)
