"""Clients and intakes: create, update, duplicate check, search, today's appointments, timeline."""

from __future__ import annotations

import datetime as dt
import difflib
import logging
import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.base import ExecutableOption

from leerwinkel.actor import Actor
from leerwinkel.changes import Changes
from leerwinkel.dates import day_bounds, local_date, local_to_utc, parse_date, parse_time
from leerwinkel.errors import ConflictError, InvalidInputError, NotFoundError, Problem
from leerwinkel.ids import ClientId, CounsellorId, IntakeId, SiteId, WishId
from leerwinkel.intake.timeline import client_timeline
from leerwinkel.intake.types import (
    Appointment,
    ClientRecord,
    ClientSummary,
    ConsentInput,
    ConsentRecord,
    DuplicateCandidate,
    IntakeInput,
    IntakeRecord,
    PersonInput,
    SavedIntake,
    SiteRef,
    ThresholdRecord,
    TimelineEntry,
    WishRecord,
    display_name,
)
from leerwinkel.intake.validation import Checker
from leerwinkel.security.audit import record as audit
from leerwinkel.storage import clientsearch
from leerwinkel.storage.models import (
    Client,
    ClientTargetGroup,
    ClientThreshold,
    ClientVulnerability,
    Consent,
    Counsellor,
    Intake,
    LearningWish,
    Site,
)
from leerwinkel.storage.store import Store
from leerwinkel.taxonomy import (
    DUTCH_LEVELS,
    INTAKE_CHANNELS,
    TARGET_GROUPS,
    THRESHOLDS,
    VULNERABILITIES,
    WISH_CATEGORIES,
    Term,
    Vocabulary,
)
from leerwinkel.text import fold

log = logging.getLogger(__name__)

#: The oldest birth date the form accepts: today minus this many years (older is a typing error).
OLDEST_AGE_YEARS = 120
_Coded = TypeVar("_Coded", ClientTargetGroup, ClientVulnerability)
FUZZY_THRESHOLD = 0.85

EMPLOYMENT = Vocabulary(
    "employment",
    [
        Term("", "Onbekend", "Unknown"),
        Term("werkzoekend", "Werkzoekend", "Jobseeker"),
        Term("werkend", "Werkend", "Employed"),
        Term("uitkering", "Leefloon of uitkering", "On benefits"),
        Term("student", "Student", "Student"),
        Term("niet-beschikbaar", "Niet beschikbaar voor werk", "Not available for work"),
        Term("andere", "Andere", "Other"),
    ],
)

_PERSON_TEXT_LIMITS = {
    "first_name": 100,
    "alias": 100,
    "last_name": 100,
    "gender": 20,
    "street": 200,
    "municipality": 100,
    "languages": 200,
    "education_level": 100,
    "foreign_diploma": 200,
}


def search_key(first_name: str, alias: str, last_name: str) -> str:
    return fold(" ".join(part for part in (first_name, last_name, alias) if part))


