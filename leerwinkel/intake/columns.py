"""Column headings and cell values of old spreadsheets as people type them, placed on our fields and codes.

Values for wishes, thresholds and target groups go through the catalogue search's synonym table
(:data:`leerwinkel.catalogue.vocabulary.GROUPS`), so "CE examen", "basisveiligheid" and "Nederlands
leren" land where a search for them lands.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from leerwinkel.catalogue.vocabulary import GROUPS, PHRASES, SINGLE, query_terms
from leerwinkel.taxonomy import TARGET_GROUPS, THRESHOLDS, WISH_CATEGORIES, Term, Vocabulary
from leerwinkel.text import compact, fold, words

#: Fields a column can fill (PersonInput, then the intake's own), in the order the preview shows them.
FIELDS = (
    "first_name",
    "alias",
    "last_name",
    "birth_date",
    "gender",
    "phone",
    "email",
    "street",
    "house_number",
    "postcode",
    "municipality",
    "languages",
    "dutch_level",
    "education_level",
    "foreign_diploma",
    "foreign_diploma_recognised",
    "target_groups",
    "detained",
    "prison_site_code",
    "expected_release_date",
    "employment",
    "vdab_registered",
    "vulnerabilities",
    "thresholds",
    "notes",
    "wishes",
    "wish_description",
    "wish_goal",
    "held_on",
    "site",
    "channel",
    "referred_by",
    "counsellor",
    "intake_notes",
    "consent_store",
    "consent_share",
    "consent_contact",
    "consent_given_on",
)

#: Fields that take text that several columns may share: the first value fills it, others go to the notes.
SINGLE_FIELDS = frozenset(FIELDS) - {"notes", "intake_notes", "wishes", "thresholds", "target_groups"}

_HEADINGS: dict[str, tuple[str, ...]] = {
    "first_name": ("voornaam", "voornamen", "first name", "firstname", "prenom"),
    "alias": ("roepnaam", "alias", "bijnaam", "schuilnaam"),
    "last_name": ("familienaam", "achternaam", "naam", "familie naam", "last name", "lastname", "nom"),
    "birth_date": ("geboortedatum", "geb datum", "geboren", "geboren op", "geb dat", "date of birth", "dob"),
    "gender": ("geslacht", "gender", "m v", "m v x"),
    "phone": ("gsm", "gsm nr", "gsm nummer", "telefoon", "telefoonnummer", "tel", "tel nr", "telefoonnr", "mobiel"),
    "email": ("e-mail", "email", "e-mailadres", "emailadres", "mail", "e mail adres"),
    "street": ("straat", "adres", "straat en nummer", "straat nr", "straat huisnummer", "straatnaam", "adres straat"),
    "house_number": ("huisnummer", "nr", "nummer", "huisnr", "bus"),
    "postcode": ("postcode", "postnummer", "post code"),
    "municipality": ("gemeente", "woonplaats", "stad", "plaats", "deelgemeente", "woonachtig"),
    "languages": ("moedertaal", "taal", "talen", "thuistaal", "gesproken talen"),
    "dutch_level": ("niveau nederlands", "niveau nl", "taalniveau", "nt2 niveau", "kennis nederlands", "niveau"),
    "education_level": ("opleidingsniveau", "opleiding", "diploma", "scholing", "hoogst behaalde diploma"),
    "foreign_diploma": ("buitenlands diploma",),
    "foreign_diploma_recognised": ("diploma erkend", "gelijkwaardigheid"),
    "target_groups": ("doelgroep", "doelgroepen", "statuut"),
    "detained": ("gedetineerd", "detentie", "in detentie"),
    "prison_site_code": ("gevangenis",),
    "expected_release_date": ("verwachte vrijlating", "vrijlating", "einde straf"),
    "employment": ("werksituatie", "werk", "tewerkstelling"),
    "vdab_registered": ("vdab", "ingeschreven bij vdab", "vdab ingeschreven"),
    "vulnerabilities": ("kwetsbaarheden", "kwetsbaarheid"),
    "thresholds": ("drempels", "drempel", "belemmeringen", "obstakels"),
    "notes": ("opmerking", "opmerkingen", "notities", "notitie", "nota", "commentaar", "bemerkingen", "info"),
    "wishes": ("leerwens", "leerwensen", "leervraag", "wens", "vraag", "gewenste opleiding", "leerdoel"),
    "wish_description": ("omschrijving leerwens", "omschrijving"),
    "wish_goal": ("doel",),
    "held_on": ("datum intake", "intakedatum", "datum", "datum eerste gesprek", "eerste contact"),
    "site": ("locatie", "vestiging", "zitdag"),
    "channel": ("kanaal", "hoe binnengekomen"),
    "referred_by": ("doorverwezen door", "verwijzer", "via", "verwezen door", "doorverwijzer"),
    "counsellor": ("begeleider", "trajectbegeleider", "consulent", "medewerker", "talententeler"),
    "intake_notes": ("notities intake", "verslag", "verslag intake"),
    "consent_store": ("toestemming opslaan", "toestemming", "akkoord gegevens", "privacy"),
    "consent_share": ("toestemming delen",),
    "consent_contact": ("toestemming contact",),
    "consent_given_on": ("datum toestemming",),
}

#: Usual column headings (compacted: letters and digits only) and the field each one fills.
HEADINGS: dict[str, str] = {compact(h): field for field, hs in _HEADINGS.items() for h in hs}
HEADINGS.update({compact(field): field for field in FIELDS})

_TRUE = {"ja", "j", "yes", "y", "1", "waar", "true", "x", "ok", "akkoord", "v"}
_FALSE = {"nee", "n", "no", "0", "onwaar", "false", "neen", "geen"}
_PARTS = re.compile(r"[,;/+\n|]+")
_LEVEL = re.compile(r"^\s*([abc][0-2])\b", re.IGNORECASE)


def field_of(heading: str, mapping: Mapping[str, str] | None = None) -> str | None:
    """The field a column heading fills (a mapping file first), or None when it is not recognised."""
    key = compact(heading)
    if mapping:
        for given, field in mapping.items():
            if compact(given) == key:
                return field
    return HEADINGS.get(key)


# -- values ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """Codes found in a cell, and the parts that could not be placed (kept as typed)."""

    codes: tuple[str, ...]
    unplaced: tuple[str, ...]


_PRISON_GROUP = next(i for i, group in enumerate(GROUPS) if "gevangenis" in group.terms)
#: Synonym groups that place a value in the other vocabularies too (prison words -> detention).
_GROUP_CODES: dict[str, dict[int, str]] = {
    TARGET_GROUPS.name: {_PRISON_GROUP: "gedetineerde"},
    THRESHOLDS.name: {_PRISON_GROUP: "detentie"},
}


def synonym_groups(text: str) -> list[int]:
    """The synonym groups named in a text, in the order they appear (phrases before single words)."""
    found: list[int] = []
    for term in query_terms(words(text)):
        if len(term) > 1:
            found.append(PHRASES[term])
        else:
            found += sorted(SINGLE.get(term[0], ()))
    return list(dict.fromkeys(found))


def _group_code(group: int, vocabulary: Vocabulary) -> str | None:
    if vocabulary.name == WISH_CATEGORIES.name:
        categories = GROUPS[group].categories
        return next(iter(categories)) if len(categories) == 1 else None  # two categories: not sure which
    return _GROUP_CODES.get(vocabulary.name, {}).get(group)


def place_one(text: str, vocabulary: Vocabulary) -> str | None:
    """The code one typed value means: its code or label, a synonym, or a telling word; None when unsure."""
    folded = fold(text)
    if not folded:
        return None
    for term in vocabulary:
        if folded in (fold(term.code), fold(term.label_nl)) or compact(text) == compact(term.code):
            return term.code
    for group in synonym_groups(text):
        code = _group_code(group, vocabulary)
        if code is not None:
            return code
    typed = {w for w in words(text) if len(w) >= 4}
    for tier in ("label", "description"):
        scores = {term.code: _shared_words(typed, term, tier) for term in vocabulary if term.code != "andere"}
        best = max(scores.values(), default=0)
        hits = [code for code, score in scores.items() if score == best]
        if best and len(hits) == 1:
            return hits[0]
    return None


def _shared_words(typed: set[str], term: Term, tier: str) -> int:
    """How many typed words (4+ letters) the term's code and label (or description) name, prefixes counting."""
    source = f"{term.code.replace('-', ' ')} {term.label_nl}" if tier == "label" else term.description_nl
    known = {w for w in words(source) if len(w) >= 5}
    return sum(any(t == k or (len(t) >= 5 and (k.startswith(t) or t.startswith(k))) for k in known) for t in typed)


def place_codes(text: str, vocabulary: Vocabulary) -> Placed:
    """Every code in a cell (split on , ; / + and new lines); what cannot be placed is returned as typed."""
    codes: list[str] = []
    unplaced: list[str] = []
    for part in (p.strip() for p in _PARTS.split(text)):
        if not part:
            continue
        code = place_one(part, vocabulary)
        if code is None:
            unplaced.append(part)
        elif code not in codes:
            codes.append(code)
    return Placed(tuple(codes), tuple(unplaced))


def dutch_level(text: str) -> str | None:
    """A CEFR level from "A2", "a2.1", "B1 (mondeling)", "geen" ...; None when it cannot be read."""
    folded = fold(text)
    if not folded or folded in ("onbekend", "?", "-"):
        return "onbekend"
    if folded in ("geen", "nul", "a0", "0"):
        return "A0"
    match = _LEVEL.match(text)
    return match.group(1).upper() if match else None


def flag(text: str) -> bool | None:
    """Yes/no as people write it ("ja", "x", "nee", "neen"); None for empty or unclear."""
    folded = fold(text)
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return None
