"""Offline search over the catalogue: accents and case ignored, prefixes as you type, one typo in a
longer word, synonyms, and filters.

The index is kept in the database (leerwinkel.catalogue.index) and read a posting at a time; the
ranking is done here in Python over bitsets, so SQLite and PostgreSQL give the same results by
construction (the ranking never depends on the backend). Call ``CatalogueService.refresh`` to pick
up changes made by another desk.
"""

from __future__ import annotations

import bisect
import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from leerwinkel.catalogue import index, ranking
from leerwinkel.catalogue.bitsets import ResultIds, bitset
from leerwinkel.catalogue.codes import COSTS
from leerwinkel.catalogue.index import CHECKED, FACET, NEED, TITLE, WORD, checked_before
from leerwinkel.catalogue.ranking import Levels, TermMatch
from leerwinkel.catalogue.records import SCHEDULE_CODES, OfferingInfo, OfferingSummary, _months_before
from leerwinkel.catalogue.vocabulary import (
    GROUPS,
    OPTIONAL,
    PHRASES,
    SEED_PARTS,
    groups_for_word,
    one_edit_prefix,
    query_terms,
    split_compound,
    stems,
)
from leerwinkel.ids import OfferingId
from leerwinkel.taxonomy import dutch_level_rank
from leerwinkel.text import fold, words

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
class SearchResult:
    total: int
    ids: Sequence[OfferingId]  # every match, best first (the UI pages through them lazily)


def summary_of(o: OfferingInfo, stale_before: dt.date) -> OfferingSummary:
    """The result row of an offering; stale when not checked since ``stale_before``."""
    return OfferingSummary(
        id=o.id,
        title=o.title,
        provider_name=o.provider_name,
        category=o.category,
        cities=o.cities,
        schedules=o.schedules,
        is_free=o.is_free,
        in_prison=o.in_prison,
        last_verified=o.last_verified,
        is_stale=o.last_verified is None or o.last_verified < stale_before,
        active=o.active,
        status_uncertain=o.status_uncertain,
    )