class ValidatedPerson:
    """A PersonInput checked and converted to stored values (problems collected, never raised here)."""

    def __init__(self, person: PersonInput, checker: Checker, *, today: dt.date, sites: dict[str, uuid.UUID]) -> None:
        c = checker
        self.text = {
            name: c.text(name, getattr(person, name), maximum=limit) for name, limit in _PERSON_TEXT_LIMITS.items()
        }
        if not self.text["first_name"] and not self.text["alias"]:
            c.add("name-required", "first_name")
        oldest = today.replace(year=today.year - OLDEST_AGE_YEARS, day=min(today.day, 28))
        self.birth_date = c.date("birth_date", person.birth_date, not_after=today, not_before=oldest)
        # A release date in the past would be printed as "expected release date": refuse it (found 11).
        self.expected_release_date = c.date(
            "expected_release_date", person.expected_release_date, not_before=today if person.detained else None
        )
        self.postcode = c.postcode("postcode", person.postcode)
        self.phone = c.phone("phone", person.phone)
        self.email = c.email("email", person.email)
        self.dutch_level = c.code("dutch_level", person.dutch_level or "onbekend", DUTCH_LEVELS)
        self.employment = c.code("employment", person.employment, EMPLOYMENT)
        self.target_groups = c.codes("target_groups", person.target_groups, TARGET_GROUPS)
        self.vulnerabilities = c.codes("vulnerabilities", person.vulnerabilities, VULNERABILITIES)
        self.thresholds: dict[str, str] = {}
        for threshold in person.thresholds:
            c.code("thresholds", threshold.code, THRESHOLDS)
            self.thresholds[threshold.code] = c.text("thresholds", threshold.note, maximum=2000, multiline=True)
        self.notes = c.text("notes", person.notes, maximum=20000, multiline=True)
        self.prison_site_id: uuid.UUID | None = None
        if person.detained and person.prison_site_code:
            self.prison_site_id = sites.get(person.prison_site_code)
            if self.prison_site_id is None:
                c.add("unknown-code", "prison_site_code", value=person.prison_site_code, allowed=", ".join(sites))
        self.person = person

    def columns(self) -> dict[str, Any]:
        """The client's columns as this person sets them (by name; :meth:`apply` sets the same values)."""
        p = self.person
        values: dict[str, Any] = dict(self.text)
        values.update(
            birth_date=self.birth_date,
            birth_year=self.birth_date.year if self.birth_date else None,
            phone=self.phone,
            email=self.email,
            postcode=self.postcode,
            dutch_level=self.dutch_level,
            foreign_diploma_recognised=p.foreign_diploma_recognised,
            detained=p.detained,
            prison_site_id=self.prison_site_id if p.detained else None,
            expected_release_date=self.expected_release_date if p.detained else None,
            employment=self.employment,
            vdab_registered=p.vdab_registered,
            notes=self.notes,
            search_key=search_key(self.text["first_name"], self.text["alias"], self.text["last_name"]),
        )
        return values

    def apply(self, client: Client) -> None:
        for name, value in self.columns().items():
            setattr(client, name, value)

    def apply_children(self, client: Client, *, intake_id: uuid.UUID | None = None) -> None:
        """Target groups, vulnerabilities and thresholds (new thresholds remember the intake)."""
        _sync_codes(client.target_groups, self.target_groups, ClientTargetGroup)
        _sync_codes(client.vulnerabilities, self.vulnerabilities, ClientVulnerability)
        existing = {t.code: t for t in client.thresholds}
        for code, row in existing.items():
            if code not in self.thresholds:
                client.thresholds.remove(row)
        for code, note in self.thresholds.items():
            if code in existing:
                if existing[code].note != note:
                    existing[code].note = note
            else:
                client.thresholds.append(ClientThreshold(code=code, note=note, intake_id=intake_id))


def _sync_codes(rows: list[_Coded], codes: Sequence[str], cls: type[_Coded]) -> None:
    wanted = set(codes)
    for row in list(rows):
        if row.code not in wanted:
            rows.remove(row)
    have = {row.code for row in rows}
    for code in codes:
        if code not in have:
            rows.append(cls(code=code))


