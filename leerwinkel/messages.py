"""One place that turns errors into Dutch sentences, for the command line and the UI alike."""

from __future__ import annotations

import re
from collections.abc import Sequence

from leerwinkel.errors import (
    AlreadyExistsError,
    AuthenticationError,
    ConflictError,
    ExchangeError,
    InvalidInputError,
    LeerwinkelError,
    NotFoundError,
    PermissionDeniedError,
    Problem,
    StorageError,
    StorageProblem,
)


def _(text: str) -> str:
    """Mark a sentence for translation (gettext-style extraction); Dutch is the source language."""
    return text


def count(number: int, one: str, many: str) -> str:
    """ "1 aanbod", "3 aanbiedingen": the number with the singular or the plural (Dutch: 1 is singular)."""
    return f"{number} {one if number == 1 else many}"


ENTITY_NAMES: dict[str, str] = {
    "clients": _("cliënt"),
    "client": _("cliënt"),
    "referrals": _("verwijzing"),
    "referral": _("verwijzing"),
    "providers": _("aanbieder"),
    "provider": _("aanbieder"),
    "offerings": _("aanbod"),
    "offering": _("aanbod"),
    "locations": _("locatie"),
    "location": _("locatie"),
    "counsellors": _("account"),
    "counsellor": _("account"),
    "sites": _("locatie van de Leerwinkel"),
    "site": _("locatie van de Leerwinkel"),
    "intakes": _("intake"),
    "intake": _("intake"),
    "learning_wishes": _("leerwens"),
    "drafts": _("concept"),
    "category": _("categorie"),
    "command": _("opdracht"),
    "file": _("bestand"),
    "installation": _("installatie in"),
    "backup": _("reservekopie"),
}

FIELD_NAMES: dict[str, str] = {
    "site_code": _("code van de plaats"),
    "site_name": _("naam van de plaats"),
    "site_kind": _("soort plaats"),
    "first_name": _("voornaam"),
    "alias": _("roepnaam"),
    "last_name": _("familienaam"),
    "birth_date": _("geboortedatum"),
    "birth_year": _("geboortejaar"),
    "phone": _("telefoon"),
    "email": _("e-mail"),
    "street": _("straat"),
    "postcode": _("postcode"),
    "municipality": _("gemeente"),
    "city": _("gemeente"),
    "languages": _("talen"),
    "dutch_level": _("niveau Nederlands"),
    "education_level": _("opleidingsniveau"),
    "notes": _("notities"),
    "note": _("notitie"),
    "status": _("status"),
    "reference": _("referentie"),
    "enrolled_on": _("ingeschreven op"),
    "starts_on": _("start op"),
    "refused_reason": _("reden van weigering"),
    "category": _("categorie"),
    "follow_up_on": _("opvolgdatum"),
    "status_date": _("datum van de status"),
    "contact_date": _("datum van het contact"),
    "contact_kind": _("soort contact"),
    "contact_note": _("notitie bij het contact"),
    "outcome": _("resultaat"),
    "detained": _("detentie"),
    "employment": _("werksituatie"),
    "title": _("titel"),
    "name": _("naam"),
    "letter-background": _("achtergrond"),
    "letter-thresholds": _("drempels"),
    "letter-vulnerabilities": _("kwetsbaarheden"),
    "letter-detention": _("detentie"),
    "handout-language": _("taal van het afsprakenblad"),
    "deleted": _("het record werd verwijderd"),
    "provider": _("aanbieder"),
    "locations": _("locaties"),
    "website": _("website"),
    "sources": _("bronnen"),
    "check_source": _("hoe nagekeken"),
    "last_verified": _("laatst nagekeken"),
    "schedules": _("lesmomenten"),
    "dutch_level_min": _("vereist niveau Nederlands"),
    "prison_site_code": _("gevangenis"),
    "id": _("id"),
    "file": _("bestand"),
    "period": _("periode"),
    "from_date": _("begindatum"),
    "to_date": _("einddatum"),
    "foreign_diploma": _("buitenlands diploma"),
    "target_groups": _("doelgroep"),
    "vulnerabilities": _("kwetsbaarheid"),
    "thresholds": _("drempel"),
    "expected_release_date": _("verwachte vrijlating"),
    "consent_given_on": _("datum van de toestemming"),
    "held_on": _("datum van de intake"),
    "next_appointment": _("volgende afspraak"),
    "channel": _("kanaal"),
    "site": _("locatie"),
    "referred_by": _("doorverwezen door"),
    "intake_notes": _("notities bij de intake"),
    "description": _("omschrijving"),
    "goal": _("doel"),
    "outcome_note": _("notitie bij het resultaat"),
    "mapping": _("kolomkoppeling"),
    "house_number": _("huisnummer"),
    "wishes": _("leerwens"),
    "wish_description": _("omschrijving leerwens"),
    "wish_goal": _("doel van de leerwens"),
    "counsellor": _("begeleider"),
    "consent": _("toestemming"),
    "consent_store": _("toestemming bewaren"),
    "consent_share": _("toestemming delen"),
    "consent_contact": _("toestemming contact"),
    "foreign_diploma_recognised": _("diploma erkend"),
    "vdab_registered": _("ingeschreven bij VDAB"),
    "gender": _("gender"),
    "username": _("gebruikersnaam"),
    "password": _("wachtwoord"),
    "password_file": _("wachtwoordbestand"),
    "display_name": _("weergavenaam"),
    "role": _("rol"),
    "backup": _("reservekopie"),
    "years": _("aantal jaar"),
    "client": _("cliënt"),
    "setting": _("instelling"),
    "organisation.name": _("naam van de Leerwinkel"),
    "organisation.street": _("straat en nummer"),
    "organisation.postcode": _("postcode"),
    "organisation.city": _("gemeente"),
    "organisation.phone": _("telefoon"),
    "organisation.email": _("e-mail"),
    "organisation.logo": _("logo"),
    "followup.default_weeks": _("opvolging na (weken)"),
    "security.lock_minutes": _("vergrendelen na (minuten)"),
    "retention.years": _("bewaartermijn (jaar)"),
    "override_reason": _("reden om toch te verwijzen"),
    "external_provider": _("naam van de aanbieder"),
    "external_contact": _("contact van de aanbieder"),
    "external_service": _("wat de aanbieder doet"),
    "drafts.expiry_days": _("concepten bewaren (dagen)"),
}