class SearchIndex:
    """Postings (bitsets over slots) for folded words, titles and filters, read through ``fetch``.

    Built in memory with :meth:`build` (tests, diagnostics) or opened over the index stored in the
    database (see leerwinkel.catalogue.index); the queries and the ranking are the same either way.
    """

    def __init__(
        self,
        *,
        keys: Sequence[str],
        fetch: Callable[[Sequence[str]], dict[str, int]],
        ids: Sequence[OfferingId],
        rank: Sequence[int] | None,
        today: dt.date,
        stale_months: int,
        summaries: Callable[[Sequence[uuid.UUID]], list[OfferingSummary | None]],
    ) -> None:
        """``keys``: every posting key, sorted; ``fetch`` returns the postings of the keys asked for
        (absent keys left out); ``ids`` the offering by slot; ``rank`` the display rank by slot (None:
        the slots are in display order)."""
        self.today = today
        self.stale_months = stale_months
        self.ids = ids
        self._fetch = fetch
        self._rank = rank
        self._summaries = summaries
        self.vocabulary = [k[len(WORD) :] for k in keys if k.startswith(WORD) and not k.startswith(WORD + "~")]
        self.parts = set(SEED_PARTS) | set(self.vocabulary)
        self._checked = [k for k in keys if k.startswith(CHECKED)]
        self._bits: dict[str, int] = {}
        self._cache: dict[str, TermMatch] = {}

    @classmethod
    def build(cls, offerings: Iterable[OfferingInfo], *, today: dt.date, stale_months: int = 12) -> SearchIndex:
        """An index held in memory only. ``stale_months``: an offering not checked for this long is "te controleren"."""
        built = index.build(offerings)
        size = len(built.offerings)
        postings = {key: bitset(slots, size) for key, slots in built.postings.items()}
        stale_before = _months_before(today, stale_months)
        rows = [summary_of(o, stale_before) for o in built.offerings]
        by_id: dict[uuid.UUID, int] = {o.id: slot for slot, o in enumerate(built.offerings)}

        def summaries(ids: Sequence[uuid.UUID]) -> list[OfferingSummary | None]:
            return [rows[by_id[i]] if i in by_id else None for i in ids]

        return cls(
            keys=sorted(postings),
            fetch=lambda keys: {k: postings[k] for k in keys if k in postings},
            ids=[o.id for o in built.offerings],
            rank=None,
            today=today,
            stale_months=stale_months,
            summaries=summaries,
        )

    # -- queries ------------------------------------------------------------------------------

    def search(self, query: str, filters: SearchFilters | None = None) -> SearchResult:
        """All matching offerings, best first (see ranking.py); equal scores in display order.

        Every term must match, except words such as "leren" or "cursus" that only rank. When no
        offering matches every term, offerings that match some of them are given, best first.
        """
        candidates = self._filter(filters or SearchFilters(), self._get(FACET + "all"))
        matches = [self._term(term) for term in query_terms(self._query_words(query))]
        required = [m for m in matches if not m.optional] or matches
        if not required:
            ids = ResultIds([candidates], self.ids, self._rank)
            return SearchResult(total=len(ids), ids=ids)
        together = candidates
        for match in required:
            together &= match.found
        if not together and len(required) > 1:
            for match in required:
                together |= candidates & match.found
        # Equal scores: what any client can attend before what is only inside a prison or in doubt.
        later = self._get(FACET + "prison-only") | self._get(FACET + "uncertain")
        groups = [part for bits in ranking.rank(together, matches) for part in (bits & ~later, bits & later)]
        ids = ResultIds(groups, self.ids, self._rank)
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
        """Drop the per-word and per-key caches (benchmarks use it to time a search from cold)."""
        self._cache.clear()
        self._bits.clear()

    def summaries(self, ids: Sequence[uuid.UUID]) -> list[OfferingSummary | None]:
        return self._summaries(ids)

    def _get(self, key: str) -> int:
        bits = self._bits.get(key)
        if bits is None:
            bits = self._bits[key] = self._fetch([key]).get(key, 0)
        return bits

    def _union(self, keys: Iterable[str]) -> int:
        """The offerings under any of ``keys``; postings not read before are read together."""
        keys = list(keys)
        missing = [k for k in keys if k not in self._bits]
        if missing:
            found = self._fetch(missing)
            for key in missing:
                self._bits[key] = found.get(key, 0)
        bits = 0
        for key in keys:
            bits |= self._bits[key]
        return bits

    def _filter(self, filters: SearchFilters, everything: int) -> int:
        bits = everything
        facet = self._get
        if not filters.include_inactive:
            bits &= facet(FACET + "active")
        if filters.category:
            bits &= facet(f"{FACET}category:{filters.category}")
        if filters.municipality:
            bits &= facet(f"{FACET}city:{fold(filters.municipality)}")
        if filters.schedules:
            bits &= self._union(f"{FACET}schedule:{code}" for code in sorted(filters.schedules))
        if filters.cost:
            bits &= facet(f"{FACET}cost:{filters.cost}")
        if filters.prison_site_code:
            bits &= facet(f"{FACET}prison:{filters.prison_site_code}")
        if filters.language:
            bits &= facet(f"{FACET}language:{fold(filters.language)}")
        if filters.stale_only:
            stale_before = _months_before(self.today, self.stale_months)
            bits &= self._union(checked_before(self._checked, stale_before))
        rank = dutch_level_rank(filters.dutch_level)
        if rank is not None:
            bits &= self._union(f"{NEED}{need}" for need in range(rank + 1))
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
        title = [(ranking.TITLE_GROUP, self._get(f"{TITLE}~{group}"))]
        title.append((ranking.TITLE_WORD, max(title_together, 0)))
        body = [
            (ranking.BODY_CATEGORY, self._category_bits(group)),
            (ranking.BODY_GROUP, self._get(f"{WORD}~{group}")),
            (ranking.BODY_WORD, max(body_together, 0)),
        ]
        return TermMatch(ranking.levels(title), ranking.levels(body))

    def _word(self, word: str) -> TermMatch:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        exact_title = self._get(TITLE + word)
        exact_body = self._get(WORD + word)
        prefix_title = prefix_body = typo = typo_title = 0
        matched = [w for w in self._prefix_words(word) if w != word]
        if matched:
            prefix_title = self._union(TITLE + w for w in matched)
            prefix_body = self._union(WORD + w for w in matched)
        if not matched and not exact_body and len(word) >= TYPO_MIN_LENGTH:
            near = self._typo_words(word)
            if near:
                typo = self._union(WORD + w for w in near)
                typo_title = self._union(TITLE + w for w in near)
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
            title.append((ranking.TITLE_GROUP, self._get(f"{TITLE}~{group}")))
            body.append((ranking.BODY_CATEGORY, self._category_bits(group)))
            body.append((ranking.BODY_GROUP, self._get(f"{WORD}~{group}")))
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

    def _category_bits(self, group: int) -> int:
        return self._union(f"{FACET}category:{category}" for category in GROUPS[group].categories)

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