class ClientService:
    """Clients, intakes and wishes. Every method is one unit of work; results are frozen records."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def today(self) -> dt.date:
        """Today's date in Belgium, from the store's clock."""
        return local_date(self.store.now())

    # -- reading -------------------------------------------------------------------------------

    def sites(self) -> tuple[SiteRef, ...]:
        """The active sites: the Leerwinkel's own first, then every other prison, each group by name."""
        with self.store.unit_of_work() as session:
            # The Leerwinkel's own sites first, then every other prison (a detained client may be anywhere).
            query = select(Site).where(Site.active.is_(True)).order_by(Site.own.desc(), Site.name)
            rows = session.scalars(query).all()
            return tuple(SiteRef(SiteId(s.id), s.code, s.name, s.kind, own=s.own) for s in rows)

    def get(self, client_id: ClientId) -> ClientRecord:
        """The client's stored record (not audited: use :meth:`view` when a person opens it)."""
        with self.store.unit_of_work() as session:
            return _client_record(session, _load_client(session, client_id))

    def view(self, client_id: ClientId, *, actor: Actor | None) -> ClientRecord:
        """The client's record for a counsellor who opens it; recorded as ``client.view`` in the audit trail."""
        with self.store.unit_of_work() as session:
            record = _client_record(session, _load_client(session, client_id))
            audit(session, actor, "client.view", "client", client_id)
            return record

    def wishes(self, client_id: ClientId) -> tuple[WishRecord, ...]:
        """The client's learning wishes, oldest first (not audited; an unknown client gives ())."""
        with self.store.unit_of_work() as session:
            rows = session.scalars(
                select(LearningWish).where(LearningWish.client_id == client_id).order_by(LearningWish.created_at)
            ).all()
            return tuple(_wish_record(w) for w in rows)

    def search(
        self, text: str = "", *, birth_year: int | None = None, municipality: str = "", limit: int = 200
    ) -> tuple[ClientSummary, ...]:
        """Clients whose names (or alias) contain every word of ``text``, most recent activity first."""
        query = select(
            Client.id,
            Client.first_name,
            Client.alias,
            Client.last_name,
            Client.birth_year,
            Client.municipality,
            Client.last_activity_at,
        )
        words = fold(text).split()
        for word in words:
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(Client.search_key.like(f"%{escaped}%", escape="\\"))
        if birth_year is not None:
            query = query.where(Client.birth_year == birth_year)
        if municipality.strip():
            query = query.where(Client.municipality == municipality.strip())
        query = query.order_by(Client.last_activity_at.desc(), Client.id.desc()).limit(limit)
        with self.store.unit_of_work() as session:
            match = clientsearch.plan(session.connection(), words)
            if match == clientsearch.NO_MATCH:
                return ()
            if match is not None:  # the index gives the candidates; the LIKEs above still decide
                query = query.where(clientsearch.CANDIDATES.bindparams(client_match=match))
            return tuple(
                ClientSummary(
                    ClientId(r.id),
                    display_name(r.first_name, r.alias, r.last_name),
                    r.birth_year,
                    r.municipality,
                    r.last_activity_at,
                )
                for r in session.connection().execute(query)  # Core: no ORM work per row for a plain list
            )

    def municipalities(self) -> tuple[str, ...]:
        """The municipalities clients live in, once each, sorted (for the client list filter)."""
        with self.store.unit_of_work() as session:
            rows = session.scalars(select(Client.municipality).where(Client.municipality != "").distinct())
            return tuple(sorted(rows))

    def find_duplicates(self, person: PersonInput) -> tuple[DuplicateCandidate, ...]:
        """Existing clients that may be this person: same name and birth date, or a close name in the same town."""
        first, last = fold(person.first_name), fold(person.last_name)
        name = fold(" ".join(p for p in (person.first_name, person.last_name) if p)) or fold(person.alias)
        try:
            birth_date = parse_date(person.birth_date) if person.birth_date.strip() else None
        except ValueError:
            birth_date = None
        found: dict[uuid.UUID, DuplicateCandidate] = {}
        columns = (
            Client.id,
            Client.first_name,
            Client.alias,
            Client.last_name,
            Client.birth_year,
            Client.municipality,
            Client.last_activity_at,
            Client.birth_date,
        )
        with self.store.unit_of_work() as session:
            if first and last and birth_date is not None:
                for r in session.execute(select(*columns).where(Client.birth_date == birth_date)):
                    if fold(r.first_name) == first and fold(r.last_name) == last:
                        found[r.id] = DuplicateCandidate(_summary(r), "same-name-and-birth-date", 1.0)
            town = person.municipality.strip()
            if name and town:
                for r in session.execute(select(*columns).where(Client.municipality == town)):
                    if r.id in found:
                        continue
                    other = fold(" ".join(p for p in (r.first_name, r.last_name) if p)) or fold(r.alias)
                    matcher = difflib.SequenceMatcher(None, name, other)
                    if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
                        continue
                    score = matcher.ratio()
                    if score >= FUZZY_THRESHOLD:
                        found[r.id] = DuplicateCandidate(_summary(r), "similar-name-same-municipality", round(score, 3))
        return tuple(sorted(found.values(), key=lambda c: -c.score))

    def appointments_on(self, day: dt.date) -> tuple[Appointment, ...]:
        """The next appointments set at intakes that fall on ``day`` (a Belgian calendar day), earliest first."""
        start, end = day_bounds(day)
        with self.store.unit_of_work() as session:
            rows = session.execute(
                select(
                    Intake.id,
                    Intake.client_id,
                    Intake.next_appointment_at,
                    Client.first_name,
                    Client.alias,
                    Client.last_name,
                )
                .join(Client, Client.id == Intake.client_id)
                .where(Intake.next_appointment_at >= start, Intake.next_appointment_at < end)
                .order_by(Intake.next_appointment_at)
            ).all()
            return tuple(
                Appointment(
                    ClientId(r.client_id),
                    display_name(r.first_name, r.alias, r.last_name),
                    r.next_appointment_at,
                    IntakeId(r.id),
                )
                for r in rows
            )

    def timeline(self, client_id: ClientId) -> tuple[TimelineEntry, ...]:
        """Intakes, wishes, consents, referrals, status changes, letters and contacts, newest first."""
        with self.store.unit_of_work() as session:
            return client_timeline(session, client_id)

    def list_all(self) -> tuple[ClientRecord, ...]:
        """Every client, for the client list (not audited: use :meth:`export_all` for an export)."""
        with self.store.unit_of_work() as session:
            return _all_clients(session)

    def export_all(self, *, actor: Actor | None, output: str) -> tuple[ClientRecord, ...]:
        """Every client, for an export (``output``: a code such as ``json``); audited as ``client.export``."""
        with self.store.unit_of_work() as session:
            clients = _all_clients(session)
            audit(session, actor, "client.export", "clients", "", detail={"count": len(clients), "format": output})
            return clients

    # -- checking and writing ------------------------------------------------------------------

    def check(self, form: IntakeInput) -> list[Problem]:
        """Every problem of a form, without saving (for showing them next to the fields)."""
        with self.store.unit_of_work() as session:
            checker = Checker()
            _validate_intake(form, checker, today=self.today(), sites=_site_codes(session))
            return checker.problems

    def record_intake(
        self, form: IntakeInput, *, client: ClientRecord | None = None, actor: Actor | None
    ) -> SavedIntake:
        """Save an intake: a new client, or ``client`` (the version the form loaded) updated with the form.

        ``actor`` (the signed-in counsellor) is the intake's counsellor and records the consent; the
        audit trail gets ``client.create`` or ``client.update``. Raises InvalidInputError with every
        problem, ConflictError when the client changed meanwhile.
        """
        from leerwinkel.intake.saving import OpenIntake, save_intake  # saving builds on this module's helpers

        today, now = self.today(), self.store.now()
        with self.store.unit_of_work() as session:
            return save_intake(session, OpenIntake(form, base=client), actor=actor, today=today, now=now)

    def import_intakes(
        self, forms: Sequence[tuple[int, IntakeInput]], *, file: str | None = None, actor: Actor | None
    ) -> int:
        """Save many intakes (row number, input) at once, all or nothing; problems carry file and row.

        Each new client is audited as ``client.create`` (with its row number) by ``actor``.

        Returns the number of clients created. Raises InvalidInputError listing every problem.
        """
        from leerwinkel.intake.saving import write_intake  # saving builds on this module's helpers

        today = self.today()
        now = self.store.now()
        with self.store.unit_of_work() as session:
            sites = _site_codes(session)
            validated = []
            problems: list[Problem] = []
            for number, form in forms:
                checker = Checker(row=number, file=file)
                validated.append(_validate_intake(form, checker, today=today, sites=sites))
                problems.extend(checker.problems)
            if problems:
                raise InvalidInputError(problems)
            for (number, form), (person, held_on, appointment) in zip(forms, validated, strict=True):
                written = write_intake(
                    session,
                    form,
                    person,
                    client=None,
                    held_on=held_on or today,
                    appointment=appointment,
                    sites=sites,
                    today=today,
                    now=now,
                    counsellor_id=_counsellor(actor),
                )
                audit(session, actor, "client.create", "client", written.client_id, detail={"import_row": number})
            return len(forms)

    def update_client(
        self,
        base: ClientRecord,
        person: PersonInput,
        *,
        consent: ConsentInput | None = None,
        actor: Actor | None,
    ) -> tuple[ClientRecord, Changes]:
        """Change a client; ``base`` is the record the form loaded. ConflictError when it changed meanwhile.

        ``actor`` records a changed consent and the ``client.update`` audit event.
        """
        today = self.today()
        with self.store.unit_of_work() as session:
            checker = Checker()
            validated = ValidatedPerson(person, checker, today=today, sites=_site_codes(session))
            if consent is not None:
                checker.date("consent_given_on", consent.given_on, not_after=today)
            if checker.problems:
                raise InvalidInputError(checker.problems)
            row = _load_client(session, base.id)
            _check_version(session, row, base)
            validated.apply(row)
            validated.apply_children(row)
            row.last_activity_at = self.store.now()
            if consent is not None:
                _record_consent(session, row, consent, today=today, counsellor_id=_counsellor(actor))
            session.flush()
            audit(session, actor, "client.update", "client", row.id)
            return _client_record(session, row), Changes(clients=True)

    def add_wish(
        self,
        client_id: ClientId,
        category: str,
        *,
        description: str = "",
        goal: str = "",
        actor: Actor | None,
    ) -> WishRecord:
        """Add a learning wish to a client (audited as ``client.update`` with the wish id)."""
        checker = Checker()
        checker.code("category", category, WISH_CATEGORIES)
        description = checker.text("description", description, maximum=5000, multiline=True)
        goal = checker.text("goal", goal, maximum=5000, multiline=True)
        if checker.problems:
            raise InvalidInputError(checker.problems)
        with self.store.unit_of_work() as session:
            row = _load_client(session, client_id)
            wish = LearningWish(client=row, category=category, description=description, goal=goal)
            session.add(wish)
            row.last_activity_at = self.store.now()
            session.flush()
            audit(session, actor, "client.update", "client", row.id, detail={"wish": wish.id})
            return _wish_record(wish)


