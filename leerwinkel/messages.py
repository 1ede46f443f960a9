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
from leerwinkel.i18n import N_, _

__all__ = ["N_", "_", "count", "describe", "describe_problem", "describe_problems", "entity_name", "field_label"]


def count(number: int, one: str, many: str) -> str:
    """ "1 aanbod", "3 aanbiedingen": the number with the singular or the plural (Dutch: 1 is singular)."""
    return f"{number} {one if number == 1 else many}"


ENTITY_NAMES: dict[str, str] = {
    "clients": N_("cliënt"),
    "client": N_("cliënt"),
    "referrals": N_("verwijzing"),
    "referral": N_("verwijzing"),
    "providers": N_("aanbieder"),
    "provider": N_("aanbieder"),
    "offerings": N_("aanbod"),
    "offering": N_("aanbod"),
    "locations": N_("locatie"),
    "location": N_("locatie"),
    "counsellors": N_("account"),
    "counsellor": N_("account"),
    "sites": N_("locatie van de Leerwinkel"),
    "site": N_("locatie van de Leerwinkel"),
    "intakes": N_("intake"),
    "intake": N_("intake"),
    "learning_wishes": N_("leerwens"),
    "drafts": N_("concept"),
    "category": N_("categorie"),
    "command": N_("opdracht"),
    "file": N_("bestand"),
    "installation": N_("installatie in"),
    "backup": N_("reservekopie"),
}

FIELD_NAMES: dict[str, str] = {
    "site_code": N_("code van de plaats"),
    "site_name": N_("naam van de plaats"),
    "site_kind": N_("soort plaats"),
    "first_name": N_("voornaam"),
    "alias": N_("roepnaam"),
    "last_name": N_("familienaam"),
    "birth_date": N_("geboortedatum"),
    "birth_year": N_("geboortejaar"),
    "phone": N_("telefoon"),
    "email": N_("e-mail"),
    "street": N_("straat"),
    "postcode": N_("postcode"),
    "municipality": N_("gemeente"),
    "city": N_("gemeente"),
    "languages": N_("talen"),
    "dutch_level": N_("niveau Nederlands"),
    "education_level": N_("opleidingsniveau"),
    "notes": N_("notities"),
    "note": N_("notitie"),
    "status": N_("status"),
    "reference": N_("referentie"),
    "enrolled_on": N_("ingeschreven op"),
    "starts_on": N_("start op"),
    "refused_reason": N_("reden van weigering"),
    "category": N_("categorie"),
    "follow_up_on": N_("opvolgdatum"),
    "status_date": N_("datum van de status"),
    "contact_date": N_("datum van het contact"),
    "contact_kind": N_("soort contact"),
    "contact_note": N_("notitie bij het contact"),
    "outcome": N_("resultaat"),
    "detained": N_("detentie"),
    "employment": N_("werksituatie"),
    "title": N_("titel"),
    "name": N_("naam"),
    "letter-background": N_("achtergrond"),
    "letter-thresholds": N_("drempels"),
    "letter-vulnerabilities": N_("kwetsbaarheden"),
    "letter-detention": N_("detentie"),
    "handout-language": N_("taal van het afsprakenblad"),
    "deleted": N_("het record werd verwijderd"),
    "provider": N_("aanbieder"),
    "locations": N_("locaties"),
    "website": N_("website"),
    "sources": N_("bronnen"),
    "check_source": N_("hoe nagekeken"),
    "last_verified": N_("laatst nagekeken"),
    "schedules": N_("lesmomenten"),
    "dutch_level_min": N_("vereist niveau Nederlands"),
    "prison_site_code": N_("gevangenis"),
    "erased": N_("gewist"),  # an exchange conflict between an erasure and a change (leerwinkel.sync.merge)
    "id": N_("id"),
    "file": N_("bestand"),
    "period": N_("periode"),
    "from_date": N_("begindatum"),
    "to_date": N_("einddatum"),
    "foreign_diploma": N_("buitenlands diploma"),
    "target_groups": N_("doelgroep"),
    "vulnerabilities": N_("kwetsbaarheid"),
    "thresholds": N_("drempel"),
    "expected_release_date": N_("verwachte vrijlating"),
    "consent_given_on": N_("datum van de toestemming"),
    "held_on": N_("datum van de intake"),
    "next_appointment": N_("volgende afspraak"),
    "channel": N_("kanaal"),
    "site": N_("locatie"),
    "referred_by": N_("doorverwezen door"),
    "intake_notes": N_("notities bij de intake"),
    "description": N_("omschrijving"),
    "goal": N_("doel"),
    "outcome_note": N_("notitie bij het resultaat"),
    "mapping": N_("kolomkoppeling"),
    "house_number": N_("huisnummer"),
    "wishes": N_("leerwens"),
    "wish_description": N_("omschrijving leerwens"),
    "wish_goal": N_("doel van de leerwens"),
    "counsellor": N_("begeleider"),
    "consent": N_("toestemming"),
    "consent_store": N_("toestemming bewaren"),
    "consent_share": N_("toestemming delen"),
    "consent_contact": N_("toestemming contact"),
    "foreign_diploma_recognised": N_("diploma erkend"),
    "vdab_registered": N_("ingeschreven bij VDAB"),
    "gender": N_("gender"),
    "username": N_("gebruikersnaam"),
    "password": N_("wachtwoord"),
    "password_file": N_("wachtwoordbestand"),
    "display_name": N_("weergavenaam"),
    "role": N_("rol"),
    "backup": N_("reservekopie"),
    "years": N_("aantal jaar"),
    "client": N_("cliënt"),
    "setting": N_("instelling"),
    "organisation.name": N_("naam van de Leerwinkel"),
    "organisation.street": N_("straat en nummer"),
    "organisation.postcode": N_("postcode"),
    "organisation.city": N_("gemeente"),
    "organisation.phone": N_("telefoon"),
    "organisation.email": N_("e-mail"),
    "organisation.logo": N_("logo"),
    "followup.default_weeks": N_("opvolging na (weken)"),
    "security.lock_minutes": N_("vergrendelen na (minuten)"),
    "retention.years": N_("bewaartermijn (jaar)"),
    "override_reason": N_("reden om toch te verwijzen"),
    "external_provider": N_("naam van de aanbieder"),
    "external_contact": N_("contact van de aanbieder"),
    "external_service": N_("wat de aanbieder doet"),
    "drafts.expiry_days": N_("concepten bewaren (dagen)"),
}

