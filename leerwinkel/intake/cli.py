"""Commands: ``clients import``, ``clients list``, ``referrals list`` and ``demo``."""

from __future__ import annotations

import argparse
import dataclasses
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from leerwinkel.actor import ROLE_ADMIN
from leerwinkel.cliapp import open_app
from leerwinkel.config import Config
from leerwinkel.console import EXIT_OK, print_json
from leerwinkel.dates import format_date
from leerwinkel.ids import ClientId
from leerwinkel.messages import _
from leerwinkel.taxonomy import REFERRAL_STATUSES

if TYPE_CHECKING:
    from leerwinkel.actor import Actor
    from leerwinkel.app import Leerwinkel
    from leerwinkel.intake.demo import DemoAccount
    from leerwinkel.security.auth import Account


def cmd_clients_import(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    """Read the old spreadsheet; refuse it whole (exit 2) when a row has a problem, else save every row."""
    from leerwinkel.errors import InvalidInputError
    from leerwinkel.intake.importer import ConsentChoice, ImportOptions, load_mapping
    from leerwinkel.messages import describe_problems

    path = Path(args.file)
    consent = None
    if args.consent:
        consent = ConsentChoice.parse(args.consent, given_on=args.consent_date or "")
    elif args.consent_date:
        raise InvalidInputError.single("consent-date-alone", field="consent_given_on")
    options = ImportOptions(
        mapping=load_mapping(Path(args.mapping)) if args.mapping else {},
        unknown=args.unknown,
        consent=consent,
    )
    with open_app(config) as app:
        actor = app.auth.current
        plan = app.takeover.preview(path, options, actor=actor)
        if plan.problems:
            raise InvalidInputError(list(plan.problems))
        _print_plan(plan, args, out)
        if args.dry_run:
            out.write(_("Proef: er is niets opgeslagen.") + "\n")
            return EXIT_OK
        result = app.takeover.run(plan, duplicates=args.duplicates, actor=actor)
    for line in describe_problems(list(plan.parsed.warnings), allowed_once=True):
        out.write(_("Let op: {line}").format(line=line) + "\n")
    out.write(
        _("{count} cliënten ingelezen uit {file}").format(count=result.created, file=plan.parsed.file)
        + (_(", {count} samengevoegd met een bestaande cliënt").format(count=result.merged) if result.merged else "")
        + (_(", {count} overgeslagen als dubbel").format(count=result.skipped) if result.skipped else "")
        + ".\n"
    )
    return EXIT_OK


def _print_plan(plan: Any, args: argparse.Namespace, out: TextIO) -> None:
    parsed = plan.parsed
    if parsed.encoding:
        out.write(
            _("{file} gelezen als {encoding}, scheidingsteken {delimiter}: {rows} rijen.").format(
                file=parsed.file, encoding=parsed.encoding, delimiter=parsed.delimiter, rows=len(parsed.rows)
            )
            + "\n"
        )
    else:
        out.write(_("{file} gelezen (Excel): {rows} rijen.").format(file=parsed.file, rows=len(parsed.rows)) + "\n")
    for heading in parsed.unknown_columns:
        text = _("in de notities bewaard") if args.unknown == "notes" else _("genegeerd")
        out.write(_("Kolom “{heading}” niet herkend: {what}.").format(heading=heading or "?", what=text) + "\n")
    choice = {"skip": _("overgeslagen"), "merge": _("samengevoegd"), "import": _("toch ingelezen")}[args.duplicates]
    for duplicate in plan.duplicates:
        if duplicate.client is not None:
            who = _("cliënt {name} ({town})").format(
                name=duplicate.client.name, town=duplicate.client.municipality or "-"
            )
        else:
            who = _("rij {row}").format(row=duplicate.other_row)
        out.write(_("Rij {row} lijkt op {who}: {choice}.").format(row=duplicate.row, who=who, choice=choice) + "\n")


def cmd_clients_list(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        clients = app.clients.export_all(actor=app.auth.current, output="json" if args.json else "text")
    if args.json:
        print_json([{**dataclasses.asdict(c), "display_name": c.display_name} for c in clients], out)
        return EXIT_OK
    for c in clients:
        out.write(f"{c.display_name:<40} {c.birth_year or '':<6} {c.municipality}\n")
    out.write(_("{count} cliënten.").format(count=len(clients)) + "\n")
    return EXIT_OK


def cmd_clients_merge(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    """Show two clients side by side and merge the second into the first (``--take`` fields from the second)."""
    from leerwinkel.messages import field_label

    take = frozenset(f.strip() for f in (args.take or "").split(",") if f.strip())
    with open_app(config) as app:
        actor = app.auth.current
        kept_id, other_id = (_client_id(app, text) for text in (args.kept, args.other))
        sides = app.merges.compare(kept_id, other_id, actor=actor)
        width = max(len(field_label(name)) for name, _mine, _theirs in sides.fields)
        out.write(f"{'':<{width}}  {_('A (blijft)'):<32} {_('B (gaat op in A)')}\n")
        for name, mine, theirs in sides.fields:
            if mine or theirs:
                mark = "<" if name not in take and (mine or not theirs) else ">"
                out.write(f"{field_label(name):<{width}}  {mine[:32]:<32} {mark} {theirs[:32]}\n")
        for table, count in sides.other_counts.items():
            if count:
                out.write(
                    _("B heeft {count} rijen in {table}: die gaan naar A.").format(count=count, table=table) + "\n"
                )
        if args.dry_run:
            out.write(_("Proef: er is niets samengevoegd.") + "\n")
            return EXIT_OK
        result = app.merges.merge(sides.kept, sides.other, take=take, actor=actor)
    moved = sum(result.moved.values())
    out.write(
        _("{other} is samengevoegd met {kept}; {moved} rijen verplaatst.").format(
            other=sides.other.display_name, kept=result.client.display_name, moved=moved
        )
        + "\n"
    )
    return EXIT_OK


def _client_id(app: Leerwinkel, text: str) -> ClientId:
    """A client id, or the start of one (at least 6 characters) that only one client has."""
    from leerwinkel.errors import NotFoundError

    wanted = text.strip().lower()
    try:
        return ClientId(uuid.UUID(wanted))
    except ValueError:
        pass
    found = [c.id for c in app.clients.list_all() if len(wanted) >= 6 and str(c.id).startswith(wanted)]
    if len(found) != 1:
        raise NotFoundError("client", text)
    return found[0]


def _referral_json(record: Any) -> dict[str, Any]:
    return {**dataclasses.asdict(record), "title": record.title, "is_open": record.is_open}


def cmd_referrals_list(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        referrals = app.referrals.export(
            actor=app.auth.current,
            output="json" if args.json else "text",
            statuses=tuple(args.status or ()),
            due_on=app.referrals.today() if args.due else None,
        )
    if args.json:
        print_json([_referral_json(r) for r in referrals], out)
        return EXIT_OK
    for r in referrals:
        follow_up = format_date(r.follow_up_on) or "-"
        out.write(f"{follow_up:<11} {REFERRAL_STATUSES.label(r.status):<16} {r.client_name:<30} {r.title}\n")
    out.write(_("{count} verwijzingen.").format(count=len(referrals)) + "\n")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    """Fill an empty database with demo data, and create the demo accounts with --password-file's password.

    On a data folder that is not set up yet, the demo administrator is created first (as ``setup``
    would) and the recovery key is shown; on one that is, an administrator must be signed in
    (--user / LEERWINKEL_USER) and the demo accounts are added.
    """
    from leerwinkel.actor import require_admin
    from leerwinkel.credentials import Credentials, read_password_file
    from leerwinkel.errors import InvalidInputError
    from leerwinkel.intake.demo import DEMO_ACCOUNTS, check_empty, fill_demo, name_demo_accounts

    password = read_password_file(Path(args.password_file)) if args.password_file else None
    if not _is_set_up(config):
        if password is None:
            raise InvalidInputError.single("required", field="password_file")
        from leerwinkel.security.setup import setup_installation

        admin = DEMO_ACCOUNTS[0]
        setup = setup_installation(config, admin.username, password)
        out.write(_("Beheerder “{name}” aangemaakt.").format(name=admin.username) + "\n")
        if setup.recovery_key:
            out.write(_("Herstelsleutel (druk ze af en bewaar ze veilig; ze wordt niet opnieuw getoond):") + "\n")
            out.write(f"  {setup.recovery_key}\n")
        config = dataclasses.replace(config, credentials=Credentials(admin.username, password))
    with open_app(config) as app:
        check_empty(app.store)
        team: list[uuid.UUID] = []
        if password is not None:
            actor = require_admin(app.auth.current, "demo")
            accounts = _demo_accounts(app, actor, password, DEMO_ACCOUNTS)
            name_demo_accounts(app.store)
            team = [a.id for a in accounts if a.role != ROLE_ADMIN]
        elif app.auth.current is not None:
            team = [app.auth.current.id]
        result = fill_demo(app.store, clients=args.clients, counsellors=team)
    out.write(
        _(
            "Demogegevens aangemaakt: {clients} cliënten, {intakes} intakes, {wishes} leerwensen, "
            "{referrals} verwijzingen."
        ).format(**dataclasses.asdict(result))
        + "\n"
    )
    if password is not None:
        names = ", ".join(a.username for a in DEMO_ACCOUNTS)
        out.write(_("Aanmelden kan als {names}, met het wachtwoord uit het wachtwoordbestand.").format(names=names))
        out.write("\n")
    return EXIT_OK


def _is_set_up(config: Config) -> bool:
    """SQLite: the key file exists. PostgreSQL: the database has accounts."""
    from leerwinkel.config import is_set_up

    if config.uses_sqlite:
        return is_set_up(config)
    with open_app(dataclasses.replace(config, credentials=None, require_account=False)) as app:
        return app.auth.has_accounts()


def _demo_accounts(app: Leerwinkel, actor: Actor, password: str, accounts: Sequence[DemoAccount]) -> list[Account]:
    """The demo accounts (created with ``password`` where missing), as the facade lists them."""
    existing = {a.username.casefold(): a for a in app.auth.accounts(actor)}
    team = []
    for account in accounts:
        found = existing.get(account.username.casefold())
        if found is None:
            found = app.auth.create_account(
                actor, account.username, password, role=account.role, display_name=account.display_name
            )
        team.append(found)
    return team


def register(commands: Any) -> None:
    """Add the intake commands to the ``leerwinkel`` parser."""
    clients = commands.add_parser("clients", help=_("cliënten inlezen en oplijsten"))
    client_commands = clients.add_subparsers(
        dest="clients_command", metavar=_("opdracht"), parser_class=type(clients), required=True
    )
    importer = client_commands.add_parser("import", help=_("cliënten inlezen uit een CSV- of XLSX-bestand"))
    importer.add_argument("file", help=_("het CSV- of XLSX-bestand"))
    importer.add_argument("--mapping", help=_("JSON-bestand: kolomnaam -> veld"))
    importer.add_argument(
        "--unknown",
        choices=("notes", "ignore"),
        default="notes",
        help=_("kolommen die niet herkend worden: in de notities bewaren (standaard) of negeren"),
    )
    importer.add_argument(
        "--consent",
        metavar="none|store[,share][,contact]",
        help=_("de toestemming die de Leerwinkel voor deze mensen heeft (zonder: geen toestemming vastgelegd)"),
    )
    importer.add_argument("--consent-date", metavar=_("DATUM"), help=_("datum van die toestemming (dd/mm/jjjj)"))
    importer.add_argument(
        "--duplicates",
        choices=("skip", "merge", "import"),
        default="skip",
        help=_(
            "rijen die lijken op een bestaande cliënt of een vorige rij: overslaan (standaard), "
            "samenvoegen of toch inlezen"
        ),
    )
    importer.add_argument("--dry-run", action="store_true", help=_("alleen nakijken, niets opslaan"))
    importer.set_defaults(handler=cmd_clients_import)
    merger = client_commands.add_parser("merge", help=_("twee cliënten (dezelfde persoon) samenvoegen: B gaat op in A"))
    merger.add_argument("kept", metavar="A", help=_("id van de cliënt die blijft (of het begin ervan)"))
    merger.add_argument("other", metavar="B", help=_("id van de cliënt die opgaat in A"))
    merger.add_argument(
        "--take", metavar=_("VELDEN"), help=_("velden die van B komen, met komma's (standaard: A, lege velden uit B)")
    )
    merger.add_argument("--dry-run", action="store_true", help=_("alleen tonen, niets samenvoegen"))
    merger.set_defaults(handler=cmd_clients_merge)
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
    demo.add_argument(
        "--password-file",
        metavar=_("BESTAND"),
        help=_("wachtwoord voor de demo-accounts (op een nieuwe gegevensmap: verplicht)"),
    )
    demo.set_defaults(handler=cmd_demo)
