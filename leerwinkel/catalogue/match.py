"""Matching: rank the offerings of one category for a client's profile, with reasons in plain Dutch.

The ranking is a pure function over :class:`OfferingInfo` records, so it can be tested without a
database; :meth:`CatalogueService.match` loads the records and calls :func:`rank_offerings`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from leerwinkel.catalogue.records import OfferingInfo
from leerwinkel.dates import format_date
from leerwinkel.i18n import N_, TranslatedMapping
from leerwinkel.ids import OfferingId
from leerwinkel.messages import _
from leerwinkel.taxonomy import dutch_level_rank
from leerwinkel.text import fold

BUDGETS = ("free", "reduced", "any")


@dataclass(frozen=True)
class ClientProfile:
    """What matters about a client when proposing offerings (no name, nothing identifying)."""

    municipality: str = ""
    dutch_level: str = "onbekend"  # taxonomy DUTCH_LEVELS code
    low_literacy: bool = False
    detained: bool = False
    prison_site_code: str | None = None  # e.g. "gevangenis-mechelen" (Site.code)
    preferred_schedules: frozenset[str] = frozenset()  # taxonomy SCHEDULES codes
    budget: str = "any"  # "free" | "reduced" | "any"
    target_groups: frozenset[str] = frozenset()  # taxonomy TARGET_GROUPS codes


@dataclass(frozen=True)
class Match:
    offering_id: OfferingId
    provider_name: str
    title: str
    category: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Exclusion:
    """An offering that does not fit, with why (plain Dutch) and a stable code per reason.

    Codes: not-in-prison, other-prison, prison-only, dutch-level, literacy, not-free, no-reduction.

    Every exclusion can be overridden: the counsellor refers anyway and gives a short reason.
    """

    offering_id: OfferingId
    provider_name: str
    title: str
    category: str
    reasons: tuple[str, ...]
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchResult:
    matches: tuple[Match, ...]
    excluded: tuple[Exclusion, ...]


SCHEDULE_PHRASES = TranslatedMapping(
    {
        "dag": N_("les overdag"),
        "avond": N_("avondles"),
        "weekend": N_("les in het weekend"),
        "online": N_("online"),
        "afstandsonderwijs": N_("afstandsonderwijs"),
    }
)

SCHEDULE_ONLY = TranslatedMapping(
    {
        "dag": N_("overdag"),
        "avond": N_("'s avonds"),
        "weekend": N_("in het weekend"),
        "online": N_("online"),
        "afstandsonderwijs": N_("via afstandsonderwijs"),
    }
)

_REMOTE = frozenset({"online", "afstandsonderwijs"})


def rank_offerings(
    offerings: Iterable[OfferingInfo],
    profile: ClientProfile,
    *,
    today: dt.date,
    limit: int = 20,
) -> MatchResult:
    """Split offerings into ranked matches (best first) and exclusions, each with Dutch reasons.

    Hard limits exclude an offering (not in the client's prison, Dutch level too low, needs fluent
    reading, not free when the client can only take free courses). Everything else only moves an
    offering up or down, so a counsellor still sees it.
    """
    matches: list[Match] = []
    excluded: list[Exclusion] = []
    for offering in offerings:
        if not offering.active:
            continue
        exclusion = exclusion_for(offering, profile)
        if exclusion is not None:
            excluded.append(exclusion)
            continue
        score, reasons = _score(offering, profile, today=today)
        matches.append(
            Match(
                offering_id=offering.id,
                provider_name=offering.provider_name,
                title=offering.title,
                category=offering.category,
                score=round(score, 3),
                reasons=tuple(reasons),
            )
        )
    matches.sort(key=lambda m: (-m.score, fold(m.provider_name), fold(m.title), str(m.offering_id)))
    excluded.sort(key=lambda e: (fold(e.provider_name), fold(e.title), str(e.offering_id)))
    return MatchResult(matches=tuple(matches[: max(limit, 0)]), excluded=tuple(excluded))


def exclusion_for(offering: OfferingInfo, profile: ClientProfile) -> Exclusion | None:
    """Why ``offering`` does not fit ``profile`` (None when it fits); also for a referral made anyway."""
    blockers = _exclusion_reasons(offering, profile)
    if not blockers:
        return None
    return Exclusion(
        offering_id=offering.id,
        provider_name=offering.provider_name,
        title=offering.title,
        category=offering.category,
        reasons=tuple(reason for _code, reason in blockers),
        codes=tuple(code for code, _reason in blockers),
    )


def _exclusion_reasons(offering: OfferingInfo, profile: ClientProfile) -> list[tuple[str, str]]:
    """(code, plain Dutch reason) for every hard limit the offering puts on this client."""
    reasons: list[tuple[str, str]] = []
    if profile.detained:
        if not offering.in_prison:
            reasons.append(("not-in-prison", _("wordt niet in de gevangenis gegeven")))
        elif (
            profile.prison_site_code
            and offering.prison_site_codes
            and profile.prison_site_code not in offering.prison_site_codes
        ):
            where = _join(offering.prison_names)
            reasons.append(
                (
                    "other-prison",
                    _("niet in deze gevangenis, alleen in {prisons}").format(prisons=where)
                    if where
                    else _("niet in deze gevangenis"),
                )
            )
    elif offering.prison_only:
        reasons.append(("prison-only", _("alleen voor gedetineerden, in de gevangenis")))
    required = dutch_level_rank(offering.dutch_level_min)
    client_level = dutch_level_rank(profile.dutch_level)
    if required is not None and client_level is not None and client_level < required:
        reasons.append(
            (
                "dutch-level",
                _("vraagt Nederlands op niveau {level} (de cliënt heeft {client})").format(
                    level=offering.dutch_level_min, client=profile.dutch_level
                ),
            )
        )
    if profile.low_literacy and offering.literacy_required is True:
        reasons.append(("literacy", _("vraagt dat je vlot leest en schrijft")))
    if profile.budget == "free" and offering.is_free is False and not _reduction_for(offering, profile):
        reasons.append(("not-free", _("niet gratis")))
    if profile.budget == "reduced" and offering.is_free is False and _reduction_for(offering, profile) is False:
        reasons.append(("no-reduction", _("niet gratis en geen korting voor deze cliënt")))
    return reasons


def _score(offering: OfferingInfo, profile: ClientProfile, *, today: dt.date) -> tuple[float, list[str]]:
    score = 1.0
    reasons: list[str] = []

    # Where and when, said together when both fit: "avondles in Mechelen".
    fitting = sorted(offering.schedules & profile.preferred_schedules, key=list(SCHEDULE_PHRASES).index)
    in_prison = profile.detained and offering.in_prison
    # A prison is no place for a client who is free to go to: only locations outside count for them.
    cities = offering.cities if profile.detained else offering.outside_cities
    town = _matching_city(cities, profile.municipality)
    if in_prison:
        score += 3.0
    if fitting:
        score += 2.0
    if town:
        score += 2.0
    place = ""
    if in_prison:
        place = _("in de gevangenis")
    elif town:
        place = _("in {city}").format(city=town)
    if fitting:
        phrase = SCHEDULE_PHRASES[fitting[0]]
        reasons.append(f"{phrase} {place}".strip())
    elif place:
        reasons.append(_("aanbod {place}").format(place=place))
    if profile.preferred_schedules and offering.schedules and not fitting:
        score -= 1.5
        shown = sorted(offering.schedules, key=list(SCHEDULE_ONLY).index)
        reasons.append(_("alleen {when}").format(when=_join(SCHEDULE_ONLY[s] for s in shown)))
    elif profile.preferred_schedules and not offering.schedules:
        reasons.append(_("lesmomenten onbekend"))
    if cities and not in_prison and not town and not (offering.schedules & _REMOTE) and profile.municipality:
        score -= 0.5
        reasons.append(_("in {cities}").format(cities=_join(cities)))

    # Cost.
    if offering.is_free is True:
        score += 1.0
        reasons.append(_("gratis"))
    else:
        reduction = _reduction_for(offering, profile)
        if isinstance(reduction, str):
            score += 0.8
            reasons.append(reduction)
        elif offering.is_free is None:
            score -= 0.2 if profile.budget != "any" else 0.0
            reasons.append(_("kostprijs onbekend"))
        else:
            reasons.append(_("betalend"))

    # Dutch level and literacy.
    required = dutch_level_rank(offering.dutch_level_min)
    if offering.dutch_level_min and required is not None:
        if dutch_level_rank(profile.dutch_level) is None:
            score -= 0.3
            reasons.append(_("niveau Nederlands nagaan (vraagt {level})").format(level=offering.dutch_level_min))
        else:
            reasons.append(_("niveau Nederlands volstaat (vraagt {level})").format(level=offering.dutch_level_min))
    if profile.low_literacy:
        if offering.literacy_required is False or offering.category == "basiseducatie":
            score += 1.0
            reasons.append(_("geschikt voor wie moeilijk leest of schrijft"))
        elif offering.literacy_required is None:
            reasons.append(_("nagaan of vlot lezen nodig is"))

    if offering.is_stale(today):
        score -= 0.5
        if offering.last_verified is None:
            reasons.append(_("nooit nagekeken"))
        else:
            reasons.append(_("laatst nagekeken op {date}").format(date=format_date(offering.last_verified)))
    return score, reasons


def _reduction_for(offering: OfferingInfo, profile: ClientProfile) -> str | bool | None:
    """A Dutch phrase when the client's group pays less, False when known not to, None if unknown."""
    groups = profile.target_groups
    if (profile.detained or "gedetineerde" in groups) and offering.reduced_for_prisoners:
        return _("gratis of goedkoper voor gedetineerden")
    if "werkzoekende" in groups and offering.reduced_for_jobseekers:
        return _("gratis of goedkoper voor werkzoekenden")
    known_no = offering.reduced_for_jobseekers is False and offering.reduced_for_prisoners is False
    return False if known_no else None


def _matching_city(cities: tuple[str, ...], municipality: str) -> str:
    wanted = fold(municipality)
    if not wanted:
        return ""
    for city in cities:
        if fold(city) == wanted:
            return city
    return ""


def _join(parts: Iterable[str]) -> str:
    items = list(parts)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + _("of") + " " + items[-1]