STORAGE_SENTENCES: dict[StorageProblem, str] = {
    StorageProblem.DISK_FULL: N_(
        "De gegevens zijn niet opgeslagen: de schijf is vol. Maak ruimte vrij en probeer het opnieuw."
    ),
    StorageProblem.READ_ONLY: N_(
        "De gegevensmap {location} is alleen-lezen. Kies een map waarin je mag schrijven (LEERWINKEL_DATA_DIR)."
    ),
    StorageProblem.LOCKED: N_("De databank is even bezet door een andere toepassing. Probeer het zo opnieuw."),
    StorageProblem.NOT_A_DATABASE: N_(
        "Het bestand {location} is geen databank van Leerwinkel Intake. Het bestand is niet gewijzigd."
    ),
    StorageProblem.CORRUPT: N_(
        "De databank {location} is beschadigd. Zet een reservekopie terug (leerwinkel backup restore)."
    ),
    StorageProblem.TOO_NEW: N_(
        "De databank {location} is gemaakt met een nieuwere versie van Leerwinkel Intake "
        "(schema {detail}). Installeer de nieuwste versie; de databank is niet gewijzigd."
    ),
    StorageProblem.UNREACHABLE: N_("De databank {location} is niet bereikbaar. Controleer het adres en de verbinding."),
    StorageProblem.NOT_ENCRYPTED: N_("De databank {location} is niet versleuteld en wordt daarom geweigerd."),
    StorageProblem.WRONG_KEY: N_("De databank {location} kan niet geopend worden met deze sleutel."),
}

