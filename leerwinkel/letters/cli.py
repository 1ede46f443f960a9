"""``leerwinkel letter referral|handout|catalogue``: make a letter as PDF from the command line."""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from leerwinkel.cliapp import open_app
from leerwinkel.config import Config
from leerwinkel.errors import NotFoundError
from leerwinkel.messages import _

if TYPE_CHECKING:  # the letters' modules load when a letter is made, not for ``leerwinkel --help``
    from leerwinkel.letters.model import LetterRecord, RenderedLetter


def _referral_id(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text.strip())
    except ValueError:
        raise NotFoundError("referrals", text) from None


def _write(letter: RenderedLetter, record: LetterRecord, out: TextIO, path: Path) -> None:
    out.write(_("Opgeslagen: {path}").format(path=path) + "\n")
    out.write(_("SHA-256: {sha}").format(sha=record.sha256) + "\n")


def cmd_referral(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.letters.model import ReferralLetterOptions

    referral_id = _referral_id(args.referral_id)
    options = ReferralLetterOptions(
        background=args.background or "",
        include_thresholds=args.with_thresholds,
        include_vulnerabilities=args.with_vulnerabilities,
        include_detention=args.with_detention,
        request=args.request or "",
    )
    with open_app(config) as app:
        letter = app.letters.referral_letter(referral_id, options)
        path = Path(args.out)
        record = app.letters.save(letter, path, actor=app.auth.current)
    _write(letter, record, out, path)
    return 0


def cmd_handout(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    from leerwinkel.letters.texts import BASE_LANGUAGE

    referral_id = _referral_id(args.referral_id)
    with open_app(config) as app:
        letter = app.letters.handout(referral_id, args.lang or BASE_LANGUAGE)
        path = Path(args.out)
        record = app.letters.save(letter, path, actor=app.auth.current)
    _write(letter, record, out, path)
    return 0


def cmd_catalogue(args: argparse.Namespace, config: Config, out: TextIO) -> int:
    categories = [code.strip() for value in args.category for code in value.split(",") if code.strip()]
    with open_app(config) as app:
        letter = app.letters.catalogue_sheet(categories, city=args.city or "", prison=args.prison or "")
        path = Path(args.out)
        record = app.letters.save(letter, path, actor=app.auth.current)
    _write(letter, record, out, path)
    return 0


def register(commands: Any) -> None:
    """Add ``letter`` and its three sub-commands to the main parser."""
    letter = commands.add_parser("letter", help=_("maak een verwijsbrief, afsprakenblad of aanbodblad (PDF)"))
    kinds = letter.add_subparsers(dest="letter_command", metavar=_("soort"), parser_class=type(letter), required=True)

    referral = kinds.add_parser("referral", help=_("verwijsbrief voor de aanbieder"))
    referral.add_argument("referral_id", metavar="REFERRAL_ID", help=_("id van de verwijzing"))
    referral.add_argument("--out", required=True, help=_("PDF-bestand om te schrijven"))
    referral.add_argument("--background", help=_("achtergrond die je in de brief wilt opnemen"))
    referral.add_argument("--with-thresholds", action="store_true", help=_("vermeld de drempels"))
    referral.add_argument("--with-vulnerabilities", action="store_true", help=_("vermeld de kwetsbaarheden"))
    referral.add_argument("--with-detention", action="store_true", help=_("vermeld de detentie"))
    referral.add_argument("--request", help=_("eigen vraag aan de aanbieder"))
    referral.set_defaults(handler=cmd_referral)

    handout = kinds.add_parser("handout", help=_("afsprakenblad voor de cliënt"))
    handout.add_argument("referral_id", metavar="REFERRAL_ID", help=_("id van de verwijzing"))
    handout.add_argument("--out", required=True, help=_("PDF-bestand om te schrijven"))
    handout.add_argument("--lang", default="", help=_("taal: nl of nl-xx, bv. nl-ar, nl-tr, nl-uk"))
    handout.set_defaults(handler=cmd_handout)

    catalogue = kinds.add_parser("catalogue", help=_("aanbodblad per categorie, gemeente of gevangenis"))
    catalogue.add_argument(
        "--category", action="append", required=True, help=_("categorie (herhaal of scheid met komma's)")
    )
    catalogue.add_argument("--city", help=_("gemeente"))
    catalogue.add_argument("--prison", metavar="SITE", help=_("code van de gevangenis, bv. gevangenis-mechelen"))
    catalogue.add_argument("--out", required=True, help=_("PDF-bestand om te schrijven"))
    catalogue.set_defaults(handler=cmd_catalogue)
