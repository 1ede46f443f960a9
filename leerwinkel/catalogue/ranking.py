"""How well an offering answers a query: per term, a title score plus a body score; offerings ranked by the sum.

Weights (per query term; the best level in each part counts):

- title: the word (or a part of a compound) is a word of the title: 6; a prefix of a title word: 5
  (1 for a prefix of one or two letters: what is typed beats what it stands for); its synonym group
  is in the title: 4; one typo: 2;
- body: the term's synonym group asks for the offering's category ("middenjury" -> ce-examen): 8;
  the synonym group occurs in the text: 4; the word occurs: 3; a prefix of a word: 1; one typo: 1.

Scores are small integers, so the ranking is done with one bitset per score (see ``rank``): a search
over 50,000 offerings stays a few hundred integer operations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

TITLE_WORD = 6
TITLE_PREFIX = 5
TITLE_GROUP = 4
TITLE_SHORT_PREFIX = 1
TITLE_TYPO = 2
BODY_CATEGORY = 8
BODY_GROUP = 4
BODY_WORD = 3
BODY_PREFIX = 1
BODY_TYPO = 1

#: (weight, offerings) pairs, best weight first; an offering counts at the first level it is in.
Levels = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class TermMatch:
    """What one query term matches: levels in the title and in the rest of the text."""

    title: Levels
    body: Levels
    optional: bool = False

    @property
    def found(self) -> int:
        bits = 0
        for _weight, level in (*self.title, *self.body):
            bits |= level
        return bits


def levels(pairs: Sequence[tuple[int, int]]) -> Levels:
    """Merge pairs of the same weight and order them best first; empty sets are dropped."""
    merged: dict[int, int] = defaultdict(int)
    for weight, bits in pairs:
        if bits:
            merged[weight] |= bits
    return tuple(sorted(merged.items(), reverse=True))


def rank(candidates: int, terms: Sequence[TermMatch]) -> list[int]:
    """The candidates split by total score, best first (each part in display order)."""
    buckets: dict[int, int] = {0: candidates}
    for term in terms:
        for part in (term.title, term.body):
            if not part:
                continue
            moved: dict[int, int] = defaultdict(int)
            assigned = 0
            for weight, level in part:
                fresh = level & ~assigned
                assigned |= fresh
                if not fresh:
                    continue
                for score, bits in buckets.items():
                    hit = bits & fresh
                    if hit:
                        moved[score + weight] |= hit
            for score, bits in buckets.items():
                rest = bits & ~assigned
                if rest:
                    moved[score] |= rest
            buckets = moved
    return [buckets[score] for score in sorted(buckets, reverse=True)]
