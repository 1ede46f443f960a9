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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

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


class ResultIds(Sequence[OfferingId]):
    """The ids of a result, best first, worked out only as far as they are read.

    Held as bitsets over display positions (title matches, then other matches), so a search over
    50,000 offerings costs a few integer operations; reading the first rows for a table is cheap
    and reading them all costs one pass.
    """

    def __init__(self, groups: Sequence[int], ids: Sequence[OfferingId]) -> None:
        self._groups = [g for g in groups if g]
        self._ids = ids
        self._total = sum(g.bit_count() for g in self._groups)
        self._positions: list[int] = []
        self._scan = self._positions_in_order()

    def _positions_in_order(self) -> Iterator[int]:
        for bits in self._groups:
            reversed_bits = bin(bits)[:1:-1]
            at = reversed_bits.find("1")
            while at >= 0:
                yield at
                at = reversed_bits.find("1", at + 1)

    def _fill(self, count: int) -> None:
        while len(self._positions) < count:
            position = next(self._scan, None)
            if position is None:
                return
            self._positions.append(position)

    def __len__(self) -> int:
        return self._total

    @overload
    def __getitem__(self, index: int) -> OfferingId: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[OfferingId]: ...
    def __getitem__(self, index: int | slice) -> OfferingId | Sequence[OfferingId]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._total)
            self._fill(stop)
            return tuple(self._ids[p] for p in self._positions[start:stop:step])
        if index < 0:
            index += self._total
        if not 0 <= index < self._total:
            raise IndexError(index)
        self._fill(index + 1)
        return self._ids[self._positions[index]]

    def __iter__(self) -> Iterator[OfferingId]:
        self._fill(self._total)
        return iter([self._ids[p] for p in self._positions])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))


@dataclass(frozen=True)
class SearchResult:
    total: int
    ids: Sequence[OfferingId]  # every match, best first (the UI pages through them lazily)


Posting = int | tuple[int, ...]
_DENSE = 32  # a word found in this many offerings keeps them as a bitset; rarer words as a tuple


