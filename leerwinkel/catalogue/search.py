"""Offline search over the catalogue: accents and case ignored, prefixes as you type, one typo in a
longer word, synonyms, and filters.

The index lives in memory and is built from the database with a few plain queries, so SQLite and
PostgreSQL give the same results by construction (the ranking never depends on the backend). The
service rebuilds it after every catalogue change it makes; call ``CatalogueService.refresh`` to
pick up changes made by another desk.
"""

from __future__ import annotations

import bisect
import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from leerwinkel.catalogue.normalize import fold, words
from leerwinkel.catalogue.records import SCHEDULE_CODES, OfferingInfo, _months_before
from leerwinkel.ids import OfferingId
from leerwinkel.taxonomy import WISH_CATEGORIES, dutch_level_rank

#: Words and phrases that mean the same; a query for one finds the others (folded, space-separated).
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("nt2", "nederlands tweede taal", "nederlands als tweede taal", "nederlands voor anderstaligen"),
    ("ce", "centrale examencommissie", "examencommissie", "middenjury", "examencommissie secundair onderwijs"),
    ("vca", "basisveiligheid", "b vca", "bvca", "vol vca", "vil vcu"),
    ("basiseducatie", "alfabetisering", "geletterdheid", "cbe", "ligo", "centrum voor basiseducatie"),
    ("tweedekansonderwijs", "tko", "secundair volwassenenonderwijs", "aanvullende algemene vorming", "aav"),
    ("graduaat", "graduaatsopleiding", "graduaten", "hbo5"),
    ("evc", "evk", "erkenning van competenties", "eerder verworven competenties"),
    ("diplomagelijkschakeling", "gelijkwaardigheid", "naric", "erkenning buitenlands diploma"),
    ("ibo", "individuele beroepsopleiding"),
    ("bis", "beroepsinlevingsstage"),
    ("lio", "learning inside out"),
    ("digitale vaardigheden", "ict", "digibank", "digipunt", "computer"),
    ("cvo", "centrum voor volwassenenonderwijs", "volwassenenonderwijs"),
    ("gevangenis", "detentie", "gedetineerden", "arresthuis"),
)

#: Categories whose offerings carry a synonym group even when their text does not name it.
CATEGORY_GROUPS = {"nt2": 0, "ce-examen": 1, "vca": 2, "basiseducatie": 3}

COSTS = ("free", "reduced-jobseekers", "reduced-prisoners")
TYPO_MIN_LENGTH = 5


@dataclass(frozen=True)
class SearchFilters:
    """Everything a search can be narrowed by; empty values do not filter."""

    category: str | None = None
    municipality: str | None = None
    schedules: frozenset[str] = frozenset()  # any of these
    cost: str | None = None  # COSTS
    prison_site_code: str | None = None  # offered inside this prison ("*" = inside any prison)
    language: str | None = None
    dutch_level: str | None = None  # the client's level: offerings that need more are left out
    stale_only: bool = False  # only offerings not verified for 12 months
    include_inactive: bool = False


@dataclass(frozen=True)
class OfferingSummary:
    """One row of a result list (what the table shows); details come from get_offering."""

    id: OfferingId
    title: str
    provider_name: str
    category: str
    cities: tuple[str, ...]
    schedules: frozenset[str]
    is_free: bool | None
    in_prison: bool
    last_verified: dt.date | None
    is_stale: bool
    active: bool


@dataclass(frozen=True)
class SearchResult:
    total: int
    ids: tuple[OfferingId, ...]  # every match, best first (the UI pages through them lazily)


@dataclass
class _Entry:
    summary: OfferingSummary
    words: frozenset[str]
    title_words: frozenset[str]


