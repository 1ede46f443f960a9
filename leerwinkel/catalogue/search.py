"""Offline search over the catalogue: accents and case ignored, prefixes, one typo, synonyms."""

from __future__ import annotations

from leerwinkel.catalogue.normalize import words
from leerwinkel.catalogue.records import OfferingInfo


def offering_text(offering: OfferingInfo) -> str:
    cities = " ".join(loc.city for loc in offering.locations)
    return " ".join((offering.title, offering.provider_name, offering.description, cities))


def matches_text(offering: OfferingInfo, query: str) -> bool:
    """True when every word of ``query`` starts a word of the offering (simple, for small lists)."""
    have = words(offering_text(offering))
    return all(any(w.startswith(q) for w in have) for q in words(query))
