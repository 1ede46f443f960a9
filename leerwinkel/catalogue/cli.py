"""``leerwinkel catalogue search|validate|import|export``."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any, TextIO

from leerwinkel.catalogue.codes import COSTS, EXPORT_FORMATS
from leerwinkel.cliapp import open_app
from leerwinkel.config import Config
from leerwinkel.console import EXIT_OK, EXIT_USAGE, print_json
from leerwinkel.errors import InvalidInputError
from leerwinkel.messages import _, count, describe_problems
from leerwinkel.taxonomy import SCHEDULES, WISH_CATEGORIES


def register(commands: Any) -> None:
    catalogue = commands.add_parser(
        "catalogue", help=_("zoeken in, controleren, inlezen en uitvoeren van de catalogus")
    )
    sub = catalogue.add_subparsers(dest="catalogue_command", metavar=_("opdracht"), required=True)

    search = sub.add_parser("search", help=_("zoek aanbod (hoofdletters en accenten maken niet uit)"))
    search.add_argument("query", nargs="?", default="", help=_("zoekwoorden"))
    search.add_argument("--category", help=_("categorie ({codes})").format(codes=", ".join(WISH_CATEGORIES.codes)))
    search.add_argument("--city", help=_("gemeente"))
    search.add_argument("--prison", metavar="SITE", help=_("enkel aanbod in deze gevangenis (code), of * voor elke"))
    search.add_argument(
        "--schedule",
        action="append",
        default=[],
        help=_("lesmoment ({codes})").format(codes=", ".join(SCHEDULES.codes)),
    )
    search.add_argument("--cost", choices=COSTS, help=_("kostprijs: gratis of verminderd"))
    search.add_argument("--language", help=_("taal van het onderwijs (bv. nl)"))
    search.add_argument("--level", help=_("niveau Nederlands van de cliënt (A0..C2)"))
    search.add_argument("--stale", action="store_true", help=_("enkel aanbod dat 12 maanden niet is nagekeken"))
    search.add_argument("--inactive", action="store_true", help=_("ook stopgezet aanbod"))
    search.add_argument("--limit", type=int, default=50, help=_("hoogstens zoveel resultaten (standaard 50)"))
    search.add_argument("--json", action="store_true", help=_("uitvoer als JSON"))
    search.set_defaults(handler=cmd_search)

    validate = sub.add_parser("validate", help=_("controleer een catalogusbestand zonder iets te wijzigen"))
    validate.add_argument("file", help=_("bestand of map"))
    validate.set_defaults(handler=cmd_validate)

    import_ = sub.add_parser("import", help=_("lees een catalogusbestand in (alles of niets)"))
    import_.add_argument("file", help=_("bestand of map"))
    import_.set_defaults(handler=cmd_import)

    export = sub.add_parser("export", help=_("schrijf de catalogus naar een bestand"))
    export.add_argument("file", help=_("bestand (csv en hsds-csv: een map)"))
    export.add_argument("--format", choices=EXPORT_FORMATS, default="json", help=_("formaat"))
    export.add_argument(
        "--separator", choices=(";", ","), default=";", help=_("scheidingsteken voor csv (standaard ;)")
    )
    export.set_defaults(handler=cmd_export)


def cmd_search(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.catalogue.search import SearchFilters

    filters = SearchFilters(
        category=args.category,
        municipality=args.city,
        prison_site_code=args.prison,
        schedules=frozenset(args.schedule),
        cost=args.cost,
        language=args.language,
        dutch_level=args.level,
        stale_only=args.stale,
        include_inactive=args.inactive,
    )
    with open_app(config) as app:
        result = app.catalogue.search(args.query, filters)
        rows = [s for s in app.catalogue.summaries(result.ids[: max(args.limit, 0)]) if s is not None]
    if args.json:
        data = {"total": result.total, "results": [_plain(dataclasses.asdict(r)) for r in rows]}
        print_json(data, out)
        return EXIT_OK
    out.write(count(result.total, _("resultaat"), _("resultaten")) + "\n")
    for row in rows:
        place = ", ".join(row.cities) or _("onbekend")
        flags = []
        if row.in_prison:
            flags.append(_("in de gevangenis"))
        if row.is_free:
            flags.append(_("gratis"))
        if row.status_uncertain:
            flags.append(_("status onzeker"))
        if row.is_stale:
            flags.append(_("niet recent nagekeken"))
        extra = f" [{', '.join(flags)}]" if flags else ""
        out.write(f"- {row.title} — {row.provider_name} ({place}; {WISH_CATEGORIES.label(row.category)}){extra}\n")
    return EXIT_OK


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is not None and not isinstance(value, str | int | float | bool):
        return str(value)
    return value


def _refused(error: InvalidInputError, out: TextIO) -> int:
    problems = count(len(error.problems), _("probleem"), _("problemen"))
    out.write(_("Het bestand werd geweigerd ({problems}); er is niets gewijzigd:").format(problems=problems) + "\n")
    for line in describe_problems(error.problems):
        out.write(f"- {line}\n" if not line.startswith("...") else f"{line}\n")
    return EXIT_USAGE


def _records(providers: int, locations: int, offerings: int) -> str:
    return ", ".join(
        [
            count(providers, _("aanbieder"), _("aanbieders")),
            count(locations, _("locatie"), _("locaties")),
            count(offerings, _("aanbod"), _("aanbiedingen")),
        ]
    )


def cmd_validate(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    try:
        with open_app(config) as app:
            report = app.catalogue.validate_file(Path(args.file))
    except InvalidInputError as error:
        return _refused(error, out)
    out.write(
        _("Het bestand is in orde ({format}): {records}.").format(
            format=report.format, records=_records(report.providers, report.locations, report.offerings)
        )
        + "\n"
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    try:
        with open_app(config) as app:
            report = app.catalogue.import_file(Path(args.file), actor=app.auth.current)
    except InvalidInputError as error:
        return _refused(error, out)
    out.write(
        _("Ingelezen ({format}): {added} toegevoegd, {changed} gewijzigd, {unchanged} ongewijzigd.").format(
            format=report.format, added=report.added, changed=report.changed, unchanged=report.unchanged
        )
        + "\n"
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    with open_app(config) as app:
        report = app.catalogue.export_file(Path(args.file), args.format, separator=args.separator)
    out.write(
        _("Uitgevoerd naar {path} ({format}): {records}.").format(
            path=report.path,
            format=report.format,
            records=_records(report.providers, report.locations, report.offerings),
        )
        + "\n"
    )
    return EXIT_OK