# -- helpers ---------------------------------------------------------------------------------------


def _validate_intake(
    form: IntakeInput, checker: Checker, *, today: dt.date, sites: dict[str, uuid.UUID]
) -> tuple[ValidatedPerson, dt.date | None, dt.datetime | None]:
    person = ValidatedPerson(form.person, checker, today=today, sites=sites)
    for wish in form.wishes:
        if not wish.category:
            checker.add("required", "category")
            continue
        checker.code("category", wish.category, WISH_CATEGORIES)
        checker.text("description", wish.description, maximum=5000, multiline=True)
        checker.text("goal", wish.goal, maximum=5000, multiline=True)
    checker.code("channel", form.channel, INTAKE_CHANNELS)
    checker.text("referred_by", form.referred_by, maximum=200)
    checker.text("intake_notes", form.notes, maximum=20000, multiline=True)
    if form.site_code and form.site_code not in sites:
        checker.add("unknown-code", "site", value=form.site_code, allowed=", ".join(sites))
    held_on = checker.date("held_on", form.held_on, not_after=today)
    if form.consent is not None:
        checker.date("consent_given_on", form.consent.given_on, not_after=today)
    appointment = None
    text = form.next_appointment.strip()
    if text:
        day_text, _, time_text = text.partition(" ")
        day = checker.date("next_appointment", day_text)
        try:
            moment = parse_time(time_text.strip() or "09:00")
        except ValueError:
            checker.add("bad-time", "next_appointment", value=time_text)
        else:
            if day is not None:
                appointment = local_to_utc(day, moment)
    return person, held_on, appointment