PROBLEM_SENTENCES: dict[str, str] = {
    "required": N_("{field} is verplicht"),
    "constraint": N_("de databank weigert deze gegevens (regel {constraint}); er is niets opgeslagen"),
    "name-required": N_("vul een voornaam of een roepnaam in"),
    "unknown-code": N_("onbekende waarde “{value}” voor {field}"),
    "bad-date": N_("{field}: “{value}” is geen geldige datum; schrijf dd/mm/jjjj (of jjjj-mm-dd)"),
    "future-date": N_("{field} mag niet in de toekomst liggen"),
    "too-old-date": N_("{field}: “{value}” ligt te ver in het verleden; kijk het jaartal na"),
    "past-date": N_("{field}: “{value}” ligt in het verleden; vul een datum vanaf vandaag in of laat het leeg"),
    "before-referral": N_("{field} ({value}) ligt vóór de verwijzing ({start})"),
    "bad-postcode": N_("{field}: “{value}” is geen Belgische postcode (4 cijfers)"),
    "bad-phone": N_("{field}: “{value}” is geen geldig telefoonnummer"),
    "bad-email": N_("{field}: “{value}” is geen geldig e-mailadres"),
    "too-long": N_("{field} is te lang (maximaal {maximum} tekens)"),
    "bad-number": N_("{field}: “{value}” is geen geldig getal"),
    "out-of-range": N_("{field} moet tussen {minimum} en {maximum} liggen"),
    "control-characters": N_("{field} bevat onzichtbare stuurtekens"),
    "bad-value": N_("{field}: “{value}” is geen geldige waarde"),
    "reply-empty": N_("vul in wat de aanbieder antwoordde: ingeschreven op, start op of niet toegelaten"),
    "reply-both": N_("een antwoord is ingeschreven óf niet toegelaten, niet allebei"),
    "consent-required": N_(
        "de verwijsbrief mag geen {parts} bevatten: de cliënt gaf geen toestemming om gegevens met de "
        "aanbieder te delen. Laat dit weg of registreer eerst de toestemming"
    ),
    "wrong-type": N_("{field} heeft het verkeerde type (verwacht: {expected})"),
    "bad-iso-date": N_("{field}: “{value}” is geen geldige datum (jjjj-mm-dd)"),
    "bad-id": N_("{field}: “{value}” is geen geldige id (geen spaties)"),
    "duplicate-id": N_("de id komt meer dan eens voor in {table}"),
    "broken-reference": N_("{field} verwijst naar “{value}”, die niet bestaat"),
    "bad-encoding": N_("het bestand is geen UTF-8-tekst (onleesbaar teken op positie {position})"),
    "password-file-too-large": N_("het bestand is te groot voor een wachtwoordbestand (maximaal {maximum_kib} KiB)"),
    "empty-file": N_("het bestand is leeg"),
    "truncated": N_("het bestand is onvolledig (afgebroken)"),
    "bad-json": N_("het bestand is geen geldige JSON ({message}, kolom {column})"),
    "bad-csv": N_("het bestand is geen geldige CSV"),
    "bad-csv-dialect": N_("het scheidingsteken van de CSV is niet te herkennen (gebruik komma's of puntkomma's)"),
    "column-count": N_(
        "de rij heeft {found} cellen, maar er zijn {expected} kolommen; geef de extra kolom een kop "
        "of haal de cellen weg"
    ),
    "unknown-column": N_("onbekende kolom “{field}” in {table}"),
    "missing-column": N_("de kolom “{field}” ontbreekt in {table}"),
    "bad-xlsx": N_("het bestand is geen leesbaar Excel-bestand (.xlsx) of is onvolledig"),
    "no-tables": N_("geen bladen gevonden met de namen {tables}"),
    "unknown-format": N_("geen catalogusbestand herkend"),
    "unknown-table": N_("de bestandsnaam moet de tabel noemen ({tables})"),
    "missing-file": N_("het bestand ontbreekt"),
    "no-records": N_("het bestand bevat geen enkele aanbieder, locatie of aanbod; er is niets om in te lezen"),
    "bad-check-source": N_("{field}: “{value}” is geen webadres (https://…) en niet “telefonisch”"),
    "unknown-prison": N_("{field}: “{value}” is geen gekende gevangenis (zie de locaties van de Leerwinkel)"),
    "empty-table": N_("het bestand bevat alleen kolomkoppen en geen enkele rij"),
    "not-uuid": N_("de id “{value}” is geen UUID; HSDS 3.0 vereist een UUID als id (bv. 3f2b…-…)"),
    "not-a-name": N_("{field} “{value}” is geen naam: er staat geen enkele letter in"),
    "duplicate-id-row": N_("de id komt al voor in rij {first} van {table}; elke id mag maar één keer voorkomen"),
    "file-too-large": N_("het bestand is te groot ({size} MB); de grens is {limit} MB"),
    "xlsx-too-large": N_("het Excel-bestand pakt uit tot {size} MB; de grens is {limit} MB"),
    "too-deep": N_("het bestand is te diep genest (meer dan {limit} niveaus van objecten en lijsten)"),
    "too-many-rows": N_("{table} heeft te veel rijen; de grens is {limit} rijen"),
    "too-many-columns": N_("{table} heeft {found} kolommen; de grens is {limit} kolommen"),
    "not-hsds": N_("dit is geen HSDS 3.0-object (organisatie, dienst of locatie)"),
    "unsupported-version": N_("versie {value} van het catalogusformaat wordt niet ondersteund"),
    "bad-export-format": N_("{field} “{value}”: kies een bestand dat eindigt op {allowed}"),
    "period-reversed": N_("de periode eindigt ({end}) vóór ze begint ({start})"),
    "bad-time": N_("{field}: “{value}” is geen geldig uur (uu:mm)"),
    "unknown-client-column": N_("kolom “{value}” is onbekend"),
    "unreadable-client-file": N_(
        "het bestand kan niet gelezen worden als CSV of XLSX; bewaar het in Excel als .xlsx of als CSV"
    ),
    "unknown-encoding": N_(
        "de tekens van het bestand zijn niet te lezen (geprobeerd: {tried}); bewaar het in Excel als "
        "“CSV UTF-8” of als .xlsx"
    ),
    "consent-date-alone": N_("geef bij --consent-date ook --consent (none of store, share, contact)"),
    "wish-as-other": N_("“{value}” niet herkend als leerwens: ingelezen als “Andere” met de tekst als omschrijving"),
    "threshold-as-other": N_("“{value}” niet herkend als drempel: ingelezen als “Andere” met de tekst als notitie"),
    "value-as-other": N_("“{value}” niet herkend: ingelezen als “Andere”, de tekst staat in de notities"),
    "flag-not-placed": N_("“{value}” is geen ja of nee: leeg gelaten"),
    "channel-not-placed": N_("kanaal “{value}” niet herkend: ingelezen als vrije inloop"),
    "level-not-placed": N_("niveau “{value}” niet herkend: onbekend, de tekst staat in de notities"),
    "merge-same-client": N_("kies twee verschillende cliënten om samen te voegen"),
    "binary-file": N_("dit is geen tekstbestand; kies een CSV- of XLSX-bestand"),
    "sheet-too-large": N_("het bestand is te groot (maximaal {limit} MB); splits het in kleinere bestanden"),
    "unpacked-too-large": N_(
        "het Excel-bestand is uitgepakt te groot (maximaal {limit} MB); splits het in kleinere bestanden"
    ),
    "sheet-too-many-rows": N_("het bestand heeft te veel rijen (maximaal {limit}); splits het in kleinere bestanden"),
    "sheet-too-many-columns": N_("de rij heeft te veel kolommen (maximaal {limit})"),
    "cell-too-long": N_("een cel is te lang (maximaal {limit} tekens); kort de tekst in"),
    "no-clients-in-file": N_("het bestand bevat geen cliënten"),
    "database-not-empty": N_("de databank bevat al cliënten; demogegevens gaan alleen in een lege databank"),
    "bad-mapping": N_("de kolomkoppeling is geen geldig JSON-object van kolomnaam naar veld"),
    "bad-username": N_("{field} mag alleen letters, cijfers en . _ - @ bevatten"),
    "password-too-short": N_("{field} moet minstens {minimum} tekens lang zijn"),
    "unreadable-file": N_("het bestand kan niet gelezen worden"),
    "credentials-incomplete": N_("geef --user en --password-file samen op"),
    "audit-action": N_("ongeldige code voor een gebeurtenis in het auditlogboek"),
    "audit-detail": N_("het auditlogboek bewaart alleen id's en codes, geen namen of vrije tekst ({field})"),
    "backup-postgres": N_(
        "reservekopieën van een PostgreSQL-databank maak je op de server (zie docs/administration.md)"
    ),
    "backup-invalid": N_("de reservekopie “{value}” is niet bruikbaar ({why}); er is niets gewijzigd"),
    "no-backup": N_("er is geen bruikbare reservekopie"),
    "no-backup-key": N_(
        "er is nog geen sleutel voor reservekopieën: meld je een keer aan als beheerder, dan wordt ze gemaakt"
    ),
    "not-confirmed": N_("bevestig het wissen (--yes)"),
    "not-expired": N_("cliënt {value} is nog niet voorbij de bewaartermijn"),
    "last-admin": N_("de laatste beheerder kan niet uitgeschakeld worden"),
    "bad-logo": N_("{field}: “{value}” is geen bestaand PNG- of JPEG-bestand"),
    "override-required": N_(
        "dit aanbod past niet bij de cliënt ({reasons}); geef een korte reden om toch te verwijzen"
    ),
    "external-and-offering": N_("kies aanbod uit de catalogus of een aanbieder buiten de catalogus, niet allebei"),
}