STORAGE_SENTENCES: dict[StorageProblem, str] = {
    StorageProblem.DISK_FULL: _(
        "De gegevens zijn niet opgeslagen: de schijf is vol. Maak ruimte vrij en probeer het opnieuw."
    ),
    StorageProblem.READ_ONLY: _(
        "De gegevensmap {location} is alleen-lezen. Kies een map waarin je mag schrijven (LEERWINKEL_DATA_DIR)."
    ),
    StorageProblem.LOCKED: _("De databank is even bezet door een andere toepassing. Probeer het zo opnieuw."),
    StorageProblem.NOT_A_DATABASE: _(
        "Het bestand {location} is geen databank van Leerwinkel Intake. Het bestand is niet gewijzigd."
    ),
    StorageProblem.CORRUPT: _(
        "De databank {location} is beschadigd. Zet een reservekopie terug (leerwinkel backup restore)."
    ),
    StorageProblem.TOO_NEW: _(
        "De databank {location} is gemaakt met een nieuwere versie van Leerwinkel Intake "
        "(schema {detail}). Installeer de nieuwste versie; de databank is niet gewijzigd."
    ),
    StorageProblem.UNREACHABLE: _("De databank {location} is niet bereikbaar. Controleer het adres en de verbinding."),
    StorageProblem.NOT_ENCRYPTED: _("De databank {location} is niet versleuteld en wordt daarom geweigerd."),
    StorageProblem.WRONG_KEY: _("De databank {location} kan niet geopend worden met deze sleutel."),
}

