"""The catalogue service: what the UI and the command line call (search, match, import, export)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leerwinkel import collector
from leerwinkel.actor import Actor, require_admin
from leerwinkel.catalogue import index as search_store
from leerwinkel.catalogue.checks import CatalogueChecks, check_months
from leerwinkel.catalogue.dataset import Dataset, Place, row_from_mapping
from leerwinkel.catalogue.formats import EXPORT_FORMATS, read_path, write_path
from leerwinkel.catalogue.match import BUDGETS, ClientProfile, MatchResult, rank_offerings
from leerwinkel.catalogue.persist import (
    ImportCounts,
    apply_dataset,
    dataset_from_session,
    location_columns,
    offering_columns,
    provider_columns,
)
from leerwinkel.catalogue.records import LocationInfo, OfferingInfo, ProviderInfo, _months_before
from leerwinkel.catalogue.repository import load_offerings, load_summaries, location_info, provider_info
from leerwinkel.catalogue.search import COSTS, OfferingSummary, SearchFilters, SearchIndex, SearchResult
from leerwinkel.errors import InvalidInputError, NotFoundError, Problem
from leerwinkel.ids import LocationId, OfferingId, ProviderId
from leerwinkel.messages import _
from leerwinkel.paths import resource
from leerwinkel.security.audit import record
from leerwinkel.storage.models import Location, Offering, Provider, Setting, Site
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import DUTCH_LEVELS, SCHEDULES, TARGET_GROUPS, WISH_CATEGORIES
from leerwinkel.text import words

log = logging.getLogger(__name__)

BUNDLE_SETTING = "catalogue.bundle_version"

#: Called with (steps done, steps in all) while a long operation runs.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportReport:
    """What an import did; ``format`` is the format that was recognised."""

    format: str
    added: int
    changed: int
    unchanged: int
    skipped_local: int = 0


@dataclass(frozen=True)
class ValidationReport:
    format: str
    providers: int
    locations: int
    offerings: int


@dataclass(frozen=True)
class ExportReport:
    format: str
    path: str
    providers: int
    locations: int
    offerings: int


def bundled_catalogue() -> Path:
    return resource("catalogue", "catalogue.json")


class CatalogueService:
    """Providers, locations and offerings: look up, match, import and export."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._index: SearchIndex | None = None
        self.editor = CatalogueEditor(self)
        self.checks = CatalogueChecks(store, on_change=self.refresh)

    # -- search -------------------------------------------------------------------------------

    def search(self, query: str = "", filters: SearchFilters | None = None) -> SearchResult:
        """Every offering that matches, best first (ids only; see :meth:`summaries`)."""
        filters = filters or SearchFilters()
        self._check_filters(filters)
        return self._current_index().search(query, filters)

    def summaries(self, ids: Sequence[uuid.UUID]) -> list[OfferingSummary | None]:
        """Result rows for ``ids``; None for an id that no longer exists."""
        return self._current_index().summaries(ids)

    def refresh(self) -> None:
        """Forget what was read of the search index, to see changes made by another desk on a shared database."""
        self._index = None

    def search_index(self) -> SearchIndex:
        """The search index, opened on first use (the page calls this on a worker to be ready at once).

        Opening reads the index's keys and order; it rebuilds the stored index only when it does not
        fit the catalogue (a new database, or a change that did not go through this service). It
        also runs a first search, so the queries a search needs are prepared before anyone types.
        """
        opened = self._index is None
        index = self._current_index()
        if opened:
            index.summaries(list(index.search("").ids[:1]))
        return index

    def _current_index(self) -> SearchIndex:
        today = self.store.now().date()
        if self._index is None or self._index.today != today:
            self._index = self._open_index(today)
        return self._index

    def _open_index(self, today: dt.date) -> SearchIndex:
        with self.store.unit_of_work() as session:
            if not search_store.is_current(session):
                search_store.rebuild(session)
            keys, ids, rank = search_store.read_keys_and_order(session)
        known = ids.used()
        months = self.check_months()
        stale_before = _months_before(today, months)

        def fetch(wanted: Sequence[str]) -> dict[str, int]:
            with self.store.unit_of_work() as session:
                found = search_store.fetch_postings(session, wanted)
            return {key: bits & known for key, bits in found.items()}  # slots added since opening wait for refresh

        shown: dict[uuid.UUID, OfferingSummary | None] = {}  # rows read since opening (a refresh forgets them)

        def summaries(wanted: Sequence[uuid.UUID]) -> list[OfferingSummary | None]:
            missing = [i for i in wanted if i not in shown]
            if missing:
                with self.store.unit_of_work() as session:
                    rows = load_summaries(session, missing, stale_before=stale_before)
                if len(shown) + len(missing) > 20_000:
                    shown.clear()
                shown.update(zip(missing, rows, strict=True))
            return [shown.get(i) for i in wanted]

        return SearchIndex(
            keys=keys, fetch=fetch, ids=ids, rank=rank, today=today, stale_months=months, summaries=summaries
        )

    def check_months(self) -> int:
        """After how many months without a check a record is "te controleren" (setting catalogue.check_months)."""
        return check_months(self.store)

    @staticmethod
    def _check_filters(filters: SearchFilters) -> None:
        if filters.category:
            WISH_CATEGORIES.validate(filters.category, field="category")
        for code in filters.schedules:
            SCHEDULES.validate(code, field="schedule")
        if filters.dutch_level:
            DUTCH_LEVELS.validate(filters.dutch_level, field="dutch_level")

        if filters.cost and filters.cost not in COSTS:
            raise InvalidInputError.single("unknown-code", field="cost", value=filters.cost, allowed=", ".join(COSTS))

    # -- matching -----------------------------------------------------------------------------

    def match(
        self, category: str, profile: ClientProfile, *, text: str = "", limit: int = 20, inside: str | None = None
    ) -> MatchResult:
        """Offerings of ``category`` ranked for ``profile``, plus the excluded ones with their reasons.

        ``text`` narrows the candidates with the same search as :meth:`search`; ``inside`` (a prison's site
        code, prison mode) keeps only the offerings given at that prison's locations. Raises
        InvalidInputError for an unknown category, Dutch level, schedule, target group or budget.
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
            found = set(self.search(text, SearchFilters(category=category)).ids)
            offerings = [o for o in offerings if o.id in found]
        if inside:
            offerings = [o for o in offerings if inside in o.prison_site_codes]
        result = rank_offerings(offerings, profile, today=self.store.now().date(), limit=limit)
        return _with_status(result, {o.id: o for o in offerings})

    def get_offering(self, offering_id: OfferingId) -> OfferingInfo:
        """One offering with its provider and locations; NotFoundError when it does not exist."""
        with self.store.unit_of_work() as session:
            found = load_offerings(session, ids=[offering_id], include_inactive=True)
        if not found:
            raise NotFoundError("offering", offering_id)
        return found[0]

    # -- files --------------------------------------------------------------------------------

    def validate_file(self, path: Path) -> ValidationReport:
        """Check a catalogue file without changing anything; InvalidInputError lists every problem."""
        providers, locations, prisons = self._known_keys()
        result = read_path(path, known_providers=providers, known_locations=locations, prisons=prisons)
        data = result.data
        return ValidationReport(result.format, len(data.providers), len(data.locations), len(data.offerings))

    def import_file(self, path: Path, *, actor: Actor | None, progress: Progress | None = None) -> ImportReport:
        """Add or update records by stable id, all or nothing. Administrators only (audited).

        A file with any problem changes nothing and raises InvalidInputError listing them all;
        anyone but an administrator gets PermissionDeniedError before the file is read.
        """
        require_admin(actor, "catalogue.import")
        report = progress or (lambda _done, _total: None)
        report(0, 3)
        providers, locations, prisons = self._known_keys()
        with collector.paused():
            result = read_path(path, known_providers=providers, known_locations=locations, prisons=prisons)
            report(1, 3)
            with self.store.unit_of_work() as session:
                counts = apply_dataset(
                    session,
                    result.data,
                    origin="import",
                    keep_local_edits=False,
                    now=self.store.now(),
                    device=self.store.device_id,
                )
                record(
                    session,
                    actor,
                    "catalogue.import",
                    "catalogue",
                    result.format,
                    detail={"added": counts.added, "changed": counts.changed, "unchanged": counts.unchanged},
                )
        report(2, 3)
        self.refresh()
        report(3, 3)
        log.info("catalogue import (%s): %s", result.format, counts)
        return _report(result.format, counts)

    def export_file(
        self, path: Path, fmt: str, *, progress: Progress | None = None, separator: str = ";"
    ) -> ExportReport:
        """Write the whole catalogue (also inactive records) in ``fmt`` (see EXPORT_FORMATS).

        ``separator``: between CSV cells (";" for Excel in nl-BE, or ",").
        """
        if fmt not in EXPORT_FORMATS:
            raise InvalidInputError.single("unknown-code", field="format", value=fmt, allowed=", ".join(EXPORT_FORMATS))
        report = progress or (lambda _done, _total: None)
        report(0, 2)
        data = self.export_dataset()
        report(1, 2)
        write_path(path, data, fmt, separator=separator)
        report(2, 2)
        return ExportReport(fmt, str(path), len(data.providers), len(data.locations), len(data.offerings))

    def export_dataset(self) -> Dataset:
        """The whole catalogue in the database (active and inactive records) as one dataset, for an export."""
        with self.store.unit_of_work() as session:
            return dataset_from_session(session)

    def _known_keys(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """External ids of the providers and locations in the database, and the codes of the prisons."""
        with self.store.unit_of_work() as session:
            providers = frozenset(session.scalars(select(Provider.external_id)))
            locations = frozenset(session.scalars(select(Location.external_id)))
            prisons = frozenset(session.scalars(select(Site.code).where(Site.kind == "gevangenis")))
        return providers, locations, prisons

    # -- the bundled catalogue ----------------------------------------------------------------

    def load_bundle(self, path: Path | None = None, *, force: bool = False) -> ImportReport | None:
        """Load the bundled catalogue when the catalogue is empty or the bundle is newer.

        Records that came from an older bundle are updated; records a counsellor added or edited
        are left alone. Returns None when nothing needed doing.
        """
        try:
            path = path or bundled_catalogue()
        except FileNotFoundError:
            log.warning("no bundled catalogue in this installation")
            return None
        if not path.is_file():
            log.warning("no bundled catalogue at %s", path)
            return None
        result = read_path(path)
        version = result.bundle_version or ""
        with self.store.unit_of_work() as session:
            setting = session.scalar(select(Setting).where(Setting.key == BUNDLE_SETTING))
            empty = not session.scalar(select(func.count()).select_from(Provider))
            loaded = setting.value if setting is not None else ""
            if not (force or empty or version > loaded):
                return None
            counts = apply_dataset(
                session,
                result.data,
                origin="bundle",
                keep_local_edits=True,
                now=self.store.now(),
                device=self.store.device_id,
            )
            if setting is None:
                session.add(Setting(key=BUNDLE_SETTING, value=version))
            else:
                setting.value = version
        self.refresh()
        log.info("bundled catalogue %s loaded: %s", version, counts)
        return _report("json", counts)


def _with_status(result: MatchResult, offerings: Mapping[uuid.UUID, OfferingInfo]) -> MatchResult:
    """Proposals say "status onzeker" (and why) for offerings that may have stopped or changed.

    Only the matches: an exclusion's reasons pair with its codes (and say why it does not fit).
    """

    def reasons(offering_id: uuid.UUID, given: tuple[str, ...]) -> tuple[str, ...]:
        info = offerings.get(offering_id)
        if info is None or not info.status_uncertain:
            return given
        note = _("status onzeker") + (f" ({info.status_note})" if info.status_note else "")
        return (*given, note)

    return MatchResult(
        matches=tuple(dataclasses.replace(m, reasons=reasons(m.offering_id, m.reasons)) for m in result.matches),
        excluded=result.excluded,
    )


def _report(fmt: str, counts: ImportCounts) -> ImportReport:
    return ImportReport(fmt, counts.added, counts.changed, counts.unchanged, counts.skipped_local)


class CatalogueEditor:
    """Add, edit and deactivate providers and offerings by hand (the Catalogus page).

    Records saved here are marked as local, so a newer bundled catalogue leaves them alone. Only
    administrators change the catalogue; each change is an audit event "catalogue.edit".
    """

    def __init__(self, service: CatalogueService) -> None:
        self.service = service
        self.store = service.store

    def providers(self) -> list[ProviderInfo]:
        """Every provider, active or not, ordered by name (for the catalogue editor)."""
        with self.store.unit_of_work() as session:
            rows = session.scalars(select(Provider).order_by(Provider.name, Provider.external_id))
            return [provider_info(p) for p in rows]

    def save_provider(
        self, values: Mapping[str, object], *, actor: Actor | None, provider_id: ProviderId | None = None
    ) -> ProviderId:
        """Create or update a provider from field values (see dataset.TABLES); InvalidInputError lists problems."""
        require_admin(actor, "catalogue.edit")
        with self.store.unit_of_work() as session:
            existing = session.get(Provider, provider_id) if provider_id else None
            if provider_id and existing is None:
                raise NotFoundError("provider", provider_id)
            key = existing.external_id if existing else _new_key(str(values.get("name") or "aanbieder"))
            row = _checked_row("providers", {**values, "id": key})
            existing = _upsert(session, Provider, existing, key, provider_columns(row))
            new_id = ProviderId(existing.id)
            search_store.update_offerings(session, search_store.offerings_of_providers(session, [new_id]))
            _audit(session, actor, "provider", new_id, "update" if provider_id else "create")
        self.service.refresh()
        return new_id

    def locations(self, provider_id: ProviderId) -> list[LocationInfo]:
        """The places of one provider (active or not), by name."""
        with self.store.unit_of_work() as session:
            provider = session.get(Provider, provider_id)
            if provider is None:
                raise NotFoundError("provider", provider_id)
            rows = sorted(provider.locations, key=lambda loc: (loc.name.casefold(), loc.external_id))
            return [location_info(loc, provider.external_id) for loc in rows]

    def save_location(
        self,
        values: Mapping[str, object],
        *,
        provider_id: ProviderId,
        actor: Actor | None,
        location_id: LocationId | None = None,
    ) -> LocationId:
        """Create or update a place of ``provider_id`` (name, address, phone, opening hours, prison site).

        Checked as an imported row would be (postcode, phone, a known prison site code); InvalidInputError
        lists the problems and nothing is saved. Audited as ``catalogue.edit`` (which record, never values);
        a record of the bundled catalogue edited here is marked as changed locally, so a newer bundle does
        not overwrite it.
        """
        require_admin(actor, "catalogue.edit")
        with self.store.unit_of_work() as session:
            provider = session.get(Provider, provider_id)
            if provider is None:
                raise NotFoundError("provider", provider_id)
            existing = session.get(Location, location_id) if location_id else None
            if location_id and (existing is None or existing.provider_id != provider.id):
                raise NotFoundError("location", location_id)
            key = existing.external_id if existing else _new_key(f"{provider.name} {values.get('name') or ''}")
            row = _checked_row("locations", {**values, "id": key, "provider": provider.external_id})
            if row.prison_site_code is not None:
                site = session.scalar(select(Site).where(Site.code == row.prison_site_code, Site.kind == "gevangenis"))
                if site is None:
                    details = {"value": row.prison_site_code}
                    raise InvalidInputError([Problem("broken-reference", "prison_site_code", details=details)])
            existing = _upsert(session, Location, existing, key, {**location_columns(row), "provider_id": provider.id})
            new_id = LocationId(existing.id)
            search_store.update_offerings(session, search_store.offerings_at_location(session, new_id))
            _audit(session, actor, "location", new_id, "update" if location_id else "create")
        self.service.refresh()
        return new_id

    def save_offering(
        self, values: Mapping[str, object], *, actor: Actor | None, offering_id: OfferingId | None = None
    ) -> OfferingId:
        """Create or update an offering from field values; ``provider`` is the provider's external id.

        Without ``locations`` in ``values`` an existing offering keeps its places.
        """
        require_admin(actor, "catalogue.edit")
        with self.store.unit_of_work() as session:
            existing = session.get(Offering, offering_id) if offering_id else None
            if offering_id and existing is None:
                raise NotFoundError("offering", offering_id)
            key = existing.external_id if existing else _new_key(str(values.get("title") or "aanbod"))
            raw = dict(values)
            if existing is not None and "locations" not in raw:
                raw["locations"] = [loc.external_id for loc in existing.locations]
            row = _checked_row("offerings", {**raw, "id": key})
            provider = session.scalar(select(Provider).where(Provider.external_id == row.provider))
            problems = []
            if provider is None:
                problems.append(Problem("broken-reference", "provider", details={"value": row.provider}))
            places = list(session.scalars(select(Location).where(Location.external_id.in_(row.locations))))
            if len(places) != len(set(row.locations)):
                missing = set(row.locations) - {p.external_id for p in places}
                problems.append(Problem("broken-reference", "locations", details={"value": ", ".join(sorted(missing))}))
            if problems:
                raise InvalidInputError(problems)
            assert provider is not None
            existing = _upsert(session, Offering, existing, key, {**offering_columns(row), "provider_id": provider.id})
            existing.locations = places
            session.flush()
            new_id = OfferingId(existing.id)
            search_store.update_offerings(session, [new_id])
            _audit(session, actor, "offering", new_id, "update" if offering_id else "create")
        self.service.refresh()
        return new_id

    def set_offering_active(self, offering_id: OfferingId, active: bool, *, actor: Actor | None) -> None:
        """Deactivate (or reactivate) an offering; it stays in the catalogue, hidden from searches."""
        require_admin(actor, "catalogue.edit")
        with self.store.unit_of_work() as session:
            offering = session.get(Offering, offering_id)
            if offering is None:
                raise NotFoundError("offering", offering_id)
            offering.active = active
            offering.locally_modified = True
            search_store.update_offerings(session, [offering_id])
            _audit(session, actor, "offering", offering_id, "activate" if active else "deactivate")
        self.service.refresh()

    def set_provider_active(self, provider_id: ProviderId, active: bool, *, actor: Actor | None) -> None:
        """Show (``active``) or hide a provider in search, marked as changed here (administrators only).

        Audited as ``catalogue.edit``; the search index is rebuilt on next use. Raises PermissionDeniedError
        for a counsellor, NotFoundError for an unknown provider."""
        require_admin(actor, "catalogue.edit")
        with self.store.unit_of_work() as session:
            provider = session.get(Provider, provider_id)
            if provider is None:
                raise NotFoundError("provider", provider_id)
            provider.active = active
            provider.locally_modified = True
            search_store.update_offerings(session, search_store.offerings_of_providers(session, [provider_id]))
            _audit(session, actor, "provider", provider_id, "activate" if active else "deactivate")
        self.service.refresh()


_Record = TypeVar("_Record", Provider, Location, Offering)


def _upsert(
    session: Session, model: type[_Record], existing: _Record | None, key: str, columns: Mapping[str, Any]
) -> _Record:
    """A new local record with ``columns``, or ``existing`` changed to them; either way marked as changed here
    (a newer bundled catalogue then leaves it alone). Flushed, so it has its id."""
    if existing is None:
        existing = model(external_id=key, origin="local", locally_modified=True, **columns)
        session.add(existing)
    else:
        for name, value in columns.items():
            setattr(existing, name, value)
        existing.locally_modified = True
    session.flush()
    return existing


def _audit(session: Session, actor: Actor | None, kind: str, record_id: uuid.UUID, change: str) -> None:
    """One "catalogue.edit" event: which record and what kind of change (never the values)."""
    record(session, actor, "catalogue.edit", kind, record_id, detail={"change": change})


def _checked_row(table: str, raw: Mapping[str, object]) -> Any:
    place = Place()
    row = row_from_mapping(table, raw, place)
    if row is None:
        raise InvalidInputError(place.problems)
    return row


def _new_key(text: str) -> str:
    """A readable, unique external id for a record made by hand: "local-<slug>-<8 hex>"."""
    slug = "-".join(words(text))[:80] or "record"
    return f"local-{slug}-{uuid.uuid4().hex[:8]}"