AUTH_SENTENCES: dict[str, str] = {
    "credentials-required": N_(
        "Meld je aan met --user NAAM --password-file BESTAND (of LEERWINKEL_USER en LEERWINKEL_PASSWORD_FILE): "
        "zonder account toont of wijzigt Leerwinkel Intake geen gegevens."
    ),
    "not-set-up": N_(
        "Er is nog geen beheerder. Maak die eerst aan: leerwinkel setup --admin NAAM --password-file BESTAND."
    ),
    "keyring-missing": N_(
        "Het sleutelbestand {location} ontbreekt, maar de databank staat er wel. Zonder dat bestand kan niemand "
        "de databank openen; er is niets gewijzigd. Zet keys.json terug uit je eigen kopie, of zet een "
        "reservekopie terug met de herstelsleutel (zie docs/security.md). Maak geen nieuwe installatie aan "
        "in deze map."
    ),
    "keyring-damaged": N_(
        "Het sleutelbestand {location} is beschadigd (geen geldig sleutelbestand); er is niets gewijzigd. "
        "Zet keys.json terug uit je eigen kopie, of zet een reservekopie terug met de herstelsleutel "
        "(zie docs/security.md)."
    ),
    "keyring-encoding": N_(
        "Het sleutelbestand {location} is geen UTF-8-tekst: het werd waarschijnlijk overschreven of met een "
        "verkeerd programma bewaard. Er is niets gewijzigd. Zet keys.json terug uit je eigen kopie, of zet een "
        "reservekopie terug met de herstelsleutel (zie docs/security.md)."
    ),
    "keyring-too-large": N_(
        "Het sleutelbestand {location} is te groot (meer dan {detail} KiB) en wordt niet gelezen; er is niets "
        "gewijzigd. Zet keys.json terug uit je eigen kopie (zie docs/security.md)."
    ),
    "keyring-unreadable": N_(
        "Het sleutelbestand {location} kan niet gelezen worden. Controleer of je die map mag lezen."
    ),
    "kdf-params": N_(
        "Het sleutelbestand {location} vraagt sleutelparameters buiten de toegelaten grenzen ({detail}). "
        "Het wordt niet gebruikt en er is niets gewijzigd. Zet keys.json terug uit je eigen kopie of vraag de "
        "beheerder om hulp (zie docs/security.md)."
    ),
    "bad-recovery-key": N_("De herstelsleutel klopt niet."),
    "sign-in-required": N_(
        "Meld je eerst aan: gegevens van cliënten worden alleen getoond of gewijzigd door een aangemeld account. "
        "Er is niets gewijzigd."
    ),
}