PROBLEM_SENTENCES: dict[str, str] = {
    "required": _("{field} is verplicht"),
    "constraint": _("de databank weigert deze gegevens (regel {constraint}); er is niets opgeslagen"),
    "name-required": _("vul een voornaam of een roepnaam in"),
    "unknown-code": _("onbekende waarde “{value}” voor {field}"),
    "bad-date": _("{field}: “{value}” is geen geldige datum; schrijf dd/mm/jjjj (of jjjj-mm-dd)"),
    "future-date": _("{field} mag niet in de toekomst liggen"),
    "too-old-date": _("{field}: “{value}” ligt te ver in het verleden; kijk het jaartal na"),
    "past-date": _("{field}: “{value}” ligt in het verleden; vul een datum vanaf vandaag in of laat het leeg"),
    "before-referral": _("{field} ({value}) ligt vóór de verwijzing ({start})"),
    "bad-postcode": _("{field}: “{value}” is geen Belgische postcode (4 cijfers)"),
    "bad-phone": _("{field}: “{value}” is geen geldig telefoonnummer"),
    "bad-email": _("{field}: “{value}” is geen geldig e-mailadres"),
    "too-long": _("{field} is te lang (maximaal {maximum} tekens)"),
    "bad-number": _("{field}: “{value}” is geen geldig getal"),
    "out-of-range": _("{field} moet tussen {minimum} en {maximum} liggen"),
    "control-characters": _("{field} bevat onzichtbare stuurtekens"),
    "bad-value": _("{field}: “{value}” is geen geldige waarde"),
    "reply-empty": _("vul in wat de aanbieder antwoordde: ingeschreven op, start op of niet toegelaten"),
    "reply-both": _("een antwoord is ingeschreven óf niet toegelaten, niet allebei"),
    "consent-required": _(
        "de verwijsbrief mag geen {parts} bevatten: de cliënt gaf geen toestemming om gegevens met de "
        "aanbieder te delen. Laat dit weg of registreer eerst de toestemming"
    ),
    "wrong-type": _("{field} heeft het verkeerde type (verwacht: {expected})"),
    "bad-iso-date": _("{field}: “{value}” is geen geldige datum (jjjj-mm-dd)"),
    "bad-id": _("{field}: “{value}” is geen geldige id (geen spaties)"),
    "duplicate-id": _("de id komt meer dan eens voor in {table}"),
    "broken-reference": _("{field} verwijst naar “{value}”, die niet bestaat"),
    "bad-encoding": _("het bestand is geen UTF-8-tekst (onleesbaar teken op positie {position})"),
    "password-file-too-large": _("het bestand is te groot voor een wachtwoordbestand (maximaal {maximum_kib} KiB)"),
    "empty-file": _("het bestand is leeg"),
    "truncated": _("het bestand is onvolledig (afgebroken)"),
    "bad-json": _("het bestand is geen geldige JSON ({message}, kolom {column})"),
    "bad-csv": _("het bestand is geen geldige CSV"),
    "bad-csv-dialect": _("het scheidingsteken van de CSV is niet te herkennen (gebruik komma's of puntkomma's)"),
    "column-count": _(
        "de rij heeft {found} cellen, maar er zijn {expected} kolommen; geef de extra kolom een kop "
        "of haal de cellen weg"
    ),
    "unknown-column": _("onbekende kolom “{field}” in {table}"),
    "missing-column": _("de kolom “{field}” ontbreekt in {table}"),
    "bad-xlsx": _("het bestand is geen leesbaar Excel-bestand (.xlsx) of is onvolledig"),
    "no-tables": _("geen bladen gevonden met de namen {tables}"),
    "unknown-format": _("geen catalogusbestand herkend"),
    "unknown-table": _("de bestandsnaam moet de tabel noemen ({tables})"),
    "missing-file": _("het bestand ontbreekt"),
    "no-records": _("het bestand bevat geen enkele aanbieder, locatie of aanbod; er is niets om in te lezen"),
    "bad-check-source": _("{field}: “{value}” is geen webadres (https://…) en niet “telefonisch”"),
    "unknown-prison": _("{field}: “{value}” is geen gekende gevangenis (zie de locaties van de Leerwinkel)"),
    "empty-table": _("het bestand bevat alleen kolomkoppen en geen enkele rij"),
    "not-uuid": _("de id “{value}” is geen UUID; HSDS 3.0 vereist een UUID als id (bv. 3f2b…-…)"),
    "not-a-name": _("{field} “{value}” is geen naam: er staat geen enkele letter in"),
    "duplicate-id-row": _("de id komt al voor in rij {first} van {table}; elke id mag maar één keer voorkomen"),
    "file-too-large": _("het bestand is te groot ({size} MB); de grens is {limit} MB"),
    "xlsx-too-large": _("het Excel-bestand pakt uit tot {size} MB; de grens is {limit} MB"),
    "too-deep": _("het bestand is te diep genest (meer dan {limit} niveaus van objecten en lijsten)"),
    "too-many-rows": _("{table} heeft te veel rijen; de grens is {limit} rijen"),
    "too-many-columns": _("{table} heeft {found} kolommen; de grens is {limit} kolommen"),
    "not-hsds": _("dit is geen HSDS 3.0-object (organisatie, dienst of locatie)"),
    "unsupported-version": _("versie {value} van het catalogusformaat wordt niet ondersteund"),
    "bad-export-format": _("{field} “{value}”: kies een bestand dat eindigt op {allowed}"),
    "period-reversed": _("de periode eindigt ({end}) vóór ze begint ({start})"),
    "bad-time": _("{field}: “{value}” is geen geldig uur (uu:mm)"),
    "unknown-client-column": _("kolom “{value}” is onbekend"),
    "unreadable-client-file": _(
        "het bestand kan niet gelezen worden als CSV of XLSX; bewaar het in Excel als .xlsx of als CSV"
    ),
    "unknown-encoding": _(
        "de tekens van het bestand zijn niet te lezen (geprobeerd: {tried}); bewaar het in Excel als "
        "“CSV UTF-8” of als .xlsx"
    ),
    "consent-date-alone": _("geef bij --consent-date ook --consent (none of store, share, contact)"),
    "wish-as-other": _("“{value}” niet herkend als leerwens: ingelezen als “Andere” met de tekst als omschrijving"),
    "threshold-as-other": _("“{value}” niet herkend als drempel: ingelezen als “Andere” met de tekst als notitie"),
    "value-as-other": _("“{value}” niet herkend: ingelezen als “Andere”, de tekst staat in de notities"),
    "flag-not-placed": _("“{value}” is geen ja of nee: leeg gelaten"),
    "channel-not-placed": _("kanaal “{value}” niet herkend: ingelezen als vrije inloop"),
    "level-not-placed": _("niveau “{value}” niet herkend: onbekend, de tekst staat in de notities"),
    "merge-same-client": _("kies twee verschillende cliënten om samen te voegen"),
    "binary-file": _("dit is geen tekstbestand; kies een CSV- of XLSX-bestand"),
    "sheet-too-large": _("het bestand is te groot (maximaal {limit} MB); splits het in kleinere bestanden"),
    "unpacked-too-large": _(
        "het Excel-bestand is uitgepakt te groot (maximaal {limit} MB); splits het in kleinere bestanden"
    ),
    "sheet-too-many-rows": _("het bestand heeft te veel rijen (maximaal {limit}); splits het in kleinere bestanden"),
    "sheet-too-many-columns": _("de rij heeft te veel kolommen (maximaal {limit})"),
    "cell-too-long": _("een cel is te lang (maximaal {limit} tekens); kort de tekst in"),
    "no-clients-in-file": _("het bestand bevat geen cliënten"),
    "database-not-empty": _("de databank bevat al cliënten; demogegevens gaan alleen in een lege databank"),
    "bad-mapping": _("de kolomkoppeling is geen geldig JSON-object van kolomnaam naar veld"),
    "bad-username": _("{field} mag alleen letters, cijfers en . _ - @ bevatten"),
    "password-too-short": _("{field} moet minstens {minimum} tekens lang zijn"),
    "unreadable-file": _("het bestand kan niet gelezen worden"),
    "credentials-incomplete": _("geef --user en --password-file samen op"),
    "audit-action": _("ongeldige code voor een gebeurtenis in het auditlogboek"),
    "audit-detail": _("het auditlogboek bewaart alleen id's en codes, geen namen of vrije tekst ({field})"),
    "backup-postgres": _(
        "reservekopieën van een PostgreSQL-databank maak je op de server (zie docs/administration.md)"
    ),
    "backup-invalid": _("de reservekopie “{value}” is niet bruikbaar ({why}); er is niets gewijzigd"),
    "no-backup": _("er is geen bruikbare reservekopie"),
    "no-backup-key": _(
        "er is nog geen sleutel voor reservekopieën: meld je een keer aan als beheerder, dan wordt ze gemaakt"
    ),
    "not-confirmed": _("bevestig het wissen (--yes)"),
    "not-expired": _("cliënt {value} is nog niet voorbij de bewaartermijn"),
    "last-admin": _("de laatste beheerder kan niet uitgeschakeld worden"),
    "bad-logo": _("{field}: “{value}” is geen bestaand PNG- of JPEG-bestand"),
    "override-required": _("dit aanbod past niet bij de cliënt ({reasons}); geef een korte reden om toch te verwijzen"),
    "external-and-offering": _("kies aanbod uit de catalogus of een aanbieder buiten de catalogus, niet allebei"),
}