def _bitset(positions: Sequence[int], size: int) -> int:
    buffer = bytearray(size // 8 + 1)
    for p in positions:
        buffer[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(buffer, "little")


def _postings(lists: dict[str, list[int]], size: int) -> dict[str, Posting]:
    return {w: _bitset(ps, size) if len(ps) >= _DENSE else tuple(ps) for w, ps in lists.items()}


def _bits(value: Posting | None) -> int:
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    bits = 0
    for p in value:
        bits |= 1 << p
    return bits


@dataclass
class SearchIndex:
    """Postings (bitsets over display positions) for folded words, titles and filters."""

    summaries_in_order: list[OfferingSummary]
    today: dt.date
    vocabulary: list[str] = field(default_factory=list)
    postings: dict[str, Posting] = field(default_factory=dict)
    title_postings: dict[str, Posting] = field(default_factory=dict)
    facets: dict[str, int] = field(default_factory=dict)
    level_ok: dict[int, int] = field(default_factory=dict)
    by_id: dict[uuid.UUID, int] = field(default_factory=dict)
    ids: list[OfferingId] = field(default_factory=list)
    _cache: dict[str, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def build(cls, offerings: Iterable[OfferingInfo], *, today: dt.date) -> SearchIndex:
        ordered = sorted(offerings, key=lambda o: (fold(o.provider_name), fold(o.title), o.external_id))
        size = len(ordered)
        stale_before = _months_before(today, 12)
        summaries: list[OfferingSummary] = []
        postings: dict[str, list[int]] = defaultdict(list)
        title_postings: dict[str, list[int]] = defaultdict(list)
        facets: dict[str, list[int]] = defaultdict(list)
        levels: list[int | None] = []
        for position, o in enumerate(ordered):
            stale = o.last_verified is None or o.last_verified < stale_before
            summaries.append(
                OfferingSummary(
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
            for word in set(text_words) | {f"~{g}" for g in groups}:
                postings[word].append(position)
            for word in set(words(o.title)):
                title_postings[word].append(position)
            keys = [f"category:{o.category}", f"language:{fold(o.language)}"]
            keys += [f"city:{fold(city)}" for city in o.cities]
            keys += [f"schedule:{code}" for code in o.schedules]
            if o.is_free:
                keys.append("cost:free")
            if o.is_free or o.reduced_for_jobseekers:
                keys.append("cost:reduced-jobseekers")
            if o.is_free or o.reduced_for_prisoners:
                keys.append("cost:reduced-prisoners")
            if o.in_prison:
                keys.append("prison:*")
                keys += [f"prison:{code}" for code in o.prison_site_codes]
            if stale:
                keys.append("stale")
            if o.active:
                keys.append("active")
            for key in keys:
                facets[key].append(position)
            levels.append(dutch_level_rank(o.dutch_level_min))
        index = cls(summaries_in_order=summaries, today=today)
        index.postings = _postings(postings, size)
        index.title_postings = _postings(title_postings, size)
        index.vocabulary = sorted(postings)
        index.facets = {key: _bitset(ps, size) for key, ps in facets.items()}
        for rank in range(7):
            index.level_ok[rank] = _bitset([i for i, need in enumerate(levels) if (need or 0) <= rank], size)
        index.ids = [s.id for s in summaries]
        index.by_id = {s.id: i for i, s in enumerate(summaries)}
        return index

    # -- queries ------------------------------------------------------------------------------

    def search(self, query: str, filters: SearchFilters | None = None) -> SearchResult:
        """All matching offerings: title matches first, then the rest, each in display order."""
        everything = (1 << len(self.ids)) - 1
        candidates = self._filter(filters or SearchFilters(), everything)
        in_title = everything
        for term in _query_terms(words(query)):
            if not candidates:
                break
            found, title = self._term(term)
            candidates &= found
            in_title &= title
        first = candidates & in_title
        ids = ResultIds([first, candidates & ~first], self.ids)
        return SearchResult(total=len(ids), ids=ids)

    def forget_cached_words(self) -> None:
        """Drop the per-word cache (benchmarks use it to time a search from cold)."""
        self._cache.clear()

    def summaries(self, ids: Iterable[uuid.UUID]) -> list[OfferingSummary | None]:
        found = self.by_id
        return [self.summaries_in_order[found[i]] if i in found else None for i in ids]

    def _filter(self, filters: SearchFilters, everything: int) -> int:
        bits = everything
        facets = self.facets
        if not filters.include_inactive:
            bits &= facets.get("active", 0)
        if filters.category:
            bits &= facets.get(f"category:{filters.category}", 0)
        if filters.municipality:
            bits &= facets.get(f"city:{fold(filters.municipality)}", 0)
        if filters.schedules:
            union = 0
            for code in filters.schedules:
                union |= facets.get(f"schedule:{code}", 0)
            bits &= union
        if filters.cost:
            bits &= facets.get(f"cost:{filters.cost}", 0)
        if filters.prison_site_code:
            bits &= facets.get(f"prison:{filters.prison_site_code}", 0)
        if filters.language:
            bits &= facets.get(f"language:{fold(filters.language)}", 0)
        if filters.stale_only:
            bits &= facets.get("stale", 0)
        rank = dutch_level_rank(filters.dutch_level)
        if rank is not None:
            bits &= self.level_ok[rank]
        return bits

    def _term(self, term: tuple[str, ...]) -> tuple[int, int]:
        """(matching, matching in the title) for one query term: a word or a synonym phrase."""
        if len(term) == 1:
            return self._word(term[0])
        group = _bits(self.postings.get(f"~{_group_of_phrase(term)}"))
        together = title = -1
        for word in term:
            found, in_title = self._word(word)
            together &= found
            title &= in_title
        return group | together, title

    def _word(self, word: str) -> tuple[int, int]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        matched = self._prefix_words(word)
        if not matched and len(word) >= TYPO_MIN_LENGTH:
            matched = self._typo_words(word)
        found = title = 0
        for vocab_word in matched:
            found |= _bits(self.postings[vocab_word])
            title |= _bits(self.title_postings.get(vocab_word))
        for group in _groups_for_word(word):
            found |= _bits(self.postings.get(f"~{group}"))
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[word] = (found, title)
        return found, title

    def _prefix_words(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\uffff")
        return [w for w in self.vocabulary[start:end] if not w.startswith("~")]

    def _typo_words(self, word: str) -> list[str]:
        """Vocabulary words that start with ``word`` after at most one edit (not in the first letter)."""
        return [w for w in self._prefix_words(word[0]) if _one_edit_prefix(word, w)]


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


__all__ = ["COSTS", "SCHEDULE_CODES", "OfferingSummary", "ResultIds", "SearchFilters", "SearchIndex", "SearchResult"]
