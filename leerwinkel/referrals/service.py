"""Referrals: create, change status (with history), follow-up dates, outcomes, due lists."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Select, Table, func, select, update
from sqlalchemy.orm import Session, selectinload

from leerwinkel.actor import Actor
from leerwinkel.changes import Changes
from leerwinkel.dates import format_date, local_date
from leerwinkel.errors import ConflictError, InvalidInputError, NotFoundError
from leerwinkel.ids import ClientId, CounsellorId, OfferingId, ProviderId, ReferralId, SiteId, WishId, new_id
from leerwinkel.intake.types import display_name
from leerwinkel.intake.validation import Checker
from leerwinkel.referrals.overrides import ExternalProvider, check_external, exclusion_reasons
from leerwinkel.security.audit import record as audit
from leerwinkel.settings.service import setting_value
from leerwinkel.storage.models import Client, Counsellor, Offering, Provider, Referral, ReferralStatusChange
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import CLOSED_STATUSES, OPEN_STATUSES, OUTCOMES, REFERRAL_STATUSES, WISH_CATEGORIES

#: A new referral is followed up four weeks later unless the counsellor picks another date.
DEFAULT_FOLLOW_UP = dt.timedelta(weeks=4)


@dataclass(frozen=True)
class StatusChangeRecord:
    status: str
    changed_on: dt.date
    changed_at: dt.datetime
    counsellor_id: str | None
    counsellor_name: str
    note: str
    overridden: str = ""  # why the offering did not fit, when the counsellor referred anyway
    override_reason: str = ""  # the counsellor's short reason for referring anyway


@dataclass(frozen=True)
class ReferralRecord:
    id: ReferralId
    version: int
    client_id: ClientId
    client_name: str
    wish_id: WishId | None
    offering_id: OfferingId | None
    offering_title: str
    provider_id: ProviderId | None
    provider_name: str
    category: str
    status: str
    referred_on: dt.date
    follow_up_on: dt.date | None
    outcome: str | None
    outcome_note: str
    note: str
    history: tuple[StatusChangeRecord, ...]
    external: ExternalProvider | None = None
    starts_on: dt.date | None = None  # the provider's reply slip (leerwinkel/referrals/replies.py)

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    @property
    def title(self) -> str:
        return self.offering_title or WISH_CATEGORIES.label(self.category)

    @property
    def override_reason(self) -> str:
        """The counsellor's reason for referring although the offering did not fit ("" when it fitted)."""
        return next((c.override_reason for c in self.history if c.override_reason), "")

    @property
    def overridden(self) -> str:
        """Why the offering did not fit this client, as matching said when the referral was made anyway."""
        return next((c.overridden for c in self.history if c.override_reason), "")


@dataclass(frozen=True)
class ReferralPage:
    """The first referrals of a list, and how many the whole list holds."""

    rows: tuple[ReferralRecord, ...]
    total: int

    @property
    def is_complete(self) -> bool:
        return len(self.rows) == self.total


@dataclass(frozen=True)
class ReferralResult:
    referral: ReferralRecord
    changes: Changes


