"""Plain frozen records the catalogue service hands out (never ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leerwinkel.ids import LocationId, OfferingId, ProviderId

#: Schedule codes (taxonomy SCHEDULES) in the order they are shown.
SCHEDULE_CODES: tuple[str, ...] = ("dag", "avond", "weekend", "online", "afstandsonderwijs")


@dataclass(frozen=True)
class LocationInfo:
    id: LocationId
    external_id: str
    provider_external_id: str
    name: str
    street: str
    postcode: str
    city: str
    phone: str
    opening_hours: str
    prison_site_code: str | None
    sources: tuple[str, ...]
    last_verified: dt.date | None
    active: bool
    origin: str = "local"


@dataclass(frozen=True)
class ProviderInfo:
    id: ProviderId
    external_id: str
    name: str
    kind: str
    description: str
    website: str
    email: str
    phone: str
    sources: tuple[str, ...]
    last_verified: dt.date | None
    active: bool
    origin: str = "local"


@dataclass(frozen=True)
class OfferingInfo:
    """Everything known about one offering, with its provider's name and its locations."""

    id: OfferingId
    external_id: str
    provider_id: ProviderId
    provider_external_id: str
    provider_name: str
    title: str
    category: str
    description: str
    language: str
    dutch_level_min: str | None
    literacy_required: bool | None
    schedules: frozenset[str]
    schedule_note: str
    is_free: bool | None
    reduced_for_jobseekers: bool | None
    reduced_for_prisoners: bool | None
    cost_note: str
    in_prison: bool
    admission: str
    what_to_bring: str
    website: str
    email: str
    phone: str
    locations: tuple[LocationInfo, ...]
    sources: tuple[str, ...]
    last_verified: dt.date | None
    active: bool
    origin: str = "local"
    status_uncertain: bool = False
    status_note: str = ""
    target_groups: tuple[str, ...] = ()  # TARGET_GROUPS codes; empty: not known (not "for nobody")

    @property
    def cities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(loc.city for loc in self.locations if loc.city))

    @property
    def prison_site_codes(self) -> frozenset[str]:
        return frozenset(loc.prison_site_code for loc in self.locations if loc.prison_site_code)

    @property
    def prison_names(self) -> tuple[str, ...]:
        """The names of the prisons where it is given (its locations inside a prison)."""
        return tuple(dict.fromkeys(loc.name for loc in self.locations if loc.prison_site_code and loc.name))

    @property
    def outside_cities(self) -> tuple[str, ...]:
        """The towns of its locations outside any prison (what a client who is free can go to)."""
        return tuple(dict.fromkeys(loc.city for loc in self.locations if loc.city and not loc.prison_site_code))

    @property
    def prison_only(self) -> bool:
        """Given only inside a prison: offered in prison and every location is a prison (LIO and the like)."""
        return self.in_prison and bool(self.locations) and all(loc.prison_site_code for loc in self.locations)

    def is_stale(self, today: dt.date, *, months: int = 12) -> bool:
        """True when nobody verified the offering in the last ``months`` months (or ever)."""
        if self.last_verified is None:
            return True
        return self.last_verified < _months_before(today, months)


def _months_before(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last_day = 31
    while True:
        try:
            return dt.date(year, month, min(day.day, last_day))
        except ValueError:
            last_day -= 1


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