AUTH_SENTENCES: dict[str, str] = {
    "credentials-required": _(
        "Meld je aan met --user NAAM --password-file BESTAND (of LEERWINKEL_USER en LEERWINKEL_PASSWORD_FILE): "
        "zonder account toont of wijzigt Leerwinkel Intake geen gegevens."
    ),
    "not-set-up": _(
        "Er is nog geen beheerder. Maak die eerst aan: leerwinkel setup --admin NAAM --password-file BESTAND."
    ),
    "keyring-missing": _(
        "Het sleutelbestand {location} ontbreekt, maar de databank staat er wel. Zonder dat bestand kan niemand "
        "de databank openen; er is niets gewijzigd. Zet keys.json terug uit je eigen kopie, of zet een "
        "reservekopie terug met de herstelsleutel (zie docs/security.md). Maak geen nieuwe installatie aan "
        "in deze map."
    ),
    "keyring-damaged": _(
        "Het sleutelbestand {location} is beschadigd (geen geldig sleutelbestand); er is niets gewijzigd. "
        "Zet keys.json terug uit je eigen kopie, of zet een reservekopie terug met de herstelsleutel "
        "(zie docs/security.md)."
    ),
    "keyring-encoding": _(
        "Het sleutelbestand {location} is geen UTF-8-tekst: het werd waarschijnlijk overschreven of met een "
        "verkeerd programma bewaard. Er is niets gewijzigd. Zet keys.json terug uit je eigen kopie, of zet een "
        "reservekopie terug met de herstelsleutel (zie docs/security.md)."
    ),
    "keyring-too-large": _(
        "Het sleutelbestand {location} is te groot (meer dan {detail} KiB) en wordt niet gelezen; er is niets "
        "gewijzigd. Zet keys.json terug uit je eigen kopie (zie docs/security.md)."
    ),
    "keyring-unreadable": _(
        "Het sleutelbestand {location} kan niet gelezen worden. Controleer of je die map mag lezen."
    ),
    "kdf-params": _(
        "Het sleutelbestand {location} vraagt sleutelparameters buiten de toegelaten grenzen ({detail}). "
        "Het wordt niet gebruikt en er is niets gewijzigd. Zet keys.json terug uit je eigen kopie of vraag de "
        "beheerder om hulp (zie docs/security.md)."
    ),
    "bad-recovery-key": _("De herstelsleutel klopt niet."),
    "sign-in-required": _(
        "Meld je eerst aan: gegevens van cliënten worden alleen getoond of gewijzigd door een aangemeld account. "
        "Er is niets gewijzigd."
    ),
}

