"""Commands: ``clients import``, ``clients list``, ``referrals list`` and ``demo``."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any, TextIO

from leerwinkel.app import open_app
from leerwinkel.config import Config
from leerwinkel.messages import _
from leerwinkel.taxonomy import REFERRAL_STATUSES

EXIT_OK = 0


def _print_json(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")


def cmd_clients_import(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.intake.importer import load_mapping, read_intakes

    path = Path(args.file)
    mapping = load_mapping(Path(args.mapping)) if args.mapping else None
    rows = read_intakes(path, mapping=mapping)
    app = open_app(config)
    try:
        count = app.clients.import_intakes(rows, file=path.name)
    finally:
        app.close()
    out.write(_("{count} cliënten ingelezen uit {file}.").format(count=count, file=path.name) + "\n")
    return EXIT_OK


def cmd_clients_list(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    app = open_app(config)
    try:
        clients = app.clients.list_all()
    finally:
        app.close()
    if args.json:
        _print_json([{**dataclasses.asdict(c), "display_name": c.display_name} for c in clients], out)
        return EXIT_OK
    for c in clients:
        out.write(f"{c.display_name:<40} {c.birth_year or '':<6} {c.municipality}\n")
    out.write(_("{count} cliënten.").format(count=len(clients)) + "\n")
    return EXIT_OK


def _referral_json(record: Any) -> dict[str, Any]:
    return {**dataclasses.asdict(record), "title": record.title, "is_open": record.is_open}


def cmd_referrals_list(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    app = open_app(config)
    try:
        statuses = tuple(args.status or ())
        if args.due:
            referrals = [r for r in app.referrals.due() if not statuses or r.status in statuses]
            for status in statuses:
                REFERRAL_STATUSES.validate(status)
        else:
            referrals = list(app.referrals.list(statuses=statuses))
    finally:
        app.close()
    if args.json:
        _print_json([_referral_json(r) for r in referrals], out)
        return EXIT_OK
    for r in referrals:
        follow_up = r.follow_up_on.strftime("%d/%m/%Y") if r.follow_up_on else "-"
        out.write(f"{follow_up:<11} {REFERRAL_STATUSES.label(r.status):<16} {r.client_name:<30} {r.title}\n")
    out.write(_("{count} verwijzingen.").format(count=len(referrals)) + "\n")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.intake.demo import fill_demo

    # --password-file is accepted for the encrypted database (security feature); not used yet.
    app = open_app(config)
    try:
        result = fill_demo(app.store, clients=args.clients)
    finally:
        app.close()
    out.write(
        _(
            "Demogegevens aangemaakt: {clients} cliënten, {intakes} intakes, {wishes} leerwensen, "
            "{referrals} verwijzingen."
        ).format(**dataclasses.asdict(result))
        + "\n"
    )
    return EXIT_OK


def register(commands: Any) -> None:
    """Add the intake commands to the ``leerwinkel`` parser."""
    clients = commands.add_parser("clients", help=_("cliënten inlezen en oplijsten"))
    client_commands = clients.add_subparsers(
        dest="clients_command", metavar=_("opdracht"), parser_class=type(clients), required=True
    )
    importer = client_commands.add_parser("import", help=_("cliënten inlezen uit een CSV- of XLSX-bestand"))
    importer.add_argument("file", help=_("het CSV- of XLSX-bestand"))
    importer.add_argument("--mapping", help=_("JSON-bestand: kolomnaam -> veld"))
    importer.set_defaults(handler=cmd_clients_import)
    lister = client_commands.add_parser("list", help=_("alle cliënten, meest recente eerst"))
    lister.add_argument("--json", action="store_true", help=_("uitvoer als JSON"))
    lister.set_defaults(handler=cmd_clients_list)

    referrals = commands.add_parser("referrals", help=_("verwijzingen oplijsten"))
    referral_commands = referrals.add_subparsers(
        dest="referrals_command", metavar=_("opdracht"), parser_class=type(referrals), required=True
    )
    listing = referral_commands.add_parser("list", help=_("verwijzingen, vroegste opvolgdatum eerst"))
    listing.add_argument(
        "--status", action="append", choices=REFERRAL_STATUSES.codes, help=_("alleen deze status (herhaalbaar)")
    )
    listing.add_argument(
        "--due", action="store_true", help=_("alleen open verwijzingen die vandaag of eerder opvolging vragen")
    )
    listing.add_argument("--json", action="store_true", help=_("uitvoer als JSON"))
    listing.set_defaults(handler=cmd_referrals_list)

    demo = commands.add_parser("demo", help=_("vul een lege databank met verzonnen voorbeeldgegevens"))
    demo.add_argument("--clients", type=int, default=120, help=_("aantal cliënten (standaard 120)"))
    demo.add_argument("--password-file", help=_("bestand met het wachtwoord van de databank"))
    demo.set_defaults(handler=cmd_demo)
