"""``leerwinkel report``: write the anonymous report for a period (and a site) to PDF, XLSX or CSV."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any, TextIO

from leerwinkel import dates
from leerwinkel.config import Config
from leerwinkel.errors import InvalidInputError, Problem
from leerwinkel.messages import _


def parse_date(text: str, *, field: str) -> dt.date:
    """A date as 2026-03-31 or 31/03/2026 (:func:`leerwinkel.dates.parse_date`); InvalidInputError otherwise."""
    try:
        return dates.parse_date(text)
    except ValueError:
        raise InvalidInputError([Problem("bad-date", field=field, details={"value": text})]) from None


def cmd_report(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.app import open_app
    from leerwinkel.reports.export import export_format
    from leerwinkel.reports.figures import Period

    problems: list[Problem] = []
    dates: dict[str, dt.date] = {}
    for field, text in (("from_date", args.date_from), ("to_date", args.date_to)):
        try:
            dates[field] = parse_date(text, field=field)
        except InvalidInputError as error:
            problems += error.problems
    out_path = Path(args.out)
    try:
        export_format(out_path)
    except InvalidInputError as error:
        problems += error.problems
    if problems:
        raise InvalidInputError(problems)
    period = Period(dates["from_date"], dates["to_date"])
    with open_app(config) as app:
        today = app.store.now().date()
        app.reports.export(
            period, out_path, site=args.site, today=today, actor=app.auth.current, separator=args.separator
        )
    out.write(_("Rapport opgeslagen: {path}").format(path=out_path) + "\n")
    return 0


def register(commands: Any) -> None:
    """Add ``report`` to the command line (see leerwinkel.cli.COMMAND_MODULES)."""
    report = commands.add_parser("report", help=_("anoniem rapport voor een periode als PDF, XLSX of CSV"))
    report.add_argument(
        "--from", dest="date_from", required=True, metavar=_("DATUM"), help=_("eerste dag (jjjj-mm-dd)")
    )
    report.add_argument("--to", dest="date_to", required=True, metavar=_("DATUM"), help=_("laatste dag (jjjj-mm-dd)"))
    report.add_argument(
        "--site", default=None, metavar=_("CODE"), help=_("code van één locatie (anders alle locaties)")
    )
    report.add_argument("--out", required=True, metavar=_("BESTAND"), help=_("bestand .pdf, .xlsx of .csv"))
    report.add_argument(
        "--separator",
        choices=(";", ","),
        default=";",
        help=_("scheidingsteken in een CSV-bestand (standaard ; zoals Excel in België)"),
    )
    report.set_defaults(handler=cmd_report)
