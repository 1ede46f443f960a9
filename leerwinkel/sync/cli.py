"""``leerwinkel sync ...``: the exchange file between the office and a prison-session laptop."""

from __future__ import annotations

import argparse
import dataclasses
import uuid
from pathlib import Path
from typing import Any, TextIO

from leerwinkel.cliapp import open_app
from leerwinkel.config import Config
from leerwinkel.console import print_json
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.messages import _, count

EXIT_OK = 0


def _passphrase(args: argparse.Namespace) -> str | None:
    from leerwinkel.credentials import read_password_file

    return read_password_file(Path(args.passphrase_file)) if args.passphrase_file else None


def cmd_device(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        if args.name is not None or args.role is not None:
            device = app.sync.configure(app.auth.current, name=args.name, role=args.role)
        else:
            device = app.sync.device()
    if args.json:
        print_json(dataclasses.asdict(device), out)
        return EXIT_OK
    role = _("kantoor") if device.role == "office" else _("laptop voor sessies")
    out.write(_("Toestel:       {name} ({role})").format(name=device.name, role=role) + "\n")
    out.write(_("Toestel-id:    {id}").format(id=device.device_id) + "\n")
    out.write(_("Vingerafdruk:  {fingerprint}").format(fingerprint=device.fingerprint) + "\n")
    return EXIT_OK


def cmd_enrolment(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        device = app.sync.write_enrolment(app.auth.current, Path(args.out))
    out.write(_("Inschrijvingsbestand geschreven: {path}").format(path=args.out) + "\n")
    out.write(_("Vingerafdruk om te vergelijken: {fingerprint}").format(fingerprint=device.fingerprint) + "\n")
    return EXIT_OK


def cmd_enrol(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        peer = app.sync.enrol(app.auth.current, Path(args.file))
    out.write(_("Ingeschreven: {name} ({id})").format(name=peer.name, id=peer.device_id) + "\n")
    out.write(
        _("Vingerafdruk: {fingerprint}. Vergelijk ze met wat het andere toestel toont.").format(
            fingerprint=peer.fingerprint
        )
        + "\n"
    )
    return EXIT_OK


def cmd_peers(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        peers = app.sync.peers()
    if args.json:
        print_json([dataclasses.asdict(p) for p in peers], out)
        return EXIT_OK
    if not peers:
        out.write(_("Nog geen andere toestellen.") + "\n")
    for peer in peers:
        how = _("ingeschreven") if peer.enrolled else _("met wachtzin")
        out.write(
            f"{peer.name:<28} {peer.device_id:<20} {how:<14} "
            + _("ontvangen t/m {received}, bevestigd t/m {acknowledged}, conflicten: {conflicts}").format(
                received=peer.last_received, acknowledged=peer.acknowledged, conflicts=peer.open_conflicts
            )
            + "\n"
        )
    return EXIT_OK


def cmd_export(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.dates import parse_date
    from leerwinkel.sync.service import SessionScope

    problems: list[Problem] = []
    day = None
    if args.date:
        try:
            day = parse_date(args.date)
        except InvalidInputError:
            problems.append(Problem("bad-date", field="date", details={"value": args.date}))
    clients: list[uuid.UUID] = []
    for text in args.client or ():
        try:
            clients.append(uuid.UUID(text))
        except ValueError:
            problems.append(Problem("bad-id", field="client", details={"value": text}))
    if problems:
        raise InvalidInputError(problems)
    scope = SessionScope(args.prison, day, tuple(clients)) if (args.prison or clients) else None
    passphrase = _passphrase(args)
    with open_app(config) as app:
        summary = app.sync.export(
            app.auth.current,
            to=args.to,
            target=Path(args.out),
            passphrase=passphrase,
            scope=scope,
            everything=args.everything,
        )
    kind = _("sessiepakket") if summary.kind == "session" else _("terugpakket")
    out.write(
        _("{kind} {sequence} voor {peer} geschreven: {path}").format(
            kind=kind.capitalize(), sequence=summary.sequence, peer=summary.peer, path=summary.path
        )
        + "\n"
    )
    out.write(
        _("{clients}, {records}, {tombstones} gewist, {events} uit het auditlogboek.").format(
            clients=count(summary.clients, _("cliënt"), _("cliënten")),
            records=count(summary.records, _("record"), _("records")),
            tombstones=summary.tombstones,
            events=summary.audit_events,
        )
        + "\n"
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    passphrase = _passphrase(args)
    with open_app(config) as app:
        summary = app.sync.import_file(app.auth.current, Path(args.file), passphrase=passphrase)
    if args.json:
        data: dict[str, Any] = dataclasses.asdict(summary)
        data["changes"] = list(summary.changes.names())
        print_json(data, out)
        return EXIT_OK
    out.write(
        _(
            "Ingelezen van {sender} (bestand {sequence}): nieuw {new}, bijgewerkt {updated}, ongewijzigd {unchanged}, "
            "conflicten {conflicts}, verwijderd {removed}."
        ).format(
            sender=summary.sender,
            sequence=summary.sequence,
            new=summary.new,
            updated=summary.updated,
            unchanged=summary.unchanged,
            conflicts=summary.conflicts,
            removed=summary.removed,
        )
        + "\n"
    )
    if summary.conflicts:
        out.write(_("Los de conflicten op: leerwinkel sync conflicts, dan leerwinkel sync resolve.") + "\n")
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        conflicts = app.sync.conflicts(app.auth.current)
    if args.json:
        print_json([dataclasses.asdict(c) for c in conflicts], out)
        return EXIT_OK
    if not conflicts:
        out.write(_("Geen conflicten.") + "\n")
    for conflict in conflicts:
        out.write(f"{conflict.id}  {conflict.table}  {conflict.client_name}  ({conflict.peer})\n")
        for item in conflict.fields:
            out.write(
                f"    {item.field}: "
                + _("hier {local!r}, daar {remote!r}").format(local=item.local, remote=item.remote)
                + "\n"
            )
    return EXIT_OK


def cmd_resolve(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    choices: dict[str, str] = {}
    problems: list[Problem] = []
    for text in args.choices:
        name, sep, side = text.partition("=")
        side = {"hier": "local", "daar": "remote"}.get(side, side)
        if not sep or side not in ("local", "remote"):
            problems.append(Problem("bad-value", field="choice", details={"value": text}))
        choices[name] = side
    try:
        conflict_id = uuid.UUID(args.id)
    except ValueError:
        problems.append(Problem("bad-id", field="id", details={"value": args.id}))
    if problems:
        raise InvalidInputError(problems)
    with open_app(config) as app:
        app.sync.resolve(app.auth.current, conflict_id, choices)
    out.write(_("Conflict opgelost.") + "\n")
    return EXIT_OK


def cmd_forget(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        removed = app.sync.forget_session(app.auth.current, args.peer)
    out.write(
        _("{clients} van deze laptop gehaald (het kantoor heeft alles).").format(
            clients=count(removed, _("cliënt"), _("cliënten"))
        )
        + "\n"
    )
    return EXIT_OK


def register(commands: Any) -> None:
    """Add ``sync`` to the command line (see leerwinkel.cli.COMMAND_MODULES)."""
    sync = commands.add_parser("sync", help=_("gegevens uitwisselen met een laptop of het kantoor, via een bestand"))
    sub = sync.add_subparsers(dest="sync_command", metavar=_("opdracht"), required=True)

    device = sub.add_parser("device", help=_("toon (of wijzig, beheerder) naam en rol van dit toestel"))
    device.add_argument("--name", help=_("naam van dit toestel, bv. Laptop LIO"))
    device.add_argument("--role", choices=("office", "laptop"), help=_("office (kantoor) of laptop (sessies)"))
    device.add_argument("--json", action="store_true", help=_("uitvoer als JSON"))
    device.set_defaults(handler=cmd_device)

    enrolment = sub.add_parser("enrolment", help=_("schrijf het inschrijvingsbestand van dit toestel"))
    enrolment.add_argument("--out", required=True, metavar=_("BESTAND"), help=_("bv. laptop-lio.json"))
    enrolment.set_defaults(handler=cmd_enrolment)

    enrol = sub.add_parser("enrol", help=_("schrijf een ander toestel in met zijn inschrijvingsbestand (beheerder)"))
    enrol.add_argument("file", metavar=_("BESTAND"))
    enrol.set_defaults(handler=cmd_enrol)

    peers = sub.add_parser("peers", help=_("toon de andere toestellen en wat ze ontvingen"))
    peers.add_argument("--json", action="store_true", help=_("uitvoer als JSON"))
    peers.set_defaults(handler=cmd_peers)

    export = sub.add_parser("export", help=_("schrijf een uitwisselbestand voor een ander toestel"))
    export.add_argument("--to", required=True, metavar=_("TOESTEL"), help=_("naam of id van het andere toestel"))
    export.add_argument("--out", required=True, metavar=_("BESTAND"), help=_("bv. sessie.lwsync"))
    export.add_argument("--passphrase-file", metavar=_("BESTAND"), help=_("wachtzin (zonder inschrijving)"))
    export.add_argument("--prison", metavar=_("CODE"), help=_("sessiepakket: de gevangenis (zie sites list)"))
    export.add_argument("--date", metavar=_("DD/MM/JJJJ"), help=_("sessiepakket: de dag van de sessie"))
    export.add_argument("--client", action="append", metavar=_("ID"), help=_("sessiepakket: ook deze cliënt"))
    export.add_argument(
        "--everything", action="store_true", help=_("alles wat gewijzigd is, naar een ander kantoor (eerste keer)")
    )
    export.set_defaults(handler=cmd_export)

    imp = sub.add_parser("import", help=_("lees een uitwisselbestand in"))
    imp.add_argument("file", metavar=_("BESTAND"))
    imp.add_argument("--passphrase-file", metavar=_("BESTAND"), help=_("wachtzin (zonder inschrijving)"))
    imp.add_argument("--json", action="store_true", help=_("uitvoer als JSON"))
    imp.set_defaults(handler=cmd_import)

    conflicts = sub.add_parser("conflicts", help=_("toon de conflicten die op een keuze wachten"))
    conflicts.add_argument("--json", action="store_true", help=_("uitvoer als JSON"))
    conflicts.set_defaults(handler=cmd_conflicts)

    resolve = sub.add_parser("resolve", help=_("los een conflict op, veld per veld"))
    resolve.add_argument("id", metavar=_("ID"))
    resolve.add_argument("choices", nargs="+", metavar=_("VELD=hier|daar"))
    resolve.set_defaults(handler=cmd_resolve)

    forget = sub.add_parser("forget", help=_("haal na de sessie de cliënten van deze laptop (alles bevestigd)"))
    forget.add_argument("--peer", required=True, metavar=_("TOESTEL"), help=_("het kantoor"))
    forget.set_defaults(handler=cmd_forget)