@dataclass
class SearchIndex:
    """Postings over folded words plus filter sets; positions are in display order."""

    entries: list[_Entry]
    today: dt.date
    vocabulary: list[str] = field(default_factory=list)
    postings: dict[str, set[int]] = field(default_factory=dict)
    title_postings: dict[str, set[int]] = field(default_factory=dict)
    facets: dict[str, set[int]] = field(default_factory=dict)
    levels: list[int | None] = field(default_factory=list)
    by_id: dict[uuid.UUID, int] = field(default_factory=dict)
    _prefix_cache: dict[str, frozenset[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, offerings: Iterable[OfferingInfo], *, today: dt.date) -> SearchIndex:
        ordered = sorted(offerings, key=lambda o: (fold(o.provider_name), fold(o.title), o.external_id))
        stale_before = _months_before(today, 12)
        entries: list[_Entry] = []
        postings: dict[str, set[int]] = defaultdict(set)
        title_postings: dict[str, set[int]] = defaultdict(set)
        facets: dict[str, set[int]] = defaultdict(set)
        levels: list[int | None] = []
        for position, o in enumerate(ordered):
            stale = o.last_verified is None or o.last_verified < stale_before
            summary = OfferingSummary(
                id=o.id,
                title=o.title,
                provider_name=o.provider_name,
                category=o.category,
                cities=o.cities,
                schedules=o.schedules,
                is_free=o.is_free,
                in_prison=o.in_prison,
                last_verified=o.last_verified,
                is_stale=stale,
                active=o.active,
            )
            text_words = words(
                " ".join(
                    [o.title, o.provider_name, o.description, WISH_CATEGORIES.label(o.category)]
                    + [f"{loc.name} {loc.city}" for loc in o.locations]
                )
            )
            groups = _groups_in(text_words)
            if o.category in CATEGORY_GROUPS:
                groups.add(CATEGORY_GROUPS[o.category])
            doc_words = frozenset(text_words) | {f"~{g}" for g in groups}
            title = frozenset(words(o.title))
            entries.append(_Entry(summary, doc_words, title))
            for word in doc_words:
                postings[word].add(position)
            for word in title:
                title_postings[word].add(position)
            facets[f"category:{o.category}"].add(position)
            for city in o.cities:
                facets[f"city:{fold(city)}"].add(position)
            for code in o.schedules:
                facets[f"schedule:{code}"].add(position)
            if o.is_free:
                facets["cost:free"].add(position)
            if o.is_free or o.reduced_for_jobseekers:
                facets["cost:reduced-jobseekers"].add(position)
            if o.is_free or o.reduced_for_prisoners:
                facets["cost:reduced-prisoners"].add(position)
            if o.in_prison:
                facets["prison:*"].add(position)
                codes = o.prison_site_codes
                for code in codes:
                    facets[f"prison:{code}"].add(position)
            facets[f"language:{fold(o.language)}"].add(position)
            if stale:
                facets["stale"].add(position)
            if o.active:
                facets["active"].add(position)
            levels.append(dutch_level_rank(o.dutch_level_min))
        index = cls(entries=entries, today=today)
        index.postings = dict(postings)
        index.title_postings = dict(title_postings)
        index.vocabulary = sorted(postings)
        index.facets = dict(facets)
        index.levels = levels
        index.by_id = {e.summary.id: i for i, e in enumerate(entries)}
        return index

    # -- queries ------------------------------------------------------------------------------

    def search(self, query: str, filters: SearchFilters | None = None) -> SearchResult:
        """All matching offerings: title matches first, then the rest, each in display order."""
        candidates = self._filter(filters or SearchFilters())
        terms = _query_terms(words(query))
        title_hits: set[int] | None = None
        for term in terms:
            if candidates is not None and not candidates:
                break
            found = self._term(term)
            candidates = set(found) if candidates is None else candidates & found
        if candidates is None:
            ordered = range(len(self.entries))
            ids = tuple(self.entries[i].summary.id for i in ordered)
            return SearchResult(total=len(ids), ids=ids)
        if terms:
            title_hits = {i for i in candidates if self._in_title(i, terms)}
        first = sorted(title_hits or ())
        rest = sorted(candidates - (title_hits or set()))
        ids = tuple(self.entries[i].summary.id for i in first + rest)
        return SearchResult(total=len(ids), ids=ids)

    def summaries(self, ids: Sequence[uuid.UUID]) -> list[OfferingSummary | None]:
        return [self.entries[self.by_id[i]].summary if i in self.by_id else None for i in ids]

    def _filter(self, filters: SearchFilters) -> set[int] | None:
        sets: list[set[int]] = []
        if not filters.include_inactive:
            sets.append(self.facets.get("active", set()))
        if filters.category:
            sets.append(self.facets.get(f"category:{filters.category}", set()))
        if filters.municipality:
            sets.append(self.facets.get(f"city:{fold(filters.municipality)}", set()))
        if filters.schedules:
            union: set[int] = set()
            for code in filters.schedules:
                union |= self.facets.get(f"schedule:{code}", set())
            sets.append(union)
        if filters.cost:
            sets.append(self.facets.get(f"cost:{filters.cost}", set()))
        if filters.prison_site_code:
            sets.append(self.facets.get(f"prison:{filters.prison_site_code}", set()))
        if filters.language:
            sets.append(self.facets.get(f"language:{fold(filters.language)}", set()))
        if filters.stale_only:
            sets.append(self.facets.get("stale", set()))
        if not sets and not filters.dutch_level:
            return None
        result = set.intersection(*sorted(sets, key=len)) if sets else set(range(len(self.entries)))
        rank = dutch_level_rank(filters.dutch_level)
        if rank is not None:
            result = {i for i in result if (self.levels[i] or 0) <= rank}
        return result

    def _term(self, term: tuple[str, ...]) -> frozenset[int]:
        """Positions matching one query term: a word (prefix, typo, synonym) or a synonym phrase."""
        if len(term) > 1:  # a synonym phrase typed in full: its group, or all its words
            group = _group_of_phrase(term)
            found = set(self.postings.get(f"~{group}", ()))
            together: set[int] | None = None
            for word in term:
                part = self._word(word)
                together = set(part) if together is None else together & part
            return frozenset(found | (together or set()))
        return self._word(term[0])

    def _word(self, word: str) -> frozenset[int]:
        cached = self._prefix_cache.get(word)
        if cached is not None:
            return cached
        matched = self._prefix_words(word)
        if not matched and len(word) >= TYPO_MIN_LENGTH:
            matched = self._typo_words(word)
        found: set[int] = set()
        for vocab_word in matched:
            found |= self.postings[vocab_word]
        for group in _groups_for_word(word):
            found |= self.postings.get(f"~{group}", set())
        result = frozenset(found)
        if len(self._prefix_cache) > 4096:
            self._prefix_cache.clear()
        self._prefix_cache[word] = result
        return result

    def _prefix_words(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\uffff")
        return [w for w in self.vocabulary[start:end] if not w.startswith("~")]

    def _typo_words(self, word: str) -> list[str]:
        """Vocabulary words that start with ``word`` after at most one edit (not in the first letter)."""
        candidates = self._prefix_words(word[0])
        return [w for w in candidates if _one_edit_prefix(word, w)]

    def _in_title(self, position: int, terms: list[tuple[str, ...]]) -> bool:
        title = self.entries[position].title_words
        return all(any(t.startswith(w) for w in term for t in title) for term in terms)


# -- query helpers ------------------------------------------------------------------------------

_PHRASES: dict[tuple[str, ...], int] = {}
_SINGLE: dict[str, set[int]] = defaultdict(set)
for _index, _group in enumerate(SYNONYMS):
    for _phrase in _group:
        _parts = tuple(_phrase.split())
        if len(_parts) > 1:
            _PHRASES[_parts] = _index
        else:
            _SINGLE[_parts[0]].add(_index)
_SINGLE_SORTED = sorted(_SINGLE)


def _groups_in(text_words: Sequence[str]) -> set[int]:
    found: set[int] = set()
    present = set(text_words)
    for word in present:
        found |= _SINGLE.get(word, set())
    for phrase, group in _PHRASES.items():
        if phrase[0] in present and _contains(text_words, phrase):
            found.add(group)
    return found


def _contains(text_words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(text_words[i : i + n]) == phrase for i in range(len(text_words) - n + 1))


def _query_terms(query_words: list[str]) -> list[tuple[str, ...]]:
    """Group the query into terms: a known multi-word synonym becomes one term."""
    terms: list[tuple[str, ...]] = []
    i = 0
    longest = max((len(p) for p in _PHRASES), default=1)
    while i < len(query_words):
        for size in range(min(longest, len(query_words) - i), 1, -1):
            candidate = tuple(query_words[i : i + size])
            if candidate in _PHRASES:
                terms.append(candidate)
                i += size
                break
        else:
            terms.append((query_words[i],))
            i += 1
    return terms


def _group_of_phrase(term: tuple[str, ...]) -> int:
    return _PHRASES[term]


def _groups_for_word(word: str) -> set[int]:
    """Synonym groups of a single word; a typed prefix of 3+ letters counts too ("basisveil")."""
    groups = set(_SINGLE.get(word, set()))
    if len(word) >= 3:
        start = bisect.bisect_left(_SINGLE_SORTED, word)
        for candidate in _SINGLE_SORTED[start:]:
            if not candidate.startswith(word):
                break
            groups |= _SINGLE[candidate]
    return groups


def _one_edit_prefix(typed: str, word: str) -> bool:
    """True when some prefix of ``word`` is at most one edit away from ``typed``."""
    n = len(typed)
    return any(0 < size <= len(word) and _within_one_edit(typed, word[:size]) for size in (n - 1, n, n + 1))


def _within_one_edit(a: str, b: str) -> bool:
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


def matches_text(offering: OfferingInfo, query: str) -> bool:
    """True when ``query`` finds ``offering`` (the same rules as the index, for small lists)."""
    index = SearchIndex.build([offering], today=dt.date.min)
    return bool(index.search(query, SearchFilters(include_inactive=True)).total)


__all__ = ["COSTS", "SCHEDULE_CODES", "OfferingSummary", "SearchFilters", "SearchIndex", "SearchResult"]