EXCHANGE_SENTENCES: dict[str, str] = {
    "not-an-exchange-file": N_(
        "Het bestand {location} is geen uitwisselbestand van Leerwinkel Intake. Er is niets gewijzigd."
    ),
    "truncated": N_(
        "Het uitwisselbestand {location} is onvolledig: het werd waarschijnlijk niet helemaal gekopieerd. "
        "Kopieer het opnieuw en probeer het nog eens. Er is niets gewijzigd."
    ),
    "damaged": N_(
        "Het uitwisselbestand {location} is beschadigd of gewijzigd: de handtekening klopt niet. Het wordt niet "
        "ingelezen en er is niets gewijzigd. Vraag de afzender om een nieuw bestand."
    ),
    "wrong-passphrase": N_("De wachtzin klopt niet voor het uitwisselbestand {location}. Er is niets gewijzigd."),
    "passphrase-required": N_(
        "Het uitwisselbestand {location} is versleuteld met een wachtzin. Geef de wachtzin op. Er is niets gewijzigd."
    ),
    "wrong-key": N_(
        "Het uitwisselbestand {location} kan niet geopend worden met de sleutel van deze installatie. "
        "Er is niets gewijzigd. Vraag de afzender om een nieuw bestand voor dit toestel."
    ),
    "not-for-this-device": N_(
        "Het uitwisselbestand {location} is bestemd voor een ander toestel ({detail}). Het wordt hier niet "
        "ingelezen; er is niets gewijzigd."
    ),
    "own-file": N_(
        "Het uitwisselbestand {location} werd op deze installatie zelf gemaakt. Lees het in op het andere "
        "toestel; er is niets gewijzigd."
    ),
    "unknown-device": N_(
        "Het uitwisselbestand {location} komt van een toestel dat hier niet is ingeschreven ({detail}). "
        "Schrijf dat toestel eerst in met zijn inschrijvingsbestand, of gebruik een wachtzin. Er is niets gewijzigd."
    ),
    "replayed": N_(
        "Het uitwisselbestand {location} is ouder dan een bestand van hetzelfde toestel dat hier al ingelezen is "
        "(nummer {detail}). Het wordt niet opnieuw ingelezen; er is niets gewijzigd."
    ),
    "newer-version": N_(
        "Het uitwisselbestand {location} is gemaakt met een nieuwere versie van Leerwinkel Intake ({detail}). "
        "Installeer eerst die versie; er is niets gewijzigd."
    ),
    "key-changed": N_(
        "Het uitwisselbestand {location} is ondertekend met een andere sleutel dan eerdere bestanden van toestel "
        "{detail}. Het wordt niet ingelezen; er is niets gewijzigd. Schrijf het toestel opnieuw in als dat klopt."
    ),
    "audit-chain": N_(
        "Het auditlogboek in het uitwisselbestand {location} sluit niet aan bij wat eerder van toestel {detail} "
        "kwam. Het bestand wordt niet ingelezen; er is niets gewijzigd."
    ),
    "unknown-peer": N_(
        "Er is geen toestel “{detail}” bekend. Schrijf het eerst in met zijn inschrijvingsbestand, of gebruik een "
        "wachtzin."
    ),
    "session-required": N_(
        "Naar een laptop gaat alleen wat één sessie nodig heeft: kies de gevangenis en de datum van de sessie. "
        "Alles gaat alleen naar een ander kantoor (de eerste keer met een wachtzin: leerwinkel sync export "
        "--everything)."
    ),
    "bad-enrolment": N_("Het bestand {location} is geen geldig inschrijvingsbestand. Er is niets gewijzigd."),
    "own-device": N_("Het bestand {location} is het inschrijvingsbestand van deze installatie zelf."),
}