class ReferralService:
    """Referrals and follow-up. Updates take the record the UI loaded; ConflictError if it changed."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def today(self) -> dt.date:
        """Today's date in Belgium, from the store's clock."""
        return local_date(self.store.now())

    def create(
        self,
        client_id: ClientId,
        *,
        category: str,
        wish_id: WishId | None = None,
        offering_id: OfferingId | None = None,
        follow_up_on: dt.date | None = None,
        note: str = "",
        actor: Actor | None,
        site_id: SiteId | None = None,
        override_reason: str = "",
        external: ExternalProvider | None = None,
    ) -> ReferralResult:
        """Create a referral with status voorgesteld.

        The follow-up date defaults to today plus the setting followup.default_weeks (four weeks).
        ``actor`` (the signed-in counsellor) becomes the referral's counsellor; audited as ``referral.create``.

        Referring anyway: when matching excludes the offering for this client (as saved), a short
        ``override_reason`` is required (InvalidInputError ``override-required`` otherwise); it is kept
        with the exclusion's reasons in the first entry of the status history. A reason given for an
        offering that fits is not recorded. ``external`` names a provider outside the catalogue instead
        of ``offering_id`` (not both).
        """
        today = self.today()
        now = self.store.now()
        with self.store.unit_of_work() as session:
            referral = add_referral(
                session,
                client_id,
                category=category,
                wish_id=wish_id,
                offering_id=offering_id,
                follow_up_on=follow_up_on,
                note=note,
                actor=actor,
                site_id=site_id,
                override_reason=override_reason,
                external=external,
                today=today,
                now=now,
            )
            return ReferralResult(_record(session, referral), Changes(referrals=True, clients=True))

    def reasons_against(self, client_id: ClientId, offering_id: OfferingId) -> tuple[str, ...]:
        """Why the offering does not fit the client as saved (plain Dutch); () when it fits.

        A referral to an offering with reasons needs an ``override_reason`` (see :meth:`create`).
        """
        with self.store.unit_of_work() as session:
            client = session.get(Client, client_id)
            if client is None:
                raise NotFoundError("client", str(client_id))
            return exclusion_reasons(session, client, offering_id)

    def set_status(
        self,
        base: ReferralRecord,
        status: str,
        *,
        on: dt.date | None = None,
        note: str = "",
        actor: Actor | None,
    ) -> ReferralResult:
        """Move a referral to another status; the change is kept in its history with date and counsellor.

        ``on`` is the day it happened (default today): never in the future, never before the referral
        was made. The history keeps it apart from the moment it was recorded. ``actor`` is that
        counsellor; the change is audited as ``referral.status``.
        """
        counsellor_id = _counsellor(actor)
        checker = Checker()
        checker.code("status", status, REFERRAL_STATUSES)
        note = checker.text("note", note, maximum=5000, multiline=True)
        today, now = self.today(), self.store.now()
        happened_on = on or today
        if happened_on > today:
            checker.add("future-date", "status_date", value=format_date(happened_on))
        elif happened_on < base.referred_on:
            checker.add(
                "before-referral", "status_date", value=format_date(happened_on), start=format_date(base.referred_on)
            )
        if checker.problems:
            raise InvalidInputError(checker.problems)
        with self.store.unit_of_work() as session:
            referral = _load(session, base)
            if referral.status != status:
                detail = {
                    "client": referral.client_id,
                    "from": referral.status,
                    "to": status,
                    "on": happened_on.isoformat(),
                }
                audit(session, actor, "referral.status", "referral", referral.id, detail=detail)
                referral.status = status
                referral.history.append(
                    ReferralStatusChange(
                        status=status, changed_on=happened_on, changed_at=now, counsellor_id=counsellor_id, note=note
                    )
                )
                touch_client(session, referral.client_id, now)
            session.flush()
            return ReferralResult(_record(session, referral), Changes(referrals=True, clients=True))

    def update_follow_up(
        self,
        base: ReferralRecord,
        *,
        follow_up_on: dt.date | None,
        outcome: str | None = None,
        outcome_note: str = "",
        actor: Actor | None,
    ) -> ReferralResult:
        """Set the follow-up date (None: no more follow-up), the outcome and its note.

        Audited as ``referral.update`` by ``actor``.
        """
        checker = Checker()
        if outcome:
            checker.code("outcome", outcome, OUTCOMES)
        outcome_note = checker.text("outcome_note", outcome_note, maximum=5000, multiline=True)
        if checker.problems:
            raise InvalidInputError(checker.problems)
        with self.store.unit_of_work() as session:
            referral = _load(session, base)
            referral.follow_up_on = follow_up_on
            referral.outcome = outcome or None
            referral.outcome_note = outcome_note
            session.flush()
            detail = {"client": referral.client_id, "outcome": outcome or None}
            audit(session, actor, "referral.update", "referral", referral.id, detail=detail)
            return ReferralResult(_record(session, referral), Changes(referrals=True))

    def get(self, referral_id: ReferralId) -> ReferralRecord:
        """The referral with its status history; NotFoundError when it does not exist (not audited)."""
        with self.store.unit_of_work() as session:
            referral = session.get(Referral, referral_id)
            if referral is None:
                raise NotFoundError("referral", str(referral_id))
            return _record(session, referral)

    def list(
        self,
        *,
        statuses: tuple[str, ...] = (),
        open_only: bool = False,
        due_on: dt.date | None = None,
        client_id: ClientId | None = None,
    ) -> tuple[ReferralRecord, ...]:
        """Referrals, oldest follow-up first. ``due_on``: open ones whose follow-up date is on or before it."""
        query = _list_query(statuses=statuses, open_only=open_only, due_on=due_on, client_id=client_id)
        with self.store.unit_of_work() as session:
            return _records(session, query)

    def first(
        self,
        limit: int,
        *,
        statuses: tuple[str, ...] = (),
        open_only: bool = False,
        due_on: dt.date | None = None,
    ) -> ReferralPage:
        """The first ``limit`` referrals of :meth:`list` (same order) and how many there are in all.

        For the pages: years of referrals not followed up can make thousands due, and a table shows what a
        counsellor can act on without first reading them all, with their histories, into memory.
        """
        query = _list_query(statuses=statuses, open_only=open_only, due_on=due_on, client_id=None)
        # Counted with the open statuses named (IN), not the closed ones excluded (NOT IN): SQLite then counts
        # in the (status, follow_up_on) index per status instead of testing every referral's status in the
        # list's own order (145,000 due of 300,000 referrals: 72 -> 12 ms; the rows keep the list's index).
        counting = _list_query(statuses=statuses, open_only=open_only, due_on=due_on, client_id=None, counting=True)
        counted = select(func.count()).select_from(counting.order_by(None).options().subquery())
        with self.store.unit_of_work() as session:
            total = session.scalar(counted) or 0
            rows = _records(session, query.limit(limit)) if total else ()
            return ReferralPage(rows, total)

    def export(
        self, *, actor: Actor | None, output: str, statuses: tuple[str, ...] = (), due_on: dt.date | None = None
    ) -> tuple[ReferralRecord, ...]:
        """Referrals as :meth:`list` gives them, for an export (``output``: ``json``, ...); audited."""
        query = _list_query(statuses=statuses, open_only=False, due_on=due_on, client_id=None)
        with self.store.unit_of_work() as session:
            rows = _records(session, query)
            detail = {"count": len(rows), "format": output, "due": due_on is not None, "statuses": ".".join(statuses)}
            audit(session, actor, "referral.export", "referrals", "", detail=detail)
            return rows

    def due(self, today: dt.date | None = None) -> tuple[ReferralRecord, ...]:
        """Open referrals to follow up today or earlier, overdue ones first."""
        return self.list(due_on=today or self.today())


def add_referral(
    session: Session,
    client_id: ClientId,
    *,
    category: str,
    wish_id: WishId | None = None,
    offering_id: OfferingId | None = None,
    follow_up_on: dt.date | None = None,
    note: str = "",
    actor: Actor | None,
    site_id: SiteId | None = None,
    override_reason: str = "",
    external: ExternalProvider | None = None,
    today: dt.date,
    now: dt.datetime,
) -> Referral:
    """Add a referral with status voorgesteld inside ``session`` (the caller's unit of work); audited.

    Checks and records an override (``override_reason``) and an ``external`` provider as
    :meth:`ReferralService.create` describes. Raises InvalidInputError for bad input or a missing
    override reason, NotFoundError for an unknown client or offering.
    """
    counsellor_id = _counsellor(actor)
    checker = Checker()
    checker.code("category", category, WISH_CATEGORIES)
    note = checker.text("note", note, maximum=5000, multiline=True)
    override_reason = checker.text("override_reason", override_reason, maximum=500, multiline=True)
    if external is not None:
        external = check_external(checker, external)
        if offering_id is not None:
            checker.add("external-and-offering", "external_provider")
    if checker.problems:
        raise InvalidInputError(checker.problems)
    client = session.get(Client, client_id)
    if client is None:
        raise NotFoundError("client", str(client_id))
    provider_id = None
    overridden = ""
    if offering_id is not None:
        offering = session.get(Offering, offering_id)
        if offering is None:
            raise NotFoundError("offering", str(offering_id))
        provider_id = offering.provider_id
        overridden = "; ".join(exclusion_reasons(session, client, offering_id))
        if overridden and not override_reason:
            raise InvalidInputError.single("override-required", field="override_reason", reasons=overridden)
    referral = Referral(
        id=new_id(),
        client_id=client_id,
        wish_id=wish_id,
        offering_id=offering_id,
        provider_id=provider_id,
        counsellor_id=counsellor_id,
        site_id=site_id,
        category=category,
        status="voorgesteld",
        referred_on=today,
        follow_up_on=follow_up_on or today + _default_follow_up(session),
        note=note,
        external_provider=external.name if external else "",
        external_contact=external.contact if external else "",
        external_service=external.service if external else "",
    )
    referral.history.append(
        ReferralStatusChange(
            status="voorgesteld",
            changed_on=today,
            changed_at=now,
            counsellor_id=counsellor_id,
            overridden=overridden,
            override_reason=override_reason if overridden else "",
        )
    )
    session.add(referral)
    touch_client(session, client_id, now)
    session.flush()
    detail = {
        "client": client_id,
        "category": category,
        "offering": offering_id,
        "override": bool(overridden),
        "external": external is not None,
    }
    audit(session, actor, "referral.create", "referral", referral.id, detail=detail)
    return referral


def touch_client(session: Session, client_id: uuid.UUID, now: dt.datetime) -> None:
    """Note activity on a client without changing its version.

    The version counter says "somebody changed this record"; a referral or a status change does not
    change the client, so it must not make a form that holds the client see a conflict (found item 1).
    """
    table = cast(Table, Client.__table__)  # Core, not the ORM: the ORM would move the version counter
    session.execute(update(table).where(table.c.id == client_id).values(last_activity_at=now))


def referral_record(session: Session, referral: Referral) -> ReferralRecord:
    """The frozen record of a referral (for services that create one inside their own unit of work)."""
    return _record(session, referral)


def _counsellor(actor: Actor | None) -> CounsellorId | None:
    return actor.id if actor is not None else None


def _list_query(
    *,
    statuses: tuple[str, ...],
    open_only: bool,
    due_on: dt.date | None,
    client_id: ClientId | None,
    counting: bool = False,
) -> Select[Referral]:
    for status in statuses:
        REFERRAL_STATUSES.validate(status)
    query: Select[Referral] = select(Referral).options(selectinload(Referral.history))
    if statuses:
        query = query.where(Referral.status.in_(statuses))
    if open_only or due_on is not None:
        # Counting names the open statuses (the status index answers); the rows exclude the closed ones, so
        # that SQLite walks the list's own index in its order and stops at the limit (with IN it sorted all
        # 150,000 open referrals of 100,000 clients for the first 500: 1.3 -> 96 ms).
        query = query.where(Referral.status.in_(OPEN_STATUSES) if counting else Referral.status.not_in(CLOSED_STATUSES))
    if due_on is not None:
        query = query.where(Referral.follow_up_on.is_not(None), Referral.follow_up_on <= due_on)
    if client_id is not None:
        query = query.where(Referral.client_id == client_id)
    return query.order_by(Referral.follow_up_on, Referral.referred_on, Referral.id)


def _records(session: Session, query: Select[Referral]) -> tuple[ReferralRecord, ...]:
    rows = session.scalars(query).all()
    names = _names(session, rows)
    return tuple(_record(session, r, names) for r in rows)


@dataclass(frozen=True)
class _Names:
    clients: dict[uuid.UUID, str]
    offerings: dict[uuid.UUID, str]
    providers: dict[uuid.UUID, str]
    counsellors: dict[uuid.UUID, str]


def _names(session: Session, rows: Sequence[Referral]) -> _Names:
    client_ids = {r.client_id for r in rows}
    offering_ids = {r.offering_id for r in rows if r.offering_id}
    provider_ids = {r.provider_id for r in rows if r.provider_id}
    counsellor_ids = {c.counsellor_id for r in rows for c in r.history if c.counsellor_id}
    clients = (
        {
            r.id: display_name(r.first_name, r.alias, r.last_name)
            for r in session.execute(
                select(Client.id, Client.first_name, Client.alias, Client.last_name).where(Client.id.in_(client_ids))
            )
        }
        if client_ids
        else {}
    )
    offerings = (
        dict(session.execute(select(Offering.id, Offering.title).where(Offering.id.in_(offering_ids))).all())
        if offering_ids
        else {}
    )
    providers = (
        dict(session.execute(select(Provider.id, Provider.name).where(Provider.id.in_(provider_ids))).all())
        if provider_ids
        else {}
    )
    counsellors = (
        dict(
            session.execute(
                select(Counsellor.id, Counsellor.display_name).where(Counsellor.id.in_(counsellor_ids))
            ).all()
        )
        if counsellor_ids
        else {}
    )
    return _Names(clients, offerings, providers, counsellors)


def _load(session: Session, base: ReferralRecord) -> Referral:
    referral = session.get(Referral, base.id)
    if referral is None:
        raise ConflictError("referrals", base.id, ["deleted"])
    if referral.version != base.version:
        current = _record(session, referral)
        changed = [
            name
            for name in ("status", "follow_up_on", "outcome", "outcome_note", "note")
            if getattr(current, name) != getattr(base, name)
        ]
        raise ConflictError("referrals", base.id, changed)
    return referral


def _record(session: Session, r: Referral, names: _Names | None = None) -> ReferralRecord:
    names = names or _names(session, [r])
    return ReferralRecord(
        id=ReferralId(r.id),
        version=r.version,
        client_id=ClientId(r.client_id),
        client_name=names.clients.get(r.client_id, ""),
        wish_id=WishId(r.wish_id) if r.wish_id else None,
        offering_id=OfferingId(r.offering_id) if r.offering_id else None,
        offering_title=names.offerings.get(r.offering_id, "") if r.offering_id else r.external_service,
        provider_id=ProviderId(r.provider_id) if r.provider_id else None,
        provider_name=names.providers.get(r.provider_id, "") if r.provider_id else r.external_provider,
        category=r.category,
        status=r.status,
        referred_on=r.referred_on,
        follow_up_on=r.follow_up_on,
        outcome=r.outcome,
        outcome_note=r.outcome_note,
        note=r.note,
        starts_on=r.starts_on,
        history=tuple(
            StatusChangeRecord(
                c.status,
                c.changed_on,
                c.changed_at,
                str(c.counsellor_id) if c.counsellor_id else None,
                names.counsellors.get(c.counsellor_id, "") if c.counsellor_id else "",
                c.note,
                c.overridden,
                c.override_reason,
            )
            for c in r.history
        ),
        external=ExternalProvider(r.external_provider, r.external_contact, r.external_service)
        if r.external_provider
        else None,
    )


def _default_follow_up(session: Session) -> dt.timedelta:
    """The setting followup.default_weeks (see leerwinkel.config.SETTINGS) as a time span."""
    weeks = setting_value(session, "followup.default_weeks")
    return dt.timedelta(weeks=weeks) if isinstance(weeks, int) and weeks > 0 else DEFAULT_FOLLOW_UP
