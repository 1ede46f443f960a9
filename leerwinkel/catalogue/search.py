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

from leerwinkel.catalogue import ranking
from leerwinkel.catalogue.bitsets import Posting, ResultIds, bits_of, bitset, postings_from
from leerwinkel.catalogue.ranking import Levels, TermMatch
from leerwinkel.catalogue.records import SCHEDULE_CODES, OfferingInfo, _months_before
from leerwinkel.catalogue.vocabulary import (
    GROUPS,
    OPTIONAL,
    PHRASES,
    SEED_PARTS,
    groups_for_word,
    groups_in,
    one_edit_prefix,
    query_terms,
    split_compound,
    stems,
)
from leerwinkel.ids import OfferingId
from leerwinkel.taxonomy import WISH_CATEGORIES, dutch_level_rank
from leerwinkel.text import fold, words

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
    stale_only: bool = False  # only offerings not checked for catalogue.check_months (te controleren)
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
    status_uncertain: bool = False


@dataclass(frozen=True)
class SearchResult:
    total: int
    ids: Sequence[OfferingId]  # every match, best first (the UI pages through them lazily)


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
    parts: set[str] = field(default_factory=set)
    _cache: dict[str, TermMatch] = field(default_factory=dict)

    @classmethod
    def build(cls, offerings: Iterable[OfferingInfo], *, today: dt.date, stale_months: int = 12) -> SearchIndex:
        """``stale_months``: an offering not checked for this long is "te controleren" (stale)."""
        ordered = sorted(offerings, key=lambda o: (fold(o.provider_name), fold(o.title), o.external_id))
        size = len(ordered)
        stale_before = _months_before(today, stale_months)
        summaries: list[OfferingSummary] = []
        postings: dict[str, list[int]] = defaultdict(list)
        title_postings: dict[str, list[int]] = defaultdict(list)
        facets: dict[str, list[int]] = defaultdict(list)
        levels: list[int | None] = []
        texts: list[tuple[list[str], list[str]]] = []
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
                    status_uncertain=o.status_uncertain,
                )
            )
            title_words = words(o.title)
            text_words = words(
                " ".join(
                    # both labels: the index must not depend on the window's language (search_quality is Dutch)
                    [o.provider_name, o.description, WISH_CATEGORIES.label(o.category, "nl")]
                    + [WISH_CATEGORIES.label(o.category, "en")]
                    + [f"{loc.name} {loc.city}" for loc in o.locations]
                )
            )
            texts.append((title_words, text_words))
            keys = [f"category:{o.category}", f"language:{fold(o.language)}"]
            keys += [f"city:{fold(city)}" for city in o.cities]
            keys += [f"schedule:{code}" for code in o.schedules]
            if o.is_free:
                keys.append("cost:free")
            if o.is_free or o.reduced_for_jobseekers:
                keys.append("cost:reduced-jobseekers")
            if o.is_free or o.reduced_for_prisoners:
                keys.append("cost:reduced-prisoners")
            if o.status_uncertain:
                keys.append("uncertain")
            if o.in_prison and all(loc.prison_site_code for loc in o.locations):
                keys.append("prison-only")
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
        parts = set(SEED_PARTS)
        for title_words, text_words in texts:
            parts.update(title_words)
            parts.update(text_words)
        splits: dict[str, list[str]] = {}
        for position, (title_words, text_words) in enumerate(texts):
            for source, target in ((title_words, title_postings), (title_words + text_words, postings)):
                found = set(source)
                for word in list(found):
                    if word not in splits:
                        splits[word] = split_compound(word, parts)
                    found.update(splits[word])
                found |= {f"~{g}" for g in groups_in(source)}
                for word in found:
                    target[word].append(position)
        index = cls(summaries_in_order=summaries, today=today)
        index.parts = parts
        index.postings = postings_from(postings, size)
        index.title_postings = postings_from(title_postings, size)
        index.vocabulary = sorted(w for w in postings if not w.startswith("~"))
        index.facets = {key: bitset(ps, size) for key, ps in facets.items()}
        for rank in range(7):
            index.level_ok[rank] = bitset([i for i, need in enumerate(levels) if (need or 0) <= rank], size)
        index.ids = [s.id for s in summaries]
        index.by_id = {s.id: i for i, s in enumerate(summaries)}
        return index

    # -- queries ------------------------------------------------------------------------------

    def search(self, query: str, filters: SearchFilters | None = None) -> SearchResult:
        """All matching offerings, best first (see ranking.py); equal scores in display order.

        Every term must match, except words such as "leren" or "cursus" that only rank. When no
        offering matches every term, offerings that match some of them are given, best first.
        """
        everything = (1 << len(self.ids)) - 1
        candidates = self._filter(filters or SearchFilters(), everything)
        matches = [self._term(term) for term in query_terms(self._query_words(query))]
        required = [m for m in matches if not m.optional] or matches
        if not required:
            ids = ResultIds([candidates], self.ids)
            return SearchResult(total=len(ids), ids=ids)
        together = candidates
        for match in required:
            together &= match.found
        if not together and len(required) > 1:
            for match in required:
                together |= candidates & match.found
        # Equal scores: what any client can attend before what is only inside a prison or in doubt.
        later = self.facets.get("prison-only", 0) | self.facets.get("uncertain", 0)
        groups = [part for bits in ranking.rank(together, matches) for part in (bits & ~later, bits & later)]
        ids = ResultIds(groups, self.ids)
        return SearchResult(total=len(ids), ids=ids)

    def _query_words(self, query: str) -> list[str]:
        """The query's words; a word the catalogue does not know is split into known parts or shortened."""
        out: list[str] = []
        for word in words(query):
            if len(word) < TYPO_MIN_LENGTH or self._prefix_words(word) or groups_for_word(word):
                out.append(word)
                continue
            parts = split_compound(word, self.parts, min_length=6)
            known = next((stem for stem in stems(word) if self._prefix_words(stem)), None)
            if parts:
                out.extend(parts)
            elif known:
                out.append(known)
            else:
                out.append(word)
        return out

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

    def _term(self, term: tuple[str, ...]) -> TermMatch:
        """What one query term matches: a word, or a multi-word synonym (all its words, or its group)."""
        if len(term) == 1:
            return self._word(term[0])
        group = PHRASES[term]
        title_together = body_together = -1
        for word in term:
            match = self._word(word)
            title_together &= _union(match.title)
            body_together &= match.found
        title = [(ranking.TITLE_GROUP, self._group_bits(group, self.title_postings))]
        title.append((ranking.TITLE_WORD, max(title_together, 0)))
        body = [
            (ranking.BODY_CATEGORY, self._category_bits(group)),
            (ranking.BODY_GROUP, self._group_bits(group, self.postings)),
            (ranking.BODY_WORD, max(body_together, 0)),
        ]
        return TermMatch(ranking.levels(title), ranking.levels(body))

    def _word(self, word: str) -> TermMatch:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        exact_title = bits_of(self.title_postings.get(word))
        exact_body = bits_of(self.postings.get(word))
        prefix_title = prefix_body = typo = 0
        matched = [w for w in self._prefix_words(word) if w != word]
        for vocab_word in matched:
            prefix_title |= bits_of(self.title_postings.get(vocab_word))
            prefix_body |= bits_of(self.postings[vocab_word])
        typo_title = 0
        if not matched and not exact_body and len(word) >= TYPO_MIN_LENGTH:
            for vocab_word in self._typo_words(word):
                typo |= bits_of(self.postings[vocab_word])
                typo_title |= bits_of(self.title_postings.get(vocab_word))
        short = len(word) <= 2
        title = [
            (ranking.TITLE_WORD, exact_title),
            (ranking.TITLE_SHORT_PREFIX if short else ranking.TITLE_PREFIX, prefix_title),
            (ranking.TITLE_TYPO, typo_title),
        ]
        body = [
            (ranking.BODY_WORD, exact_body),
            (ranking.BODY_PREFIX, prefix_body),
            (ranking.BODY_TYPO, typo),
        ]
        title_parts, body_parts = self._compound(word)
        title.append((ranking.TITLE_PREFIX, title_parts))
        body.append((ranking.BODY_WORD, body_parts))
        for group in groups_for_word(word, typo=not (matched or exact_body)):
            title.append((ranking.TITLE_GROUP, self._group_bits(group, self.title_postings)))
            body.append((ranking.BODY_CATEGORY, self._category_bits(group)))
            body.append((ranking.BODY_GROUP, self._group_bits(group, self.postings)))
        match = TermMatch(ranking.levels(title), ranking.levels(body), optional=word in OPTIONAL)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[word] = match
        return match

    def _compound(self, word: str) -> tuple[int, int]:
        """Offerings with every part of a compound query word ("taalcursus": taal), in the title and anywhere."""
        parts = split_compound(word, self.parts)
        if not parts:
            return 0, 0
        matches = [self._word(part) for part in parts]
        needed = [m for m in matches if not m.optional] or matches
        title = body = -1
        for match in needed:
            title &= _union(match.title)
            body &= match.found
        return max(title, 0), max(body, 0)

    def _group_bits(self, group: int, postings: dict[str, Posting]) -> int:
        return bits_of(postings.get(f"~{group}"))

    def _category_bits(self, group: int) -> int:
        bits = 0
        for category in GROUPS[group].categories:
            bits |= self.facets.get(f"category:{category}", 0)
        return bits

    def _prefix_words(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\uffff")
        return self.vocabulary[start:end]

    def _typo_words(self, word: str) -> list[str]:
        """Vocabulary words that start with ``word`` after at most one edit (not in the first letter)."""
        return [w for w in self._prefix_words(word[0]) if one_edit_prefix(word, w)]


def _union(levels: Levels) -> int:
    bits = 0
    for _weight, level in levels:
        bits |= level
    return bits


__all__ = ["COSTS", "SCHEDULE_CODES", "OfferingSummary", "ResultIds", "SearchFilters", "SearchIndex", "SearchResult"]