def entity_name(name: str) -> str:
    return _(ENTITY_NAMES[name]) if name in ENTITY_NAMES else name


def field_label(name: str | None) -> str:
    if not name:
        return _("waarde")
    return _(FIELD_NAMES[name]) if name in FIELD_NAMES else name


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
    template = _(PROBLEM_SENTENCES.get(problem.reason, N_("{field}: ongeldige invoer ({reason})")))
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
        return _(STORAGE_SENTENCES[error.problem]).format(location=error.location, detail=error.detail)
    if isinstance(error, ExchangeError):
        template = _(EXCHANGE_SENTENCES.get(error.reason, N_("Het uitwisselbestand {location} is geweigerd.")))
        return template.format(location=error.location or _("(zonder naam)"), detail=error.detail)
    if isinstance(error, ConflictError):
        entity = entity_name(error.entity)
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
        entity = entity_name(error.entity)
        return _("Geen {entity} gevonden met “{key}”.").format(entity=entity, key=error.key)
    if isinstance(error, AlreadyExistsError):
        entity = entity_name(error.entity)
        return _("Er bestaat al een {entity} “{key}”.").format(entity=entity, key=error.key)
    if isinstance(error, PermissionDeniedError):
        return _("Alleen een beheerder mag dit doen ({action}).").format(action=error.action)
    if isinstance(error, AuthenticationError):
        if error.reason in AUTH_SENTENCES:
            return _(AUTH_SENTENCES[error.reason]).format(location=error.location or "keys.json", detail=error.detail)
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