EXCHANGE_SENTENCES: dict[str, str] = {
    "not-an-exchange-file": _(
        "Het bestand {location} is geen uitwisselbestand van Leerwinkel Intake. Er is niets gewijzigd."
    ),
    "truncated": _(
        "Het uitwisselbestand {location} is onvolledig: het werd waarschijnlijk niet helemaal gekopieerd. "
        "Kopieer het opnieuw en probeer het nog eens. Er is niets gewijzigd."
    ),
    "damaged": _(
        "Het uitwisselbestand {location} is beschadigd of gewijzigd: de handtekening klopt niet. Het wordt niet "
        "ingelezen en er is niets gewijzigd. Vraag de afzender om een nieuw bestand."
    ),
    "wrong-passphrase": _("De wachtzin klopt niet voor het uitwisselbestand {location}. Er is niets gewijzigd."),
    "passphrase-required": _(
        "Het uitwisselbestand {location} is versleuteld met een wachtzin. Geef de wachtzin op. Er is niets gewijzigd."
    ),
    "wrong-key": _(
        "Het uitwisselbestand {location} kan niet geopend worden met de sleutel van deze installatie. "
        "Er is niets gewijzigd. Vraag de afzender om een nieuw bestand voor dit toestel."
    ),
    "not-for-this-device": _(
        "Het uitwisselbestand {location} is bestemd voor een ander toestel ({detail}). Het wordt hier niet "
        "ingelezen; er is niets gewijzigd."
    ),
    "own-file": _(
        "Het uitwisselbestand {location} werd op deze installatie zelf gemaakt. Lees het in op het andere "
        "toestel; er is niets gewijzigd."
    ),
    "unknown-device": _(
        "Het uitwisselbestand {location} komt van een toestel dat hier niet is ingeschreven ({detail}). "
        "Schrijf dat toestel eerst in met zijn inschrijvingsbestand, of gebruik een wachtzin. Er is niets gewijzigd."
    ),
    "replayed": _(
        "Het uitwisselbestand {location} is ouder dan een bestand van hetzelfde toestel dat hier al ingelezen is "
        "(nummer {detail}). Het wordt niet opnieuw ingelezen; er is niets gewijzigd."
    ),
    "newer-version": _(
        "Het uitwisselbestand {location} is gemaakt met een nieuwere versie van Leerwinkel Intake ({detail}). "
        "Installeer eerst die versie; er is niets gewijzigd."
    ),
    "key-changed": _(
        "Het uitwisselbestand {location} is ondertekend met een andere sleutel dan eerdere bestanden van toestel "
        "{detail}. Het wordt niet ingelezen; er is niets gewijzigd. Schrijf het toestel opnieuw in als dat klopt."
    ),
    "audit-chain": _(
        "Het auditlogboek in het uitwisselbestand {location} sluit niet aan bij wat eerder van toestel {detail} "
        "kwam. Het bestand wordt niet ingelezen; er is niets gewijzigd."
    ),
    "unknown-peer": _(
        "Er is geen toestel “{detail}” bekend. Schrijf het eerst in met zijn inschrijvingsbestand, of gebruik een "
        "wachtzin."
    ),
    "session-required": _(
        "Naar een laptop gaat alleen wat één sessie nodig heeft: kies de gevangenis en de datum van de sessie. "
        "Alles gaat alleen naar een ander kantoor (de eerste keer met een wachtzin: leerwinkel sync export "
        "--everything)."
    ),
    "bad-enrolment": _("Het bestand {location} is geen geldig inschrijvingsbestand. Er is niets gewijzigd."),
    "own-device": _("Het bestand {location} is het inschrijvingsbestand van deze installatie zelf."),
}


