"""Search quality: the counsellor queries in data/search-queries.json and precision at 5 over them.

Precision at 5 of one query = relevant offerings among the first five / min(5, relevant offerings in
the catalogue). Expected offerings that are not in the catalogue being searched are left out, so the
same query set measures an older and a newer catalogue fairly; a query with none left is skipped.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

QUERIES = Path(__file__).parent / "data" / "search-queries.json"


@dataclass(frozen=True)
class Case:
    query: str
    expected: frozenset[str]
    first: str | None = None


@dataclass(frozen=True)
class Outcome:
    case: Case
    top: tuple[str, ...]
    precision: float
    first_ok: bool


def load_cases(path: Path = QUERIES) -> list[Case]:
    document = json.loads(path.read_text("utf-8"))
    sets: dict[str, list[str]] = document["sets"]

    def ids(value: str | list[str]) -> frozenset[str]:
        return frozenset(sets[value] if isinstance(value, str) else value)

    cases = []
    for item in document["queries"]:
        first = item.get("first")
        if first is not None:
            first = next(iter(sets[first])) if first in sets else first
        cases.append(Case(item["query"], ids(item["expected"]), first))
    return cases


def evaluate(search: Callable[[str], Sequence[str]], cases: Sequence[Case], present: set[str]) -> list[Outcome]:
    """Run every case through ``search`` (query -> external ids, best first).

    ``present``: the external ids of the active offerings of the catalogue searched.
    """
    outcomes = []
    for case in cases:
        relevant = case.expected & present
        if not relevant:
            continue
        top = tuple(search(case.query)[:5])
        hits = sum(1 for key in top if key in relevant)
        first_ok = case.first is None or case.first not in present or (bool(top) and top[0] == case.first)
        outcomes.append(Outcome(case, top, hits / min(5, len(relevant)), first_ok))
    return outcomes


def mean_precision(outcomes: Sequence[Outcome]) -> float:
    return sum(o.precision for o in outcomes) / len(outcomes) if outcomes else 0.0


def report(outcomes: Sequence[Outcome]) -> str:
    lines = [f"{'P@5':>5}  first  query"]
    for o in outcomes:
        lines.append(f"{o.precision:5.2f}  {'ok' if o.first_ok else 'NO':5}  {o.case.query}")
    lines.append(f"mean precision at 5 over {len(outcomes)} queries: {mean_precision(outcomes):.3f}")
    lines.append(f"'first' expectations met: {sum(o.first_ok for o in outcomes)}/{len(outcomes)}")
    return "\n".join(lines)