def _record_consent(
    session: Session, client: Client, consent: ConsentInput, *, today: dt.date, counsellor_id: CounsellorId | None
) -> None:
    """Add a consent row when nothing was recorded yet or the answers changed (the latest row applies)."""
    given_on = parse_date(consent.given_on) if consent.given_on.strip() else today
    latest = client.consents[-1] if client.consents else None
    answers = (consent.store_data, consent.share_with_provider, consent.contact_follow_up)
    if latest is not None and (latest.store_data, latest.share_with_provider, latest.contact_follow_up) == answers:
        return
    client.consents.append(
        Consent(
            store_data=answers[0],
            share_with_provider=answers[1],
            contact_follow_up=answers[2],
            given_on=given_on,
            recorded_by_id=counsellor_id,
        )
    )


def _counsellor(actor: Actor | None) -> CounsellorId | None:
    return actor.id if actor is not None else None


def _all_clients(session: Session) -> tuple[ClientRecord, ...]:
    rows = session.scalars(
        select(Client).order_by(Client.last_activity_at.desc(), Client.id).options(*_client_loads())
    ).all()
    return tuple(_client_record(session, c) for c in rows)


#: What a counsellor sees and edits of a client: a conflict is a difference in one of these.
CONFLICT_FIELDS = (
    "first_name",
    "alias",
    "last_name",
    "birth_date",
    "gender",
    "phone",
    "email",
    "street",
    "postcode",
    "municipality",
    "languages",
    "dutch_level",
    "education_level",
    "foreign_diploma",
    "foreign_diploma_recognised",
    "target_groups",
    "detained",
    "prison_site_code",
    "expected_release_date",
    "employment",
    "vdab_registered",
    "vulnerabilities",
    "thresholds",
    "notes",
    "consent",
)


