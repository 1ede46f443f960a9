"""``leerwinkel settings show|set`` and ``sites list|set``; the first-run options of ``setup``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from leerwinkel.config import Config
from leerwinkel.console import EXIT_OK, print_json
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.i18n import N_
from leerwinkel.messages import _
from leerwinkel.taxonomy import SITE_KINDS

if TYPE_CHECKING:
    from leerwinkel.settings.firstrun import FirstRunChoices


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

    with open_app(config) as app:
        entries = app.settings.entries()
    if args.json:
        print_json({e.key: e.value for e in entries}, out)
        return EXIT_OK
    for entry in entries:
        default = _(" (standaard)") if entry.is_default else ""
        out.write(f"{entry.key:<26} {entry.value!s:<30}{default}  # {entry.description}\n")
    return EXIT_OK


def cmd_set(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.app import open_app

    changes = _pairs(args.pairs)
    with open_app(config) as app:
        result = app.settings.update(app.auth.current, changes)
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

    sites = commands.add_parser("sites", help=_("de plaatsen van de Leerwinkel: kantoren, zitdagen, gevangenissen"))
    site_commands = sites.add_subparsers(dest="sites_command", metavar=_("opdracht"), required=True)
    listing = site_commands.add_parser("list", help=_("toon alle plaatsen; [x] = in gebruik"))
    listing.add_argument("--json", action="store_true", help=_("uitvoer als JSON"))
    listing.set_defaults(handler=cmd_sites_list)
    choose = site_commands.add_parser("set", help=_("kies de plaatsen in gebruik, alles of niets (beheerder)"))
    choose.add_argument("--active", nargs="*", metavar=_("CODE"), help=_("precies deze plaatsen in gebruik"))
    choose.add_argument("--add", action="append", metavar=_("SOORT:NAAM[:POSTCODE GEMEENTE]"), help=_("eigen plaats"))
    choose.set_defaults(handler=cmd_sites_set)


#: ``setup`` options and the setting each one fills.
FIRST_RUN_OPTIONS = (
    ("--name", "organisation.name", N_("naam van de Leerwinkel")),
    ("--street", "organisation.street", N_("straat en nummer")),
    ("--postcode", "organisation.postcode", N_("postcode")),
    ("--city", "organisation.city", N_("gemeente")),
    ("--phone", "organisation.phone", N_("telefoon van de Leerwinkel")),
    ("--email", "organisation.email", N_("e-mail van de Leerwinkel")),
    ("--logo", "organisation.logo", N_("logo (PNG of JPEG)")),
)


def add_first_run_options(parser: argparse.ArgumentParser) -> None:
    """What the window's first-run assistant asks, as options of ``setup``."""
    for option, key, text in FIRST_RUN_OPTIONS:
        parser.add_argument(option, dest=key.replace(".", "_"), metavar=_("TEKST"), help=_(text))
    parser.add_argument(
        "--site", action="append", metavar=_("CODE"), help=_("plaats waar de Leerwinkel werkt (herhaalbaar)")
    )
    parser.add_argument(
        "--add-site",
        action="append",
        metavar=_("SOORT:NAAM[:POSTCODE GEMEENTE]"),
        help=_("eigen kantoor of zitdag toevoegen, bv. zitdag:Zitdag Boom:2850 Boom"),
    )
    parser.add_argument("--retention-years", type=int, metavar=_("JAAR"), help=_("bewaartermijn in jaren"))


def first_run_choices(args: argparse.Namespace) -> FirstRunChoices:
    from leerwinkel.settings.firstrun import FirstRunChoices, parse_new_site

    organisation = {
        key: value for _option, key, _text in FIRST_RUN_OPTIONS if (value := getattr(args, key.replace(".", "_")))
    }
    return FirstRunChoices(
        organisation=organisation,
        active_sites=tuple(args.site) if args.site else None,
        add_sites=tuple(parse_new_site(text) for text in args.add_site or ()),
        retention_years=args.retention_years,
    )


def cmd_sites_list(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.app import open_app

    with open_app(config) as app:
        sites = app.sites.all()
    if args.json:
        rows = [{"code": s.code, "name": s.name, "kind": s.kind, "active": s.active} for s in sites]
        print_json(rows, out)
        return EXIT_OK
    for site in sites:
        mark = "x" if site.active else " "
        out.write(f"[{mark}] {site.code:<40} {SITE_KINDS.label(site.kind):<16} {site.name}\n")
    return EXIT_OK


def cmd_sites_set(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.app import open_app
    from leerwinkel.settings.firstrun import parse_new_site

    with open_app(config) as app:
        app.sites.configure(
            active=set(args.active or ()),
            add=tuple(parse_new_site(text) for text in args.add or ()),
            actor=app.auth.current,  # configure refuses anyone but an administrator
        )
        active = [s.code for s in app.sites.all() if s.active]
    out.write(_("Actieve plaatsen: {codes}").format(codes=", ".join(active)) + "\n")
    return EXIT_OK