def field_label(name: str | None) -> str:
    if not name:
        return _("waarde")
    return FIELD_NAMES.get(name, name)


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _shown(value: object, limit: int = 60) -> object:
    """What the user typed, as far as a message repeats it: short, and without control characters."""
    if not isinstance(value, str):
        return value
    text = _UNPRINTABLE.sub("\ufffd", value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: Problems whose ``allowed`` detail is a list of values, said once at the end when there are several.
_LISTS_ALLOWED = frozenset({"unknown-code", "unknown-client-column"})

#: At most this many problems are described one by one; the rest are counted.
MAX_PROBLEMS_SHOWN = 50


def describe_problem(problem: Problem, *, with_allowed: bool = True) -> str:
    """One problem as a Dutch phrase, with its place (file, row, column, record) in front.

    ``with_allowed=False`` leaves out the list of allowed values (describe_problems says it once).
    """
    template = PROBLEM_SENTENCES.get(problem.reason, _("{field}: ongeldige invoer ({reason})"))
    values: dict[str, object] = {"field": field_label(problem.field), "reason": problem.reason}
    values.update({key: value if key == "allowed" else _shown(value) for key, value in problem.details.items()})
    try:
        text = template.format(**values)
    except (KeyError, IndexError):
        text = template
    if with_allowed and problem.reason in _LISTS_ALLOWED and problem.details.get("allowed"):
        text += " " + _("(toegelaten: {allowed})").format(allowed=problem.details["allowed"])
    place = []
    if problem.file:
        place.append(problem.file)
    if problem.row is not None:
        place.append(_("rij {row}").format(row=problem.row))
    if problem.details.get("column"):
        place.append(_("kolom “{column}”").format(column=_shown(problem.details["column"], 40)))
    if problem.record:
        place.append(_("record {record}").format(record=problem.record))
    text = text[:1].upper() + text[1:]
    return f"{', '.join(place)}: {text}" if place else text


def describe_problems(
    problems: Sequence[Problem], *, limit: int = MAX_PROBLEMS_SHOWN, allowed_once: bool = False
) -> list[str]:
    """Several problems, one line each: at most ``limit``, then "... en nog N".

    With ``allowed_once`` the lists of allowed values are left out of the lines and said once at the end.
    """
    if not allowed_once:
        lines = [describe_problem(p) for p in problems[:limit]]
        if len(problems) > limit:
            lines.append(_("... en nog {count}").format(count=len(problems) - limit))
        return lines
    lines = [describe_problem(p, with_allowed=False) + "." for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(_("... en nog {count}").format(count=len(problems) - limit))
    allowed: dict[str, object] = {}
    for p in problems:
        if p.reason in _LISTS_ALLOWED and p.details.get("allowed"):
            allowed.setdefault(field_label(p.field) if p.reason == "unknown-code" else _("kolom"), p.details["allowed"])
    for label, values in allowed.items():
        lines.append(_("Toegelaten voor {field}: {allowed}.").format(field=label, allowed=values))
    return lines


def describe(error: BaseException) -> str:
    """A calm Dutch sentence for any error; unknown errors get a generic sentence."""
    if isinstance(error, StorageError):
        return STORAGE_SENTENCES[error.problem].format(location=error.location, detail=error.detail)
    if isinstance(error, ExchangeError):
        template = EXCHANGE_SENTENCES.get(error.reason, _("Het uitwisselbestand {location} is geweigerd."))
        return template.format(location=error.location or _("(zonder naam)"), detail=error.detail)
    if isinstance(error, ConflictError):
        entity = ENTITY_NAMES.get(error.entity, error.entity)
        if error.changed_fields == ["deleted"]:
            return _(
                "Deze {entity} werd intussen verwijderd op een andere computer. Je wijzigingen zijn niet opgeslagen."
            ).format(entity=entity)
        fields = ", ".join(field_label(f) for f in error.changed_fields) or _("andere gegevens")
        return _(
            "Deze {entity} werd intussen gewijzigd op een andere computer ({fields}). "
            "Je wijzigingen zijn niet opgeslagen: laad de {entity} opnieuw en pas ze dan toe."
        ).format(entity=entity, fields=fields)
    if isinstance(error, InvalidInputError):
        if len(error.problems) == 1:
            return describe_problem(error.problems[0]) + "."
        return "\n".join(describe_problems(error.problems, allowed_once=True))
    if isinstance(error, NotFoundError):
        entity = ENTITY_NAMES.get(error.entity, error.entity)
        return _("Geen {entity} gevonden met “{key}”.").format(entity=entity, key=error.key)
    if isinstance(error, AlreadyExistsError):
        entity = ENTITY_NAMES.get(error.entity, error.entity)
        return _("Er bestaat al een {entity} “{key}”.").format(entity=entity, key=error.key)
    if isinstance(error, PermissionDeniedError):
        return _("Alleen een beheerder mag dit doen ({action}).").format(action=error.action)
    if isinstance(error, AuthenticationError):
        if error.reason in AUTH_SENTENCES:
            return AUTH_SENTENCES[error.reason].format(location=error.location or "keys.json", detail=error.detail)
        if error.wait_seconds > 0:
            return _("Gebruikersnaam of wachtwoord klopt niet. Wacht {seconds} seconden en probeer opnieuw.").format(
                seconds=round(error.wait_seconds)
            )
        return _("Gebruikersnaam of wachtwoord klopt niet.")
    if isinstance(error, LeerwinkelError):
        return _("De opdracht kon niet worden uitgevoerd.")
    return _(
        "Er ging iets mis dat we niet hadden voorzien. Je gegevens zijn niet gewijzigd; "
        "de technische details staan in het logboek."
    )