def _check_version(session: Session, row: Client, base: ClientRecord) -> None:
    """Refuse a save from ``base`` only when another desk really changed what the form shows.

    A newer version alone is no conflict: the counter also moves for changes the form does not show.
    The refusal names the fields; the log gets the client id and field names only (no client data).
    """
    if row.version == base.version:
        return
    current = _client_record(session, row)
    changed = [name for name in CONFLICT_FIELDS if getattr(current, name) != getattr(base, name)]
    if changed:
        log.info("conflict on client %s (version %s, form had %s): %s", base.id, row.version, base.version, changed)
        raise ConflictError("clients", base.id, changed)


def _site_codes(session: Session) -> dict[str, uuid.UUID]:
    return {code: site_id for code, site_id in session.execute(select(Site.code, Site.id))}


def _client_loads() -> tuple[ExecutableOption, ...]:
    return (
        selectinload(Client.target_groups),
        selectinload(Client.vulnerabilities),
        selectinload(Client.thresholds),
        selectinload(Client.consents),
    )


def _load_client(session: Session, client_id: uuid.UUID) -> Client:
    row = session.get(Client, client_id)
    if row is None:
        raise NotFoundError("client", str(client_id))
    return row


def _summary(r: Any) -> ClientSummary:
    return ClientSummary(
        ClientId(r.id),
        display_name(r.first_name, r.alias, r.last_name),
        r.birth_year,
        r.municipality,
        r.last_activity_at,
    )


def _client_record(session: Session, c: Client) -> ClientRecord:
    consent = None
    if c.consents:
        latest = c.consents[-1]
        consent = ConsentRecord(
            latest.store_data,
            latest.share_with_provider,
            latest.contact_follow_up,
            latest.given_on,
            str(latest.recorded_by_id) if latest.recorded_by_id else None,
            _counsellor_name(session, latest.recorded_by_id),
        )
    prison_code = ""
    if c.prison_site_id is not None:
        site = session.get(Site, c.prison_site_id)
        prison_code = site.code if site else ""
    return ClientRecord(
        id=ClientId(c.id),
        version=c.version,
        first_name=c.first_name,
        alias=c.alias,
        last_name=c.last_name,
        birth_date=c.birth_date,
        birth_year=c.birth_year,
        gender=c.gender,
        phone=c.phone,
        email=c.email,
        street=c.street,
        postcode=c.postcode,
        municipality=c.municipality,
        languages=c.languages,
        dutch_level=c.dutch_level,
        education_level=c.education_level,
        foreign_diploma=c.foreign_diploma,
        foreign_diploma_recognised=c.foreign_diploma_recognised,
        target_groups=tuple(sorted(t.code for t in c.target_groups)),
        detained=c.detained,
        prison_site_code=prison_code,
        expected_release_date=c.expected_release_date,
        employment=c.employment,
        vdab_registered=c.vdab_registered,
        vulnerabilities=tuple(sorted(v.code for v in c.vulnerabilities)),
        thresholds=tuple(sorted((ThresholdRecord(t.code, t.note) for t in c.thresholds), key=lambda t: t.code)),
        notes=c.notes,
        consent=consent,
        created_at=c.created_at,
        last_activity_at=c.last_activity_at,
    )


def _counsellor_name(session: Session, counsellor_id: uuid.UUID | None) -> str:
    """The display name of the account that recorded something ("" for none or an unknown account)."""
    if counsellor_id is None:
        return ""
    names: dict[uuid.UUID, str] = session.info.setdefault("counsellor_names", {})  # a listing asks once each
    if counsellor_id not in names:
        found = session.connection().execute(_COUNSELLOR_NAME, {"counsellor_id": counsellor_id}).scalar()
        names[counsellor_id] = found or ""
    return names[counsellor_id]


_COUNSELLOR_NAME = select(Counsellor.display_name).where(Counsellor.id == bindparam("counsellor_id"))


def _intake_record(i: Intake) -> IntakeRecord:
    return IntakeRecord(
        IntakeId(i.id),
        ClientId(i.client_id),
        SiteId(i.site_id) if i.site_id else None,
        i.held_on,
        i.channel,
        i.referred_by,
        i.notes,
        i.next_appointment_at,
    )


def _wish_record(w: LearningWish) -> WishRecord:
    return WishRecord(
        WishId(w.id),
        ClientId(w.client_id),
        IntakeId(w.intake_id) if w.intake_id else None,
        w.category,
        w.description,
        w.goal,
    )
