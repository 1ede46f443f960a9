"""The words a counsellor searches with: synonyms and the categories they point to, words that carry no
meaning in a query, Dutch compound splitting, and one-typo matching.

Everything here is folded text (see leerwinkel.text.fold). The synonym groups are search aids, not facts
about providers: they say that "middenjury" and "CE" mean the Examencommissie, not what it offers.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain


@dataclass(frozen=True)
class Group:
    """Words and phrases that mean the same; ``categories`` are the wish categories they ask for."""

    terms: tuple[str, ...]
    categories: frozenset[str] = frozenset()


def _g(*terms: str, categories: Iterable[str] = ()) -> Group:
    return Group(terms, frozenset(categories))


GROUPS: tuple[Group, ...] = (
    _g(
        "nt2",
        "nederlands",
        "nederlands tweede taal",
        "nederlands als tweede taal",
        "nederlands voor anderstaligen",
        "nederlandse les",
        "nederlandse lessen",
        "taallessen nederlands",
        categories=["nt2"],
    ),
    _g(
        "ce",
        "ce examen",
        "ce examens",
        "centrale examencommissie",
        "examencommissie",
        "middenjury",
        "examencommissie secundair onderwijs",
        "centrale examen commissie",
        categories=["ce-examen"],
    ),
    _g("vca", "basisveiligheid", "b vca", "bvca", "vol vca", "vil vcu", "veiligheidsattest", categories=["vca"]),
    _g("basiseducatie", "cbe", "ligo", "centrum voor basiseducatie", categories=["basiseducatie"]),
    _g(
        "alfabetisering",
        "geletterdheid",
        "laaggeletterd",
        "laaggeletterdheid",
        "analfabeet",
        "lezen en schrijven",
        "leren lezen",
        "leren schrijven",
    ),
    _g(
        "tweedekansonderwijs",
        "tko",
        "secundair volwassenenonderwijs",
        "aanvullende algemene vorming",
        "aav",
        categories=["secundair-diploma"],
    ),
    _g(
        "diploma secundair",
        "secundair diploma",
        "diploma secundair onderwijs",
        "middelbaar diploma",
        "diploma middelbaar",
        "diploma halen",
        "diploma behalen",
        "getuigschrift",
        categories=["secundair-diploma", "ce-examen"],
    ),
    _g(
        "graduaat",
        "graduaatsopleiding",
        "graduaten",
        "hbo5",
        "hogeschool",
        "bachelor",
        "hoger onderwijs",
        categories=["hoger-onderwijs"],
    ),
    _g("evc", "evk", "erkenning van competenties", "eerder verworven competenties", "vrijstellingen"),
    _g(
        "diplomagelijkschakeling",
        "gelijkschakeling",
        "gelijkwaardigheid",
        "gelijkwaardigheidserkenning",
        "naric",
        "erkenning buitenlands diploma",
        "buitenlands diploma",
        "diploma erkennen",
        "diploma laten erkennen",
        categories=["erkenning"],
    ),
    _g("ibo", "individuele beroepsopleiding", "ibo t", "k ibo", "ibo plus"),
    _g("bis", "beroepsinlevingsstage", "beroepsinlevingsovereenkomst"),
    _g(
        "werkplekleren",
        "werkvloer",
        "op de werkvloer",
        "leren op de werkvloer",
        "stage",
        "stages",
        "werkervaring",
        "bedrijfsacademie",
        categories=["werkplekleren"],
    ),
    _g("mentor", "mentoring", "mentee", "buddy", "buddies", "buddywerking", "duo", categories=["mentoring"]),
    _g("lio", "learning inside out"),
    _g(
        "digitale vaardigheden",
        "ict",
        "digibank",
        "digipunt",
        "computer",
        "internet",
        "laptop",
        "smartphone",
        "pc",
        "digibankpunt",
        "digibankpunten",
        "digipunten",
    ),
    _g("cvo", "centrum voor volwassenenonderwijs", "volwassenenonderwijs"),
    _g("gevangenis", "detentie", "gedetineerden", "gedetineerde", "arresthuis", "strafhuis", "penitentiair"),
    _g(
        "studiekeuze",
        "studieorientering",
        "orientatie",
        "studieadvies",
        "loopbaanbegeleiding",
        "leerloopbaanbegeleiding",
        "leertrajectbegeleiding",
        "wat studeren",
        categories=["orientatie"],
    ),
    _g(
        "zorg",
        "zorgkundige",
        "zorgopleiding",
        "zorgopleidingen",
        "kinderbegeleider",
        "kindbegeleider",
        "kinderopvang",
        "verzorgende",
    ),
    _g(
        "heftruck",
        "heftruckbestuurder",
        "lassen",
        "lasser",
        "hulpkok",
        "kok",
        "bakker",
        "metselaar",
        "dakwerker",
        "schoonmaak",
        "logistiek",
        "magazijnier",
        "beroepsopleiding",
        "beroepsopleidingen",
        "vakopleiding",
        categories=["beroepsopleiding"],
    ),
    _g("inburgering", "inburgeringstraject", "inburgeraar", "inburgeraars", "inburgeren"),
    _g("rijbewijs", "theorie rijbewijs", "rijexamen"),
    _g("ondernemer", "ondernemers", "zelfstandige", "eigen zaak"),
)


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that say nothing about what is sought ("ik wil ... in Mechelen"): left out of a query.
STOPWORDS = _wordset(
    "de het een en of van voor in op met aan te om naar bij ik wil wij we je jij u mijn zijn hoe waar wat "
    "welke kan kun mag graag iets er die dat als ook nog"
)
#: Words that say how, not what ("Nederlands leren", "diploma halen"): they rank but never exclude.
OPTIONAL = _wordset(
    "leren halen behalen volgen doen krijgen cursus cursussen les lessen opleiding opleidingen training "
    "vorming info informatie attest atest certificaat brevet"
)
#: Parts that compounds in this domain are made of, beside the catalogue's own words.
SEED_PARTS = _wordset(
    "taal cursus les lessen opleiding opleidingen stage examen examens centrum diploma school onderwijs werk "
    "veiligheid vaardigheden vaardigheid begeleiding begeleider coaching beroep inleving basis volwassenen "
    "vervolg kans heftruck bestuurder rijbewijs computer zorg kinder kind opvang lezen schrijven rekenen "
    "nederlands leer loopbaan traject studie keuze orientering werkvloer bedrijf academie ondersteuning "
    "attest getuigschrift kok hulp"
)
SHORT_PARTS = frozenset({"les", "kok", "ict", "vca", "nt2", "ibo", "bis"})
MIN_PART = 4
LINKS = ("", "s", "e", "en")


def is_part(word: str, parts: frozenset[str] | set[str]) -> bool:
    return word in parts and (len(word) >= MIN_PART or word in SHORT_PARTS)


def split_compound(word: str, parts: frozenset[str] | set[str], *, min_length: int = 7) -> list[str]:
    """The parts of a Dutch compound: "beroepsinlevingsstage" -> ["beroep", "inleving", "stage"].

    Each part must be a known word (``parts``: the catalogue's vocabulary and SEED_PARTS); a linking
    s, e or en may sit between parts. The split with the fewest parts wins; [] when there is none.
    """
    if len(word) < min_length:
        return []
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for start in range(n):
        current = best[start]
        if current is None:
            continue
        for end in range(start + 3, n + 1):
            piece = word[start:end]
            if piece == word or not is_part(piece, parts):
                continue
            for link in LINKS:
                after = end + len(link)
                if after > n or word[end:after] != link:
                    continue
                candidate = [*current, piece]
                if best[after] is None or len(candidate) < len(best[after] or []):
                    best[after] = candidate
    found = best[n]
    return found if found is not None and len(found) >= 2 else []


# -- synonym lookup -------------------------------------------------------------------------------

PHRASES: dict[tuple[str, ...], int] = {}
SINGLE: dict[str, set[int]] = defaultdict(set)
for _index, _group in enumerate(GROUPS):
    for _phrase in _group.terms:
        _parts = tuple(_phrase.split())
        if len(_parts) > 1:
            PHRASES[_parts] = _index
        else:
            SINGLE[_parts[0]].add(_index)
_SINGLE_SORTED = sorted(SINGLE)
#: First word -> the phrases that start with it, and their group (groups_in looks only at words present).
_PHRASES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
for _phrase_words, _group_index in PHRASES.items():
    _PHRASES_BY_FIRST[_phrase_words[0]].append((_phrase_words, _group_index))
_LONGEST = max((len(p) for p in PHRASES), default=1)
_FIRST_WORDS = frozenset(_PHRASES_BY_FIRST)

#: Category code -> the groups that ask for it.
CATEGORY_GROUPS: dict[str, set[int]] = defaultdict(set)
for _index, _group in enumerate(GROUPS):
    for _category in _group.categories:
        CATEGORY_GROUPS[_category].add(_index)


def groups_in(text_words: Sequence[str]) -> set[int]:
    """Every synonym group whose word or phrase occurs in ``text_words``."""
    found: set[int] = set()
    present = set(text_words)
    for word in present & SINGLE.keys():
        found |= SINGLE[word]
    for word in present & _PHRASES_BY_FIRST.keys():
        for phrase, group in _PHRASES_BY_FIRST[word]:
            if group not in found and _contains(text_words, phrase):
                found.add(group)
    return found


def groups_across(pieces: Sequence[Sequence[str]]) -> set[int]:
    """The synonym groups whose phrase runs from one piece of text into the next, the pieces read as one.

    With the groups within each piece (groups_in), these are groups_in of the pieces joined.
    """
    found: set[int] = set()
    joined = list(chain.from_iterable(pieces))
    end = 0
    for piece in pieces[:-1]:
        end += len(piece)
        first = max(0, end - _LONGEST + 1)
        if not 0 < end < len(joined) or _FIRST_WORDS.isdisjoint(joined[first:end]):
            continue
        for start in range(first, end):
            for phrase, group in _PHRASES_BY_FIRST.get(joined[start], ()):
                if start + len(phrase) > end and tuple(joined[start : start + len(phrase)]) == phrase:
                    found.add(group)
    return found


def _contains(text_words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    start = 0
    while True:
        try:
            at = text_words.index(phrase[0], start)
        except ValueError:
            return False
        if tuple(text_words[at : at + n]) == phrase:
            return True
        start = at + 1


def query_terms(query_words: list[str]) -> list[tuple[str, ...]]:
    """Group the query into terms: a known multi-word synonym becomes one term; stopwords go."""
    terms: list[tuple[str, ...]] = []
    i = 0
    while i < len(query_words):
        for size in range(min(_LONGEST, len(query_words) - i), 1, -1):
            candidate = tuple(query_words[i : i + size])
            if candidate in PHRASES:
                terms.append(candidate)
                i += size
                break
        else:
            if query_words[i] not in STOPWORDS or len(query_words) == 1:
                terms.append((query_words[i],))
            i += 1
    return terms


def groups_for_word(word: str, *, typo: bool = False) -> set[int]:
    """Synonym groups of one typed word: the word, a prefix of 3+ letters ("basisveil"), or one typo."""
    groups = set(SINGLE.get(word, set()))
    if len(word) >= 3:
        start = bisect.bisect_left(_SINGLE_SORTED, word)
        for candidate in _SINGLE_SORTED[start:]:
            if not candidate.startswith(word):
                break
            groups |= SINGLE[candidate]
    if typo and not groups and len(word) >= 5:
        for candidate in _SINGLE_SORTED:
            if len(candidate) >= 5 and candidate[0] == word[0] and one_edit_prefix(word, candidate):
                groups |= SINGLE[candidate]
    return groups


def one_edit_prefix(typed: str, word: str) -> bool:
    """True when some prefix of ``word`` is at most one edit away from ``typed``."""
    n = len(typed)
    return any(0 < size <= len(word) and within_one_edit(typed, word[:size]) for size in (n - 1, n, n + 1))


def within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        # a transposition of two neighbouring letters counts as one typo
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


def stems(word: str) -> list[str]:
    """Shorter forms to try when a typed word matches nothing ("nederlandse" -> "nederlands")."""
    out = []
    for ending in ("en", "e", "s", "n"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            out.append(word[: -len(ending)])
    return out
