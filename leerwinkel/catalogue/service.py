"""The catalogue service: what the UI and the command line call (search, match, import, export)."""

from __future__ import annotations

from leerwinkel.catalogue.match import BUDGETS, ClientProfile, MatchResult, rank_offerings
from leerwinkel.catalogue.records import OfferingInfo
from leerwinkel.catalogue.repository import load_offerings
from leerwinkel.errors import InvalidInputError, NotFoundError
from leerwinkel.ids import OfferingId
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import DUTCH_LEVELS, SCHEDULES, TARGET_GROUPS, WISH_CATEGORIES


class CatalogueService:
    """Providers, locations and offerings: look up, match, import and export."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def match(self, category: str, profile: ClientProfile, *, text: str = "", limit: int = 20) -> MatchResult:
        """Offerings of ``category`` ranked for ``profile``, plus the excluded ones with their reasons.

        ``text`` narrows the candidates with the same search as :meth:`search`. Raises
        InvalidInputError for an unknown category, Dutch level, schedule or target group.
        """
        WISH_CATEGORIES.validate(category, field="category")
        DUTCH_LEVELS.validate(profile.dutch_level, field="dutch_level")
        for code in profile.preferred_schedules:
            SCHEDULES.validate(code, field="schedule")
        for code in profile.target_groups:
            TARGET_GROUPS.validate(code, field="target_group")
        if profile.budget not in BUDGETS:
            raise InvalidInputError.single("bad-value", field="budget", value=profile.budget)
        with self.store.unit_of_work() as session:
            offerings = load_offerings(session, category=category)
        if text.strip():
            from leerwinkel.catalogue.search import matches_text

            offerings = [o for o in offerings if matches_text(o, text)]
        return rank_offerings(offerings, profile, today=self.store.now().date(), limit=limit)

    def get_offering(self, offering_id: OfferingId) -> OfferingInfo:
        """One offering with its provider and locations; NotFoundError when it does not exist."""
        with self.store.unit_of_work() as session:
            found = load_offerings(session, ids=[offering_id], include_inactive=True)
        if not found:
            raise NotFoundError("offering", offering_id)
        return found[0]
