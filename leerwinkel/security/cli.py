"""Commands for setup, accounts, the audit trail, backups and GDPR requests."""

from __future__ import annotations

import argparse
import dataclasses
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from leerwinkel.cliapp import open_app
from leerwinkel.config import Config
from leerwinkel.console import EXIT_ERROR, EXIT_OK, print_json
from leerwinkel.errors import InvalidInputError
from leerwinkel.i18n import N_, TranslatedMapping
from leerwinkel.messages import _

if TYPE_CHECKING:
    from leerwinkel.app import Leerwinkel


def _password(path: str) -> str:
    from leerwinkel.credentials import read_password_file

    return read_password_file(Path(path))


def _client_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise InvalidInputError.single("bad-value", field="client", value=text[:80]) from None


# -- setup and accounts ----------------------------------------------------------------------------


def cmd_setup(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.credentials import Credentials
    from leerwinkel.security.setup import setup_installation
    from leerwinkel.settings.cli import first_run_choices
    from leerwinkel.settings.firstrun import apply_first_run, check_choices

    choices = first_run_choices(args)
    check_choices(choices)  # refused before anything is created
    password = _password(args.password_file)
    result = setup_installation(config, args.admin, password)
    out.write(_("Beheerder “{name}” aangemaakt.").format(name=result.admin.username) + "\n")
    if result.recovery_key:
        out.write(_("Herstelsleutel (druk ze af en bewaar ze veilig; ze wordt niet opnieuw getoond):") + "\n")
        out.write(f"  {result.recovery_key}\n")
    if choices.settings() or choices.active_sites is not None or choices.add_sites:
        with open_app(dataclasses.replace(config, credentials=Credentials(result.admin.username, password))) as app:
            assert app.auth.current is not None
            apply_first_run(app.settings, app.sites, choices, actor=app.auth.current)
        out.write(_("Gegevens van de Leerwinkel, plaatsen en bewaartermijn bewaard.") + "\n")
    return EXIT_OK


def cmd_account_add(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        account = app.auth.create_account(
            app.auth.current,
            args.name,
            _password(args.new_password_file),
            role=args.role,
            display_name=args.display_name,
        )
    out.write(_("Account “{name}” aangemaakt ({role}).").format(name=account.username, role=account.role) + "\n")
    return EXIT_OK


def cmd_account_list(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        accounts = app.auth.accounts(app.auth.current)
    if args.json:
        print_json([dataclasses.asdict(a) for a in accounts], out)
        return EXIT_OK
    for account in accounts:
        state = "" if account.active else _(" (uitgeschakeld)")
        out.write(f"{account.username:<24} {account.role:<12} {account.display_name}{state}\n")
    return EXIT_OK


def _rotation_report(app: Leerwinkel, out: TextIO) -> None:
    """What a key rotation could not carry over, in words an administrator can act on."""
    result = app.auth.last_rotation
    if result is None:
        return
    out.write(
        _("De databank heeft een nieuwe sleutel; oude wachtwoorden en kopieën van keys.json openen ze niet meer.")
    )
    out.write("\n")
    if result.backups_reencrypted:
        out.write(_("{count} reservekopieën opnieuw versleuteld.").format(count=result.backups_reencrypted) + "\n")
    for name in result.dropped:
        out.write(
            _(
                "Let op: “{name}” had nog een sleutel van een oudere versie en moet een nieuw wachtwoord krijgen."
            ).format(name=name)
            + "\n"
        )
    if result.recovery_dropped:
        out.write(_("Let op: maak een nieuwe herstelsleutel (leerwinkel account recovery-key).") + "\n")


def cmd_account_password(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        app.auth.change_password(app.auth.current, args.name, _password(args.new_password_file))
        out.write(_("Wachtwoord van “{name}” gewijzigd.").format(name=args.name) + "\n")
        _rotation_report(app, out)
    return EXIT_OK


def cmd_account_disable(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        app.auth.set_active(app.auth.current, args.name, False)
        out.write(_("Account “{name}” uitgeschakeld.").format(name=args.name) + "\n")
        _rotation_report(app, out)
    return EXIT_OK


def cmd_account_role(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        app.auth.set_role(app.auth.current, args.name, args.role)
    out.write(_("“{name}” heeft nu de rol {role}, ondertekend.").format(name=args.name, role=args.role) + "\n")
    return EXIT_OK


def cmd_account_recovery_key(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        recovery_key = app.auth.new_recovery_key(app.auth.current)
    out.write(_("Nieuwe herstelsleutel (druk ze af en bewaar ze veilig; de vorige werkt niet meer):") + "\n")
    out.write(f"  {recovery_key}\n")
    return EXIT_OK


def cmd_account_recover(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.security.setup import recover_account

    recover_account(config, _password(args.recovery_key_file), args.name, _password(args.new_password_file))
    out.write(_("Nieuw wachtwoord voor “{name}” ingesteld met de herstelsleutel.").format(name=args.name) + "\n")
    return EXIT_OK


# -- audit -----------------------------------------------------------------------------------------


def _when(value: object) -> str:
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%d/%m/%Y %H:%M UTC")
    return str(value) if value else _("onbekend")


AUDIT_PROBLEMS = TranslatedMapping(
    {
        "edited": N_("gebeurtenis {n} werd gewijzigd (gebeurtenis van {since})"),
        "chain": N_("de keten is gebroken bij gebeurtenis {n} (van {since})"),
        "missing": N_("er ontbreken gebeurtenissen vanaf nummer {n} (na {since})"),
        "head": N_("het controlegetal van het logboek is ongeldig"),
        "cut": N_("de gebeurtenissen vanaf nummer {n} zijn gewist: het anker van {since} in {detail} kende er meer"),
        "rewritten": N_(
            "het logboek werd herschreven: gebeurtenis {n} verschilt van het anker van {since} in {detail}"
        ),
        "signature": N_("gebeurtenis {n} van {since} draagt geen geldige handtekening van account {detail}"),
        "role": N_("een account heeft een rol die geen beheerder ondertekende ({detail}; gewijzigd op {since})"),
        # the trails other devices sent in exchange files (leerwinkel.sync.trails); {detail} names the device
        "peer-missing": N_("ontvangen logboek van {detail}: er ontbreken gebeurtenissen vanaf nummer {n} (na {since})"),
        "peer-chain": N_("ontvangen logboek van {detail}: de keten is gebroken bij gebeurtenis {n} (van {since})"),
        "peer-edited": N_("ontvangen logboek van {detail}: gebeurtenis {n} werd gewijzigd (gebeurtenis van {since})"),
        "peer-anchor": N_("ontvangen logboek van {detail}: het anker draagt geen geldige handtekening van dat toestel"),
        "peer-rewritten": N_(
            "ontvangen logboek van {detail}: gebeurtenis {n} verschilt van het ondertekende anker van {since}"
        ),
        "peer-cut": N_(
            "ontvangen logboek van {detail}: de gebeurtenissen vanaf nummer {n} zijn gewist: "
            "het ondertekende anker van {since} kende er meer"
        ),
    }
)


def cmd_audit_verify(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        result = app.audit.verify(anchors=[Path(p) for p in args.anchor or []])
    if result.ok:
        out.write(
            _("Het auditlogboek is volledig en ongewijzigd ({count} gebeurtenissen).").format(count=result.events)
        )
        out.write("\n")
        return EXIT_OK
    out.write(_("Het auditlogboek is NIET in orde:") + "\n")
    for problem in result.problems:
        text = AUDIT_PROBLEMS.get(problem.kind, problem.kind)
        out.write("- " + text.format(n=problem.sequence, since=_when(problem.since), detail=problem.detail) + "\n")
    return EXIT_ERROR


def cmd_audit_export(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        count = app.audit.export(app.auth.current, Path(args.file))
    out.write(_("{count} gebeurtenissen geschreven naar {file}.").format(count=count, file=args.file) + "\n")
    return EXIT_OK


def cmd_audit_list(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        entries = app.audit.events(app.auth.current, limit=args.limit)
    if args.json:
        print_json([dataclasses.asdict(e) for e in entries], out)
        return EXIT_OK
    for e in entries:
        out.write(f"{e.sequence:>6} {e.occurred_at:%Y-%m-%d %H:%M:%S} {e.action:<18} {e.object_type} {e.object_id}\n")
    return EXIT_OK


# -- backups ---------------------------------------------------------------------------------------


def cmd_backup_create(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        info = app.backups.create(app.auth.current)
    out.write(_("Reservekopie gemaakt: {path}").format(path=info.path) + "\n")
    return EXIT_OK


def cmd_backup_reencrypt(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        count = app.backups.reencrypt(app.auth.current)
    out.write(_("{count} reservekopieën versleuteld met de sleutel voor reservekopieën.").format(count=count) + "\n")
    return EXIT_OK


def cmd_backup_list(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.backup import list_backups

    backups = list_backups(config)
    if args.json:
        print_json([{"name": b.path.name, "created_at": b.created_at, "size": b.size} for b in backups], out)
        return EXIT_OK
    if not backups:
        out.write(_("Er zijn nog geen reservekopieën.") + "\n")
    for b in backups:
        out.write(f"{b.path.name}  {b.created_at:%Y-%m-%d %H:%M} UTC  {b.size:>10} bytes\n")
    return EXIT_OK


def cmd_backup_verify(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        checks = app.backups.verify(app.backups.find(args.name) if args.name else None)
    bad = 0
    for check in checks:
        if check.ok:
            out.write(_("in orde: {name}").format(name=check.path.name) + "\n")
        else:
            bad += 1
            out.write(_("NIET in orde ({reason}): {name}").format(reason=check.reason, name=check.path.name) + "\n")
    return EXIT_OK if bad == 0 else EXIT_ERROR


def cmd_backup_restore(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    """Restore a backup; when the database itself cannot be opened, the key file unlocks the backup."""
    from leerwinkel.app import restore_from_backup

    result = restore_from_backup(config, args.name)
    out.write(_("Reservekopie teruggezet: {name}").format(name=result.restored_from.name) + "\n")
    if result.moved_aside is not None:
        out.write(_("De vorige databank staat opzij: {path}").format(path=result.moved_aside) + "\n")
    return EXIT_OK


# -- GDPR ------------------------------------------------------------------------------------------


def cmd_gdpr_export(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        result = app.privacy.export_client(app.auth.current, _client_id(args.client), Path(args.to))
    out.write(_("Geschreven: {json} en {pdf}").format(json=result.json_path, pdf=result.pdf_path) + "\n")
    return EXIT_OK


def cmd_gdpr_erase(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    if not args.yes:
        raise InvalidInputError.single("not-confirmed", field="confirm")
    with open_app(config) as app:
        result = app.privacy.erase_client(app.auth.current, _client_id(args.client))
    out.write(_("Cliënt {id} gewist ({rows} records).").format(id=result.client_id, rows=result.rows_deleted) + "\n")
    return EXIT_OK


def cmd_retention_list(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        candidates = app.privacy.retention_candidates(app.auth.current, years=args.years)
    if args.json:
        print_json([dataclasses.asdict(c) for c in candidates], out)
        return EXIT_OK
    if not candidates:
        out.write(_("Geen cliënten voorbij de bewaartermijn.") + "\n")
    for c in candidates:
        out.write(f"{c.client_id}  {c.last_activity:%Y-%m-%d}  {c.display_name}\n")
    return EXIT_OK


def cmd_retention_purge(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    if not args.yes:
        raise InvalidInputError.single("not-confirmed", field="confirm")
    with open_app(config) as app:
        ids = [c.client_id for c in app.privacy.retention_candidates(app.auth.current, years=args.years)]
        count = app.privacy.purge(app.auth.current, list(ids), confirmed=True) if ids else 0
    out.write(_("{count} cliënten gewist.").format(count=count) + "\n")
    return EXIT_OK


# -- registration ----------------------------------------------------------------------------------


def register(commands: Any) -> None:
    setup = commands.add_parser("setup", help=_("maak de beheerder aan (eerste start, zonder vragen)"))
    setup.add_argument("--admin", required=True, metavar=_("NAAM"), help=_("gebruikersnaam van de beheerder"))
    setup.add_argument("--password-file", required=True, metavar=_("BESTAND"), help=_("bestand met het wachtwoord"))
    from leerwinkel.settings.cli import add_first_run_options

    add_first_run_options(setup)
    setup.set_defaults(handler=cmd_setup)

    account = commands.add_parser("account", help=_("accounts beheren (beheerder)"))
    acc = account.add_subparsers(dest="account_command", metavar=_("opdracht"), required=True)
    add = acc.add_parser("add", help=_("nieuw account"))
    add.add_argument("name")
    add.add_argument("--role", choices=("counsellor", "admin"), default="counsellor")
    add.add_argument("--display-name", default="")
    add.add_argument("--new-password-file", required=True, metavar=_("BESTAND"))
    add.set_defaults(handler=cmd_account_add)
    listing = acc.add_parser("list", help=_("toon de accounts"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_account_list)
    password = acc.add_parser("password", help=_("wijzig een wachtwoord"))
    password.add_argument("name")
    password.add_argument("--new-password-file", required=True, metavar=_("BESTAND"))
    password.set_defaults(handler=cmd_account_password)
    disable = acc.add_parser("disable", help=_("schakel een account uit"))
    disable.add_argument("name")
    disable.set_defaults(handler=cmd_account_disable)
    role = acc.add_parser("role", help=_("geef een account een andere rol, ondertekend (beheerder)"))
    role.add_argument("name")
    role.add_argument("role", choices=("counsellor", "admin"))
    role.set_defaults(handler=cmd_account_role)
    acc.add_parser("recovery-key", help=_("maak een nieuwe herstelsleutel (beheerder)")).set_defaults(
        handler=cmd_account_recovery_key
    )
    recover = acc.add_parser("recover", help=_("nieuw wachtwoord met de herstelsleutel"))
    recover.add_argument("name")
    recover.add_argument("--recovery-key-file", required=True, metavar=_("BESTAND"))
    recover.add_argument("--new-password-file", required=True, metavar=_("BESTAND"))
    recover.set_defaults(handler=cmd_account_recover)

    audit = commands.add_parser("audit", help=_("het auditlogboek (beheerder)"))
    aud = audit.add_subparsers(dest="audit_command", metavar=_("opdracht"), required=True)
    verify_audit = aud.add_parser("verify", help=_("controleer of er niets gewijzigd of gewist is"))
    verify_audit.add_argument(
        "--anchor", action="append", metavar=_("BESTAND"), help=_("ook het anker in dit rapport of bestand")
    )
    verify_audit.set_defaults(handler=cmd_audit_verify)
    export = aud.add_parser("export", help=_("schrijf het logboek weg (JSON-regels)"))
    export.add_argument("file")
    export.set_defaults(handler=cmd_audit_export)
    alist = aud.add_parser("list", help=_("toon de laatste gebeurtenissen"))
    alist.add_argument("--limit", type=int, default=50)
    alist.add_argument("--json", action="store_true")
    alist.set_defaults(handler=cmd_audit_list)

    backup = commands.add_parser("backup", help=_("versleutelde reservekopieën"))
    bak = backup.add_subparsers(dest="backup_command", metavar=_("opdracht"), required=True)
    bak.add_parser("create", help=_("maak nu een reservekopie")).set_defaults(handler=cmd_backup_create)
    blist = bak.add_parser("list", help=_("toon de reservekopieën"))
    blist.add_argument("--json", action="store_true")
    blist.set_defaults(handler=cmd_backup_list)
    verify = bak.add_parser("verify", help=_("controleer de reservekopieën"))
    verify.add_argument("name", nargs="?")
    verify.set_defaults(handler=cmd_backup_verify)
    bak.add_parser(
        "reencrypt", help=_("versleutel oude reservekopieën opnieuw (alleen beheerders en de herstelsleutel openen ze)")
    ).set_defaults(handler=cmd_backup_reencrypt)
    restore = bak.add_parser("restore", help=_("zet een reservekopie terug (zonder naam: de laatste goede)"))
    restore.add_argument("name", nargs="?")
    restore.set_defaults(handler=cmd_backup_restore)

    gdpr = commands.add_parser("gdpr", help=_("inzage en wissen op vraag van een cliënt"))
    gd = gdpr.add_subparsers(dest="gdpr_command", metavar=_("opdracht"), required=True)
    gexport = gd.add_parser("export", help=_("alles over één cliënt, als JSON en PDF"))
    gexport.add_argument("client", metavar=_("CLIENT-ID"))
    gexport.add_argument("--to", required=True, metavar=_("MAP"))
    gexport.set_defaults(handler=cmd_gdpr_export)
    erase = gd.add_parser("erase", help=_("wis een cliënt met al zijn gegevens en brieven"))
    erase.add_argument("client", metavar=_("CLIENT-ID"))
    erase.add_argument("--yes", action="store_true", help=_("bevestig het wissen"))
    erase.set_defaults(handler=cmd_gdpr_erase)

    retention = commands.add_parser("retention", help=_("bewaartermijn (beheerder)"))
    ret = retention.add_subparsers(dest="retention_command", metavar=_("opdracht"), required=True)
    rlist = ret.add_parser("list", help=_("cliënten zonder activiteit sinds N jaar"))
    rlist.add_argument("--years", type=int)
    rlist.add_argument("--json", action="store_true")
    rlist.set_defaults(handler=cmd_retention_list)
    purge = ret.add_parser("purge", help=_("wis die cliënten"))
    purge.add_argument("--years", type=int)
    purge.add_argument("--yes", action="store_true", help=_("bevestig het wissen"))
    purge.set_defaults(handler=cmd_retention_purge)
